/**
 * `grade()`: discover the exercises, grade the selected ones in parallel (up to the number of cores),
 * and return one complete report. Student code never makes it throw; a broken manifest becomes an
 * exercise with status `error` and the manifest's problem, and the others are still graded.
 */
import { availableParallelism } from 'node:os';
import { both } from '../i18n/index.js';
import { DEFAULT_HEAP_MB } from '../sandbox/limits.js';
import { discover, type LoadedExercise, type ManifestProblem, matchesFilters } from './discover.js';
import { durationsFile, rememberDurations, startOrder } from './durations.js';
import { cancelledProblem, gradeExercise } from './grade-exercise.js';
import type { RunOptions } from './options.js';
import { maxScoreOfChecks, sumScores } from './score.js';
import { checksToRun, gradesHidden, loadSuites, type SuiteLoad } from './suite.js';
import type { ExerciseResult, GradeReport } from './types.js';

export { gradeExercise } from './grade-exercise.js';
export type { GradeEvent, RunOptions } from './options.js';

/** An exercise whose manifest is broken, as a result: every issue in one message, the file named. */
function brokenManifest(id: string, problems: ManifestProblem[]): ExerciseResult {
  const first = problems[0]!;
  return {
    id,
    title: { ko: id, en: id },
    status: 'error',
    score: 0,
    maxScore: 0,
    checks: [],
    durationMs: 0,
    files: [],
    problem: {
      code: 'invalid-manifest',
      file: first.file,
      message: {
        ko: problems.map((p) => p.message.ko).join('\n'),
        en: problems.map((p) => p.message.en).join('\n'),
      },
    },
  };
}

/**
 * Runs `work` over `items`, at most `limit` at a time, keeping the results in order. Once `signal`
 * aborts, the items not started yet get `skipped(item)` instead: nothing new starts.
 */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  skipped: (item: T) => R,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = signal?.aborted ? skipped(items[i]!) : await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * An exercise's maximum, from its checks (loaded before anything ran), never from how grading went:
 * an exercise that could not be graded still counts its full maximum as lost. Zero only when the
 * checks themselves did not load (the course's configuration error, exit 2).
 */
function maxScoreOf(ex: LoadedExercise, suites: ReadonlyMap<string, SuiteLoad>, withHidden: boolean): number {
  const suite = suites.get(ex.id);
  return suite && 'checks' in suite ? maxScoreOfChecks(checksToRun(suite, withHidden)) : 0;
}

/** An exercise that was never started because grading was aborted. */
function cancelledExercise(
  ex: LoadedExercise,
  suites: ReadonlyMap<string, SuiteLoad>,
  withHidden: boolean,
): ExerciseResult {
  return {
    id: ex.id,
    title: ex.manifest.title,
    status: 'error',
    score: 0,
    maxScore: maxScoreOf(ex, suites, withHidden),
    checks: [],
    durationMs: 0,
    files: [],
    problem: cancelledProblem(),
  };
}

/** Grades one exercise, turning a grader bug into that exercise's `error` instead of a crash. */
async function gradeSafely(
  ex: LoadedExercise,
  options: RunOptions & { suites: ReadonlyMap<string, SuiteLoad> },
): Promise<ExerciseResult> {
  try {
    return await gradeExercise(ex, options);
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      id: ex.id,
      title: ex.manifest.title,
      status: 'error',
      score: 0,
      maxScore: maxScoreOf(ex, options.suites, gradesHidden(options)),
      checks: [],
      durationMs: 0,
      files: [],
      problem: { code: 'internal', message: both('core.cli.failed', { reason }) },
    };
  }
}

/**
 * Grades every exercise under `options.root` that the filters select.
 *
 * @example
 * ```ts
 * const report = await grade({ root: process.cwd(), seed: DEFAULT_SEED, lang: 'ko', source: 'src' });
 * process.exitCode = exitCodeFor(report);
 * ```
 */
export async function grade(options: RunOptions): Promise<GradeReport> {
  const startedAt = new Date();
  const started = performance.now();
  const { exercises, problems } = await discover(options.root);
  const selected = exercises.filter((e) => matchesFilters(e.id, options.filters));
  const concurrency = options.concurrency ?? availableParallelism();
  // Exercises graded side by side do not take turns with the one pre-started child: after them,
  // one child waits for whichever exercise is regraded next.
  const { warm, ...rest } = options;
  // Every suite is imported before the first child runs student code: a student's code in one
  // exercise could otherwise rewrite a later exercise's checks.ts in a submission's copy.
  // (Suites passed in, loaded from the pristine repository, are completed with any they lack.)
  const missing = selected.filter((e) => !options.suites?.has(e.id));
  const suites = new Map([...(options.suites ?? []), ...(await loadSuites(missing, options.root))]);
  const each = { ...rest, suites };
  // The longest last time starts first (`durations.ts`); results return to the manifest's order.
  const durations = durationsFile(options.root);
  const order = startOrder(
    selected.map((e) => e.id),
    durations,
  );
  const inStartOrder = await mapLimited(
    order.map((i) => selected[i]!),
    concurrency,
    (ex) => gradeSafely(ex, each),
    (ex) => cancelledExercise(ex, suites, gradesHidden(options)),
    options.signal,
  );
  const graded = new Array<ExerciseResult>(selected.length);
  order.forEach((i, k) => {
    graded[i] = inStartOrder[k]!;
  });
  if (!options.signal?.aborted) rememberDurations(graded, durations);
  if (!options.signal?.aborted) warm?.replenish({ heapMb: DEFAULT_HEAP_MB });
  const brokenIds = [...new Set(problems.map((p) => p.id))].filter((id) =>
    matchesFilters(id, options.filters),
  );
  const broken = brokenIds.map((id) =>
    brokenManifest(
      id,
      problems.filter((p) => p.id === id),
    ),
  );
  const all = [...graded, ...broken];
  return {
    version: 1,
    seed: options.seed,
    ...(options.seedHidden ? { seedHidden: true } : {}),
    lang: options.lang,
    ...sumScores(all),
    durationMs: Math.round(performance.now() - started),
    startedAt: startedAt.toISOString(),
    source: options.source,
    ignoredFiles: [],
    exercises: all,
  };
}
