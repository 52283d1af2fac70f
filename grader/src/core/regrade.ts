/**
 * Grading that stays open for regrades on save: what `pnpm grade --watch`, the UI and the watch
 * benchmark share. It owns the pre-started sandbox children (`sandbox/warm.ts`, one per lane) and
 * the settings of a regrade: its checks split over `REGRADE_LANES` children, and its result returned
 * before those children finish exiting (nothing here writes a report; whatever does waits for
 * `allChildrenExited()` first). Nothing else outside `sandbox/` starts warm children.
 */
import { WarmSandboxes } from '../sandbox/warm.js';
import type { LoadedExercise } from './discover.js';
import { statusOf } from './grade-exercise.js';
import { REGRADE_LANES } from './lanes.js';
import type { RunOptions } from './options.js';
import { grade, gradeExercise } from './run.js';
import { sumScores } from './score.js';
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
  /**
   * Regrades one exercise after a save: on `REGRADE_LANES` children, shown before they exit. The
   * seed-dependent checks (`Check.seeds`) run with the run's seed only, so the result shows at once;
   * when `awaitsExtraSeeds(result)`, `confirm` grades them with their extra seeds afterwards.
   */
  regrade(exercise: LoadedExercise, call?: GradingCall): Promise<ExerciseResult>;
  /**
   * The follow-up of a `regrade` whose result `quick` `awaitsExtraSeeds`: the seed-dependent checks
   * that passed run with their extra seeds only, and `quick` is returned with their outcomes folded
   * in (what `pnpm grade` would have said). On a child of its own, so the waiting ones stay ready for
   * the next save; cancel it (`call.signal`) when a newer save makes it pointless.
   */
  confirm(exercise: LoadedExercise, quick: ExerciseResult, call?: GradingCall): Promise<ExerciseResult>;
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
      gradeExercise(exercise, {
        ...base,
        ...call,
        lanes: REGRADE_LANES,
        waitForExit: false,
        extraSeeds: false,
      }),
    confirm: async (exercise, quick, call = {}) => {
      const pending = quick.checks.filter((c) => c.status === 'pass' && c.seeds?.length === 1);
      const extra = await gradeExercise(exercise, {
        ...run,
        ...call,
        lanes: 1,
        waitForExit: false,
        extraSeedsOnly: pending.map((c) => c.id),
      });
      return call.signal?.aborted ? quick : withExtraSeeds(quick, extra);
    },
    close: () => warm?.close(),
  };
}

/**
 * True when a quick regrade's result leaves extra seeds to run: a seed-dependent check passed with
 * the run's seed alone (`Regrader.regrade` skips the rest). A failing one is decided already.
 */
export function awaitsExtraSeeds(result: ExerciseResult): boolean {
  return result.checks.some((check) => check.status === 'pass' && check.seeds?.length === 1);
}

/**
 * `quick` with the outcomes of its seed-dependent checks' extra seeds (`extra`, a grading with
 * `extraSeedsOnly`): a check that passed them all keeps its result and lists every seed; one that
 * failed one takes that seed's verdict. An `extra` that could not run (cancelled, the file gone
 * meanwhile) changes nothing.
 */
export function withExtraSeeds(quick: ExerciseResult, extra: ExerciseResult): ExerciseResult {
  if (extra.problem) return quick;
  const byId = new Map(extra.checks.map((c) => [c.id, c]));
  const checks = quick.checks.map((check) => {
    const confirmed = byId.get(check.id);
    if (!confirmed?.seeds) return check;
    if (confirmed.status === 'pass') return { ...check, seeds: confirmed.seeds };
    return { ...confirmed, output: check.output, durationMs: check.durationMs + confirmed.durationMs };
  });
  return {
    ...quick,
    checks,
    status: statusOf(checks, quick.problem),
    ...sumScores(checks),
    durationMs: quick.durationMs + extra.durationMs,
  };
}
