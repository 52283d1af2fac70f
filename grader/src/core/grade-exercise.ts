/**
 * Grading one exercise: load its checks, check the student's file statically (syntax, forbidden
 * imports, optionally types), then run the checks in order in a sandbox child, judging each answer
 * in the grader. A timeout or a crash costs one check: a fresh child runs the rest.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CheckContext } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import {
  DEFAULT_HEAP_MB,
  DEFAULT_TIME_LIMIT_MS,
  LOAD_TIMEOUT_MS,
  RSS_HEADROOM_MB,
} from '../sandbox/limits.js';
import type { Outcome } from '../sandbox/sandbox.js';
import { SandboxSlot } from '../sandbox/slot.js';
import type { LoadedExercise } from './discover.js';
import type { RunOptions } from './options.js';
import { checkSeed } from './seed.js';
import { forbiddenImportProblem } from './static/forbidden.js';
import { syntaxProblem } from './static/syntax.js';
import { typeProblem } from './static/typecheck.js';
import { type AnyCheck, loadSuite } from './suite.js';
import type { CheckResult, ExerciseProblem, ExerciseResult, ExerciseStatus } from './types.js';
import { type Decision, decide, errorText, type StudentFile, shownOutput } from './verdict.js';

/** A path as messages show it: relative to the graded root, with `/`. */
export function shownPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).replaceAll('\\', '/');
}

/** The module the probes receive: a mutant/test override, the reference solution, or the student's file. */
export function studentModulePath(
  ex: LoadedExercise,
  options: Pick<RunOptions, 'source' | 'studentFileOverride'>,
): string {
  const override = options.studentFileOverride?.[ex.id];
  if (override) return path.resolve(override);
  const entry = ex.manifest.entry ?? ex.manifest.files[0] ?? '';
  if (options.source === 'solution') return path.join(ex.dir, 'solution', path.basename(entry));
  return path.join(ex.dir, entry);
}

/** The static problem of the student's file, if any: it is missing, escapes, does not parse, imports what it may not, or (with `--typecheck`) does not type-check. */
async function staticProblem(
  ex: LoadedExercise,
  file: StudentFile,
  options: RunOptions,
  overridden: boolean,
): Promise<ExerciseProblem | null> {
  let real: string;
  try {
    real = realpathSync(file.absolute);
  } catch {
    return {
      code: 'missing-file',
      message: both('core.static.missingStudentFile', { file: file.shownAs }),
      file: file.shownAs,
    };
  }
  // A symlink must not lead a student file out of its exercise (overrides are the grader's own choice).
  const inside = path.relative(realpathSync(ex.dir), real);
  if (!overridden && (inside.startsWith('..') || path.isAbsolute(inside)))
    return {
      code: 'path-escapes',
      message: both('core.manifest.escapes', { file: file.shownAs, field: 'files', path: file.shownAs }),
      file: file.shownAs,
    };
  return (
    (await syntaxProblem(file.absolute, file.shownAs)) ??
    (await forbiddenImportProblem(file.absolute, file.shownAs, ex.manifest.forbiddenImports ?? [])) ??
    (options.typecheck ? await typeProblem(file.absolute, file.shownAs, ex.dir) : null)
  );
}

function statusOf(checks: CheckResult[], problem: ExerciseProblem | undefined): ExerciseStatus {
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
  const file: StudentFile = { absolute, shownAs: shownPath(options.root, absolute) };
  const base = { id: ex.id, title: ex.manifest.title, files: [file.shownAs] };

  const suite = await loadSuite(ex.checksPath, shownPath(options.root, ex.checksPath));
  let result: ExerciseResult;
  if ('problem' in suite) {
    result = {
      ...base,
      status: 'error',
      score: 0,
      maxScore: 0,
      checks: [],
      durationMs: 0,
      problem: suite.problem,
    };
  } else {
    const problem = await staticProblem(ex, file, options, Boolean(options.studentFileOverride?.[ex.id]));
    const checks = problem
      ? suite.checks.map((check) => notRun(check, problem, emit, ex.id))
      : await runChecks(ex, suite.checks, file, options);
    result = {
      ...base,
      status: statusOf(checks, problem ?? undefined),
      score: round(checks.reduce((sum, c) => sum + c.score, 0)),
      maxScore: checks.reduce((sum, c) => sum + c.maxScore, 0),
      checks,
      durationMs: 0,
      ...(problem ? { problem } : {}),
    };
  }
  result.durationMs = Math.round(performance.now() - started);
  emit({ type: 'exercise-done', result });
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function notRun(
  check: AnyCheck,
  problem: ExerciseProblem,
  emit: NonNullable<RunOptions['onEvent']>,
  exerciseId: string,
): CheckResult {
  const result: CheckResult = {
    id: check.id,
    title: check.title,
    status: 'error',
    score: 0,
    maxScore: check.points,
    message: { ko: problem.message.ko, en: problem.message.en },
    output: '',
    durationMs: 0,
  };
  emit({ type: 'check-done', exerciseId, result });
  return result;
}

/** Runs the checks in order, one sandbox child at a time. */
async function runChecks(
  ex: LoadedExercise,
  checks: AnyCheck[],
  file: StudentFile,
  options: RunOptions,
): Promise<CheckResult[]> {
  const emit = options.onEvent ?? (() => {});
  const heapMb = ex.manifest.memoryLimitMb ?? DEFAULT_HEAP_MB;
  const sandboxOptions = {
    checksPath: ex.checksPath,
    studentPath: file.absolute,
    cwd: ex.dir,
    heapMb,
    rssMb: heapMb + RSS_HEADROOM_MB,
    loadTimeoutMs: LOAD_TIMEOUT_MS,
  };
  const results = new Map<string, CheckResult>();
  const slot = new SandboxSlot(sandboxOptions, options.signal);
  const cancelled = (): Decision => ({ status: 'error', score: 0, message: both('core.check.cancelled') });
  try {
    for (const check of checks) {
      const ctx: CheckContext = {
        seed: checkSeed(options.seed, check.id),
        runSeed: options.seed,
        lang: options.lang,
      };
      let decision: Decision;
      let output = '';
      let durationMs = 0;
      let skippedBecause: string | undefined;
      const blocker = (check.dependsOn ?? [])
        .map((id) => results.get(id))
        .find((r) => r && r.status !== 'pass');
      if (options.signal?.aborted) {
        decision = cancelled();
      } else if (options.failFast && [...results.values()].some((r) => r.status !== 'pass')) {
        decision = { status: 'fail', score: 0, message: both('core.check.stopped') };
      } else if (blocker) {
        skippedBecause = blocker.id;
        decision =
          blocker.status === 'todo'
            ? { status: 'todo', score: 0, message: both('core.check.dependsTodo', { dep: blocker.id }) }
            : { status: 'fail', score: 0, message: both('core.check.dependsFailed', { dep: blocker.id }) };
      } else {
        emit({ type: 'check-start', exerciseId: ex.id, checkId: check.id });
        let input: unknown;
        let inputError: string | undefined;
        try {
          input = check.input?.(ctx);
        } catch (e) {
          inputError = e instanceof Error ? e.message : String(e);
        }
        if (inputError !== undefined) {
          decision = {
            status: 'error',
            score: 0,
            message: both('core.check.inputFailed', { error: inputError }),
          };
        } else {
          const limit = check.timeLimitMs ?? ex.manifest.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
          const answer = await slot.run(check.id, input, limit);
          durationMs = answer.probeMs;
          output = shownOutput(answer.outcome, options.lang);
          decision = options.signal?.aborted
            ? cancelled()
            : answer.loadFailed
              ? loadFailed(answer.outcome, check, input, ctx, file, heapMb)
              : decide(check, answer.outcome, input, ctx, file, heapMb);
        }
      }
      const result: CheckResult = {
        id: check.id,
        title: check.title,
        ...decision,
        maxScore: check.points,
        output,
        durationMs,
        ...(skippedBecause ? { skippedBecause } : {}),
      };
      results.set(check.id, result);
      emit({ type: 'check-done', exerciseId: ex.id, result });
    }
  } finally {
    slot.close();
  }
  return [...results.values()];
}

/** A check's decision when the student's module could not even be loaded. */
function loadFailed(
  outcome: Outcome,
  check: AnyCheck,
  input: unknown,
  ctx: CheckContext,
  file: StudentFile,
  heapMb: number,
): Decision {
  const decision = decide(check, outcome, input, ctx, file, heapMb);
  if (outcome.kind !== 'threw' || decision.status === 'todo' || outcome.error.exitCode !== undefined)
    return decision;
  return { ...decision, message: both('core.check.loadFailed', { error: errorText(outcome.error, file) }) };
}
