/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Spacer, Text } from 'ink';
import type { ExerciseResult } from '../../core/types.js';
import { t } from '../../i18n/index.js';
import { fitWidth, textWidth } from '../../report/text.js';
import type { ExerciseInfo } from '../session.js';
import { paint, type ShownStatus, statusColor, useTheme } from '../theme.js';
import { StatusSymbol } from './StatusSymbol.js';

/** The props of `ExerciseRow`. */
export type Props = {
  exercise: ExerciseInfo;
  result: ExerciseResult | undefined;
  running: boolean;
  /** Queued in a grading that has not reached it yet. */
  waiting?: boolean;
  selected: boolean;
  /** This is the exercise to do next (marked as such). */
  isNext: boolean;
  lang: Lang;
  /** The row's width in cells (the title is cut to what is left). */
  width: number;
};

/** The status an exercise shows: running or waiting beat its last result; no result yet is `pending`. */
export function shownStatus(
  result: ExerciseResult | undefined,
  running: boolean,
  waiting = false,
): ShownStatus {
  if (running) return 'running';
  if (waiting) return 'pending';
  return result?.status ?? 'pending';
}

/** One line of the overview: `› ✓ 01 Perceptron ...... 10/10 pts  passed`. */
export function ExerciseRow({
  exercise,
  result,
  running,
  waiting = false,
  selected,
  isNext,
  lang,
  width,
}: Props) {
  const theme = useTheme();
  const status = shownStatus(result, running, waiting);
  // While it runs, the last run's points would look current: they are left out until it is done.
  const points =
    result && !running ? t('ui.points', lang, { score: result.score, max: result.maxScore }) : '';
  const marker = isNext ? ` ← ${t('ui.next', lang)}` : '';
  // Fixed parts: "› ✓ 01 " (7), the points (12), the status (1 + 12).
  const title = fitWidth(exercise.title[lang], width - 7 - 25 - textWidth(marker));
  return (
    <Box>
      <Box flexShrink={0}>
        <Text bold={selected} color={paint(theme, 'cyan')}>
          {selected ? '› ' : '  '}
        </Text>
        <StatusSymbol status={status} />
        <Text bold={selected}> {String(exercise.order).padStart(2, '0')} </Text>
      </Box>
      <Box flexShrink={1} minWidth={8}>
        <Text bold={selected} inverse={selected} wrap="truncate-end">
          {title}
        </Text>
      </Box>
      {isNext ? (
        <Box flexShrink={0}>
          <Text color={paint(theme, 'yellow')}>{marker}</Text>
        </Box>
      ) : null}
      <Spacer />
      <Box width={12} justifyContent="flex-end" flexShrink={0}>
        <Text>{points}</Text>
      </Box>
      <Box width={12} flexShrink={0} marginLeft={1}>
        <Text color={paint(theme, statusColor[status])} wrap="truncate-end">
          {t(`ui.status.${status}`, lang)}
        </Text>
      </Box>
    </Box>
  );
}
