/**
 * Grading that stays open for regrades on save: what `pnpm grade --watch`, the UI and the watch
 * benchmark share. It owns the pre-started sandbox children (`sandbox/warm.ts`, one per lane) and
 * the settings of a regrade: its checks split over `REGRADE_LANES` children, and its result returned
 * before those children finish exiting (nothing here writes a report; whatever does waits for
 * `allChildrenExited()` first). Nothing else outside `sandbox/` starts warm children.
 */
import { WarmSandboxes } from '../sandbox/warm.js';
import type { LoadedExercise } from './discover.js';
import { REGRADE_LANES } from './lanes.js';
import type { RunOptions } from './options.js';
import { grade, gradeExercise } from './run.js';
import type { ExerciseResult, GradeReport } from './types.js';

/** The run's settings, as for `grade()`, minus what the regrader decides itself. */
export interface RegraderOptions
  extends Omit<RunOptions, 'warm' | 'lanes' | 'waitForExit' | 'signal' | 'onEvent'> {
  /**
   * Keep sandbox children started ahead for the next grading (default true). Off when nothing will
   * be regraded (the UI grading the solutions): then each grading starts its own, as `grade()` does.
   */
  prestart?: boolean;
}

/** What one grading call may add: a way to cancel it and its progress events (the UI's). */
export type GradingCall = Pick<RunOptions, 'signal' | 'onEvent'>;

/** An open grader for watch mode and the UI. */
export interface Regrader {
  /** Grades every selected exercise (the first grading; `r` in the UI), with the waiting children. */
  gradeAll(call?: GradingCall): Promise<GradeReport>;
  /** Regrades one exercise after a save: on `REGRADE_LANES` children, shown before they exit. */
  regrade(exercise: LoadedExercise, call?: GradingCall): Promise<ExerciseResult>;
  /** Ends the waiting children; call it once watching stops. */
  close(): void;
}

/**
 * Opens a grader that keeps sandbox children waiting for the next regrade.
 *
 * @example
 * ```ts
 * const regrader = openRegrader({ root, seed: 12345, lang: 'en', source: 'src' });
 * const report = await regrader.gradeAll();
 * const result = await regrader.regrade(exercise); // after a save
 * regrader.close();
 * ```
 */
export function openRegrader(options: RegraderOptions): Regrader {
  const { prestart = true, ...run } = options;
  const warm = prestart ? new WarmSandboxes(REGRADE_LANES) : undefined;
  const base: RunOptions = { ...run, ...(warm ? { warm } : {}) };
  return {
    gradeAll: (call = {}) => grade({ ...base, ...call }),
    regrade: (exercise, call = {}) =>
      gradeExercise(exercise, { ...base, ...call, lanes: REGRADE_LANES, waitForExit: false }),
    close: () => warm?.close(),
  };
}
