/**
 * The whole pipeline on the fixture exercises: every status, every containment case, every cheat.
 * One grading run of all fixtures is shared (children cost ~200 ms each to start).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradeEvent } from '../src/core/options.js';
import type { GradeReport } from '../src/core/types.js';
import { exercise, gradeFixtures, scores, statuses } from './helpers.js';

let report: GradeReport;
const events: string[] = [];
const starts: GradeEvent[] = [];

beforeAll(async () => {
  report = await gradeFixtures({
    onEvent: (e) => {
      if (e.type === 'check-start') starts.push(e);
      events.push(
        e.type === 'exercise-start'
          ? `start:${e.id}`
          : e.type === 'exercise-done'
            ? `done:${e.result.id}`
            : e.type,
      );
    },
  });
}, 120_000);

describe('grading the fixtures', () => {
  it('grades a correct solution as pass with full points, keeping what it printed', () => {
    const ex = exercise(report, '01-passing');
    expect(ex.status).toBe('pass');
    expect([ex.score, ex.maxScore]).toEqual([5, 5]);
    expect(ex.checks[1]?.output).toBe('computing the mean of 5 numbers\n');
    expect(ex.files).toEqual(['exercises/01-passing/src/math.ts']);
  });

  it('fails wrong answers with expected vs got, skips dependents, keeps todo and partial credit', () => {
    const ex = exercise(report, '02-failing');
    expect(statuses(ex)).toEqual({
      add: 'fail',
      'add-twice': 'fail',
      mean: 'todo',
      'mean-again': 'todo',
      'double-partial': 'fail',
      'judge-cannot-read': 'error',
    });
    expect(scores(ex)).toEqual({
      add: 0,
      'add-twice': 0,
      mean: 0,
      'mean-again': 0,
      'double-partial': 2,
      'judge-cannot-read': 0,
    });
    const [add, addTwice, mean, meanAgain] = ex.checks;
    expect(add?.message.en).toContain('For add(2, 3): expected 5, got -1');
    expect(add?.expected).toBe('5');
    expect(addTwice?.skippedBecause).toBe('add');
    // The prerequisite is named by its title, as students read it, not by its id.
    expect(addTwice?.message.ko).toContain('"덧셈" 검사');
    expect(addTwice?.message.en).toContain('depends on "Addition"');
    expect(mean?.message.en).toContain('mean');
    expect(meanAgain?.skippedBecause).toBe('mean');
    expect(ex.status).toBe('fail');
  });

  it('kills a hanging check at its time limit and runs the rest in a fresh child', () => {
    const ex = exercise(report, '03-hanging');
    expect(statuses(ex)).toEqual({
      spins: 'timeout',
      'after-spin': 'pass',
      'never-settles': 'timeout',
      'after-never': 'pass',
    });
    expect(ex.checks[0]?.message.en).toContain('Did not finish within 0.4 s.');
    expect(ex.checks[0]?.message.ko).toContain('0.4초 안에 끝나지 않았습니다');
    // What it printed before it was killed is still shown.
    expect(ex.checks[0]?.output).toBe('spinning...\n');
    expect(ex.score).toBe(2);
  });

  it('contains exits, non-Error throws, unhandled rejections, crashes and output floods', () => {
    const ex = exercise(report, '04-crashing');
    const s = statuses(ex);
    for (const id of Object.keys(s).filter((id) => id !== 'spam' && id !== 'ok-at-the-end'))
      expect([id, s[id]]).toEqual([id, 'error']);
    expect([s.spam, s['ok-at-the-end']]).toEqual(['pass', 'pass']);
    expect(ex.score).toBe(2);
    const byId = Object.fromEntries(ex.checks.map((c) => [c.id, c]));
    expect(byId['exit-zero']?.message.en).toContain('process.exit(0)');
    expect(byId['exit-zero']?.output).toContain('all checks passed');
    expect(byId['exit-one']?.message.en).toContain('process.exit(1)');
    expect(byId['throw-string']?.message.en).toContain('throw "nope"');
    expect(byId['throw-object']?.message.en).toContain('{"code":42}');
    expect(byId['throw-null']?.message.en).toContain('throw null');
    expect(byId['throw-range-error']?.message.en).toMatch(
      /RangeError: index 3 is out of range[\s\S]*crash\.ts:\d+:\d+/,
    );
    expect(byId['throw-nasty']?.message.en).toContain('cannot be described');
    expect(byId['forget-rejection']?.message.en).toContain('forgotten promise');
    expect(byId['throw-later']?.message.en).toContain('thrown in a timer');
    expect(byId['really-exit']?.message.en).toContain('exit code 3');
    // No signals from the sandbox: not even to itself.
    expect(byId['kill-self']?.message.en).toContain('process.kill is not available while grading');
    expect(byId['kill-self']?.message.ko).toContain('다른 프로세스를 시작하거나 신호를 보낼 수 없습니다');
    expect(byId['returns-function']?.message.en).toContain('cannot be sent');
    for (const id of ['async-nested', 'async-used-as-value']) {
      expect(byId[id]?.message.en).toBe(
        '`asyncSum(…)` returned a Promise: remove `async` (these functions are synchronous).',
      );
      expect(byId[id]?.message.ko).toContain('`asyncSum(…)`의 반환값이 Promise입니다');
    }
    const spam = byId.spam?.output ?? '';
    expect(spam.startsWith('spam line 0\nspam line 1\n')).toBe(true);
    expect(spam.length).toBeLessThan(700);
    expect(spam).toMatch(/more characters of output/);
  });

  it('reports a syntax error with file:line:col and a code frame, running nothing', () => {
    const ex = exercise(report, '05-syntax-error');
    expect(ex.status).toBe('error');
    expect(ex.problem).toMatchObject({
      code: 'syntax-error',
      file: 'exercises/05-syntax-error/src/broken.ts',
      line: 3,
      column: 14,
    });
    expect(ex.problem?.frame).toContain('> 3 |   return a + ;');
    expect(ex.checks.map((c) => [c.status, c.score, c.maxScore])).toEqual([['error', 0, 3]]);
  });

  it('refuses a forbidden import before running, naming the place', () => {
    const ex = exercise(report, '06-forbidden-import');
    expect(ex.status).toBe('error');
    expect(ex.problem).toMatchObject({ code: 'forbidden-import', line: 5, column: 10 });
    expect(ex.problem?.message.en).toContain('join from "node:path"');
    expect(ex.score).toBe(0);
  });

  it("stops runaway allocations (typed arrays outside the heap, and the heap) as that check's error", () => {
    const ex = exercise(report, '07-huge-allocation');
    expect(statuses(ex)).toEqual({ 'typed-arrays': 'error', 'heap-objects': 'error', ok: 'pass' });
    expect(ex.checks[0]?.message.en).toContain('too much memory');
    expect(ex.checks[1]?.message.en).toContain('too much memory');
  });

  it('gives cheats nothing they did not earn', () => {
    const ex = exercise(report, '08-cheats');
    expect(statuses(ex)).toMatchObject({
      'patched-globals': 'fail',
      'exit-after-print': 'error',
      'secret-seed': 'fail',
      forge: 'fail',
    });
    // The hard-coded answer is right for the public seed only (see the seed test below).
    expect(scores(ex)).toEqual({
      'patched-globals': 0,
      'exit-after-print': 0,
      'square-seeded': 2,
      'secret-seed': 0,
      forge: 0,
    });
  });

  it('reports a broken manifest with its path and fields, and still grades the rest', () => {
    const ex = exercise(report, '09-bad-manifest');
    expect(ex.status).toBe('error');
    expect(ex.problem?.code).toBe('invalid-manifest');
    expect(ex.problem?.file).toBe('exercises/09-bad-manifest/exercise.json');
    expect(ex.problem?.message.en).toContain('hints');
    expect(ex.problem?.message.en).toContain('files[0]');
    expect(report.exercises.length).toBe(12);
  });

  it('marks an untouched starter as todo, and sums the report', () => {
    const ex = exercise(report, '10-verified');
    expect(ex.status).toBe('todo');
    expect(ex.checks.every((c) => c.status === 'todo')).toBe(true);
    expect(report.score).toBe(report.exercises.reduce((s, e) => s + e.score, 0));
    expect(report.maxScore).toBe(report.exercises.reduce((s, e) => s + e.maxScore, 0));
    expect(report).toMatchObject({ version: 1, seed: 12345, lang: 'en', source: 'src' });
  });

  it('emits start/check/done events per exercise, in order', () => {
    expect(events.filter((e) => e.startsWith('start:')).length).toBe(11);
    expect(events.filter((e) => e.startsWith('done:')).length).toBe(11);
    expect(events.indexOf('start:01-passing')).toBeLessThan(events.indexOf('done:01-passing'));
    expect(events).toContain('check-start');
    expect(events).toContain('check-done');
    // What the UI shows while a check runs: its title, place and limit (03-hanging's spins: 400 ms).
    expect(starts).toContainEqual({
      type: 'check-start',
      exerciseId: '03-hanging',
      checkId: 'spins',
      title: expect.objectContaining({ en: expect.any(String) }),
      index: 1,
      total: 4,
      limitMs: 400,
    });
  });
});

describe('cancelling', () => {
  it('kills the running child and cancels the checks left', async () => {
    const controller = new AbortController();
    const report = await gradeFixtures({
      filters: ['03'],
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'check-start' && e.checkId === 'spins') setTimeout(() => controller.abort(), 100);
      },
    });
    const ex = exercise(report, '03-hanging');
    expect(statuses(ex)).toEqual({
      spins: 'error',
      'after-spin': 'error',
      'never-settles': 'error',
      'after-never': 'error',
    });
    expect(ex.checks.every((c) => c.message.en === 'Grading was cancelled.')).toBe(true);
  });
});

describe('seeds', () => {
  it('a hard-coded answer fails under another seed, and the secret seed is invisible to student code', async () => {
    const previous = process.env.GRADE_SEED;
    process.env.GRADE_SEED = '777';
    try {
      const ex = exercise(await gradeFixtures({ filters: ['08'], seed: 777 }), '08-cheats');
      expect(statuses(ex)).toMatchObject({ 'square-seeded': 'fail', 'secret-seed': 'fail' });
      expect(ex.checks.find((c) => c.id === 'square-seeded')?.message.en).toContain('square(61)');
      expect(ex.score).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.GRADE_SEED;
      else process.env.GRADE_SEED = previous;
    }
  });
});

describe('sources', () => {
  it('grades the reference solution with --solutions, and a type error with --typecheck', async () => {
    const report = await gradeFixtures({ filters: ['10'], source: 'solution' });
    expect(exercise(report, '10-verified')).toMatchObject({
      status: 'pass',
      score: 4,
      files: ['exercises/10-verified/solution/scale.ts'],
    });
    const typed = exercise(await gradeFixtures({ filters: ['11'], typecheck: true }), '11-type-error');
    expect(typed.status).toBe('error');
    expect(typed.problem).toMatchObject({ code: 'type-error', line: 3, column: 9 });
    // Every error, each with its place, the fix for common codes, and its code frame.
    const en = typed.problem?.message.en ?? '';
    expect(en).toContain('exercises/11-type-error/src/typed.ts has 3 type errors');
    expect(en).toContain('exercises/11-type-error/src/typed.ts:3:9 TS2322:');
    expect(en).toMatch(
      /typed\.ts:9:10 TS2532: Object is possibly 'undefined'\.\n {2}→ .*x\[i\]!.*x\[i\] \?\? 0/,
    );
    expect(en).toMatch(/> +9 \| {3}return xs\[0\] \+ 1;\n +\| +\^/);
    expect(en).toMatch(/typed\.ts:13:23 TS7006: .*\n {2}→ A parameter has no type/);
    expect(typed.problem?.message.ko).toContain('타입 오류가 3개 있습니다');
    expect(typed.problem?.message.ko).toContain('매개변수에 타입이 없습니다');
  });
});
