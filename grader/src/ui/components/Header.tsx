/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { percent as percentOf } from '../../core/score.js';
import { t } from '../../i18n/index.js';
import { paint, useTheme } from '../theme.js';
import { ProgressBar } from './ProgressBar.js';
import { Spinner } from './Spinner.js';

/** The props of `Header`. */
export type Props = {
  lang: Lang;
  score: number;
  /** The course's points in all; null while not every exercise's points are known yet. */
  maxScore: number | null;
  /** Something is being graded now. */
  busy: boolean;
  /**
   * A regrade is running, so the total still counts the last run's results of what is being graded
   * (during the first grading the score only grows, out of the course's whole total).
   */
  stale?: boolean;
  /** Watch mode is on. */
  watching: boolean;
  columns: number;
};

/** The top line: the title, the overall progress bar and score, and what the grader is doing. */
export function Header({ lang, score, maxScore, busy, stale = false, watching, columns }: Props) {
  const theme = useTheme();
  const barWidth = Math.max(10, Math.min(30, columns - 60));
  // Until every exercise's points are known, the total is "…": a partial maximum would be wrong.
  const shownMax = maxScore ?? '…';
  const total = stale ? (
    // While regrading, the total still counts the last run's results: say so, not as current.
    <Text color={paint(theme, 'gray')}>{t('ui.pointsStale', lang, { score, max: shownMax })}</Text>
  ) : maxScore === null ? (
    <Text color={paint(theme, 'gray')}>{t('ui.points', lang, { score, max: shownMax })}</Text>
  ) : maxScore > 0 ? (
    <Text bold>
      {t('ui.points', lang, { score, max: maxScore })} ({percentOf(score, maxScore)}%)
    </Text>
  ) : null;
  return (
    <Box justifyContent="space-between" width={columns}>
      <Box gap={1}>
        <Text bold color={paint(theme, 'cyan')}>
          {t('ui.title', lang)}
        </Text>
        <ProgressBar ratio={maxScore ? score / maxScore : 0} width={barWidth} />
        {total}
      </Box>
      {busy ? (
        <Spinner label={t('ui.grading', lang)} />
      ) : watching ? (
        // Narrow terminals keep only the symbol: the score matters more.
        <Text color={paint(theme, 'gray')}>⟳{columns >= 72 ? ` ${t('ui.watching', lang)}` : ''}</Text>
      ) : null}
    </Box>
  );
}
