/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import type { CheckResult } from '../../core/types.js';
import { t } from '../../i18n/index.js';
import { fitWidth, textWidth, wrapToWidth } from '../../report/text.js';
import { paint, useTheme } from '../theme.js';
import { LossChart } from './LossChart.js';
import { PicturesView } from './PicturesView.js';
import { StatusSymbol } from './StatusSymbol.js';
import { TableView } from './TableView.js';

/** The props of `CheckItem`. */
export type Props = {
  check: CheckResult;
  lang: Lang;
  /** Width available, for the title and the chart. */
  columns: number;
  /** Only the title line (when the exercise's problem already says why nothing ran). */
  compact?: boolean;
  /** The title of the check named by `check.skippedBecause` (its id, when not found). */
  skippedTitle?: string;
};

/** Lines of captured output shown at most; the rest is summarized. */
const OUTPUT_LINES = 6;

/**
 * What the student's code printed, made safe to draw: its escape sequences (colors, cursor moves,
 * links) and control characters are dropped, so it cannot repaint or garble the screen.
 */
function clipOutput(output: string): string[] {
  const plain = output
    .replace(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '')
    .replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  const lines = plain.replace(/\s+$/, '').split('\n');
  if (lines.length <= OUTPUT_LINES) return lines;
  return [...lines.slice(0, OUTPUT_LINES), `… (+${lines.length - OUTPUT_LINES})`];
}

/** One check on the details screen: status, title, points and time; for a non-pass the why. */
export function CheckItem({ check, lang, columns, compact = false, skippedTitle }: Props) {
  const theme = useTheme();
  const passed = check.status === 'pass';
  const facts = ` ${t('ui.points', lang, { score: check.score, max: check.maxScore })} · ${Math.round(check.durationMs)}ms`;
  // The symbol and its space take 2 cells; the title gets what the points and time leave.
  const title = fitWidth(check.title[lang], columns - 2 - textWidth(facts));
  return (
    <Box flexDirection="column" marginBottom={compact ? 0 : 1}>
      <Box>
        <StatusSymbol status={check.status} />
        <Box flexGrow={1} flexShrink={1} marginLeft={1}>
          <Text bold wrap="truncate-end">
            {title}
          </Text>
        </Box>
        <Box flexShrink={0}>
          <Text color={paint(theme, 'gray')}>{facts}</Text>
        </Box>
      </Box>
      <Box flexDirection="column" marginLeft={2} display={compact ? 'none' : 'flex'}>
        {wrapToWidth(check.message[lang], Math.max(10, columns - 2)).map((line, i) =>
          line ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
            <Text key={i} color={passed ? paint(theme, 'gray') : undefined}>
              {line}
            </Text>
          ) : null,
        )}
        {check.skippedBecause ? (
          <Text color={paint(theme, 'gray')}>
            {t('ui.details.skipped', lang, { check: skippedTitle ?? check.skippedBecause })}
          </Text>
        ) : null}
        {!passed && check.expected !== undefined ? (
          <Text>
            <Text color={paint(theme, 'green')}>{t('ui.details.expected', lang)}:</Text> {check.expected}
          </Text>
        ) : null}
        {!passed && check.got !== undefined ? (
          <Text>
            <Text color={paint(theme, 'red')}>{t('ui.details.got', lang)}:</Text> {check.got}
          </Text>
        ) : null}
        {check.output ? (
          <Box flexDirection="column">
            <Text color={paint(theme, 'gray')}>{t('ui.details.output', lang)}:</Text>
            {clipOutput(check.output).map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
              <Text key={i} color={paint(theme, 'gray')} wrap="truncate-end">
                │ {line}
              </Text>
            ))}
          </Box>
        ) : null}
        {check.table ? <TableView table={check.table} width={columns - 2} /> : null}
        {check.pictures || check.picturesDropped ? (
          <PicturesView
            pictures={check.pictures ?? []}
            dropped={check.picturesDropped}
            lang={lang}
            width={columns - 2}
          />
        ) : null}
        {check.chart ? <LossChart chart={check.chart} lang={lang} width={Math.min(columns - 4, 72)} /> : null}
      </Box>
    </Box>
  );
}
