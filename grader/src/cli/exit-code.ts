import { exactPercent } from '../core/score.js';
import type { GradeReport } from '../core/types.js';

/**
 * The CLI's exit code for a report: 0 when every check passed (or, with `minScore`, when the score
 * reaches that percentage of the maximum), else 1. Exit code 2 (usage or configuration errors) is
 * the CLI's own decision, not the report's.
 *
 * @example
 * ```ts
 * process.exitCode = exitCodeFor(report, { minScore: 60 });
 * ```
 */
export function exitCodeFor(report: GradeReport, opts: { minScore?: number } = {}): 0 | 1 {
  if (opts.minScore !== undefined) {
    const percent = exactPercent(report.score, report.maxScore);
    // A tiny epsilon so 59.999999 from rounded partial credit still meets 60.
    return percent + 1e-9 >= opts.minScore ? 0 : 1;
  }
  const allPassed = report.exercises.every(
    (e) => e.checks.length > 0 && e.checks.every((c) => c.status === 'pass'),
  );
  return report.exercises.length > 0 && allPassed ? 0 : 1;
}

/** Problem codes that mean "configuration error" (exit 2): a broken manifest, checks that do not load. */
export const CONFIG_PROBLEM_CODES: readonly string[] = ['invalid-manifest', 'checks-load'];

/** True when the report holds a configuration problem (the CLI exits 2). */
export function hasConfigProblem(report: GradeReport): boolean {
  return report.exercises.some((e) => e.problem && CONFIG_PROBLEM_CODES.includes(e.problem.code));
}
