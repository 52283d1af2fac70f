/**
 * Exercise 04 — XOR 문제, MLP 구조, Back Propagation, Gradient Vanishing (reference solution).
 *
 * Shapes, in the MLP-structure slides' notation (hidden = number of hidden nodes):
 *   x: [input]   W1: [hidden][input]  (row j holds w₁ⱼ, w₂ⱼ: the weights INTO n_j)   B1: [hidden]
 *   N = sigmoid(W1·x + B1): [hidden]
 *   W2: [hidden][output] (column k holds the weights into output k)   B2: [output]
 *   y = softmax(W2ᵀ·N + B2): [output]
 */
import {
  categoricalCrossentropy,
  Dense,
  type History,
  Rng,
  randomUniform,
  Sequential,
  setSeed,
  type Tensor,
  tensor,
} from '@gradschool/autograd';

/** The parameters of the 2-layer MLP (or their gradients: same shapes). */
export interface MlpParams {
  W1: number[][];
  B1: number[];
  W2: number[][];
  B2: number[];
}

/** What `forward` returns: the hidden layer's outputs N and the network's output y. */
export interface ForwardResult {
  n: number[];
  y: number[];
}

/** The XOR inputs and their one-hot targets (0 → [1, 0], 1 → [0, 1]), as on the slide. */
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

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Forward pass: N = sigmoid(W1·x + B1), y = softmax(W2ᵀ·N + B2). */
export function forward(params: MlpParams, x: number[]): ForwardResult {
  const { W1, B1, W2, B2 } = params;
  // n_j = Σᵢ w_ij·x_i + b_j, with W1[j][i] = w_ij (row j = the weights into n_j).
  const n = W1.map((row, j) => sigmoid(row.reduce((acc, w, i) => acc + w * x[i]!, B1[j]!)));
  // (W2ᵀ·N)_k = Σⱼ W2[j][k]·n_j: column k of W2 feeds output k.
  const z = B2.map((b, k) => n.reduce((acc, nj, j) => acc + W2[j]![k]! * nj, b));
  return { n, y: softmax(z) };
}

/**
 * Back Propagation of L = −Σₖ targetₖ·log yₖ (categorical cross-entropy of one sample) through
 * `forward`: every gradient, in the same shapes as `params`.
 */
export function backward(params: MlpParams, x: number[], target: number[]): MlpParams {
  const { n, y } = forward(params, x);
  const targetSum = target.reduce((a, b) => a + b, 0);
  // Softmax followed by cross-entropy: ∂L/∂z_k = y_k·Σt − t_k (= y_k − t_k for a one-hot target).
  const dz2 = y.map((yk, k) => yk * targetSum - target[k]!);
  const W2 = n.map((nj) => dz2.map((d) => nj * d));
  // Back through W2ᵀ, then through the sigmoid: σ'(z) = n(1 − n).
  const dz1 = n.map((nj, j) => {
    const dn = dz2.reduce((acc, d, k) => acc + params.W2[j]![k]! * d, 0);
    return dn * nj * (1 - nj);
  });
  const W1 = dz1.map((d) => x.map((xi) => d * xi));
  return { W1, B1: dz1, W2, B2: dz2 };
}

/** The slide's model: Dense(5, sigmoid, 'normal') → Dense(2, softmax), adam, categorical cross-entropy. */
export function makeModel(): Sequential {
  const model = new Sequential();
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { inputDim: 5, kernelInitializer: 'normal', activation: 'softmax' }));
  model.summary();
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

/** A trained model and its training history. */
export interface TrainResult {
  model: Sequential;
  history: History;
}

/** Trains `makeModel()` on XOR from `seed` until it classifies all four inputs right. */
export function trainXor(seed: number): TrainResult {
  setSeed(seed);
  const model = makeModel();
  // The slide's 1000 epochs at Adam's lr 0.001 are not always enough from every seed; 3000 are.
  const history = model.fit(XOR_X, XOR_Y, { epochs: 1000, verbose: 0, seed });
  return { model, history };
}

/** One Dense layer (no hidden layer) trained on XOR, and the accuracy it reaches. */
export function singleLayerAccuracy(seed: number): TrainResult & { accuracy: number } {
  setSeed(seed);
  const model = new Sequential();
  model.add(new Dense(2, { inputDim: 2, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const history = model.fit(XOR_X, XOR_Y, { epochs: 3000, verbose: 0, seed });
  const accuracy = model.evaluate(XOR_X, XOR_Y).accuracy ?? Number.NaN;
  return { model, history, accuracy };
}

/** Width of every hidden layer in `firstLayerGradNorm`. */
export const GRAD_NORM_WIDTH = 16;

/**
 * Builds input(2) → `depth` hidden layers of `GRAD_NORM_WIDTH` units with `activation` → Dense(2,
 * softmax), He-uniform kernels (uniform in ±√(6 / fanIn)) drawn from `new Rng(seed)`, layer by
 * layer, and no bias (Keras starts biases at 0). Runs one forward and backward pass of the
 * categorical cross-entropy on the XOR batch and returns the L2 norm of the FIRST layer's kernel
 * gradient.
 */
export function firstLayerGradNorm(activation: 'sigmoid' | 'relu', depth: number, seed: number): number {
  const rng = new Rng(seed);
  const sizes = [2, ...new Array<number>(depth).fill(GRAD_NORM_WIDTH), 2];
  const kernels: Tensor[] = [];
  let h = tensor(XOR_X);
  for (let layer = 0; layer + 1 < sizes.length; layer++) {
    const [fanIn, fanOut] = [sizes[layer]!, sizes[layer + 1]!];
    const limit = Math.sqrt(6 / fanIn);
    const kernel = randomUniform([fanIn, fanOut], { min: -limit, max: limit, rng });
    kernel.requiresGrad = true;
    kernels.push(kernel);
    const z = h.matmul(kernel);
    const last = layer + 2 === sizes.length;
    h = last ? z.softmax() : activation === 'relu' ? z.relu() : z.sigmoid();
  }
  categoricalCrossentropy(tensor(XOR_Y), h).backward();
  const grad = kernels[0]!.grad!;
  return Math.sqrt(grad.data.reduce((acc, g) => acc + g * g, 0));
}
