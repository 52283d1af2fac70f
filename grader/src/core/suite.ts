/**
 * Loading an exercise's `checks.ts` in the grader (for `input` and `judge`). Trusted code, but a
 * broken one is the course's configuration error, never the student's: it is reported as such.
 */
import { pathToFileURL } from 'node:url';
import type { Check, CheckSuite } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import type { ExerciseProblem } from './types.js';

export type AnyCheck = Check<unknown, unknown, unknown>;

/** The checks of `checksPath` (absolute), or the problem that kept them from loading. */
export async function loadSuite(
  checksPath: string,
  shownAs: string,
): Promise<{ checks: AnyCheck[] } | { problem: ExerciseProblem }> {
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
        typeof c.points === 'number',
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
