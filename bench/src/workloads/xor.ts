/**
 * Workload 1: the lecture's XOR model, Dense(5, sigmoid, 'normal') + Dense(2, softmax), adam,
 * categorical cross-entropy, 1000 epochs of one batch of 4. Almost all of the time is per-op
 * overhead, not arithmetic. TF.js starts from our initial weights.
 */
import { Dense, Sequential } from '@gradschool/autograd';
import { repeatMs } from '../measure.js';
import { type TfBackend, tf, useBackend } from '../tf-backends.js';

export const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
/** One-hot labels: class 1 when exactly one input is on. */
export const XOR_Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

/** Our model, compiled, with the weights seed `seed` gives. */
export function ourXorModel(seed: number): Sequential {
  const model = new Sequential({ seed });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}

/** The same model in TF.js on the current backend, starting from `weights` (kernel, bias per layer). */
export function tfXorModel(weights: { data: Float64Array; shape: readonly number[] }[]): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 5, inputShape: [2], activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.setWeights(weights.map((w) => tf.tensor(Float32Array.from(w.data), [...w.shape])));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  return model;
}

export interface XorResult {
  epochs: number;
  /** Milliseconds per run of `fit`. */
  ours: number[];
  tf: Partial<Record<TfBackend, number[]>>;
  /** Loss before training (same weights: must agree up to float32 rounding) and after. */
  initialLoss: { ours: number; tf: Partial<Record<TfBackend, number>> };
  finalLoss: { ours: number; tf: Partial<Record<TfBackend, number>> };
}

/** Trains the XOR model `reps` times on each engine from the same initial weights. */
export async function benchXor(opts: { reps: number; epochs: number; seed: number }): Promise<XorResult> {
  const { reps, epochs, seed } = opts;
  const fitOptions = { epochs, batchSize: 4, verbose: 0 as const };
  const weights = ourXorModel(seed).getWeights();
  let last = ourXorModel(seed);
  const initialOurs = last.evaluate(XOR_X, XOR_Y).loss!;
  const ours = await repeatMs(reps, () => {
    last = ourXorModel(seed);
    last.fit(XOR_X, XOR_Y, fitOptions);
  });
  const result: XorResult = {
    epochs,
    ours,
    tf: {},
    initialLoss: { ours: initialOurs, tf: {} },
    finalLoss: { ours: last.evaluate(XOR_X, XOR_Y).loss!, tf: {} },
  };
  for (const backend of ['cpu', 'wasm'] as const) {
    await useBackend(backend);
    const xs = tf.tensor2d(XOR_X);
    const ys = tf.tensor2d(XOR_Y);
    let model = tfXorModel(weights);
    result.initialLoss.tf[backend] = await tfLoss(model, xs, ys);
    result.tf[backend] = await repeatMs(reps, async () => {
      model.dispose();
      model = tfXorModel(weights);
      await model.fit(xs, ys, { ...fitOptions, shuffle: true });
    });
    result.finalLoss.tf[backend] = await tfLoss(model, xs, ys);
    model.dispose();
    tf.dispose([xs, ys]);
  }
  return result;
}

/** The model's loss on (xs, ys) as a number. */
export async function tfLoss(model: tf.LayersModel, xs: tf.Tensor, ys: tf.Tensor): Promise<number> {
  const loss = model.evaluate(xs, ys) as tf.Scalar;
  const value = (await loss.data())[0]!;
  loss.dispose();
  return value;
}
