/**
 * The UI's state in React: the reducer of `state.ts` plus the effects that feed it — the first full
 * grading, regrading on save (watch mode), `r`, and remembering revealed hints. Components only read
 * `state` and call these functions; none of them grades or touches files.
 */
import type { Lang } from '@gradschool/exercise-kit';
import { type Dispatch, useCallback, useEffect, useReducer, useRef } from 'react';
import type { GradeProgress, GraderSession } from './session.js';
import { initialState, reduce, type UiAction, type UiState } from './state.js';

/** What `useGraderUi` gives the components. */
export interface GraderUi {
  state: UiState;
  dispatch: Dispatch<UiAction>;
  /** Grades every exercise again (aborting runs in progress). */
  regradeAll(): void;
}

const ALL = '*';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Holds the UI state for `session`, grades everything once on mount, and (when `watch`) regrades an
 * exercise each time one of its files is saved.
 */
export function useGraderUi(session: GraderSession, lang: Lang, watch: boolean): GraderUi {
  const [state, dispatch] = useReducer(reduce, undefined, () =>
    initialState(session.exercises, lang, session.loadHints(), session.notices, session.notSelected),
  );
  // One controller per run: ALL for a full grading, else the exercise id.
  const runs = useRef(new Map<string, AbortController>());
  // Saves that arrived during a full grading, regraded once it ends.
  const queued = useRef(new Set<string>());

  const start = useCallback(
    (
      key: string,
      ids: string[],
      run: (progress: (e: GradeProgress) => void, signal: AbortSignal) => Promise<void>,
    ) => {
      const controller = new AbortController();
      runs.current.set(key, controller);
      const { signal } = controller;
      dispatch({ type: 'grading-started', ids });
      const progress = (event: GradeProgress) => {
        if (!signal.aborted) dispatch({ type: 'progress', event, at: Date.now() });
      };
      return run(progress, signal)
        .then(
          () => {
            if (!signal.aborted) dispatch({ type: 'grading-finished', ids });
          },
          (error: unknown) => {
            if (!signal.aborted) dispatch({ type: 'grading-failed', message: describe(error) });
          },
        )
        .finally(() => {
          if (runs.current.get(key) === controller) runs.current.delete(key);
        });
    },
    [],
  );

  const gradeOne = useCallback(
    (id: string) => {
      if (runs.current.has(ALL)) {
        queued.current.add(id);
        return;
      }
      // A newer save makes a grading of the older file pointless.
      runs.current.get(id)?.abort();
      void start(id, [id], (progress, signal) => session.gradeOne(id, progress, signal));
    },
    [session, start],
  );

  const regradeAll = useCallback(() => {
    for (const controller of runs.current.values()) controller.abort();
    runs.current.clear();
    queued.current.clear();
    const ids = session.exercises.map((ex) => ex.id);
    void start(ALL, ids, (progress, signal) => session.gradeAll(progress, signal)).then(() => {
      const waiting = [...queued.current];
      queued.current.clear();
      for (const id of waiting) gradeOne(id);
    });
  }, [session, start, gradeOne]);

  useEffect(() => {
    let live = true;
    // The course's total, known before the first result (a failure only leaves it to the results).
    session.maxScores?.().then(
      (maxScores) => live && dispatch({ type: 'max-scores', maxScores }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session]);

  useEffect(() => {
    regradeAll();
    const stop =
      watch && session.watch
        ? session.watch(gradeOne, (notice) => dispatch({ type: 'notice', notice }))
        : undefined;
    return () => {
      stop?.();
      for (const controller of runs.current.values()) controller.abort();
    };
  }, [session, watch, regradeAll, gradeOne]);

  const firstHints = useRef(state.hintsShown);
  useEffect(() => {
    if (state.hintsShown !== firstHints.current) session.saveHints(state.hintsShown);
  }, [session, state.hintsShown]);

  return { state, dispatch, regradeAll };
}
