/**
 * Grading one exercise: load its checks, check the student's file statically (syntax, forbidden
 * imports, optionally types), then run the checks in order in a sandbox child, judging each answer
 * in the grader. A timeout or a crash costs one check: a fresh child runs the rest.
 */
import { lstat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { both } from '../i18n/index.js';
import type { LoadedExercise } from './discover.js';
import type { RunOptions } from './options.js';
import { notRun, runChecks } from './run-checks.js';
import { checksBundleProblem, type SandboxCode, sandboxCode } from './sandbox-code.js';
import { sumScores } from './score.js';
import { MAX_STUDENT_FILE_BYTES, shownPath, staticProblem, studentModulePath } from './student-file.js';
import { loadSuite } from './suite.js';
import type { CheckResult, ExerciseProblem, ExerciseResult, ExerciseStatus } from './types.js';
import type { StudentFile } from './verdict.js';

export { shownPath, studentModulePath } from './student-file.js';

/** An exercise's status from its checks' (and its problem, when it could not run). */
export function statusOf(checks: CheckResult[], problem: ExerciseProblem | undefined): ExerciseStatus {
  if (problem) return 'error';
  if (checks.length > 0 && checks.every((c) => c.status === 'pass')) return 'pass';
  if (checks.length > 0 && checks.every((c) => c.status === 'todo')) return 'todo';
  return 'fail';
}

/**
 * Grades one exercise. Never throws because of student code; every check of the suite gets a
 * result, and events go to `options.onEvent` as checks start and finish.
 */
export async function gradeExercise(ex: LoadedExercise, options: RunOptions): Promise<ExerciseResult> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => {});
  emit({ type: 'exercise-start', id: ex.id });
  const absolute = studentModulePath(ex, options);
  const file: StudentFile = { absolute, shownAs: shownPath(options.studentRoot ?? options.root, absolute) };
  const base = { id: ex.id, title: ex.manifest.title, files: [file.shownAs] };

  // Preloaded by grade() (or a batch) before any student code ran; a lone regrade loads its own.
  const suite =
    options.suites?.get(ex.id) ?? (await loadSuite(ex.checksPath, shownPath(options.root, ex.checksPath)));
  let result: ExerciseResult;
  if ('problem' in suite) {
    result = {
      ...base,
      status: 'error',
      score: 0,
      maxScore: 0, // the checks did not load: the course's configuration error (exit 2)
      checks: [],
      durationMs: 0,
      problem: suite.problem,
    };
  } else {
    // Aborted meanwhile: nothing more is checked or started, every check is `cancelled`.
    const overridden = Boolean(options.studentFileOverride?.[ex.id]);
    // Bundling starts beside the static checks (a regrade on save waits for both), for a file of a
    // size the static checks would read; its result is used only when they find nothing wrong.
    const bundle = () =>
      sandboxCode(ex, file, options, overridden).catch((error: unknown) => ({
        problem: checksBundleProblem(ex, error, options.root),
      }));
    const early = !options.signal?.aborted && (await readableSize(file.absolute)) ? bundle() : undefined;
    let problem = options.signal?.aborted
      ? cancelledProblem()
      : await staticProblem(ex, file, options, overridden);
    let code: SandboxCode | undefined;
    if (!problem) {
      const prepared = await (early ?? bundle());
      if ('problem' in prepared) problem = prepared.problem;
      else code = prepared.code;
    }
    let checks: CheckResult[];
    if (problem || !code) {
      const why = problem ?? cancelledProblem();
      checks = suite.checks.map((check) => notRun(check, why, emit, ex.id));
    } else {
      const ran = await runChecks(ex, suite.checks, file, options, code);
      checks = ran.checks;
      problem = ran.problem ?? null;
    }
    result = {
      ...base,
      status: statusOf(checks, problem ?? undefined),
      ...sumScores(checks),
      checks,
      durationMs: 0,
      ...(problem ? { problem } : {}),
    };
  }
  result.durationMs = Math.round(performance.now() - started);
  emit({ type: 'exercise-done', result });
  return result;
}

/**
 * True when `file` is a regular file (not a link) no larger than the static checks read
 * (`MAX_STUDENT_FILE_BYTES`): one worth bundling before they have looked at it.
 */
async function readableSize(file: string): Promise<boolean> {
  const info = await lstat(file).catch(() => null);
  return info?.isFile() === true && info.size <= MAX_STUDENT_FILE_BYTES;
}

/** Why an exercise did not run: its grading was aborted (`RunOptions.signal`). */
export function cancelledProblem(): ExerciseProblem {
  return { code: 'cancelled', message: both('core.check.cancelled') };
}
