/**
 * Lanes: a regrade on save runs an exercise's checks in two sandbox children side by side. The
 * split depends on the suite alone; the results, their order and the dependencies between checks
 * are those of a grading in one child; the warm pool keeps one child waiting per lane; and a regrade
 * shown before its children have exited leaves none alive for long.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type LoadedExercise } from '../src/core/discover.js';
import { cheapestFirst, REGRADE_LANES, splitIntoLanes } from '../src/core/lanes.js';
import type { GradeEvent, RunOptions } from '../src/core/options.js';
import { openRegrader } from '../src/core/regrade.js';
import { gradeExercise } from '../src/core/run.js';
import { allChildrenExited } from '../src/sandbox/sandbox.js';
import { WarmSandboxes } from '../src/sandbox/warm.js';

describe('splitIntoLanes', () => {
  const checks = (...limits: number[]) => limits.map((limitMs, i) => ({ id: `c${i}`, limitMs }));

  it('gives each check, dearest first, to the lane with the least work; lanes keep the suite order', () => {
    // 60 → lane 0; 30 → lane 1; 30 → lane 1 (30 < 60); 5, 5 → lane 0 (60 = 60: the first), lane 1
    expect(splitIntoLanes(checks(5, 60, 30, 5, 30), 2)).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('is the same split every time for the same suite', () => {
    const suite = checks(5, 5, 5, 60, 60, 180, 5, 60);
    const first = splitIntoLanes(suite, 2);
    for (let i = 0; i < 5; i++) expect(splitIntoLanes(suite, 2)).toEqual(first);
    expect(first.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('uses no more lanes than checks, and one lane for 1 or less', () => {
    expect(splitIntoLanes(checks(5), 2)).toEqual([[0]]);
    expect(splitIntoLanes(checks(5, 5, 5), 1)).toEqual([[0, 1, 2]]);
    expect(splitIntoLanes(checks(5, 5, 5), 0)).toEqual([[0, 1, 2]]);
    expect(splitIntoLanes([], 2)).toEqual([]);
  });

  it('splits equal checks alternately', () => {
    expect(splitIntoLanes(checks(5, 5, 5, 5), 2)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });
});

describe('cheapestFirst (the order of a fail-fast grading)', () => {
  it('puts the cheap checks first (time limit × seeds), the suite order among equals', () => {
    const suite = [
      { id: 'train', limitMs: 90_000, seeds: 2 },
      { id: 'a', limitMs: 5000 },
      { id: 'slow', limitMs: 20_000 },
      { id: 'b', limitMs: 5000 },
      { id: 'two-seeds', limitMs: 5000, seeds: 2 },
    ];
    expect(cheapestFirst(suite)).toEqual([1, 3, 4, 2, 0]);
  });

  it('keeps every check after the checks it depends on, however cheap', () => {
    const suite = [
      { id: 'model', limitMs: 20_000 },
      { id: 'train', limitMs: 90_000, seeds: 2, dependsOn: ['model'] },
      { id: 'after-train', limitMs: 5000, dependsOn: ['train'] },
      { id: 'cm', limitMs: 5000 },
    ];
    // cm first: after-train is cheap, but reaching it costs the training and the model
    expect(cheapestFirst(suite)).toEqual([3, 0, 1, 2]);
    expect(cheapestFirst(suite.slice(1).concat(suite[0]!))).toEqual([2, 3, 0, 1]);
  });

  it('orders every check once, and nothing for an empty suite', () => {
    const suite = Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, limitMs: (i * 7919) % 13 }));
    expect(cheapestFirst(suite).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(cheapestFirst([])).toEqual([]);
  });
});

const GRADER = fileURLToPath(new URL('..', import.meta.url));
const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'grade-lanes-')));
let exercises: LoadedExercise[] = [];

/**
 * Four checks: `heavy` (a long limit: a lane of its own), `after-heavy` depends on it, `light` and
 * `last`. Each probe reports its child's pid; whether `heavy` passes is the student's choice.
 */
const CHECKS = `import { defineChecks, fail, pass } from '@gradschool/exercise-kit';
import type * as Student from './src/facts.js';

const said = (got: unknown) => ({ ko: JSON.stringify(got), en: JSON.stringify(got) });
export default defineChecks<typeof Student>([
  {
    id: 'heavy',
    title: { ko: '무거움', en: 'Heavy' },
    points: 3,
    timeLimitMs: 60_000,
    probe: (student) => student.facts('heavy'),
    judge: (got: { ok: boolean }) => (got.ok ? pass(said(got)) : fail(said(got))),
  },
  {
    id: 'light',
    title: { ko: '가벼움', en: 'Light' },
    points: 1,
    probe: (student) => student.facts('light'),
    judge: (got) => pass(said(got)),
  },
  {
    id: 'after-heavy',
    title: { ko: '무거움 다음', en: 'After heavy' },
    points: 2,
    dependsOn: ['heavy'],
    probe: (student) => student.facts('after-heavy'),
    judge: (got) => pass(said(got)),
  },
  {
    id: 'last',
    title: { ko: '마지막', en: 'Last' },
    points: 1,
    probe: (student) => student.facts('last'),
    judge: (got) => pass(said(got)),
  },
]);
`;

const student = (heavyPasses: boolean) => `export function facts(name: string) {
  // The heavy check takes a while, so the other lane's checks finish first.
  if (name === 'heavy') { const end = Date.now() + 300; while (Date.now() < end) {} }
  return { pid: process.pid, ok: ${heavyPasses} };
}
`;

function addExercise(id: string, heavyPasses: boolean): void {
  const dir = path.join(root, 'exercises', id);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  const text = { ko: id, en: id };
  const manifest = {
    id,
    order: Number(id.slice(0, 2)),
    title: text,
    summary: text,
    lecture: { section: text, slides: ['1'] },
    files: ['src/facts.ts'],
    hints: [text, text, text],
    timeLimitMs: 5000,
  };
  writeFileSync(path.join(dir, 'exercise.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'checks.ts'), CHECKS);
  writeFileSync(path.join(dir, 'src', 'facts.ts'), student(heavyPasses));
}

beforeAll(async () => {
  writeFileSync(path.join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  symlinkSync(path.join(GRADER, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  addExercise('01-passes', true);
  addExercise('02-heavy-fails', false);
  exercises = (await discover(root)).exercises;
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Grades exercise `index` and returns the result, the pid each check ran in, and the events. */
async function graded(index: number, extra: Partial<RunOptions>) {
  const events: GradeEvent[] = [];
  const result = await gradeExercise(exercises[index]!, {
    root,
    seed: 1,
    lang: 'en',
    source: 'src',
    onEvent: (event) => events.push(event),
    ...extra,
  });
  const pids = Object.fromEntries(
    result.checks
      .filter((c) => (c.status === 'pass' || c.status === 'fail') && !c.skippedBecause)
      .map((c) => [c.id, (JSON.parse(c.message.en) as { pid: number }).pid]),
  );
  const done = events.flatMap((e) => (e.type === 'check-done' ? [e.result.id] : []));
  return { result, pids, done };
}

/** A result without what differs between runs (the pids in the messages, the durations). */
const comparable = (result: Awaited<ReturnType<typeof graded>>['result']) =>
  result.checks.map(({ id, status, score, maxScore, skippedBecause }) => ({
    id,
    status,
    score,
    maxScore,
    skippedBecause,
  }));

describe('a fail-fast grading (pnpm verify on a mutant)', () => {
  it('runs the cheap checks first and stops at the first that fails, never starting what depends on it', async () => {
    const events: GradeEvent[] = [];
    const result = await gradeExercise(exercises[1]!, {
      root,
      seed: 1,
      lang: 'en',
      source: 'src',
      failFast: true,
      onEvent: (event) => events.push(event),
    });
    const started = events.flatMap((e) => (e.type === 'check-start' ? [e.checkId] : []));
    expect(started).toEqual(['light', 'last', 'heavy']);
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['heavy', 'fail'],
      ['light', 'pass'],
      ['after-heavy', 'fail'],
      ['last', 'pass'],
    ]);
    // Reported in the suite's order, as any grading.
    const done = events.flatMap((e) => (e.type === 'check-done' ? [e.result.id] : []));
    expect(done).toEqual(['heavy', 'light', 'after-heavy', 'last']);
  });
});

describe('an exercise graded in two lanes', () => {
  it('runs the heavy check in a child of its own, the rest in the other, with the one-lane result', async () => {
    const one = await graded(0, { lanes: 1 });
    const two = await graded(0, { lanes: 2 });
    expect(comparable(two.result)).toEqual(comparable(one.result));
    expect(two.result).toMatchObject({ status: 'pass', score: 7, maxScore: 7 });
    expect(new Set(Object.values(one.pids)).size).toBe(1);
    // heavy alone; light, after-heavy and last in the other child
    expect(two.pids.light).toBe(two.pids.last);
    expect(two.pids['after-heavy']).toBe(two.pids.light);
    expect(two.pids.heavy).not.toBe(two.pids.light);
    // Results and their events in the suite's order, although `light` finished long before `heavy`.
    expect(two.result.checks.map((c) => c.id)).toEqual(['heavy', 'light', 'after-heavy', 'last']);
    expect(two.done).toEqual(['heavy', 'light', 'after-heavy', 'last']);
  }, 60_000);

  it('skips a check whose dependency failed in the other lane, as one lane does', async () => {
    const one = await graded(1, { lanes: 1 });
    const two = await graded(1, { lanes: 2 });
    expect(comparable(two.result)).toEqual(comparable(one.result));
    expect(two.result.checks.find((c) => c.id === 'after-heavy')).toMatchObject({
      status: 'fail',
      score: 0,
      skippedBecause: 'heavy',
    });
    expect(two.result.score).toBe(2);
  }, 60_000);

  it('takes one waiting child per lane from the pool, which then refills to two', async () => {
    const warm = new WarmSandboxes(2);
    try {
      await graded(0, { lanes: 2, warm });
      const waiting = warm.waitingPids;
      expect(waiting).toHaveLength(2);
      const next = await graded(0, { lanes: 2, warm });
      expect(new Set(Object.values(next.pids))).toEqual(new Set(waiting));
      expect(warm.waitingPids).toHaveLength(2);
      expect(warm.waitingPids.some((pid) => waiting.includes(pid))).toBe(false);
    } finally {
      warm.close();
    }
  }, 60_000);

  it('can be shown before its children have exited, and they all exit', async () => {
    const { result, pids } = await graded(0, { lanes: 2, waitForExit: false });
    expect(result.status).toBe('pass');
    await allChildrenExited();
    for (const pid of new Set(Object.values(pids))) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});

describe('openRegrader (watch mode, the UI, the watch benchmark)', () => {
  it('grades everything, then regrades one exercise on REGRADE_LANES children, shown before they exit', async () => {
    const regrader = openRegrader({ root, seed: 1, lang: 'en', source: 'src' });
    try {
      const report = await regrader.gradeAll();
      expect(report.exercises.map((e) => [e.id, e.score, e.maxScore])).toEqual([
        ['01-passes', 7, 7],
        ['02-heavy-fails', 2, 7],
      ]);
      expect(report).toMatchObject({ score: 9, maxScore: 14 });
      const result = await regrader.regrade(exercises[0]!);
      expect(result).toMatchObject({ status: 'pass', score: 7, maxScore: 7 });
      const pids = result.checks.map((c) => (JSON.parse(c.message.en) as { pid: number }).pid);
      expect(new Set(pids).size).toBe(REGRADE_LANES);
    } finally {
      regrader.close();
    }
    await allChildrenExited();
  }, 60_000);
});
