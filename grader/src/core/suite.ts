/**
 * Loading an exercise's `checks.ts` in the grader (for `input` and `judge`). Trusted code, but a
 * broken one is the course's configuration error, never the student's: it is reported as such.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Check, type CheckSuite, MAX_CHECK_SEEDS } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import type { ExerciseProblem } from './types.js';

export type AnyCheck = Check<unknown, unknown, unknown>;

/** A loaded suite, or why it did not load (what {@link loadSuite} returns). */
export type SuiteLoad = { checks: AnyCheck[] } | { problem: ExerciseProblem };

/** The checks of `checksPath` (absolute), or the problem that kept them from loading. */
export async function loadSuite(checksPath: string, shownAs: string): Promise<SuiteLoad> {
  let mod: { default?: CheckSuite };
  try {
    mod = (await import(pathToFileURL(checksPath).href)) as { default?: CheckSuite };
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
  exercises: readonly { id: string; checksPath: string }[],
  shownRoot: string,
): Promise<Map<string, SuiteLoad>> {
  const suites = new Map<string, SuiteLoad>();
  for (const ex of exercises) {
    const shownAs = path.relative(shownRoot, ex.checksPath).split(path.sep).join('/');
    suites.set(ex.id, await loadSuite(ex.checksPath, shownAs));
  }
  return suites;
}
