/** @jsxRuntime automatic @jsxImportSource react */
import type { Chart, Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { textWidth } from '../../report/text.js';
import { axisLabel, legendLines, type PlotCell, plotSeries } from '../chart.js';
import { paint, seriesColors, seriesMarkers, useTheme } from '../theme.js';

/** The props of `LossChart`. */
export type Props = {
  chart: Chart;
  lang: Lang;
  /** Total width in cells, axis labels included. */
  width: number;
  /** Rows of the plot itself (title, x axis and legend come on top). */
  height?: number;
};

/** Consecutive cells drawn by the same series, painted as one piece of text. */
function runs(row: PlotCell[]): { text: string; series: number | null }[] {
  const pieces: { text: string; series: number | null }[] = [];
  for (const cell of row) {
    const last = pieces[pieces.length - 1];
    if (last && last.series === cell.series) last.text += cell.char;
    else pieces.push({ text: cell.char, series: cell.series });
  }
  return pieces;
}

/** The x axis' first and last labels: the chart's own `x` values when it has them, else 1..length. */
export function xAxisEnds(chart: Chart, length: number): { first: string; last: string } {
  const x = chart.x;
  const label = (v: number) => (Number.isInteger(v) && Math.abs(v) < 1e7 ? String(v) : axisLabel(v));
  const at = (i: number) => (x && Number.isFinite(x[i]) ? label(x[i] as number) : String(i + 1));
  return { first: at(0), last: at(Math.max(0, length - 1)) };
}

/**
 * A terminal chart of a check's series (the loss curves of the student's training run): braille
 * lines in color, or one marker per series when colors are off; a legend when there are several,
 * above the plot and wrapped to the width (05 draws six optimizers' curves).
 */
export function LossChart({ chart, lang, width, height = 8 }: Props) {
  const theme = useTheme();
  const labelsProbe = plotSeries(
    chart.series.map((s) => s.values),
    { width: 1, height: 1, mode: 'markers' },
  );
  const top = axisLabel(labelsProbe.max);
  const bottom = axisLabel(labelsProbe.min);
  const labelWidth = Math.max(top.length, bottom.length);
  // The x axis' name goes after its last label: the plot leaves room for it.
  const xLabel = chart.xLabel ? ` ${chart.xLabel[lang]}` : '';
  const plotWidth = Math.max(10, width - labelWidth - 2 - textWidth(xLabel));
  const plot = plotSeries(
    chart.series.map((s) => s.values),
    { width: plotWidth, height, mode: theme.color ? 'braille' : 'markers', markers: seriesMarkers },
  );
  const ends = xAxisEnds(chart, plot.length);
  const colorOf = (series: number | null) =>
    series === null ? undefined : paint(theme, seriesColors[series % seriesColors.length] as string);
  // One key per series: a colored line, or (colors off) the marker the plot draws it with.
  const keyOf = (i: number) => (theme.color ? '━━' : (seriesMarkers[i % seriesMarkers.length] as string));
  const legend =
    chart.series.length > 1
      ? legendLines(
          chart.series.map((s) => s.name),
          keyOf,
          width - labelWidth - 2,
        )
      : [];
  return (
    <Box flexDirection="column">
      <Text bold>{chart.title[lang]}</Text>
      {/* The legend comes first: under the plot, a tall check's last rows are cut by the screen. */}
      {legend.map((line, y) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positions on the screen.
        <Text key={y}>
          {' '.repeat(labelWidth + 2)}
          {line.map((entry, i) => (
            <Text key={entry.series}>
              {i > 0 ? '  ' : ''}
              <Text color={colorOf(entry.series)}>{entry.text}</Text>
            </Text>
          ))}
        </Text>
      ))}
      {plot.grid.map((row, y) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions on the screen.
        <Text key={y}>
          {(y === 0 ? top : y === height - 1 ? bottom : '').padStart(labelWidth)} ┤
          {runs(row).map((piece, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positions on the row.
            <Text key={i} color={colorOf(piece.series)}>
              {piece.text}
            </Text>
          ))}
        </Text>
      ))}
      <Text>
        {' '.repeat(labelWidth)} └{'─'.repeat(plotWidth)}
      </Text>
      <Text>
        {' '.repeat(labelWidth + 2)}
        {ends.first}
        {ends.last.padStart(Math.max(ends.last.length + 1, plotWidth - ends.first.length))}
        {xLabel}
      </Text>
    </Box>
  );
}
