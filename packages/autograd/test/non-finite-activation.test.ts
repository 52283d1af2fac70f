/**
 * Activations and reductions with NaN, ±Infinity and −0 against plain references with numpy's (and
 * scipy's) semantics: NaN propagates, `max`/`argmax` pick the first NaN, softmax is scipy's
 * `exp(x − max) / Σ exp(x − max)` (so a row holding +Inf, or only −Inf, is NaN, as in scipy and
 * PyTorch). The sign of a zero result is compared where numpy defines it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Tensor, tensor } from '../src/index.js';
import { shapeArb } from './helpers.js';
import { expectSameNumbers, RUNS, specialValuesArb } from './non-finite.js';

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const make = (values: number[], shape: readonly number[], requiresGrad = false): Tensor =>
  tensor(Float64Array.from(values), { shape: shape.slice(), requiresGrad });

const caseArb = (minRank = 0) =>
  shapeArb(minRank).chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      x: specialValuesArb(size(shape)),
      g: specialValuesArb(size(shape)),
      axis: fc.integer({ min: 0, max: Math.max(0, shape.length - 1) }),
    }),
  );

/** The slices along `axis`: for each, the flat indices of its elements in order. */
function slices(shape: readonly number[], axis: number): number[][] {
  const n = shape[axis] ?? 1;
  const inner = size(shape.slice(axis + 1));
  const outer = size(shape.slice(0, axis));
  const out: number[][] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) out.push(Array.from({ length: n }, (_, j) => (o * n + j) * inner + i));
  }
  return out;
}

describe('elementwise activations with NaN, ±Infinity and −0', () => {
  const cases: [string, (t: Tensor) => Tensor, (x: number) => number, boolean][] = [
    // numpy's heaviside(x, 1): 1 at ±0, NaN for NaN
    ['step', (t) => t.step(), (x) => (Number.isNaN(x) ? x : x >= 0 ? 1 : 0), true],
    // scipy's expit
    ['sigmoid', (t) => t.sigmoid(), (x) => 1 / (1 + Math.exp(-x)), true],
    ['tanh', (t) => t.tanh(), Math.tanh, true],
    // maximum(x, 0): numpy's sign for relu(−0) depends on the version (and SIMD path); ours is +0
    ['relu', (t) => t.relu(), (x) => (x > 0 || Number.isNaN(x) ? x : 0), false],
    // where(x >= 0, x, 0.2·x): −0 stays −0
    ['leakyRelu', (t) => t.leakyRelu(), (x) => (x >= 0 ? x : 0.2 * x), true],
  ];
  for (const [name, op, ref, signedZero] of cases) {
    it(`${name}: forward matches the reference`, () => {
      fc.assert(
        fc.property(caseArb(), ({ shape, x }) => {
          expectSameNumbers(op(make(x, shape)).data, x.map(ref), { signedZero, rtol: 1e-15 });
        }),
        RUNS,
      );
    });
  }

  it('tanh and sigmoid: gradients are g·(1 − y²) and g·y(1 − y), NaN/Inf included', () => {
    fc.assert(
      fc.property(caseArb(), ({ shape, x, g }) => {
        const a = make(x, shape, true);
        a.tanh().backward(make(g, shape));
        expectSameNumbers(
          a.grad!.data,
          x.map((v, i) => g[i]! * (1 - Math.tanh(v) ** 2)),
          { rtol: 1e-12 },
        );
        const b = make(x, shape, true);
        b.sigmoid().backward(make(g, shape));
        const s = (v: number) => 1 / (1 + Math.exp(-v));
        expectSameNumbers(
          b.grad!.data,
          x.map((v, i) => g[i]! * s(v) * (1 - s(v))),
          { rtol: 1e-12 },
        );
      }),
      RUNS,
    );
  });

  it('relu, leakyRelu and clip: gradients select g (NaN and Inf too) where the input is in the linear part', () => {
    fc.assert(
      fc.property(caseArb(), ({ shape, x, g }) => {
        // selections, not products (as PyTorch's threshold_backward): a NaN g stays out where the slope is 0
        const r = make(x, shape, true);
        r.relu().backward(make(g, shape));
        expectSameNumbers(
          r.grad!.data,
          x.map((v, i) => (v > 0 ? g[i]! : 0)),
          { rtol: 0 },
        );
        const l = make(x, shape, true);
        l.leakyRelu().backward(make(g, shape));
        expectSameNumbers(
          l.grad!.data,
          x.map((v, i) => (v >= 0 ? g[i]! : 0.2 * g[i]!)),
          { rtol: 0 },
        );
        const c = make(x, shape, true);
        c.clip(-1, 1).backward(make(g, shape));
        expectSameNumbers(
          c.grad!.data,
          x.map((v, i) => (v >= -1 && v <= 1 ? g[i]! : 0)),
          { rtol: 0 },
        );
      }),
      RUNS,
    );
  });

  it('softmax and logSoftmax along an axis match the shifted reference (NaN in a slice: all NaN)', () => {
    fc.assert(
      fc.property(caseArb(1), ({ shape, x, axis }) => {
        const want = new Array<number>(x.length);
        const wantLog = new Array<number>(x.length);
        for (const idx of slices(shape, axis)) {
          // Math.max over the slice: NaN as soon as one element is NaN, as numpy's max
          const m = Math.max(...idx.map((i) => x[i]!));
          const total = idx.reduce((s, i) => s + Math.exp(x[i]! - m), 0);
          for (const i of idx) {
            want[i] = Math.exp(x[i]! - m) / total;
            wantLog[i] = x[i]! - (m + Math.log(total));
          }
        }
        expectSameNumbers(make(x, shape).softmax(axis).data, want, { rtol: 1e-12 });
        expectSameNumbers(make(x, shape).logSoftmax(axis).data, wantLog, { rtol: 1e-12 });
      }),
      RUNS,
    );
  });
});

describe('reductions with NaN, ±Infinity and −0', () => {
  /** sum, mean and max along `axis` by plain loops (numpy: NaN propagates, max picks NaN). */
  function reduceRef(x: number[], shape: number[], axis: number) {
    const sums: number[] = [];
    const maxes: number[] = [];
    const argmaxes: number[] = [];
    const winners: number[] = [];
    for (const idx of slices(shape, axis)) {
      sums.push(idx.reduce((s, i) => s + x[i]!, 0));
      let best = 0;
      for (let j = 1; j < idx.length && !Number.isNaN(x[idx[best]!]!); j++) {
        const v = x[idx[j]!]!;
        if (Number.isNaN(v) || v > x[idx[best]!]!) best = j;
      }
      maxes.push(x[idx[best]!]!);
      argmaxes.push(best);
      winners.push(idx[best]!);
    }
    return { sums, maxes, argmaxes, winners, count: shape[axis]! };
  }

  it('sum, mean, max and argmax along an axis match plain loops', () => {
    fc.assert(
      fc.property(caseArb(1), ({ shape, x, axis }) => {
        const t = make(x, shape);
        const { sums, maxes, argmaxes, count } = reduceRef(x, shape, axis);
        expectSameNumbers(t.sum(axis).data, sums, { rtol: 1e-12 });
        expectSameNumbers(
          t.mean(axis).data,
          sums.map((s) => s / count),
          { rtol: 1e-12 },
        );
        // max's result is one of the inputs: compared exactly, −0 included
        expectSameNumbers(t.max(axis).data, maxes, { rtol: 0, signedZero: true });
        expectSameNumbers(t.argmax(axis).data, argmaxes, { rtol: 0 });
      }),
      RUNS,
    );
  });

  it('sum and mean over everything propagate NaN and Inf − Inf = NaN', () => {
    fc.assert(
      fc.property(caseArb(), ({ shape, x }) => {
        const total = x.reduce((s, v) => s + v, 0);
        expectSameNumbers(make(x, shape).sum().data, [total], { rtol: 1e-12 });
        expectSameNumbers(make(x, shape).mean().data, [total / x.length], { rtol: 1e-12 });
      }),
      RUNS,
    );
  });

  it('gradients: sum passes g (NaN too) to every input; max to the winner (the first NaN if any)', () => {
    fc.assert(
      fc.property(caseArb(1), ({ shape, x, g, axis }) => {
        const { winners } = reduceRef(x, shape, axis);
        const slicesOf = slices(shape, axis);
        const up = g.slice(0, slicesOf.length);
        const outShape = shape.filter((_, i) => i !== axis);
        const a = make(x, shape, true);
        a.sum(axis).backward(make(up, outShape));
        const wantSum = new Array<number>(x.length);
        slicesOf.forEach((idx, o) => {
          for (const i of idx) wantSum[i] = up[o]!;
        });
        expectSameNumbers(a.grad!.data, wantSum, { rtol: 0 });
        const b = make(x, shape, true);
        b.max(axis).backward(make(up, outShape));
        const wantMax = new Array<number>(x.length).fill(0);
        winners.forEach((w, o) => {
          wantMax[w] = up[o]!;
        });
        expectSameNumbers(b.grad!.data, wantMax, { rtol: 0 });
      }),
      RUNS,
    );
  });

  it('max and argmax: a NaN after the largest value still wins', () => {
    const t = tensor([1, 5, Number.NaN, 7, Number.NaN]);
    expect(t.max().item()).toBeNaN();
    expect(t.argmax().item()).toBe(2);
  });
});
