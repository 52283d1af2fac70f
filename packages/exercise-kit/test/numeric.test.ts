import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Budget,
  MAX_DEPTH,
  MAX_ELEMENTS,
  type NumericReading,
  readNumeric,
  shapeOf,
  toNumeric,
  unravelIndex,
} from '../src/index.js';
import { doubling, ReadCounter, roundTrip, selfHolding, withHole } from './answers.js';

const plain = (r: NumericReading) => (r.kind === 'numeric' ? { ...r, values: Array.from(r.values) } : r);

/** The obvious recursive reading, with no limits: the reference the bounded one must agree with. */
function naive(value: unknown): { shape: number[]; values: number[] } | null {
  if (typeof value === 'number') return { shape: [], values: [value] };
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return { shape: [0], values: [] };
  const parts = Array.from(value, naive);
  const first = parts[0];
  if (!first || parts.some((p) => !p || p.shape.join() !== first.shape.join())) return null;
  return { shape: [value.length, ...first.shape], values: parts.flatMap((p) => p?.values ?? []) };
}

/** Elements a full walk sees: every array slot at every level (rows included). */
const elementsOf = (shape: number[]) =>
  shape.reduce((acc, d) => ({ size: acc.size * d, total: acc.total + acc.size * d }), { size: 1, total: 0 })
    .total;

/** Nested arrays of `shape` over `values`; with `share`, every row of a level is one shared array. */
function build(shape: number[], values: number[], share: boolean): unknown {
  const at = (axis: number, offset: number): unknown => {
    if (axis === shape.length) return values[offset];
    const size = shape[axis] ?? 0;
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    if (share && size > 0) {
      const row = at(axis + 1, offset);
      return Array.from({ length: size }, () => row);
    }
    return Array.from({ length: size }, (_, i) => at(axis + 1, offset + i * stride));
  };
  return at(0, 0);
}

const tensors = fc
  .array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 })
  .chain((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    return fc.tuple(
      fc.constant(shape),
      fc.array(fc.double(), { minLength: size, maxLength: size }),
      fc.boolean(),
    );
  })
  .map(([shape, values, share]) => build(shape, values, share));

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, fc.double(), fc.constant('x'), tie('array')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
}));

describe('toNumeric / shapeOf', () => {
  it('flattens numbers, nested arrays, typed arrays and tensors that crossed structured clone', () => {
    expect(toNumeric(7)).toEqual({ shape: [], values: [7] });
    expect(
      plain(
        readNumeric([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toEqual({ kind: 'numeric', shape: [2, 2], values: [1, 2, 3, 4] });
    expect(shapeOf(new Float64Array(3))).toEqual([3]);
    expect(shapeOf([new Float64Array(2), new Float64Array(2)])).toEqual([2, 2]);
    expect(shapeOf({ shape: [2, 1], data: new Float64Array([1, 2]) })).toEqual([2, 1]);
    expect(shapeOf({ shape: [2], data: [1, 2] })).toEqual([2]);
    expect(shapeOf([])).toEqual([0]);
    expect(shapeOf([[], []])).toEqual([2, 0]);
  });

  it('rejects ragged arrays and non-numbers', () => {
    expect(toNumeric([[1, 2], [3]])).toBeNull();
    expect(toNumeric([1, [2]])).toBeNull();
    expect(toNumeric([[1], 2])).toBeNull();
    expect(toNumeric(['1'])).toBeNull();
    expect(toNumeric('1')).toBeNull();
    expect(toNumeric(undefined)).toBeNull();
    expect(toNumeric({ shape: [3], data: [1, 2] })).toBeNull();
  });

  it('rejects mixed types, holes, BigInts and other cloneable things', () => {
    const notNumeric = [
      [1, '2'],
      [1, null],
      [1, undefined],
      [1n, 2n],
      new BigInt64Array(2),
      [new Date(0)],
      [{}],
      new Map([[1, 2]]),
      new Set([1]),
      withHole(), // a hole
      { shape: [3], data: new Array(3) }, // a tensor of holes
      { shape: [2], data: [1, '2'] },
      [[1, 2], new Uint8Array([3])],
      /1/,
      true,
    ];
    for (const value of notNumeric)
      expect(readNumeric(roundTrip(value)).kind, String(value)).toBe('not-numeric');
  });

  it('keeps NaN, infinities and -0 as they are', () => {
    const r = readNumeric(
      roundTrip([
        [Number.NaN, -0],
        [Infinity, -Infinity],
      ]),
    );
    expect(r.kind === 'numeric' && Array.from(r.values)).toEqual([Number.NaN, -0, Infinity, -Infinity]);
    expect(r.kind === 'numeric' && Object.is(r.values[1], -0)).toBe(true);
    expect(toNumeric(-0)?.values[0]).toBe(-0);
  });

  it('reads a shared row once per place it appears', () => {
    const row = [0, 1];
    const answer = roundTrip([row, row]);
    expect(answer[0]).toBe(answer[1]); // the round trip keeps the sharing
    expect(plain(readNumeric(answer))).toEqual({ kind: 'numeric', shape: [2, 2], values: [0, 1, 0, 1] });
  });

  it('unravels row-major indices', () => {
    expect(unravelIndex(5, [2, 3])).toEqual([1, 2]);
    expect(unravelIndex(0, [])).toEqual([]);
  });
});

describe('readNumeric within limits', () => {
  it('refuses the 2^40 doubling answer without walking it', () => {
    const counter = new ReadCounter();
    const budget = new Budget();
    expect(readNumeric(doubling(40, 1, counter.wrap), budget)).toEqual({
      kind: 'too-large',
      limit: MAX_ELEMENTS,
    });
    expect(counter.reads).toBeLessThanOrEqual(40); // the first element of each level, for the shape
    expect(budget.used).toBe(0);
    expect(readNumeric(roundTrip(doubling(40))).kind).toBe('too-large');
  });

  it('expands a shared answer up to the budget, and stops before walking past it', () => {
    const answer = roundTrip(doubling(12)); // 4096 numbers, 8190 elements
    const enough = new Budget(8190);
    const r = readNumeric(answer, enough);
    expect(r.kind === 'numeric' && r.shape).toEqual(new Array(12).fill(2));
    expect(r.kind === 'numeric' && Array.from(r.values).every((x) => x === 1)).toBe(true);
    expect(enough.used).toBe(8190);

    const counter = new ReadCounter();
    const small = new Budget(8189);
    expect(readNumeric(doubling(12, 1, counter.wrap), small)).toEqual({ kind: 'too-large', limit: 8189 });
    expect(counter.reads).toBeLessThanOrEqual(12);
    expect(small.used).toBe(0);
    expect(small.exhausted).toBe(true);
  });

  it('refuses long flat and typed answers by their length', () => {
    const budget = new Budget(1000);
    expect(readNumeric(new Array(1001).fill(1), budget).kind).toBe('too-large');
    expect(readNumeric(new Float64Array(1001), new Budget(1000)).kind).toBe('too-large');
    expect(readNumeric({ shape: [1001], data: new Array(1001).fill(0) }, new Budget(1000)).kind).toBe(
      'too-large',
    );
    expect(readNumeric(new Float64Array(1000), new Budget(1000)).kind).toBe('numeric');
    expect(readNumeric(new Array(MAX_ELEMENTS + 1).fill(1)).kind).toBe('too-large');
  });

  it('decides on a huge array of strings at its first element', () => {
    const counter = new ReadCounter();
    const budget = new Budget();
    expect(readNumeric(counter.wrap(new Array(1e7).fill('ab')), budget)).toEqual({ kind: 'not-numeric' });
    expect(counter.reads).toBe(1);
    expect(budget.used).toBe(0);
  });

  it('reports a cycle at the top and nested, with where it is', () => {
    expect(readNumeric(roundTrip(selfHolding()))).toEqual({ kind: 'cycle', path: '[0]' });
    expect(readNumeric(roundTrip(selfHolding([1])))).toEqual({ kind: 'cycle', path: '[1]' });
    const b: unknown[][] = [
      [1, 2],
      [3, 4],
    ];
    (b[1] as unknown[])[1] = b;
    const answer = roundTrip(b);
    expect((answer[1] as unknown[])[1]).toBe(answer); // the round trip keeps the cycle
    expect(readNumeric(answer)).toEqual({ kind: 'cycle', path: '[1][1]' });
    const inner: unknown[] = [5];
    inner.push(inner);
    expect(readNumeric(roundTrip([[0, 0], inner]))).toEqual({ kind: 'cycle', path: '[1][1]' });
    const deep: unknown[] = [[[1]]];
    ((deep[0] as unknown[])[0] as unknown[])[0] = deep;
    expect(readNumeric(roundTrip(deep))).toEqual({ kind: 'cycle', path: '[0][0][0]' });
  });

  it('stops at MAX_DEPTH levels, whatever the depth', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(readNumeric(v)).toEqual({ kind: 'too-deep', limit: MAX_DEPTH, path: '[0]'.repeat(MAX_DEPTH) });
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i++) ok = [ok];
    expect(shapeOf(ok)).toEqual(new Array(MAX_DEPTH).fill(1));
  });

  it('agrees with the naive reading on any nested array, shared rows included', () => {
    fc.assert(
      fc.property(fc.oneof(tensors, tree), (value) => {
        const answer = roundTrip(value);
        const expected = naive(answer);
        const got = toNumeric(answer, new Budget(Number.MAX_SAFE_INTEGER));
        expect(got && { shape: got.shape, values: Array.from(got.values) }).toEqual(expected);
        if (got && expected)
          expect(Array.from(got.values).every((x, i) => Object.is(x, expected.values[i]))).toBe(true);
      }),
    );
  });

  it('is too large exactly when a full walk would pass the budget, and never spends more', () => {
    fc.assert(
      fc.property(tensors, fc.integer({ min: 0, max: 300 }), (value, limit) => {
        const shape = naive(value)?.shape ?? [];
        const budget = new Budget(limit);
        const r = readNumeric(roundTrip(value), budget);
        expect(r.kind).toBe(elementsOf(shape) > limit ? 'too-large' : 'numeric');
        expect(budget.used).toBeLessThanOrEqual(limit);
      }),
    );
  });
});
