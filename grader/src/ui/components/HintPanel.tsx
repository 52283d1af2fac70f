/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { t } from '../../i18n/index.js';
import { textWidth, wrapToWidth } from '../../report/text.js';
import type { ExerciseInfo } from '../session.js';
import { paint, useTheme } from '../theme.js';

/** The props of `HintPanel`. */
export type Props = {
  exercise: ExerciseInfo;
  /** How many hints were revealed. */
  shown: number;
  /** The exercise passes: no need to offer hints, only to keep those already read. */
  passed?: boolean;
  /** Only the latest revealed hint (where room is short, as on the details screen). */
  latestOnly?: boolean;
  /** `h` was pressed with every hint shown: say so, and what else helps. */
  exhausted?: boolean;
  /**
   * Rows the panel may take: the latest hints that fit (always the latest one), so the newest is not
   * the one cut off at the bottom of a short terminal. Absent: no limit.
   */
  maxLines?: number;
  /** Columns available: hints are wrapped to it, under their label. */
  width: number;
  lang: Lang;
};

/** The hints revealed so far for one exercise, and how many remain behind `h`. */
export function HintPanel({
  exercise,
  shown,
  lang,
  passed = false,
  latestOnly = false,
  exhausted = false,
  maxLines = Number.POSITIVE_INFINITY,
  width,
}: Props) {
  const theme = useTheme();
  const total = exercise.hints.length;
  if (total === 0 || (passed && shown === 0)) return null;
  const labelWidth = (n: number) => textWidth(`💡 ${t('ui.hints.title', lang, { n, total })} `);
  const linesOf = (i: number) =>
    wrapToWidth(
      (exercise.hints[i] as (typeof exercise.hints)[number])[lang],
      Math.max(10, width - labelWidth(i + 1)),
    ).length;
  // From the latest hint back, as many as fit in maxLines (one row kept for the prompt below).
  let first = Math.max(0, shown - 1);
  let used = shown > 0 ? linesOf(first) : 0;
  while (!latestOnly && first > 0 && used + linesOf(first - 1) + 1 <= maxLines) {
    first--;
    used += linesOf(first);
  }
  const visible = exercise.hints.slice(first, shown);
  const prompt = exhausted
    ? t('ui.hints.exhausted', lang, {
        total,
        readme: exercise.readmeSection?.[lang] ?? exercise.readmeShown,
        id: String(exercise.order).padStart(2, '0'),
      })
    : passed
      ? ''
      : shown === 0
        ? t('ui.hints.none', lang, { total })
        : shown < total
          ? t('ui.hints.more', lang, { left: total - shown })
          : '';
  return (
    <Box flexDirection="column">
      {visible.map((hint, i) => {
        const label = `💡 ${t('ui.hints.title', lang, { n: first + i + 1, total })} `;
        const labelWidth = textWidth(label);
        return (
          <Box key={hint.en}>
            <Box width={labelWidth} flexShrink={0}>
              <Text bold color={paint(theme, 'yellow')}>
                {label}
              </Text>
            </Box>
            <Box flexDirection="column">
              {wrapToWidth(hint[lang], Math.max(10, width - labelWidth)).map((line, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
                <Text key={n}>{line}</Text>
              ))}
            </Box>
          </Box>
        );
      })}
      {prompt ? (
        <Text color={paint(theme, exhausted ? 'yellow' : 'gray')} wrap="wrap">
          {prompt}
        </Text>
      ) : null}
    </Box>
  );
}
