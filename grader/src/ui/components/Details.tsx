/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';
import { t } from '../../i18n/index.js';
import { fitWidth, textWidth } from '../../report/text.js';
import { fileLink } from '../hyperlink.js';
import { selectedExercise, type UiState } from '../state.js';
import { paint, statusColor, useTheme } from '../theme.js';
import { CheckItem } from './CheckItem.js';
import { shownStatus } from './ExerciseRow.js';
import { HintPanel } from './HintPanel.js';
import { ProblemFrame } from './ProblemFrame.js';
import { RunningCheck } from './RunningCheck.js';
import { StatusSymbol } from './StatusSymbol.js';

/** The props of `Details`. */
export type Props = {
  state: UiState;
  columns: number;
  /** Print the student's file as a clickable terminal link (OSC 8). */
  links: boolean;
};

/**
 * One exercise in full: its file and README, why it could not run (if so), its hints, and each check
 * from `state.detailsTop` on (the screen's height clips the rest; j/k scroll by one check).
 */
export function Details({ state, columns, links }: Props) {
  const theme = useTheme();
  const { lang } = state;
  const exercise = selectedExercise(state);
  if (!exercise) return null;
  const result = state.results[exercise.id];
  const inProgress = state.running[exercise.id];
  const status = shownStatus(result, inProgress !== undefined);
  // While regrading, the checks finished in this run replace the old ones as they come in.
  const checks = inProgress && inProgress.length > 0 ? inProgress : (result?.checks ?? []);
  // A regrade can bring fewer checks than the scroll position assumed.
  const top = Math.min(state.detailsTop, Math.max(0, checks.length - 1));
  const label = ` ${t(`ui.status.${status}`, lang)}`;
  const points =
    result && !inProgress ? ` ${t('ui.points', lang, { score: result.score, max: result.maxScore })}` : '';
  // "✓ 03 " takes 5 cells; the title gets what the status and points leave.
  const title = fitWidth(exercise.title[lang], columns - 5 - textWidth(label + points));
  return (
    <Box flexDirection="column">
      <Box>
        <StatusSymbol status={status} />
        <Text bold>
          {' '}
          {String(exercise.order).padStart(2, '0')} {title}
        </Text>
        <Text color={paint(theme, statusColor[status])}>{label}</Text>
        <Text>{points}</Text>
      </Box>
      <Text>
        <Text color={paint(theme, 'gray')}>{t('ui.details.file', lang)}: </Text>
        <Text underline={links}>{fileLink(exercise.studentFileShown, exercise.studentFile, links)}</Text>
      </Text>
      <Text>
        <Text color={paint(theme, 'gray')}>{t('ui.details.readme', lang)}: </Text>
        <Text underline={links}>{fileLink(exercise.readmeShown, exercise.readme, links)}</Text>
      </Text>
      <HintPanel
        exercise={exercise}
        shown={state.hintsShown[exercise.id] ?? 0}
        lang={lang}
        passed={result?.status === 'pass'}
        exhausted={state.hintsExhausted === exercise.id}
        latestOnly
        width={columns}
      />
      {result?.problem && !inProgress ? <ProblemFrame problem={result.problem} lang={lang} /> : null}
      {inProgress ? <RunningCheck check={state.current[exercise.id]} lang={lang} /> : null}
      {!result && !inProgress ? <Text>{t('ui.details.notGraded', lang)}</Text> : null}
      {checks.length > 1 ? (
        <Text color={paint(theme, 'gray')}>
          {t('ui.details.scroll', lang, {
            first: top + 1,
            total: checks.length,
          })}
        </Text>
      ) : null}
      <Box flexDirection="column" marginTop={1}>
        {checks.slice(top).map((check) => (
          <CheckItem
            skippedTitle={checks.find((c) => c.id === check.skippedBecause)?.title[lang]}
            key={check.id}
            check={check}
            lang={lang}
            columns={columns}
            compact={Boolean(result?.problem) && !inProgress}
          />
        ))}
      </Box>
    </Box>
  );
}
