/**
 * The judge's own math for exercise 03 (trusted, grader side): reference softmax, Keras' losses, the
 * analytic softmax gradient, and seeded random inputs. Written independently of `solution/`.
 */
import type { Rng } from '@gradschool/autograd';

/** Keras' `epsilon()`. */
const EPS = 1e-7;

/** Rounded to 3 decimals, so that inputs read well in messages. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A vector of `n` values uniform in [lo, hi), rounded to 3 decimals. */
export function randomVector(rng: Rng, n: number, lo: number, hi: number): number[] {
  return Array.from({ length: n }, () => round3(rng.uniform(lo, hi)));
}

/** A `rows` × `cols` matrix of values uniform in [lo, hi), rounded to 3 decimals. */
export function randomMatrix(rng: Rng, rows: number, cols: number, lo: number, hi: number): number[][] {
  return Array.from({ length: rows }, () => randomVector(rng, cols, lo, hi));
}

/** `count` integer labels in 0..n-1. */
export function randomLabels(rng: Rng, count: number, n: number): number[] {
  return Array.from({ length: count }, () => rng.int(n));
}

/** A `rows` × `cols` matrix of 0s and 1s (binary targets). */
export function randomBinaryMatrix(rng: Rng, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => randomLabels(rng, cols, 2));
}

/** `rows` one-hot rows of length `classes`. */
export function randomOneHotRows(rng: Rng, rows: number, classes: number): number[][] {
  return randomLabels(rng, rows, classes).map((label) =>
    Array.from({ length: classes }, (_, j) => (j === label ? 1 : 0)),
  );
}

/** `rows` probability rows (positive, summing to 1) of length `classes`. */
export function randomProbabilityRows(rng: Rng, rows: number, classes: number): number[][] {
  return randomMatrix(rng, rows, classes, -2, 2).map(refSoftmax);
}

/** Softmax computed in a numerically safe way: exp(x − max) / Σ exp(x − max). */
export function refSoftmax(x: readonly number[]): number[] {
  const max = Math.max(...x);
  const e = x.map((v) => Math.exp(v - max));
  let total = 0;
  for (const v of e) total += v;
  return e.map((v) => v / total);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const clip = (p: number) => Math.min(Math.max(p, EPS), 1 - EPS);

/** Keras' `mean_squared_error`: mean over the last axis, then over the batch. */
export function mse(yTrue: number[][], yPred: number[][]): number {
  return mean(yTrue.map((row, i) => mean(row.map((y, j) => (y - yPred[i]![j]!) ** 2))));
}

/** Keras' `binary_crossentropy`: clip to [ε, 1 − ε], mean over the last axis, then the batch. */
export function bce(yTrue: number[][], yPred: number[][]): number {
  return mean(
    yTrue.map((row, i) =>
      mean(
        row.map((y, j) => -(y * Math.log(clip(yPred[i]![j]!)) + (1 - y) * Math.log(1 - clip(yPred[i]![j]!)))),
      ),
    ),
  );
}

/** Keras' `categorical_crossentropy`: rows divided by their sum, clipped, −Σ y·log ŷ, batch mean. */
export function cce(yTrue: number[][], yPred: number[][]): number {
  return mean(
    yTrue.map((row, i) => {
      const pred = yPred[i]!;
      const total = pred.reduce((a, b) => a + b, 0);
      return -row.reduce((acc, y, j) => acc + y * Math.log(clip(pred[j]! / total)), 0);
    }),
  );
}

/**
 * dL/dx for L = Σ c ⊙ softmax(x) (softmax per row): ∂L/∂xᵢⱼ = yᵢⱼ (cᵢⱼ − Σₖ cᵢₖ yᵢₖ).
 * `test/judge-math.test.ts` confirms this formula against central differences of `refSoftmax`.
 */
export function softmaxGradient(x: number[][], c: number[][]): number[][] {
  return x.map((row, i) => {
    const y = refSoftmax(row);
    const ci = c[i]!;
    const dot = y.reduce((acc, v, k) => acc + v * ci[k]!, 0);
    return y.map((v, j) => v * (ci[j]! - dot));
  });
}

/** Central differences of `f` at `x` (every entry of a matrix), step `h`. */
export function centralDifferences(f: (x: number[][]) => number, x: number[][], h = 1e-5): number[][] {
  return x.map((row, i) =>
    row.map((_, j) => {
      const shifted = (delta: number) =>
        x.map((r, a) => r.map((v, b) => (a === i && b === j ? v + delta : v)));
      return (f(shifted(h)) - f(shifted(-h))) / (2 * h);
    }),
  );
}
