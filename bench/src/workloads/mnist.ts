/**
 * Workload 2: an MNIST-shaped MLP, 784-128-10 (relu, softmax), adam, batch 128, one epoch over
 * 10,000 synthetic samples; reported as samples per second. TF.js starts from our initial weights.
 *
 * The samples are synthetic but shaped like MNIST: each class has its own stroke pattern of about
 * 150 lit pixels out of 784 (real MNIST: about 19% non-zero), with noisy intensities in (0, 1].
 * `dense: true` lights every pixel instead, to show the engine without its zero-block skipping.
 */
import { Dense, Rng, Sequential, type Tensor, tensor } from '@gradschool/autograd';
import { repeatMs } from '../measure.js';
import { type TfBackend, tf, useBackend } from '../tf-backends.js';

const INPUTS = 784;
const CLASSES = 10;
const LIT_PER_CLASS = 150;

/** Synthetic MNIST-like rows `[samples, 784]` and one-hot labels `[samples, 10]`. */
export function syntheticMnist(
  samples: number,
  seed: number,
  dense: boolean,
): { x: Float64Array; y: Float64Array } {
  const rng = new Rng(seed);
  const patterns = Array.from({ length: CLASSES }, () => rng.permutation(INPUTS).slice(0, LIT_PER_CLASS));
  const x = new Float64Array(samples * INPUTS);
  const y = new Float64Array(samples * CLASSES);
  for (let s = 0; s < samples; s++) {
    const label = rng.int(CLASSES);
    y[s * CLASSES + label] = 1;
    if (dense) {
      for (let p = 0; p < INPUTS; p++) x[s * INPUTS + p] = rng.next();
    } else {
      for (const p of patterns[label]!) x[s * INPUTS + p] = 1 - 0.5 * rng.next();
    }
  }
  return { x, y };
}

/** Our 784-128-10 model, compiled, with the weights seed `seed` gives. */
export function ourMnistModel(seed: number): Sequential {
  const model = new Sequential({ seed });
  model.add(new Dense(128, { inputDim: INPUTS, activation: 'relu' }));
  model.add(new Dense(CLASSES, { activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}

function tfMnistModel(weights: Tensor[]): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, inputShape: [INPUTS], activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax' }));
  model.setWeights(weights.map((w) => tf.tensor(Float32Array.from(w.data), [...w.shape])));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  return model;
}

export interface MnistResult {
  samples: number;
  /** Milliseconds per epoch. */
  ours: number[];
  tf: Partial<Record<TfBackend, number[]>>;
}

/** One epoch of training, `reps` times per engine, from the same weights and data. */
export async function benchMnist(opts: {
  reps: number;
  samples: number;
  seed: number;
  dense: boolean;
}): Promise<MnistResult> {
  const { reps, samples, seed } = opts;
  const data = syntheticMnist(samples, seed, opts.dense);
  const x = tensor(data.x, { shape: [samples, INPUTS] });
  const y = tensor(data.y, { shape: [samples, CLASSES] });
  const fitOptions = { epochs: 1, batchSize: 128, verbose: 0 as const, shuffle: true };
  const weights = ourMnistModel(seed).getWeights();
  const ours = await repeatMs(reps, () => ourMnistModel(seed).fit(x, y, fitOptions));
  const result: MnistResult = { samples, ours, tf: {} };
  for (const backend of ['cpu', 'wasm'] as const) {
    await useBackend(backend);
    const xs = tf.tensor2d(Float32Array.from(data.x), [samples, INPUTS]);
    const ys = tf.tensor2d(Float32Array.from(data.y), [samples, CLASSES]);
    result.tf[backend] = await repeatMs(reps, async () => {
      const model = tfMnistModel(weights);
      await model.fit(xs, ys, fitOptions);
      model.dispose();
    });
    tf.dispose([xs, ys]);
  }
  return result;
}
