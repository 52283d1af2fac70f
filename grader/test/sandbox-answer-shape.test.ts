import { describe, expect, it } from 'vitest';
import { answerShapeProblem, MAX_ANSWER_DEPTH } from '../src/sandbox/answer-shape.js';

describe('answerShapeProblem', () => {
  it('takes honest answers, shared parts included', () => {
    const row = [1, 2, 3];
    for (const answer of [
      7,
      'x',
      null,
      [row, row],
      { w: new Float64Array(1e6), b: row },
      new Map([[1, row]]),
    ])
      expect(answerShapeProblem(answer)).toBeNull();
  });

  it('refuses a self-containing answer, inside arrays, objects, maps and sets', () => {
    const a: unknown[] = [];
    a.push([a]);
    const o: Record<string, unknown> = {};
    o.next = { back: o };
    const m = new Map<string, unknown>();
    m.set('me', m);
    const s = new Set<unknown>();
    s.add([s]);
    for (const answer of [a, o, m, s]) expect(answerShapeProblem(answer)).toBe('cycle');
  });

  it('refuses shared parts that stand for more values than allowed, counting each time they are reached', () => {
    let v: unknown = 1;
    for (let i = 0; i < 40; i++) v = [v, v];
    expect(answerShapeProblem(v)).toBe('expands');
    const block = new Float64Array(1000);
    expect(answerShapeProblem(new Array(20).fill(block), 20_000)).toBe('expands');
    expect(answerShapeProblem(new Array(19).fill(block), 20_000)).toBeNull();
    // A sparse array is as long as its length to a judge that walks it.
    expect(answerShapeProblem({ holes: new Array(2 ** 32 - 1) })).toBe('expands');
  });

  it(`refuses nesting deeper than ${MAX_ANSWER_DEPTH} levels`, () => {
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_ANSWER_DEPTH + 1; i++) deep = [deep];
    expect(answerShapeProblem(deep)).toBe('deep');
  });
});
