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
import { maxScoreOfChecks, sumScores } from './score.js';
import { MAX_STUDENT_FILE_BYTES, shownPath, staticProblem, studentModulePath } from './student-file.js';
import { type AnyCheck, checksToRun, gradesHidden, loadExerciseSuite, type SuiteLoad } from './suite.js';
import type { CheckResult, ExerciseProblem, ExerciseResult, ExerciseStatus, HiddenSummary } from './types.js';
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
  const suite = options.suites?.get(ex.id) ?? (await loadExerciseSuite(ex, options.root));
  const withHidden = gradesHidden(options);
  let result: ExerciseResult;
  if (!('problem' in suite) && withHidden && suite.hiddenMissing) {
    // Record grading from a tree without the hidden checks (a student's copy) would quietly grade
    // fewer points: the course's configuration error instead, its points counted as lost.
    const shownAs = shownPath(options.root, ex.checksPath).replace(/[^/]+$/, 'exercise.json');
    result = {
      ...base,
      status: 'error',
      score: 0,
      maxScore: maxScoreOfChecks(suite.checks) + (ex.manifest.hidden?.points ?? 0),
      checks: [],
      durationMs: 0,
      problem: {
        code: 'checks-load',
        message: both('core.checks.hiddenMissing', { file: shownAs, path: ex.manifest.hidden?.checks ?? '' }),
        file: shownAs,
      },
    };
  } else if ('problem' in suite) {
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
    const toRun = checksToRun(suite, withHidden);
    let checks: CheckResult[];
    if (problem || !code) {
      const why = problem ?? cancelledProblem();
      checks = toRun.map((check) => notRun(check, why, emit, ex.id));
    } else {
      const ran = await runChecks(ex, toRun, file, options, code);
      checks = ran.checks;
      problem = ran.problem ?? null;
    }
    for (const check of checks) if (suite.hiddenIds?.has(check.id)) check.hidden = true;
    const hidden = hiddenSummary(ex, suite, withHidden);
    result = {
      ...base,
      status: statusOf(checks, problem ?? undefined),
      ...sumScores(checks),
      checks,
      durationMs: 0,
      ...(problem ? { problem } : {}),
      ...(hidden ? { hidden } : {}),
    };
  }
  result.durationMs = Math.round(performance.now() - started);
  emit({ type: 'exercise-done', result });
  return result;
}

/**
 * What the report says of the exercise's hidden checks: counted from the suite when this run graded
 * them, else the manifest's announcement (a student's copy holds nothing more).
 */
function hiddenSummary(
  ex: LoadedExercise,
  suite: Exclude<SuiteLoad, { problem: unknown }>,
  graded: boolean,
): HiddenSummary | undefined {
  const declared = ex.manifest.hidden;
  if (!declared) return undefined;
  if (!graded) return { checks: declared.count, points: declared.points, graded: false };
  const hidden: AnyCheck[] = suite.checks.filter((c) => suite.hiddenIds?.has(c.id));
  return { checks: hidden.length, points: maxScoreOfChecks(hidden), graded: true };
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
