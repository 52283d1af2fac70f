/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';
import { hiddenTotals } from '../../core/score.js';
import { t } from '../../i18n/index.js';
import { allPassed, nextToDo, totals, type UiState } from '../state.js';
import { paint, useTheme } from '../theme.js';
import { CheckSummary } from './CheckSummary.js';
import { ExerciseRow } from './ExerciseRow.js';
import { FinishBanner } from './FinishBanner.js';
import { HintPanel } from './HintPanel.js';
import { RunningCheck } from './RunningCheck.js';

/** The props of `Overview`. */
export type Props = {
  state: UiState;
  /** Rows available for this screen. */
  height: number;
  /** Columns available. */
  width: number;
};

/** The first row to show so that `selected` stays in a window of `size` rows. */
function windowStart(selected: number, count: number, size: number): number {
  if (count <= size) return 0;
  return Math.max(0, Math.min(selected - Math.floor(size / 2), count - size));
}

/** Every exercise with its status and points; below, the selected one's problem and hints, or the ending. */
export function Overview({ state, height, width }: Props) {
  const theme = useTheme();
  const { exercises, lang, selected } = state;
  const notices = state.notices.map((notice) => (
    <Text key={notice.en} color={paint(theme, 'red')} wrap="truncate-end">
      ! {notice[lang]}
    </Text>
  ));
  if (exercises.length === 0) {
    return (
      <Box flexDirection="column">
        {notices}
        <Text>{t('ui.noExercises', lang)}</Text>
      </Box>
    );
  }
  const next = nextToDo(state);
  // The total leaves out the hidden checks a local run does not grade: one line says how many.
  const { pending } = hiddenTotals(exercises.flatMap((ex) => state.results[ex.id] ?? []));
  const hiddenRows = pending.checks > 0 ? 1 : 0;
  const size = Math.min(exercises.length, Math.max(1, height - 4 - notices.length - hiddenRows));
  const start = windowStart(selected, exercises.length, size);
  const current = exercises[selected];
  const running = current !== undefined && current.id in state.running;
  // The last run's summary would look current while the exercise is regraded: it waits.
  const result = current && !running ? state.results[current.id] : undefined;
  const done = allPassed(state);
  const { score, maxScore } = totals(state);
  return (
    <Box flexDirection="column">
      {notices}
      {exercises.slice(start, start + size).map((exercise, i) => (
        <ExerciseRow
          key={exercise.id}
          exercise={exercise}
          result={state.results[exercise.id]}
          running={exercise.id in state.running}
          waiting={state.waiting.includes(exercise.id)}
          selected={start + i === selected}
          isNext={start + i === next && !state.firstRun}
          lang={lang}
          width={width}
        />
      ))}
      {pending.checks > 0 ? (
        <Text color={paint(theme, 'gray')} wrap="truncate-end">
          🔒 {t('report.hiddenPending', lang, { checks: pending.checks, points: pending.points })}
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {state.failure ? (
          <Text color={paint(theme, 'red')}>{t('ui.failure', lang, { message: state.failure })}</Text>
        ) : null}
        {done ? (
          <FinishBanner score={score} maxScore={maxScore} lang={lang} notSelected={state.notSelected} />
        ) : current ? (
          <>
            {running ? <RunningCheck check={state.current[current.id]} lang={lang} /> : null}
            {result?.problem ? (
              <Text color={paint(theme, 'red')} wrap="truncate-end">
                ! {result.problem.message[lang]}
              </Text>
            ) : null}
            {result && !result.problem && result.checks.length > 0 ? (
              <CheckSummary result={result} lang={lang} />
            ) : null}
            <HintPanel
              exercise={current}
              shown={state.hintsShown[current.id] ?? 0}
              lang={lang}
              passed={state.results[current.id]?.status === 'pass'}
              exhausted={state.hintsExhausted === current.id}
              // What the rows, the blank line and the checks' summary (two lines) leave.
              maxLines={height - notices.length - size - 3}
              width={width}
            />
          </>
        ) : null}
      </Box>
    </Box>
  );
}
