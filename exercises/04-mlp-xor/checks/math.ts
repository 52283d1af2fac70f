/**
 * The judge's own math for exercise 04 (trusted, grader side): the MLP's forward pass and loss in the
 * slides' notation, central differences over every parameter, the same network from Keras-layout
 * weights, and seeded random inputs. Written independently of `solution/`.
 */
import type { Rng } from '@gradschool/autograd';

/** The MLP's parameters in the slides' layout: W1 [hidden][input], B1 [hidden], W2 [hidden][output], B2 [output]. */
export interface Params {
  W1: number[][];
  B1: number[];
  W2: number[][];
  B2: number[];
}

export const PARAM_NAMES = ['W1', 'B1', 'W2', 'B2'] as const;

/** The XOR inputs and one-hot targets of the slide, and each input's class. */
export const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];
export const XOR_CLASS = [0, 1, 1, 0];

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const vector = (rng: Rng, n: number, lo: number, hi: number) =>
  Array.from({ length: n }, () => round3(rng.uniform(lo, hi)));
const matrix = (rng: Rng, rows: number, cols: number, lo: number, hi: number) =>
  Array.from({ length: rows }, () => vector(rng, cols, lo, hi));

/** Random parameters of an input → hidden → output MLP, values in [-1.5, 1.5). */
export function randomParams(rng: Rng, input: number, hidden: number, output: number): Params {
  return {
    W1: matrix(rng, hidden, input, -1.5, 1.5),
    B1: vector(rng, hidden, -1.5, 1.5),
    W2: matrix(rng, hidden, output, -1.5, 1.5),
    B2: vector(rng, output, -1.5, 1.5),
  };
}

/** A random input in [-2, 2) and a random one-hot target. */
export function randomSample(rng: Rng, input: number, output: number): { x: number[]; target: number[] } {
  const label = rng.int(output);
  return {
    x: vector(rng, input, -2, 2),
    target: Array.from({ length: output }, (_, k) => (k === label ? 1 : 0)),
  };
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** N = sigmoid(W1·x + B1), y = softmax(W2ᵀ·N + B2), written as sums over the slides' indices. */
export function mlpForward(p: Params, x: readonly number[]): { n: number[]; y: number[] } {
  const n = p.B1.map((b, j) => {
    let z = b;
    for (let i = 0; i < x.length; i++) z += p.W1[j]![i]! * x[i]!;
    return sigmoid(z);
  });
  const z2 = p.B2.map((b, k) => {
    let z = b;
    for (let j = 0; j < n.length; j++) z += p.W2[j]![k]! * n[j]!;
    return z;
  });
  return { n, y: softmax(z2) };
}

/** One sample's categorical cross-entropy L = −Σₖ tₖ·log yₖ (no clipping: y is never 0 here). */
export function mlpLoss(p: Params, x: readonly number[], target: readonly number[]): number {
  const { y } = mlpForward(p, x);
  return -target.reduce((acc, t, k) => acc + t * Math.log(y[k]!), 0);
}

/** ∂L/∂θ for every parameter θ by central differences (L(θ + h) − L(θ − h)) / 2h. */
export function numericGradients(
  p: Params,
  x: readonly number[],
  target: readonly number[],
  h = 1e-6,
): Params {
  const bump = (name: (typeof PARAM_NAMES)[number], index: number[], delta: number): Params => {
    const copy: Params = {
      W1: p.W1.map((r) => [...r]),
      B1: [...p.B1],
      W2: p.W2.map((r) => [...r]),
      B2: [...p.B2],
    };
    const [a = 0, b = 0] = index;
    if (name === 'W1' || name === 'W2') {
      const row = copy[name][a]!;
      row[b] = row[b]! + delta;
    } else {
      copy[name][a] = copy[name][a]! + delta;
    }
    return copy;
  };
  const d = (name: (typeof PARAM_NAMES)[number], index: number[]) =>
    (mlpLoss(bump(name, index, h), x, target) - mlpLoss(bump(name, index, -h), x, target)) / (2 * h);
  return {
    W1: p.W1.map((row, j) => row.map((_, i) => d('W1', [j, i]))),
    B1: p.B1.map((_, j) => d('B1', [j])),
    W2: p.W2.map((row, j) => row.map((_, k) => d('W2', [j, k]))),
    B2: p.B2.map((_, k) => d('B2', [k])),
  };
}

/** A matrix as `[rows][cols]` from a Keras-layout tensor `{ shape: [rows, cols], data }`. */
export function rowsOf(t: { shape: number[]; data: number[] }): number[][] {
  const [rows = 0, cols = 0] = t.shape;
  return Array.from({ length: rows }, (_, r) => t.data.slice(r * cols, (r + 1) * cols));
}

/**
 * The slide's Keras model from its weights (Keras layout: kernel [in, units], so h = x·K + b):
 * Dense(sigmoid) then Dense(softmax), for every row of `xs`.
 */
export function kerasMlpPredict(weights: { shape: number[]; data: number[] }[], xs: number[][]): number[][] {
  const [k1, b1, k2, b2] = weights;
  const K1 = rowsOf(k1!);
  const K2 = rowsOf(k2!);
  return xs.map((x) => {
    const h = b1!.data.map((b, u) => sigmoid(x.reduce((acc, xi, i) => acc + xi * K1[i]![u]!, b)));
    return softmax(b2!.data.map((b, u) => h.reduce((acc, hj, j) => acc + hj * K2[j]![u]!, b)));
  });
}

/**
 * ∂J/∂θ of the slide's Keras model on the XOR batch (J = the mean of the samples' cross-entropies),
 * by central differences, flattened in Keras' order: kernel 1 [2, 5] (= W1ᵀ), bias 1, kernel 2 [5, 2]
 * (= W2), bias 2.
 */
export function kerasBatchGradients(weights: { shape: number[]; data: number[] }[]): number[] {
  const [k1, b1, k2, b2] = weights;
  const K1 = rowsOf(k1!);
  const params: Params = {
    W1: b1!.data.map((_, j) => K1.map((row) => row[j]!)),
    B1: [...b1!.data],
    W2: rowsOf(k2!),
    B2: [...b2!.data],
  };
  const perSample = XOR_X.map((x, i) => numericGradients(params, x, XOR_Y[i]!));
  const mean = (pick: (g: Params) => number) =>
    perSample.reduce((acc, g) => acc + pick(g), 0) / perSample.length;
  return [
    ...K1.flatMap((row, i) => row.map((_, j) => mean((g) => g.W1[j]![i]!))),
    ...params.B1.map((_, j) => mean((g) => g.B1[j]!)),
    ...params.W2.flatMap((row, j) => row.map((_, k) => mean((g) => g.W2[j]![k]!))),
    ...params.B2.map((_, k) => mean((g) => g.B2[k]!)),
  ];
}

/** Mean over the batch of −Σ y·log(clip(ŷ)), Keras' categorical cross-entropy. */
export function categoricalCrossentropy(yTrue: number[][], yPred: number[][]): number {
  const clip = (p: number) => Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  const losses = yTrue.map(
    (row, i) => -row.reduce((acc, t, k) => acc + t * Math.log(clip(yPred[i]![k]!)), 0),
  );
  return losses.reduce((a, b) => a + b, 0) / losses.length;
}

/** Index of the largest value of each row. */
export function argmaxRows(rows: number[][]): number[] {
  return rows.map((row) => row.indexOf(Math.max(...row)));
}

/** At most `max` points of `values`, evenly spaced, always keeping the first and the last. */
export function downsample(values: readonly number[], max = 200): number[] {
  if (values.length <= max) return [...values];
  return Array.from({ length: max }, (_, i) => values[Math.round((i * (values.length - 1)) / (max - 1))]!);
}

/** The median of a few numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Adam's first step (Keras 3, lr 0.001, β1 0.9, β2 0.999, ε 1e-7): m = 0.1·g, v = 0.001·g²,
 * α = lr·√(1 − β2) / (1 − β1), Δ = −α·m / (√v + ε) = −lr·g / (|g| + ε/√0.001). About 0.001 for every
 * weight whose gradient is not tiny; plain SGD would move by lr·g instead.
 */
export function adamFirstStep(g: number, lr = 0.001): number {
  const m = 0.1 * g;
  const v = 0.001 * g * g;
  const alpha = (lr * Math.sqrt(0.001)) / 0.1;
  return (-alpha * m) / (Math.sqrt(v) + 1e-7);
}
