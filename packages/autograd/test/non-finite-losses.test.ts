/**
 * The losses with NaN, ±Infinity and −0 in predictions, logits or targets, against plain references
 * of the formulas Keras/TensorFlow use (IEEE arithmetic, so NaN propagates to the loss, and a
 * ±Infinity logit gives what TensorFlow's formula gives, often NaN). Losses are scalars built from
 * sums, so the sign of a zero loss is not compared. And the shape ops, which only move values: NaN
 * and −0 come through bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryCrossentropy,
  categoricalCrossentropy,
  concat,
  getActivation,
  meanSquaredError,
  sparseCategoricalCrossentropy,
  type Tensor,
  tensor,
} from '../src/index.js';
import { expectSameNumbers, RUNS, specialValuesArb } from './non-finite.js';

const EPS = 1e-7;
const make = (values: number[], shape: readonly number[], requiresGrad = false): Tensor =>
  tensor(Float64Array.from(values), { shape: shape.slice(), requiresGrad });

const batchArb = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      t: specialValuesArb(rows * cols),
      p: specialValuesArb(rows * cols),
    }),
  );

/** mean over rows of `f(row of t, row of p)`. */
function meanOfRows(
  t: number[],
  p: number[],
  rows: number,
  cols: number,
  f: (t: number[], p: number[]) => number,
) {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    total += f(t.slice(r * cols, (r + 1) * cols), p.slice(r * cols, (r + 1) * cols));
  }
  return total / rows;
}
const sumOf = (xs: number[]): number => xs.reduce((s, v) => s + v, 0);
/** numpy's clip (NaN stays NaN). */
const clip = (v: number, lo: number, hi: number): number =>
  Number.isNaN(v) ? v : Math.min(Math.max(v, lo), hi);

describe('losses with NaN, ±Infinity and −0', () => {
  it('meanSquaredError: mean over the last axis, then the batch, of (p − t)²', () => {
    fc.assert(
      fc.property(batchArb, ({ rows, cols, t, p }) => {
        const want = meanOfRows(
          t,
          p,
          rows,
          cols,
          (tr, pr) => sumOf(pr.map((v, j) => (v - tr[j]!) ** 2)) / cols,
        );
        const got = meanSquaredError(make(t, [rows, cols]), make(p, [rows, cols]));
        expectSameNumbers(got.data, [want], { rtol: 1e-12 });
      }),
      RUNS,
    );
  });

  it('binaryCrossentropy on probabilities: p clipped to [ε, 1 − ε], NaN kept', () => {
    fc.assert(
      fc.property(batchArb, ({ rows, cols, t, p }) => {
        const want = -meanOfRows(
          t,
          p,
          rows,
          cols,
          (tr, pr) =>
            sumOf(
              pr.map((v, j) => {
                const q = clip(v, EPS, 1 - EPS);
                return tr[j]! * Math.log(q) + (1 - tr[j]!) * Math.log(1 - q);
              }),
            ) / cols,
        );
        const got = binaryCrossentropy(make(t, [rows, cols]), make(p, [rows, cols]));
        expectSameNumbers(got.data, [want], { rtol: 1e-9 });
      }),
      RUNS,
    );
  });

  it("binaryCrossentropy after 'sigmoid': TensorFlow's max(z, 0) − z·t + log(1 + e^−|z|)", () => {
    fc.assert(
      fc.property(batchArb, ({ rows, cols, t, p: z }) => {
        const want = meanOfRows(
          t,
          z,
          rows,
          cols,
          (tr, zr) =>
            sumOf(zr.map((v, j) => Math.max(v, 0) - v * tr[j]! + Math.log1p(Math.exp(-Math.abs(v))))) / cols,
        );
        const yPred = getActivation('sigmoid')(make(z, [rows, cols]));
        expectSameNumbers(binaryCrossentropy(make(t, [rows, cols]), yPred).data, [want], { rtol: 1e-9 });
      }),
      RUNS,
    );
  });

  it('categoricalCrossentropy on probabilities: rows divided by their sum, clipped, −Σ t·log p', () => {
    fc.assert(
      fc.property(batchArb, ({ rows, cols, t, p }) => {
        const want = -meanOfRows(t, p, rows, cols, (tr, pr) => {
          const s = sumOf(pr);
          return sumOf(pr.map((v, j) => tr[j]! * Math.log(clip(v / s, EPS, 1 - EPS))));
        });
        const got = categoricalCrossentropy(make(t, [rows, cols]), make(p, [rows, cols]));
        expectSameNumbers(got.data, [want], { rtol: 1e-9 });
      }),
      RUNS,
    );
  });

  it("categoricalCrossentropy after 'softmax': −Σ t·log softmax(z) and its gradient (softmax(z)·Σt − t)/rows", () => {
    fc.assert(
      fc.property(batchArb, ({ rows, cols, t, p: z }) => {
        const logSoftmax = (zr: number[]): number[] => {
          const m = Math.max(...zr);
          const logSum = m + Math.log(sumOf(zr.map((v) => Math.exp(v - m))));
          return zr.map((v) => v - logSum);
        };
        const want = -meanOfRows(t, z, rows, cols, (tr, zr) =>
          sumOf(logSoftmax(zr).map((l, j) => tr[j]! * l)),
        );
        const logits = make(z, [rows, cols], true);
        const loss = categoricalCrossentropy(make(t, [rows, cols]), getActivation('softmax')(logits));
        expectSameNumbers(loss.data, [want], { rtol: 1e-9 });
        loss.backward();
        const wantGrad: number[] = [];
        for (let r = 0; r < rows; r++) {
          const tr = t.slice(r * cols, (r + 1) * cols);
          const ls = logSoftmax(z.slice(r * cols, (r + 1) * cols));
          for (const [j, l] of ls.entries()) wantGrad.push((Math.exp(l) * sumOf(tr) - tr[j]!) / rows);
        }
        expectSameNumbers(logits.grad!.data, wantGrad, { rtol: 1e-9 });
      }),
      RUNS,
    );
  });
});

describe('sparseCategoricalCrossentropy with non-finite predictions', () => {
  it('is −mean log(clip(p[label])) (NaN and Inf predictions included); a NaN label is an error', () => {
    fc.assert(
      fc.property(
        batchArb.chain((c) =>
          fc.record({
            c: fc.constant(c),
            labels: fc.array(fc.integer({ min: 0, max: c.cols - 1 }), {
              minLength: c.rows,
              maxLength: c.rows,
            }),
          }),
        ),
        ({ c: { rows, cols, p }, labels }) => {
          // Keras: clipped probabilities, their logs as logits, then softmax cross-entropy
          const got = sparseCategoricalCrossentropy(make(labels, [rows]), make(p, [rows, cols]));
          let total = 0;
          for (let r = 0; r < rows; r++) {
            const q = p.slice(r * cols, (r + 1) * cols).map((v) => Math.log(clip(v, EPS, 1 - EPS)));
            const m = Math.max(...q);
            const logSum = m + Math.log(sumOf(q.map((v) => Math.exp(v - m))));
            total -= q[labels[r]!]! - logSum;
          }
          expectSameNumbers(got.data, [total / rows], { rtol: 1e-9 });
        },
      ),
      RUNS,
    );
    expect(() => sparseCategoricalCrossentropy(tensor([Number.NaN]), tensor([[0.5, 0.5]]))).toThrow(
      RangeError,
    );
  });
});

describe('shape ops move NaN, ±Infinity and −0 unchanged', () => {
  it('transpose, reshape, concat and gather', () => {
    fc.assert(
      fc.property(batchArb, ({ rows, cols, t }) => {
        const x = make(t, [rows, cols]);
        const want: number[] = [];
        for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) want.push(t[i * cols + j]!);
        const exact = { rtol: 0, signedZero: true };
        expectSameNumbers(x.transpose().data, want, exact);
        expectSameNumbers(x.reshape([cols, rows]).data, t, exact);
        expectSameNumbers(concat([x, x], 0).data, [...t, ...t], exact);
        expectSameNumbers(
          x.gather([rows - 1, 0]).data,
          [...t.slice((rows - 1) * cols), ...t.slice(0, cols)],
          exact,
        );
      }),
      RUNS,
    );
  });
});
