/**
 * Workload 2: an MNIST-shaped MLP, 784-128-10 (relu, softmax), adam, batch 128, one epoch over
 * 10,000 synthetic samples; reported as samples per second. TF.js starts from our initial weights.
 *
 * The samples are synthetic but shaped like MNIST: each class has its own stroke pattern of about
 * 150 lit pixels out of 784 (real MNIST: about 19% non-zero), with noisy intensities in (0, 1].
 * `dense: true` lights every pixel instead, to show the engine without its zero-block skipping.
 */
import { Dense, Rng, Sequential, type Tensor, tensor } from '@gradschool/autograd';
import { setMatmulKernel } from '@gradschool/autograd/internal';
import { type Contender, interleave } from '../measure.js';
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

/** Ours (default kernels), ours with TypeScript matmul only, and TF.js. */
export type MnistEngine = 'ours' | 'oursTs' | TfBackend;

export interface MnistResult {
  samples: number;
  /** Milliseconds per epoch, per engine. */
  ms: Record<MnistEngine, number[]>;
}

/** One epoch of training per engine, interleaved rounds, from the same weights and data. */
export async function benchMnist(opts: {
  rounds: number;
  samples: number;
  seed: number;
  dense: boolean;
}): Promise<MnistResult> {
  const { samples, seed } = opts;
  const data = syntheticMnist(samples, seed, opts.dense);
  const x = tensor(data.x, { shape: [samples, INPUTS] });
  const y = tensor(data.y, { shape: [samples, CLASSES] });
  const fitOptions = { epochs: 1, batchSize: 128, verbose: 0 as const, shuffle: true };
  const weights = ourMnistModel(seed).getWeights();
  const ours = (name: 'ours' | 'oursTs'): Contender<MnistEngine> => ({
    name,
    prepare: () => setMatmulKernel(name === 'ours' ? 'auto' : 'typescript'),
    run: () => ourMnistModel(seed).fit(x, y, fitOptions),
    finish: () => setMatmulKernel('auto'),
  });
  const tfContender = (backend: TfBackend): Contender<MnistEngine> => {
    let xs: tf.Tensor | null = null;
    let ys: tf.Tensor | null = null;
    return {
      name: backend,
      prepare: async () => {
        await useBackend(backend);
        xs = tf.tensor2d(Float32Array.from(data.x), [samples, INPUTS]);
        ys = tf.tensor2d(Float32Array.from(data.y), [samples, CLASSES]);
      },
      run: async () => {
        const model = tfMnistModel(weights);
        await model.fit(xs!, ys!, fitOptions);
        model.dispose();
      },
      finish: () => tf.dispose([xs!, ys!]),
    };
  };
  const ms = await interleave([ours('ours'), ours('oursTs'), tfContender('cpu'), tfContender('wasm')], {
    rounds: opts.rounds,
  });
  return { samples, ms };
}
