/**
 * The judge's own perceptron: recomputes every expected value from the same inputs and the same
 * draws, so the checks never need the reference solution. Kept apart from `checks.ts` so that the
 * checks read as a list.
 */

/** Weights as the student's functions take and return them. */
export interface Weights {
  w: number[];
  b: number;
}

/** One training sample. */
export interface Sample {
  x: number[];
  d: number;
}

/** The lecture's activation function: 1 for x >= 0, else 0. */
export const stepOf = (x: number): number => (x >= 0 ? 1 : 0);

/** Σ w_i x_i + b, summed in index order with the bias first (any order agrees to rounding). */
export function sumOf(x: readonly number[], w: readonly number[], b: number): number {
  let s = b;
  for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * (x[i] ?? 0);
  return s;
}

/** The perceptron's output for one input. */
export const outputOf = (x: readonly number[], { w, b }: Weights): number => stepOf(sumOf(x, w, b));

/** The perceptron rule: w_i += lr (d - y) x_i, b += lr (d - y). */
export function updateOf(weights: Weights, x: readonly number[], d: number, lr: number): Weights {
  const delta = lr * (d - outputOf(x, weights));
  return { w: weights.w.map((wi, i) => wi + delta * (x[i] ?? 0)), b: weights.b + delta };
}

/** The weights after each sample of one round, in data order. */
export function roundOf(weights: Weights, data: readonly Sample[], lr: number): Weights[] {
  const out: Weights[] = [];
  let current = weights;
  for (const { x, d } of data) {
    current = updateOf(current, x, d, lr);
    out.push(current);
  }
  return out;
}

/** The fraction of samples classified correctly. */
export function accuracyOf(weights: Weights, data: readonly Sample[]): number {
  return data.filter(({ x, d }) => outputOf(x, weights) === d).length / data.length;
}

/** Initial weights from draws u_0, u_1, ... in [0, 1): w_i = -1 + 2 u_i, then b. */
export function initOf(n: number, next: () => number): Weights {
  const w: number[] = [];
  for (let i = 0; i < n; i++) w.push(-1 + 2 * next());
  return { w, b: -1 + 2 * next() };
}

/** A whole training run as the README documents it: init, then `epochs` rounds, accuracy after each. */
export function trainOf(
  data: readonly Sample[],
  lr: number,
  epochs: number,
  next: () => number,
): { weights: Weights; accuracy: number[] } {
  let weights = initOf(data[0]?.x.length ?? 0, next);
  const accuracy: number[] = [];
  for (let r = 0; r < epochs; r++) {
    weights = roundOf(weights, data, lr).at(-1) ?? weights;
    accuracy.push(accuracyOf(weights, data));
  }
  return { weights, accuracy };
}

/** The gates of the lecture as training data. */
export const GATES: Record<'AND' | 'OR' | 'XOR', Sample[]> = {
  AND: [
    { x: [0, 0], d: 0 },
    { x: [0, 1], d: 0 },
    { x: [1, 0], d: 0 },
    { x: [1, 1], d: 1 },
  ],
  OR: [
    { x: [0, 0], d: 0 },
    { x: [0, 1], d: 1 },
    { x: [1, 0], d: 1 },
    { x: [1, 1], d: 1 },
  ],
  XOR: [
    { x: [0, 0], d: 0 },
    { x: [0, 1], d: 1 },
    { x: [1, 0], d: 1 },
    { x: [1, 1], d: 0 },
  ],
};
