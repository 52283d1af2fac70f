/**
 * Plots series (loss curves) on a grid of terminal cells: braille dots (2×4 per cell) when colors
 * tell the series apart, one marker per cell (● × + ...) when they cannot. Pure: the `LossChart`
 * component only paints the grid.
 */
import { fitWidth, textWidth } from '../report/text.js';

/** One terminal cell: its character and the series that drew it last (null: empty). */
export interface PlotCell {
  char: string;
  series: number | null;
}

/** A plotted grid and the ranges it covers (for the axis labels). */
export interface Plot {
  /** `height` rows of `width` cells, top row first. */
  grid: PlotCell[][];
  /** The value range on the y axis (finite values only). */
  min: number;
  max: number;
  /** The longest series' length (the x axis runs 1..length). */
  length: number;
}

/** The grid's size in cells and how to draw on it. */
export interface PlotOptions {
  width: number;
  height: number;
  /** `braille` for smooth lines, `markers` to tell series apart without colors. */
  mode: 'braille' | 'markers';
  /** One marker per series, for `markers` mode. */
  markers?: readonly string[];
}

// Braille dot bits by [x][y] inside a 2-wide, 4-tall cell (Unicode's dot numbering).
const BRAILLE_BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

function valueRange(series: readonly (readonly number[])[]): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const values of series) {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (min > max) return { min: 0, max: 0 };
  return { min, max };
}

/** Scales value `v` to a pixel row in [0, pixels-1], 0 at the top. A flat range sits in the middle. */
function toRow(v: number, min: number, max: number, pixels: number): number {
  if (max === min) return Math.floor((pixels - 1) / 2);
  return Math.round(((max - v) / (max - min)) * (pixels - 1));
}

/** Points of the segment from (x0,y0) to (x1,y1), both ends included, with no gaps. */
function segment(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
  const points: [number, number][] = [];
  for (let s = 0; s <= steps; s++) {
    points.push([Math.round(x0 + ((x1 - x0) * s) / steps), Math.round(y0 + ((y1 - y0) * s) / steps)]);
  }
  return points;
}

/** The pixels of one series drawn as a connected line; non-finite values break the line. */
function linePixels(values: readonly number[], pixelsX: number, pixelsY: number, min: number, max: number) {
  const pixels: [number, number][] = [];
  let previous: [number, number] | null = null;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      previous = null;
      continue;
    }
    const point: [number, number] = [
      n === 1 ? 0 : Math.round((i * (pixelsX - 1)) / (n - 1)),
      toRow(v, min, max, pixelsY),
    ];
    pixels.push(...(previous ? segment(previous[0], previous[1], point[0], point[1]) : [point]));
    previous = point;
  }
  return pixels;
}

/**
 * Plots `series` on a `width`×`height` grid of cells.
 *
 * @example
 * ```ts
 * const { grid } = plotSeries([[1, 0.5, 0.25]], { width: 20, height: 5, mode: 'braille' });
 * grid.map((row) => row.map((c) => c.char).join('')).join('\n');
 * ```
 */
export function plotSeries(series: readonly (readonly number[])[], options: PlotOptions): Plot {
  const { width, height, mode } = options;
  const { min, max } = valueRange(series);
  const length = Math.max(0, ...series.map((s) => s.length));
  const grid: PlotCell[][] = Array.from({ length: height }, () =>
    Array.from({ length: width }, () => ({ char: ' ', series: null })),
  );
  const bits: number[][] = Array.from({ length: height }, () => new Array<number>(width).fill(0));
  const subX = mode === 'braille' ? 2 : 1;
  const subY = mode === 'braille' ? 4 : 1;
  series.forEach((values, index) => {
    for (const [px, py] of linePixels(values, width * subX, height * subY, min, max)) {
      const cx = Math.floor(px / subX);
      const cy = Math.floor(py / subY);
      const cell = grid[cy]?.[cx];
      if (!cell) continue;
      if (mode === 'braille') {
        const row = bits[cy] as number[];
        row[cx] = (row[cx] as number) | (BRAILLE_BITS[px % 2]?.[py % 4] ?? 0);
        cell.char = String.fromCodePoint(0x2800 + (row[cx] as number));
      } else {
        cell.char = options.markers?.[index % options.markers.length] ?? '•';
      }
      cell.series = index;
    }
  });
  return { grid, min, max, length };
}

/** A short label for an axis value: 3 significant digits, no trailing zeros. */
export function axisLabel(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

/** One entry of a chart's legend: the series' index (its color) and its text (`━━ adam`, `× adam`). */
export interface LegendEntry {
  series: number;
  text: string;
}

/**
 * A legend's entries packed into lines of at most `width` columns, two spaces apart, in series order.
 * An entry wider than a line is cut with `…` (the series' key is always kept).
 *
 * @example
 * ```ts
 * legendLines(['SGD', 'Adam'], () => '━━', 40); // [[{ series: 0, text: '━━ SGD' }, { series: 1, text: '━━ Adam' }]]
 * ```
 */
export function legendLines(
  names: readonly string[],
  keyOf: (series: number) => string,
  width: number,
): LegendEntry[][] {
  const GAP = 2;
  const lines: LegendEntry[][] = [];
  let used = 0;
  names.forEach((name, series) => {
    const text = fitWidth(`${keyOf(series)} ${name}`, Math.max(1, width));
    const current = lines[lines.length - 1];
    if (current && used + GAP + textWidth(text) <= width) {
      current.push({ series, text });
      used += GAP + textWidth(text);
    } else {
      lines.push([{ series, text }]);
      used = textWidth(text);
    }
  });
  return lines;
}
