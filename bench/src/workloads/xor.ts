/**
 * Workload 1: the lecture's XOR model, Dense(5, sigmoid, 'normal') + Dense(2, softmax), adam,
 * categorical cross-entropy, 1000 epochs of one batch of 4. Almost all of the time is per-op
 * overhead, not arithmetic. TF.js starts from our initial weights.
 */
import { Dense, Sequential } from '@gradschool/autograd';
import { type Contender, interleave } from '../measure.js';
import { type Engine, type TfBackend, tf, useBackend } from '../tf-backends.js';

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
  /** Milliseconds per run of `fit`, per engine. */
  ms: Record<Engine, number[]>;
  /** Loss before training (same weights: must agree up to float32 rounding) and after. */
  initialLoss: Record<Engine, number>;
  finalLoss: Record<Engine, number>;
}

/** Trains the XOR model on each engine from the same initial weights, interleaved rounds. */
export async function benchXor(opts: { rounds: number; epochs: number; seed: number }): Promise<XorResult> {
  const { epochs, seed } = opts;
  const fitOptions = { epochs, batchSize: 4, verbose: 0 as const };
  const weights = ourXorModel(seed).getWeights();
  const initialLoss = { ours: ourXorModel(seed).evaluate(XOR_X, XOR_Y).loss! } as Record<Engine, number>;
  const finalLoss = {} as Record<Engine, number>;
  const ours: Contender<Engine> = {
    name: 'ours',
    run: () => {
      const model = ourXorModel(seed);
      model.fit(XOR_X, XOR_Y, fitOptions);
      finalLoss.ours = model.evaluate(XOR_X, XOR_Y).loss!;
    },
  };
  const tfContender = (backend: TfBackend): Contender<Engine> => {
    let data: [tf.Tensor, tf.Tensor] | null = null;
    return {
      name: backend,
      prepare: async () => {
        await useBackend(backend);
        data = [tf.tensor2d(XOR_X), tf.tensor2d(XOR_Y)];
        if (initialLoss[backend] === undefined) {
          const model = tfXorModel(weights);
          initialLoss[backend] = await tfLoss(model, ...data);
          model.dispose();
        }
      },
      run: async () => {
        const model = tfXorModel(weights);
        await model.fit(data![0], data![1], { ...fitOptions, shuffle: true });
        finalLoss[backend] = await tfLoss(model, ...data!);
        model.dispose();
      },
      finish: () => tf.dispose(data!),
    };
  };
  const ms = await interleave([ours, tfContender('cpu'), tfContender('wasm')], { rounds: opts.rounds });
  return { epochs, ms, initialLoss, finalLoss };
}

/** The model's loss on (xs, ys) as a number. */
export async function tfLoss(model: tf.LayersModel, xs: tf.Tensor, ys: tf.Tensor): Promise<number> {
  const loss = model.evaluate(xs, ys) as tf.Scalar;
  const value = (await loss.data())[0]!;
  loss.dispose();
  return value;
}
