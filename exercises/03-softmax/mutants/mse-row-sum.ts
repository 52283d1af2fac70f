// Mutant: meanSquaredError sums the squared errors within a row instead of averaging them (Keras averages over the last axis).
/**
 * Exercise 03 — One Hot Encoding, Softmax, Loss (reference solution).
 *
 * Shapes: a "batch" is `number[][]` with one row per sample (Keras' [batch, features]).
 */
import type { Tensor } from '@gradschool/autograd';

/** Keras' `epsilon()`: predictions are clipped to [EPSILON, 1 − EPSILON] before `log`. */
export const EPSILON = 1e-7;

/** One sample's loss L(y, ŷ), Keras' argument order: the target first, the prediction second. */
export type SampleLoss = (yTrue: number[], yPred: number[]) => number;

/** A model f(x; W): one input in, one prediction out (W lives inside the function). */
export type Model = (x: number[]) => number[];

/** One Hot Encoding: `oneHot(1, 2)` → `[0, 1]`, `oneHot(5, 10)` → 1 at index 5, 0 elsewhere. */
export function oneHot(label: number, n: number): number[] {
  if (!Number.isInteger(label) || label < 0 || label >= n) {
    throw new RangeError(`oneHot: label ${label} is not an integer in 0..${n - 1}`);
  }
  const out = new Array<number>(n).fill(0);
  out[label] = 1;
  return out;
}

/** One Hot Encoding of every label: `oneHotBatch([0, 1], 2)` → `[[1, 0], [0, 1]]`. */
export function oneHotBatch(labels: number[], n: number): number[][] {
  return labels.map((label) => oneHot(label, n));
}

/** Index of the largest value (the first one on ties): `argmax([0.2, 0.7, 0.1])` → `1`. */
export function argmax(x: number[]): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) {
    if (x[i]! > x[best]!) best = i;
  }
  return best;
}

/** Softmax: `softmax([1, 1, 2])` → `[0.21194156, 0.21194156, 0.57611688]`. */
export function softmax(x: number[]): number[] {
  // exp(x − max) / Σ exp(x − max) equals exp(x) / Σ exp(x), but exp never overflows.
  const max = Math.max(...x);
  const e = x.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Softmax of every row: `softmax2d([[1, 1, 2], [0, 0, 0]])`. */
export function softmax2d(x: number[][]): number[][] {
  return x.map(softmax);
}

/** The average of one number per row. */
function meanOverBatch(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean Squared Error, Keras' way: mean of (y − ŷ)² over each row, then over the batch. */
export function meanSquaredError(yTrue: number[][], yPred: number[][]): number {
  return meanOverBatch(
    yTrue.map((row, i) => {
      const pred = yPred[i]!;
      return row.reduce((acc, y, j) => acc + (y - pred[j]!) ** 2, 0);
    }),
  );
}

/** Binary Cross Entropy, Keras' way: clip ŷ to [ε, 1 − ε], mean over each row, then the batch. */
export function binaryCrossentropy(yTrue: number[][], yPred: number[][]): number {
  return meanOverBatch(
    yTrue.map((row, i) => {
      const pred = yPred[i]!;
      let sum = 0;
      for (let j = 0; j < row.length; j++) {
        const p = Math.min(Math.max(pred[j]!, EPSILON), 1 - EPSILON);
        sum += -(row[j]! * Math.log(p) + (1 - row[j]!) * Math.log(1 - p));
      }
      return sum / row.length;
    }),
  );
}

/**
 * Categorical Cross Entropy, Keras' way: each row of ŷ is divided by its sum, clipped to
 * [ε, 1 − ε], then −Σ y·log ŷ per row, averaged over the batch.
 */
export function categoricalCrossentropy(yTrue: number[][], yPred: number[][]): number {
  return meanOverBatch(
    yTrue.map((row, i) => {
      const pred = yPred[i]!;
      const total = pred.reduce((a, b) => a + b, 0);
      let sum = 0;
      for (let j = 0; j < row.length; j++) {
        const p = Math.min(Math.max(pred[j]! / total, EPSILON), 1 - EPSILON);
        sum += -row[j]! * Math.log(p);
      }
      return sum;
    }),
  );
}

/** Empirical Loss J(W) = (1/N) Σᵢ L(f(x⁽ⁱ⁾; W), y⁽ⁱ⁾): the average loss over a whole data set. */
export function empiricalLoss(f: Model, loss: SampleLoss, xs: number[][], ys: number[][]): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    total += loss(ys[i]!, f(xs[i]!));
  }
  return total / xs.length;
}

/**
 * Softmax over the last axis built from engine ops (`max`, `sub`, `exp`, `sum`, `div`), so that
 * `backward()` reaches `x`. Works for a vector [n] and a batch [batch, n].
 */
export function softmaxTensor(x: Tensor): Tensor {
  // The shift is a constant for the gradient: softmax(x − c) = softmax(x) for any c.
  const shifted = x.sub(x.max(-1, true).detach());
  const e = shifted.exp();
  return e.div(e.sum(-1, true));
}
