/**
 * Loading an exercise's `checks.ts` in the grader (for `input` and `judge`). Trusted code, but a
 * broken one is the course's configuration error, never the student's: it is reported as such.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Check, type CheckSuite, MAX_CHECK_SEEDS } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import { importChecks } from './checks-module.js';
import type { ExerciseProblem } from './types.js';

export type AnyCheck = Check<unknown, unknown, unknown>;

/**
 * A loaded suite, or why it did not load (what {@link loadSuite} returns). `checks` holds every
 * check record grading runs: the public ones, then the hidden ones (their ids in `hiddenIds`).
 * `hiddenMissing`: the manifest declares hidden checks that this tree does not hold (a student's
 * copy); record grading refuses it, local grading does not need them.
 */
export type SuiteLoad =
  | { checks: AnyCheck[]; hiddenIds?: ReadonlySet<string>; hiddenMissing?: boolean }
  | { problem: ExerciseProblem };

/** The checks a run grades: every one in record grading, the public ones otherwise. */
export function checksToRun(
  suite: { checks: AnyCheck[]; hiddenIds?: ReadonlySet<string> },
  withHidden: boolean,
) {
  return withHidden ? suite.checks : suite.checks.filter((c) => !suite.hiddenIds?.has(c.id));
}

/**
 * True when a run grades the hidden checks: record grading (a submission, a batch, Gradescope) and
 * `pnpm verify`, never a student's local run.
 */
export function gradesHidden(options: { source: string; hidden?: boolean }): boolean {
  return options.source === 'submission' || options.hidden === true;
}

/** The checks of `checksPath` (absolute), or the problem that kept them from loading. */
export async function loadSuite(checksPath: string, shownAs: string): Promise<SuiteLoad> {
  let mod: { default?: CheckSuite };
  try {
    mod = (await importChecks(checksPath)) as { default?: CheckSuite };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problem: {
        code: 'checks-load',
        message: both('core.checks.loadFailed', { file: shownAs, reason }),
        file: shownAs,
      },
    };
  }
  const checks = mod.default?.checks;
  const wellFormed =
    Array.isArray(checks) &&
    checks.every(
      (c) =>
        typeof c?.id === 'string' &&
        typeof c.probe === 'function' &&
        typeof c.judge === 'function' &&
        typeof c.points === 'number' &&
        // `defineChecks` refuses a bad `seeds`; a suite built without it is checked here too.
        (c.seeds === undefined || (Number.isInteger(c.seeds) && c.seeds >= 1 && c.seeds <= MAX_CHECK_SEEDS)),
    );
  if (!wellFormed)
    return {
      problem: {
        code: 'checks-load',
        message: both('core.checks.badExport', { file: shownAs }),
        file: shownAs,
      },
    };
  return { checks: checks as AnyCheck[] };
}

/**
 * An exercise's suite: its public checks, and its hidden ones when the manifest declares a module
 * this tree holds. A hidden check whose id a public check already uses is the course's error.
 */
export async function loadExerciseSuite(
  ex: { checksPath: string; hiddenChecksPath?: string },
  shownRoot: string,
): Promise<SuiteLoad> {
  const shown = (file: string) => path.relative(shownRoot, file).split(path.sep).join('/');
  const open = await loadSuite(ex.checksPath, shown(ex.checksPath));
  if ('problem' in open || !ex.hiddenChecksPath) return open;
  if (!existsSync(ex.hiddenChecksPath)) return { ...open, hiddenMissing: true };
  const hidden = await loadSuite(ex.hiddenChecksPath, shown(ex.hiddenChecksPath));
  if ('problem' in hidden) return hidden;
  const taken = new Set(open.checks.map((c) => c.id));
  const clash = hidden.checks.find((c) => taken.has(c.id));
  if (clash)
    return {
      problem: {
        code: 'checks-load',
        message: both('core.checks.hiddenIdTaken', { file: shown(ex.hiddenChecksPath), check: clash.id }),
        file: shown(ex.hiddenChecksPath),
      },
    };
  return { checks: [...open.checks, ...hidden.checks], hiddenIds: new Set(hidden.checks.map((c) => c.id)) };
}

/**
 * Loads the suites of `exercises` up front, keyed by exercise id: what `grade()` does before any
 * sandbox child runs, so no student code can replace a `checks.ts` (or its `checks/*.ts` helpers)
 * that the grader would import later. Paths are shown relative to `shownRoot`.
 *
 * @example
 * ```ts
 * const suites = await loadSuites(exercises, repoRoot); // then grade({ ...options, suites })
 * ```
 */
export async function loadSuites(
  exercises: readonly { id: string; checksPath: string; hiddenChecksPath?: string }[],
  shownRoot: string,
): Promise<Map<string, SuiteLoad>> {
  const suites = new Map<string, SuiteLoad>();
  for (const ex of exercises) suites.set(ex.id, await loadExerciseSuite(ex, shownRoot));
  return suites;
}
