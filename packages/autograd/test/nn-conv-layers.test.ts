/**
 * The layers of lecture 4 as a model uses them: Keras's `mnist_convnet` summary, the weight layouts
 * (checked by running the same weights through TensorFlow.js's Keras layers), BatchNormalization
 * against Keras 3's own tests, Dropout's training-only behaviour, save/load of every layer, and the
 * errors a student meets.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AveragePooling2D,
  BatchNormalization,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  Input,
  loadModel,
  MaxPooling2D,
  type ModelJson,
  Rng,
  relu,
  Sequential,
  type Tensor,
  tensor,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'gradschool-conv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Keras's `mnist_convnet` example (keras-io, examples/vision/mnist_convnet.py), line for line. */
function mnistConvnet(seed = 1): Sequential {
  return new Sequential(
    [
      new Input({ shape: [28, 28, 1] }),
      new Conv2D(32, [3, 3], { activation: 'relu' }),
      new MaxPooling2D({ poolSize: [2, 2] }),
      new Conv2D(64, [3, 3], { activation: 'relu' }),
      new MaxPooling2D({ poolSize: [2, 2] }),
      new Flatten(),
      new Dropout(0.5),
      new Dense(10, { activation: 'softmax' }),
    ],
    { seed },
  );
}

function images(count: number, shape: number[], seed: number): Tensor {
  const rng = new Rng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tensor(
    Float64Array.from({ length: count * size }, () => Math.fround(rng.next())),
    { shape: [count, ...shape] },
  );
}

describe("Keras's mnist_convnet", () => {
  it('prints the output shapes and parameter counts of the Keras example (34,826 in all)', () => {
    // keras-io examples/vision/mnist_convnet.py, the model.summary() shown in the example
    expect(mnistConvnet().summary({ print: false })).toBe(
      [
        'Model: "sequential"',
        '_________________________________________________________________',
        ' Layer (type)                Output Shape              Param #   ',
        '=================================================================',
        ' conv2d (Conv2D)             (None, 26, 26, 32)        320       ',
        '                                                                 ',
        ' max_pooling2d (MaxPooling2D  (None, 13, 13, 32)       0         ',
        ' )                                                               ',
        '                                                                 ',
        ' conv2d_1 (Conv2D)           (None, 11, 11, 64)        18496     ',
        '                                                                 ',
        ' max_pooling2d_1 (MaxPooling  (None, 5, 5, 64)         0         ',
        ' 2D)                                                             ',
        '                                                                 ',
        ' flatten (Flatten)           (None, 1600)              0         ',
        '                                                                 ',
        ' dropout (Dropout)           (None, 1600)              0         ',
        '                                                                 ',
        ' dense (Dense)               (None, 10)                16010     ',
        '                                                                 ',
        '=================================================================',
        'Total params: 34,826',
        'Trainable params: 34,826',
        'Non-trainable params: 0',
        '_________________________________________________________________',
      ].join('\n'),
    );
    expect(mnistConvnet().countParams()).toBe(34826);
    expect(mnistConvnet().layers.map((l) => l.className)).toEqual([
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dropout',
      'Dense',
    ]);
  });

  it("computes what TensorFlow.js's Keras layers compute with the same weights (Keras's layouts)", () => {
    const ours = mnistConvnet(5);
    const theirs = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    theirs.setWeights(ours.getWeights().map((w) => tf.tensor(Float32Array.from(w.data), w.shape.slice())));
    const x = images(4, [28, 28, 1], 9);
    const expected = (
      theirs.predict(tf.tensor(Float32Array.from(x.data), x.shape.slice())) as tf.Tensor
    ).dataSync();
    const got = ours.predict(x).data;
    expect(got.length).toBe(expected.length);
    for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-5);
    theirs.dispose();
  });

  it("applies 'relu' inside the convolution, with the numbers and gradients of a separate relu", () => {
    const layer = (activation: 'relu' | ((z: Tensor) => Tensor)) => {
      const conv = new Conv2D(4, [3, 3], {
        activation,
        inputShape: [6, 6, 2],
        biasInitializer: 'randomNormal',
      });
      new Sequential([conv], { seed: 3 }); // builds the same weights for both
      return conv;
    };
    const [fused, separate] = [layer('relu'), layer((z) => relu(z))];
    const x = images(2, [6, 6, 2], 4).sub(tensor(0.5));
    const outs = [fused, separate].map((conv) => conv.call(x));
    expect(outs[0]!.data.some((v) => v === 0)).toBe(true);
    expect([...outs[0]!.data]).toEqual([...outs[1]!.data]);
    for (const out of outs) out.mul(out).sum().backward();
    const grads = [fused, separate].map((conv) => conv.trainableWeights.map((w) => [...w.grad!.data]));
    expect(grads[0]).toEqual(grads[1]);
  });

  it('trains: the loss falls on a small task (Dropout active in fit, not in predict)', () => {
    // 8×8 images: class 1 has a bright top-left quarter
    const rng = new Rng(3);
    const n = 32;
    const x = new Float64Array(n * 64);
    const y = new Float64Array(n * 2);
    for (let s = 0; s < n; s++) {
      const label = s % 2;
      for (let p = 0; p < 64; p++) {
        const corner = Math.floor(p / 8) < 4 && p % 8 < 4;
        x[s * 64 + p] = (label === 1 && corner ? 0.8 : 0) + 0.2 * rng.next();
      }
      y[s * 2 + label] = 1;
    }
    const model = new Sequential(
      [
        new Conv2D(4, 3, { activation: 'relu', inputShape: [8, 8, 1], padding: 'same' }),
        new AveragePooling2D({ poolSize: 2 }),
        new BatchNormalization(),
        new Flatten(),
        new Dropout(0.2, { seed: 1 }),
        new Dense(2, { activation: 'softmax' }),
      ],
      { seed: 2 },
    );
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const xs = tensor(x, { shape: [n, 8, 8, 1] });
    const ys = tensor(y, { shape: [n, 2] });
    const history = model.fit(xs, ys, { epochs: 30, batchSize: 8, verbose: 0 });
    const losses = history.history.loss!;
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 2);
    expect(model.evaluate(xs, ys).accuracy).toBe(1);
    // no dropout outside fit: two predictions agree exactly
    expect(Array.from(model.predict(xs).data)).toEqual(Array.from(model.predict(xs).data));
  });
});

describe('BatchNormalization (Keras 3: keras/src/layers/normalization/batch_normalization_test.py)', () => {
  it('test_masked_broadcast_normalization (no mask): ones → zeros, moving mean 1, moving variance 0', () => {
    const layer = new BatchNormalization({ momentum: 0, epsilon: 1e-3 });
    const model = new Sequential([new Input({ shape: [2, 3, 4] }), layer]);
    const x = tensor(new Float64Array(24).fill(1), { shape: [1, 2, 3, 4] });
    const y = model.call(x, { training: true });
    for (const v of y.data) expect(Math.abs(v)).toBeLessThan(1e-6);
    const [, , mean, variance] = layer.getWeights();
    expect(Array.from(mean!.data)).toEqual([1, 1, 1, 1]);
    expect(Array.from(variance!.data)).toEqual([0, 0, 0, 0]);
  });

  it.each([
    [[5, 2, 3], 'zeros', 'ones'],
    [[5, 3, 3, 2], 'ones', 'zeros'],
  ])('test_correctness: shape %j, moving mean %s, moving variance %s', (shape, meanInit, varianceInit) => {
    const layer = new BatchNormalization({
      momentum: 0,
      movingMeanInitializer: meanInit,
      movingVarianceInitializer: varianceInit,
    });
    const model = new Sequential([new Input({ shape: shape.slice(1) }), layer]);
    // random data centred on 5, standard deviation 10
    const rng = new Rng(11);
    const size = shape.reduce((a, b) => a * b, 1);
    const x = tensor(
      Float64Array.from({ length: size }, () => 5 + 10 * rng.normal()),
      { shape },
    );
    let out = x;
    for (let i = 0; i < 3; i++) out = model.call(out, { training: true });
    // gamma 1, beta 0: the output itself has mean 0 and standard deviation 1 per channel
    const channels = shape.at(-1)!;
    for (let c = 0; c < channels; c++) {
      const values = Array.from(out.data).filter((_, i) => i % channels === c);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      expect(Math.abs(mean)).toBeLessThan(1e-3);
      expect(Math.abs(std - 1)).toBeLessThan(1e-3);
    }
    const [, , movingMean, movingVariance] = layer.getWeights();
    for (const v of movingMean!.data) expect(Math.abs(v)).toBeLessThan(1e-3);
    for (const v of movingVariance!.data) expect(Math.abs(v - 1)).toBeLessThan(1e-3);
    // momentum 0: inference after a training call uses exactly that batch's statistics
    const training = model.call(x, { training: true });
    const inference = model.call(x, { training: false });
    for (let i = 0; i < training.size; i++) expect(inference.data[i]).toBeCloseTo(training.data[i]!, 10);
  });

  it('moves its statistics as moving · momentum + batch · (1 − momentum) (test_renorm_correctness, without renorm)', () => {
    const layer = new BatchNormalization({ momentum: 0.9 });
    const model = new Sequential([new Input({ shape: [3] }), layer]);
    const x = tensor([
      [4, 6, 2],
      [8, -2, 5],
      [6, 4, 3],
    ]);
    model.call(x, { training: true });
    const [, , mean, variance] = layer.getWeights();
    // batch mean [6, 8/3, 10/3], batch (biased) variance [8/3, 104/9, 14/9]; initial 0 and 1
    expect(Array.from(mean!.data).map((v) => +v.toFixed(12))).toEqual([0.6, 0.266666666667, 0.333333333333]);
    expect(Array.from(variance!.data).map((v) => +v.toFixed(12))).toEqual(
      [8 / 3, 104 / 9, 14 / 9].map((v) => +(0.9 + 0.1 * v).toFixed(12)),
    );
  });

  it('test_invalid_momentum: refuses a momentum outside [0, 1], accepts both ends', () => {
    expect(() => new BatchNormalization({ momentum: -0.1 })).toThrow(/momentum/);
    expect(() => new BatchNormalization({ momentum: 1.5 })).toThrow(/momentum must be between 0 and 1/);
    expect(new BatchNormalization({ momentum: 0 }).momentum).toBe(0);
    expect(new BatchNormalization({ momentum: 1 }).momentum).toBe(1);
  });

  it('counts its moving statistics as non-trainable, as Keras does', () => {
    const model = new Sequential([new Dense(4, { inputDim: 3 }), new BatchNormalization()]);
    const summary = model.summary({ print: false });
    expect(summary).toMatch(/batch_normalization \(BatchN\s+\(None, 4\)\s+16/);
    expect(summary).toMatch(/Total params: 32\nTrainable params: 24\nNon-trainable params: 8/);
    expect(model.trainableWeights).toHaveLength(4);
    expect(model.getWeights()).toHaveLength(6);
  });

  it('agrees with TensorFlow.js outside training', () => {
    const model = new Sequential([
      new Input({ shape: [4, 4, 3] }),
      new BatchNormalization({ epsilon: 0.01 }),
    ]);
    const rng = new Rng(4);
    const weights = [0, 1, 2, 3].map((k) =>
      Float64Array.from({ length: 3 }, () => (k === 3 ? 0.5 + rng.next() : rng.normal())),
    );
    model.setWeights(weights.map((w) => tensor(Float64Array.from(w, Math.fround))));
    const theirs = tf.sequential({
      layers: [tf.layers.batchNormalization({ inputShape: [4, 4, 3], epsilon: 0.01 })],
    });
    theirs.setWeights(weights.map((w) => tf.tensor(Float32Array.from(w))));
    const x = images(2, [4, 4, 3], 8);
    const expected = (
      theirs.predict(tf.tensor(Float32Array.from(x.data), x.shape.slice())) as tf.Tensor
    ).dataSync();
    const got = model.predict(x).data;
    for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-5);
    theirs.dispose();
  });
});

describe('Dropout', () => {
  it('drops about `rate` of the values in training and scales the rest by 1 / (1 − rate)', () => {
    const model = new Sequential([new Input({ shape: [1000] }), new Dropout(0.3, { seed: 7 })]);
    const x = tensor(new Float64Array(1000).fill(1), { shape: [1, 1000] });
    const out = model.call(x, { training: true }).data;
    const kept = out.filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 1 / 0.7) < 1e-12)).toBe(true);
    expect(Math.abs(kept.length / 1000 - 0.7)).toBeLessThan(0.05);
    expect(Array.from(model.predict(x).data)).toEqual(Array.from(x.data)); // predict: nothing dropped
  });

  it('is reproducible with its seed, and refuses a rate outside [0, 1)', () => {
    const mask = () =>
      Array.from(
        new Sequential([new Input({ shape: [50] }), new Dropout(0.5, { seed: 3 })]).call(
          tensor(new Float64Array(50).fill(1), { shape: [1, 50] }),
          { training: true },
        ).data,
      );
    expect(mask()).toEqual(mask());
    expect(() => new Dropout(1)).toThrow(/\[0, 1\)/);
    expect(() => new Dropout(-0.1)).toThrow(/rate/);
  });
});

describe('save / loadModel with every layer', () => {
  function convModel(): Sequential {
    const model = new Sequential(
      [
        new Conv2D(3, [3, 2], {
          inputShape: [6, 6, 2],
          strides: [1, 2],
          padding: 'same',
          activation: 'relu',
        }),
        new BatchNormalization({ momentum: 0.8 }),
        new MaxPooling2D({ poolSize: 2, strides: 1 }),
        new AveragePooling2D({ poolSize: [2, 1], padding: 'same' }),
        new Flatten(),
        new Dropout(0.25, { seed: 4 }),
        new Dense(2, { activation: 'softmax' }),
      ],
      { seed: 6 },
    );
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    model.fit(
      images(8, [6, 6, 2], 1),
      tensor(Array.from({ length: 8 }, (_, i) => (i % 2 ? [0, 1] : [1, 0]))),
      {
        epochs: 2,
        verbose: 0,
      },
    );
    return model;
  }

  it('round trip: same summary, same weights (moving statistics too), same predictions', () => {
    const model = convModel();
    const path = join(dir, 'conv.json');
    model.save(path);
    const loaded = loadModel(path);
    expect(loaded.summary({ print: false })).toBe(model.summary({ print: false }));
    expect(loaded.getWeights().map((w) => Array.from(w.data))).toEqual(
      model.getWeights().map((w) => Array.from(w.data)),
    );
    const x = images(3, [6, 6, 2], 2);
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(model.predict(x).data));
    const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
    expect(json.layers.map((l) => l.className)).toEqual([
      'Conv2D',
      'BatchNormalization',
      'MaxPooling2D',
      'AveragePooling2D',
      'Flatten',
      'Dropout',
      'Dense',
    ]);
  });

  it("names a bad field of a layer by that layer's own schema", () => {
    const path = join(dir, 'conv2.json');
    convModel().save(path);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.layers[0].padding = 'full';
    writeFileSync(path, JSON.stringify(json));
    expect(() => loadModel(path)).toThrow(
      /\/layers\/0\/padding must be equal to one of the allowed values \["valid","same"\]/,
    );
    json.layers[0].padding = 'same';
    json.layers[1].weights.pop();
    writeFileSync(path, JSON.stringify(json));
    expect(() => loadModel(path)).toThrow(
      /layer 1 \('batch_normalization'\) has 3 weight tensors, expected 4/,
    );
  });
});

describe('what a student gets wrong', () => {
  it('names the Keras spelling of an option', () => {
    expect(() => new Conv2D(32, 3, { kernel_size: 3 } as never)).toThrow(/unknown option 'kernel_size'/);
    expect(() => new MaxPooling2D({ pool_size: 2 } as never)).toThrow(/pool_size.*poolSize/);
    expect(() => new Conv2D(32, [3, 3, 3] as never)).toThrow(
      /kernelSize must be a positive integer or a pair/,
    );
    expect(() => new Conv2D(0, 3)).toThrow(/filters/);
  });

  it('says when images are not [height, width, channels] or do not fit the window', () => {
    expect(() => new Sequential([new Input({ shape: [28, 28] }), new Conv2D(8, 3)])).toThrow(
      /\[height, width, channels\] per sample, got \[28, 28\]/,
    );
    expect(() => new Sequential([new Input({ shape: [2, 2, 1] }), new Conv2D(8, 3)])).toThrow(/does not fit/);
    expect(() => new Sequential([new Dense(3, { inputDim: 2 }), new Input({ shape: [3] })])).toThrow(
      /Input can only start the model/,
    );
  });

  it('tells a layer without weights yet how to get them', () => {
    expect(() => new Conv2D(8, 3).kernel).toThrow(/inputShape[\s\S]*new Input/);
  });
});
