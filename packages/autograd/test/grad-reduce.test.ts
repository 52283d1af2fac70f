/** sum, mean, max over axes (with keepDims) and argmax: values against naive loops, gradients. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Tensor, tensor } from '../src/index.js';
import {
  distinctArb,
  expectGradientsMatch,
  naiveBroadcastIndex,
  RUNS,
  shapeArb,
  tensorArb,
} from './helpers.js';

/** A tensor with a random subset of its axes (as negative or positive numbers), or undefined = all. */
const reductionArb = (values?: (n: number) => fc.Arbitrary<number[]>) =>
  shapeArb(0, 3).chain((shape) =>
    fc.tuple(
      tensorArb(shape, values),
      fc.option(
        fc
          .subarray(shape.map((_, i) => i))
          .chain((axes) =>
            fc.tuple(...axes.map((a) => fc.constantFrom(a, a - shape.length))).map((xs) => [...xs]),
          ),
        { nil: undefined },
      ),
      fc.boolean(),
    ),
  );

/** Naive reduction: fold every element into the output cell it lands in. */
function naiveReduce(
  x: Tensor,
  axes: number[] | undefined,
  init: number,
  fold: (acc: number, v: number) => number,
) {
  const all = axes ?? x.shape.map((_, i) => i);
  const norm = all.map((a) => (a < 0 ? a + x.rank : a));
  const kept = x.shape.map((d, i) => (norm.includes(i) ? 1 : d));
  const out = new Array(kept.reduce((a, b) => a * b, 1)).fill(init);
  for (let i = 0; i < x.size; i++) {
    // the output cell of input i is its index under "kept broadcast to x.shape", inverted
    const o = naiveBroadcastIndex(i, kept, x.shape);
    out[o] = fold(out[o], x.data[i]!);
  }
  return { kept, out };
}

describe('sum / mean / max', () => {
  it('values and shapes match a naive fold, with and without keepDims', () => {
    fc.assert(
      fc.property(reductionArb(), ([x, axes, keepDims]) => {
        const { kept, out } = naiveReduce(x, axes, 0, (a, v) => a + v);
        const norm = (axes ?? x.shape.map((_, i) => i)).map((a) => (a < 0 ? a + x.rank : a));
        const shape = keepDims ? kept : x.shape.filter((_, i) => !norm.includes(i));
        const s = x.sum(axes, keepDims);
        expect(s.shape).toEqual(shape);
        out.forEach((v, i) => {
          expect(s.data[i]).toBeCloseTo(v, 12);
        });
        const count = x.size / out.length;
        const m = x.mean(axes, keepDims);
        out.forEach((v, i) => {
          expect(m.data[i]).toBeCloseTo(v / count, 12);
        });
        const mx = x.max(axes, keepDims);
        const { out: maxes } = naiveReduce(x, axes, Number.NEGATIVE_INFINITY, Math.max);
        expect(Array.from(mx.data)).toEqual(maxes);
      }),
      RUNS,
    );
  });

  it('known values', () => {
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(x.sum().shape).toEqual([]);
    expect(x.sum().item()).toBe(10);
    expect(x.sum(0).toArray()).toEqual([4, 6]);
    expect(x.sum(1, true).toArray()).toEqual([[3], [7]]);
    expect(x.mean().item()).toBe(2.5);
    expect(x.mean(-1).toArray()).toEqual([1.5, 3.5]);
    expect(x.max(1).toArray()).toEqual([2, 4]);
    expect(x.max([0, 1], true).toArray()).toEqual([[4]]);
    expect(() => x.sum(2)).toThrow('sum: axis 2 is out of range for a tensor of rank 2');
  });

  it('sum and mean gradients match central differences', () => {
    fc.assert(
      fc.property(reductionArb(), ([x, axes, keepDims]) => {
        expectGradientsMatch((a) => a.sum(axes, keepDims), [x]);
        expectGradientsMatch((a) => a.mean(axes, keepDims), [x]);
      }),
      RUNS,
    );
  });

  it('max gradients match central differences (distinct values, so no ties)', () => {
    fc.assert(
      fc.property(reductionArb(distinctArb), ([x, axes, keepDims]) =>
        expectGradientsMatch((a) => a.max(axes, keepDims), [x]),
      ),
      RUNS,
    );
  });

  it('max sends the gradient to the first maximum only', () => {
    const x = tensor([3, 1, 3], { requiresGrad: true });
    x.max().backward();
    expect(x.grad!.toArray()).toEqual([1, 0, 0]);
  });
});

describe('argmax', () => {
  it('returns indices along the last axis by default, first on ties, never requiring grad', () => {
    const x = tensor(
      [
        [0.1, 0.7, 0.2],
        [0.9, 0.05, 0.05],
        [0.3, 0.3, 0.3],
      ],
      { requiresGrad: true },
    );
    const idx = x.argmax();
    expect(idx.toArray()).toEqual([1, 0, 0]);
    expect(idx.requiresGrad).toBe(false);
    expect(x.argmax(0).toArray()).toEqual([1, 0, 2]);
    expect(tensor([5, 9, 2]).argmax().item()).toBe(1);
  });

  it('agrees with max along the same axis', () => {
    const arb = shapeArb(1, 3).chain((shape) =>
      fc.tuple(tensorArb(shape), fc.integer({ min: -shape.length, max: shape.length - 1 })),
    );
    fc.assert(
      fc.property(arb, ([x, axis]) => {
        const idx = x.argmax(axis);
        const mx = x.max(axis);
        const ax = axis < 0 ? axis + x.rank : axis;
        const inner = x.shape.slice(ax + 1).reduce((a, b) => a * b, 1);
        const n = x.shape[ax]!;
        for (let o = 0; o < idx.size; o++) {
          const outer = Math.floor(o / inner);
          const k = o % inner;
          expect(x.data[(outer * n + idx.data[o]!) * inner + k]).toBe(mx.data[o]);
        }
      }),
      RUNS,
    );
  });
});
