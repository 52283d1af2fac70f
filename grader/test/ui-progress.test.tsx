import { afterEach, describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../src/core/types.js';
import { App } from '../src/ui/components/App.js';
import { runningCheckText } from '../src/ui/components/RunningCheck.js';
import type { GradeProgress } from '../src/ui/session.js';
import { courseTotal, initialState, reduce } from '../src/ui/state.js';
import { check, EXERCISES, FakeSession, result } from './ui-fakes.js';
import { press, type Rendered, renderAt, waitForFrame } from './ui-render.js';

const [perceptron, andGate] = EXERCISES as [(typeof EXERCISES)[0], (typeof EXERCISES)[0]];

function results(): ExerciseResult[] {
  return [
    result(perceptron, [check('step-zero', 'pass'), check('step-negative', 'pass')]),
    result(andGate, [check('and-truth-table', 'pass'), check('and-loss', 'pass')]),
  ];
}

/** A session whose regrade of one exercise starts a check and then waits until `release()`. */
class SlowSession extends FakeSession {
  release: () => void = () => {};

  override async gradeOne(id: string, onProgress: (e: GradeProgress) => void): Promise<void> {
    this.gradedOne.push(id);
    onProgress({ type: 'exercise-start', id });
    onProgress({ type: 'check-done', exerciseId: id, result: check('and-truth-table', 'pass') });
    onProgress({
      type: 'check-start',
      exerciseId: id,
      checkId: 'and-loss',
      title: { ko: '손실이 줄어듭니다', en: 'The loss goes down' },
      index: 2,
      total: 2,
      limitMs: 5000,
    });
    await new Promise<void>((resolve) => {
      this.release = resolve;
    });
    const found = this.results[id];
    if (found) onProgress({ type: 'exercise-done', result: found });
    this.finished++;
  }
}

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

/**
 * A session that grades its exercises one at a time, each when `step()` is called, and knows the
 * points in all from the start (as the real one sums them from the checks).
 */
class SteppedSession extends FakeSession {
  private steps: (() => void)[] = [];

  constructor(
    results: ExerciseResult[],
    private readonly maxima: Record<string, number> | null,
  ) {
    super(results);
  }

  maxScores = async () => {
    if (!this.maxima) throw new Error('not known');
    return this.maxima;
  };

  override async gradeAll(onProgress: (e: GradeProgress) => void): Promise<void> {
    this.gradedAll++;
    for (const ex of this.exercises) {
      await new Promise<void>((resolve) => this.steps.push(resolve));
      onProgress({ type: 'exercise-start', id: ex.id });
      const found = this.results[ex.id];
      if (found) onProgress({ type: 'exercise-done', result: found });
    }
    this.finished++;
  }

  /** Lets the next exercise's grading finish. */
  step() {
    this.steps.shift()?.();
  }

  get pending() {
    return this.steps.length;
  }
}

describe("the course's total in the header", () => {
  const softmax = EXERCISES[2] as (typeof EXERCISES)[0];
  const three = () => [...results(), result(softmax, [check('softmax', 'fail')])];

  it("shows every exercise's points from the first frame, never a total that grows as results come", async () => {
    const session = new SteppedSession(three(), { [perceptron.id]: 4, [andGate.id]: 4, [softmax.id]: 2 });
    rendered = renderAt(<App session={session} lang="en" watch />, 100, 30);
    await waitForFrame(rendered, (f) => f.includes('0/10 pts'), 'the whole total before any result');
    for (let i = 0; i < 3; i++) {
      await waitForFrame(rendered, () => session.pending > 0, 'the next grading');
      session.step();
    }
    await waitForFrame(rendered, (f) => f.includes('8/10 pts (80%)'), 'the end');
    // Every frame that showed a total showed the whole course's (or "…" for the instant before the
    // checks are summed): no "0/4 pts" or "4/8 pts" on the way.
    const totals = rendered.frames.flatMap((f) => [...f.matchAll(/gradschool grader.*?(\d+)\/(\d+|…) pts/g)]);
    expect(totals.filter((m) => m[2] === '10').length).toBeGreaterThan(0);
    expect(totals.filter((m) => m[2] !== '10' && m[2] !== '…').map((m) => m[0])).toEqual([]);
  });

  it('shows "…" for the total until every exercise\'s points are known, when they cannot be summed first', async () => {
    const session = new SteppedSession(three(), null);
    rendered = renderAt(<App session={session} lang="ko" watch />, 100, 30);
    await waitForFrame(rendered, (f) => f.includes('0/…점'), 'the unknown total');
    await waitForFrame(rendered, () => session.pending > 0, 'the first grading');
    session.step();
    await waitForFrame(rendered, () => session.pending > 0, 'the second grading');
    expect(rendered.lastFrame()).toContain('4/…점');
    expect(rendered.lastFrame()).not.toContain('4/4점 (100%)');
    session.step();
    await waitForFrame(rendered, () => session.pending > 0, 'the third grading');
    session.step();
    await waitForFrame(rendered, (f) => f.includes('8/10점 (80%)'), 'the end');
  });

  it('courseTotal: null until every maximum is known, from results or from the checks', () => {
    let state = initialState(EXERCISES, 'en');
    expect(courseTotal(state)).toEqual({ score: 0, maxScore: null });
    state = reduce(state, { type: 'max-scores', maxScores: { [perceptron.id]: 4, [andGate.id]: 4 } });
    expect(courseTotal(state).maxScore).toBeNull();
    state = reduce(state, {
      type: 'progress',
      event: { type: 'exercise-done', result: result(softmax, [check('a', 'fail')]) },
    });
    expect(courseTotal(state)).toEqual({ score: 0, maxScore: 10 });
  });
});

describe('progress while a check runs', () => {
  it('names the running check with its elapsed time and limit, and hides the last totals as current', async () => {
    // Two exercises, both graded: the header's total is theirs.
    const session = new SlowSession(results(), [perceptron, andGate]);
    rendered = renderAt(<App session={session} lang="en" watch />, 100, 40);
    const r = rendered;
    await waitForFrame(r, (f) => f.includes('8/8 pts (100%)'), 'the first grading');
    await press(r, 'j'); // from 01 (both pass, the cursor stays) down to 02: the one to regrade
    session.save(andGate.id);
    await waitForFrame(r, (f) => f.includes('Running check 2/2: The loss goes down'), 'the running check');
    const frame = r.lastFrame();
    expect(frame).toMatch(/Running check 2\/2: The loss goes down · [\d.]+ s of 5 s/);
    // The old total is labelled as the last run's, not shown as the current score.
    expect(frame).toContain('last 8/8 pts');
    expect(frame).not.toContain('8/8 pts (100%)');
    // The row being graded shows no points from the last run, and the summary waits.
    expect(frame).not.toMatch(/02 AND gate.*4\/4 pts/);
    expect(frame).not.toContain('checks pass');
    // The details screen shows the same line.
    await press(r, '\r');
    await waitForFrame(r, (f) => f.includes('Running check 2/2'), 'the details screen');
    session.release();
    await waitForFrame(r, (f) => f.includes('8/8 pts (100%)') && !f.includes('Running check'), 'the end');
  });

  it('says it in Korean, with the time in seconds', () => {
    const text = runningCheckText(
      {
        checkId: 'x',
        title: { ko: '손실', en: 'loss' },
        index: 3,
        total: 14,
        limitMs: 20000,
        startedAt: 1000,
      },
      'ko',
      2500,
    );
    expect(text).toBe('검사 3/14 실행 중: 손실 · 1.5초 / 제한 20초');
  });

  it('keeps the running check in the state until it is done', () => {
    let state = initialState(EXERCISES, 'en');
    state = reduce(state, {
      type: 'progress',
      event: { type: 'check-start', exerciseId: 'a', checkId: 'c1', index: 1, total: 2, limitMs: 100 },
      at: 42,
    });
    expect(state.current.a).toEqual({ checkId: 'c1', index: 1, total: 2, limitMs: 100, startedAt: 42 });
    state = reduce(state, {
      type: 'progress',
      event: { type: 'check-done', exerciseId: 'a', result: check('c1', 'pass') },
    });
    expect(state.current.a).toBeUndefined();
  });
});
