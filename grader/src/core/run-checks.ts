/**
 * Running an exercise's checks in order, in one sandbox child (or side by side in a few: `lanes.ts`):
 * dependencies, inputs from the seed, the probe in the child, the judge here. A timeout or a crash
 * costs one check; the slot starts a fresh child for the rest.
 */
import type { CheckContext, Localized } from '@gradschool/exercise-kit';
import { both, type MessageKey, t } from '../i18n/index.js';
import {
  DEFAULT_HEAP_MB,
  DEFAULT_TIME_LIMIT_MS,
  LOAD_TIMEOUT_MS,
  RSS_HEADROOM_MB,
} from '../sandbox/limits.js';
import type { Outcome } from '../sandbox/sandbox.js';
import { SandboxSlot } from '../sandbox/slot.js';
import type { LoadedExercise } from './discover.js';
import { cheapestFirst, splitIntoLanes } from './lanes.js';
import type { RunOptions } from './options.js';
import type { SandboxCode } from './sandbox-code.js';
import { checkSeed, extraRunSeeds } from './seed.js';
import type { AnyCheck } from './suite.js';
import type { CheckResult, ExerciseProblem, SeedOutcome } from './types.js';
import { type Decision, decide, errorText, type StudentFile, seconds, shownOutput } from './verdict.js';

/** A message naming an earlier check by its title, in each language (reports show titles, not ids). */
function byTitle(key: MessageKey, title: Localized): Localized {
  return { ko: t(key, 'ko', { dep: title.ko }), en: t(key, 'en', { dep: title.en }) };
}

/** The result of a check that could not run because of the exercise's static problem. */
export function notRun(
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

/**
 * Runs the checks in order, in one sandbox child, or side by side in `options.lanes` children (each
 * runs its share in order: `lanes.ts`). When the student's module could not even load (it threw, or
 * hung at its top level), that is also the exercise's `problem`, said once. `check-done` events come
 * in the suite's order whatever the lanes.
 */
export async function runChecks(
  ex: LoadedExercise,
  suiteChecks: AnyCheck[],
  file: StudentFile,
  options: RunOptions,
  code: SandboxCode,
): Promise<{ checks: CheckResult[]; problem?: ExerciseProblem }> {
  const emit = options.onEvent ?? (() => {});
  const only = options.extraSeedsOnly;
  const checks = only
    ? suiteChecks.filter((check) => only.includes(check.id) && (check.seeds ?? 1) > 1)
    : suiteChecks;
  const heapMb = ex.manifest.memoryLimitMb ?? DEFAULT_HEAP_MB;
  let loadProblem: ExerciseProblem | undefined;
  const sandboxOptions = {
    ...code,
    heapMb,
    rssMb: heapMb + RSS_HEADROOM_MB,
    loadTimeoutMs: LOAD_TIMEOUT_MS,
  };
  const limitOf = (check: AnyCheck) => check.timeLimitMs ?? ex.manifest.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const results = new Map<string, CheckResult>();
  const recorded = new Map(checks.map((check) => [check.id, deferred<CheckResult>()]));
  let shown = 0;
  const cancelled = (): Decision => ({ status: 'error', score: 0, message: both('core.check.cancelled') });
  const record = (check: AnyCheck, decision: Decision, extra: Partial<CheckResult> = {}) => {
    const result: CheckResult = {
      id: check.id,
      title: check.title,
      ...decision,
      maxScore: check.points,
      output: '',
      durationMs: 0,
      ...extra,
    };
    results.set(check.id, result);
    recorded.get(check.id)?.resolve(result);
    // Shown in the suite's order: a later check of another lane waits for the earlier ones.
    for (let next = checks[shown]; next && results.has(next.id); next = checks[++shown])
      emit({ type: 'check-done', exerciseId: ex.id, result: results.get(next.id) as CheckResult });
  };

  /** Runs one lane's checks (indexes into `checks`, in order) in one slot. */
  const runLane = async (lane: readonly number[], slot: SandboxSlot) => {
    /**
     * The previous check's judging, not done yet: it runs while the child already runs the next
     * probe (the two cores work at once), unless the next check needs its result first.
     */
    let judging: (() => void) | undefined;
    const finishJudging = () => {
      const judge = judging;
      judging = undefined;
      judge?.();
    };
    for (const index of lane) {
      const check = checks[index] as AnyCheck;
      if (options.extraSeedsOnly) {
        await runExtraSeedsOnly(check, slot);
        continue;
      }
      const ctx: CheckContext = {
        seed: checkSeed(options.seed, check.id),
        runSeed: options.seed,
        lang: options.lang,
      };
      const deps = check.dependsOn ?? [];
      if (options.failFast || deps.length > 0) finishJudging();
      // A dependency in another lane: wait for its result (it is earlier in the suite, so it never
      // waits for this lane).
      const depResults = await Promise.all(deps.map((id) => recorded.get(id)?.promise));
      const blocker = depResults.find((r) => r && r.status !== 'pass');
      if (options.signal?.aborted) {
        finishJudging();
        record(check, cancelled());
        continue;
      }
      if (options.failFast && [...results.values()].some((r) => r.status !== 'pass')) {
        record(check, { status: 'fail', score: 0, message: both('core.check.stopped') });
        continue;
      }
      if (blocker) {
        const decision: Decision =
          blocker.status === 'todo'
            ? { status: 'todo', score: 0, message: byTitle('core.check.dependsTodo', blocker.title) }
            : { status: 'fail', score: 0, message: byTitle('core.check.dependsFailed', blocker.title) };
        record(check, decision, { skippedBecause: blocker.id });
        continue;
      }
      let input: unknown;
      try {
        input = check.input?.(ctx);
      } catch (e) {
        finishJudging();
        const error = e instanceof Error ? e.message : String(e);
        record(check, { status: 'error', score: 0, message: both('core.check.inputFailed', { error }) });
        continue;
      }
      const limit = limitOf(check);
      // The check shows as running from its probe's start, so the time shown against its limit
      // leaves out starting a fresh child (after a timeout, say). With a child ready, the probe is
      // sent before `run` returns, so the previous judge below runs while this probe does.
      const running = slot.run(check.id, input, limit, () =>
        emit({
          type: 'check-start',
          exerciseId: ex.id,
          checkId: check.id,
          title: check.title,
          index: index + 1,
          total: checks.length,
          limitMs: limit,
        }),
      );
      finishJudging();
      const answer = await running;
      const decideFirst = (): Decision => {
        const decision = options.signal?.aborted
          ? cancelled()
          : answer.loadFailed
            ? loadFailed(answer.outcome, check, input, ctx, file, heapMb)
            : decide(check, answer.outcome, input, ctx, file, heapMb);
        if (answer.loadFailed && decision.status !== 'todo')
          loadProblem ??= { code: 'load-failed', message: decision.message, file: file.shownAs };
        return decision;
      };
      const extra = { output: shownOutput(answer.outcome, options.lang), durationMs: answer.probeMs };
      const seeds = check.seeds ?? 1;
      if (seeds <= 1) {
        judging = () => record(check, decideFirst(), extra);
        continue;
      }
      // A seed-dependent check: judged at once, since its extra seeds run only when the first passed.
      const first = decideFirst();
      const graded =
        first.status === 'pass' && options.extraSeeds !== false && !options.signal?.aborted
          ? await runExtraSeeds(check, first, slot, limit, seeds - 1)
          : { decision: first, seeds: [{ seed: options.seed, status: first.status }], probeMs: 0 };
      record(check, graded.decision, {
        ...extra,
        durationMs: extra.durationMs + graded.probeMs,
        seeds: graded.seeds,
        ...(graded.failedSeed === undefined ? {} : { failedSeed: graded.failedSeed }),
      });
    }
    finishJudging();
  };

  /**
   * Grades a seed-dependent check, which passed with the run's seed, with its extra run seeds, in
   * order, in the same child: each builds its own input and is judged on its own. The check passes
   * only when every seed does; otherwise it takes the worst seed's points and the first failing
   * seed's verdict, told which seed failed and how to rerun it (never the number of a secret seed).
   */
  const runExtraSeeds = async (
    check: AnyCheck,
    first: Decision,
    slot: SandboxSlot,
    limit: number,
    count: number,
  ): Promise<{ decision: Decision; seeds: SeedOutcome[]; probeMs: number; failedSeed?: number }> => {
    const seeds: SeedOutcome[] = [{ seed: options.seed, status: first.status }];
    let probeMs = 0;
    let failed: { seed: number; decision: Decision } | undefined;
    let score = first.score;
    for (const runSeed of extraRunSeeds(options.seed, count)) {
      if (options.signal?.aborted) return { decision: cancelled(), seeds, probeMs };
      const ctx: CheckContext = { seed: checkSeed(runSeed, check.id), runSeed, lang: options.lang };
      let decision: Decision;
      try {
        const input = check.input?.(ctx);
        const answer = await slot.run(check.id, input, limit, () => {});
        probeMs += answer.probeMs;
        decision = decide(check, answer.outcome, input, ctx, file, heapMb);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        decision = { status: 'error', score: 0, message: both('core.check.inputFailed', { error }) };
      }
      seeds.push({ seed: runSeed, status: decision.status });
      score = Math.min(score, decision.score);
      if (decision.status !== 'pass') failed ??= { seed: runSeed, decision };
    }
    if (!failed) return { decision: first, seeds, probeMs };
    const message = seedFailedMessage(failed.decision.message, {
      seed: failed.seed,
      runSeed: options.seed,
      count: count + 1,
      exercise: ex.id.split('-')[0] ?? ex.id,
      hidden: options.seedHidden === true,
    });
    return {
      decision: { ...failed.decision, score: Math.min(score, failed.decision.score), message },
      seeds,
      probeMs,
      failedSeed: failed.seed,
    };
  };

  /** Only the extra seeds of a check whose run seed passed already (`options.extraSeedsOnly`). */
  const runExtraSeedsOnly = async (check: AnyCheck, slot: SandboxSlot) => {
    const passed: Decision = { status: 'pass', score: check.points, message: { ko: '', en: '' } };
    const graded = await runExtraSeeds(check, passed, slot, limitOf(check), (check.seeds ?? 1) - 1);
    record(check, graded.decision, {
      durationMs: graded.probeMs,
      seeds: graded.seeds,
      ...(graded.failedSeed === undefined ? {} : { failedSeed: graded.failedSeed }),
    });
  };

  // `pnpm verify`'s fail-fast stops at the first check that does not pass: in one child, cheapest first.
  const costs = checks.map((check) => ({
    id: check.id,
    limitMs: limitOf(check),
    seeds: check.seeds ?? 1,
    dependsOn: check.dependsOn ?? [],
  }));
  const lanes = options.failFast ? [cheapestFirst(costs)] : splitIntoLanes(costs, options.lanes ?? 1);
  const slots = lanes.map(() => new SandboxSlot(sandboxOptions, options.signal, options.warm));
  try {
    await Promise.all(lanes.map((lane, k) => runLane(lane, slots[k] as SandboxSlot)));
  } finally {
    const exited = Promise.all(slots.map((slot) => slot.close()));
    if (options.waitForExit !== false) await exited;
  }
  return {
    checks: checks.flatMap((check) => results.get(check.id) ?? []),
    ...(loadProblem ? { problem: loadProblem } : {}),
  };
}

/** The verdict of a check that failed with an extra seed, led by which seed and how to rerun it. */
function seedFailedMessage(
  verdict: Localized,
  at: { seed: number; runSeed: number; count: number; exercise: string; hidden: boolean },
): Localized {
  const key: MessageKey = at.hidden ? 'core.check.seedFailedHidden' : 'core.check.seedFailed';
  const params = { seed: at.seed, runSeed: at.runSeed, count: at.count, exercise: at.exercise };
  return {
    ko: t(key, 'ko', { ...params, message: verdict.ko }),
    en: t(key, 'en', { ...params, message: verdict.en }),
  };
}

/** A promise with its `resolve` at hand. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
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
  if (outcome.kind === 'timeout')
    return {
      status: 'timeout',
      score: 0,
      message: both('sandbox.load.timeout', { file: file.shownAs, seconds: seconds(outcome.ms) }),
    };
  const decision = decide(check, outcome, input, ctx, file, heapMb);
  if (outcome.kind !== 'threw' || decision.status === 'todo' || outcome.error.exitCode !== undefined)
    return decision;
  return { ...decision, message: both('core.check.loadFailed', { error: errorText(outcome.error, file) }) };
}
