import { describe, expect, it } from 'vitest';
import { Dense, Sequential, setSeed, tensor } from '../src/index.js';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y_XOR = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

function lectureXor(seed?: number): Sequential {
  const model = new Sequential(seed === undefined ? {} : { seed });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { inputDim: 5, kernelInitializer: 'normal', activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

describe('Sequential: weights', () => {
  it('getWeights gives Keras order and shapes: kernel [in, units], then bias', () => {
    const weights = lectureXor(3).getWeights();
    expect(weights.map((w) => w.shape)).toEqual([[2, 5], [5], [5, 2], [2]]);
    expect(Array.from(weights[1]!.data)).toEqual([0, 0, 0, 0, 0]); // bias default: zeros
  });

  it("'normal' draws RandomNormal(0, 0.05), Keras' default for that name", () => {
    const model = new Sequential({ seed: 11 });
    model.add(new Dense(400, { inputDim: 50, kernelInitializer: 'normal' }));
    const k = model.getWeights()[0]!.data;
    const mean = k.reduce((a, b) => a + b, 0) / k.length;
    const std = Math.sqrt(k.reduce((a, b) => a + (b - mean) ** 2, 0) / k.length);
    expect(Math.abs(mean)).toBeLessThan(0.002);
    expect(std).toBeGreaterThan(0.048);
    expect(std).toBeLessThan(0.052);
  });

  it('setWeights round-trips and changes predictions; getWeights returns copies', () => {
    const a = lectureXor(1);
    const b = lectureXor(2);
    expect(Array.from(a.predict(X).data)).not.toEqual(Array.from(b.predict(X).data));
    const weights = a.getWeights();
    b.setWeights(weights);
    expect(Array.from(b.predict(X).data)).toEqual(Array.from(a.predict(X).data));
    weights[0]!.data[0] = 99;
    expect(a.getWeights()[0]!.data[0]).not.toBe(99);
    b.setWeights(b.getWeights().map((w) => w.toArray()));
    expect(Array.from(b.predict(X).data)).toEqual(Array.from(a.predict(X).data));
  });

  it('setWeights names the weight with the wrong shape or count', () => {
    const model = lectureXor(1);
    const w = model.getWeights();
    expect(() => model.setWeights(w.slice(0, 3))).toThrow(/4 weight tensors, got 3/);
    expect(() => model.setWeights([w[0]!, tensor([1, 2, 3]), w[2]!, w[3]!])).toThrow(
      /weight 1 must have shape \[5\]/,
    );
  });

  it('countParams: 27 for the XOR model, no bias with useBias false', () => {
    expect(lectureXor(1).countParams()).toBe(27);
    const model = new Sequential();
    model.add(new Dense(3, { inputDim: 4, useBias: false }));
    expect(model.countParams()).toBe(12);
    expect(model.trainableWeights.length).toBe(1);
  });

  it('builds lazily from the data when the first layer has no input size', () => {
    const model = new Sequential({ seed: 4 });
    model.add(new Dense(3, { activation: 'relu' }));
    model.add(new Dense(1));
    expect(model.built).toBe(false);
    expect(model.predict(X).shape).toEqual([4, 1]);
    expect(model.countParams()).toBe(2 * 3 + 3 + 3 + 1);
  });

  it('rejects a layer whose input size does not match the previous layer', () => {
    const model = new Sequential();
    model.add(new Dense(5, { inputDim: 2 }));
    expect(() => model.add(new Dense(2, { inputDim: 4 }))).toThrow(
      /expects inputs of size 4 but 'dense' outputs 5/,
    );
  });
});

describe('Sequential: fit', () => {
  it('same seed → the same run, bit for bit', () => {
    const run = () => {
      const model = lectureXor(7);
      const history = model.fit(X, Y_XOR, { epochs: 50, batchSize: 2, verbose: 0 });
      return { loss: history.loss, weights: model.getWeights().map((w) => Array.from(w.data)) };
    };
    const first = run();
    expect(run()).toEqual(first);
    const model = lectureXor(8);
    model.fit(X, Y_XOR, { epochs: 50, batchSize: 2, verbose: 0 });
    expect(model.getWeights().map((w) => Array.from(w.data))).not.toEqual(first.weights);
  });

  it('setSeed makes unseeded models repeat too', () => {
    setSeed(123);
    const a = lectureXor().fit(X, Y_XOR, { epochs: 5, batchSize: 1, verbose: 0 }).loss;
    setSeed(123);
    const b = lectureXor().fit(X, Y_XOR, { epochs: 5, batchSize: 1, verbose: 0 }).loss;
    expect(b).toEqual(a);
  });

  it('fit({ seed }) controls the shuffling only', () => {
    const losses = (seed: number) =>
      lectureXor(1).fit(X, Y_XOR, { epochs: 3, batchSize: 1, seed, verbose: 0 }).loss;
    expect(losses(5)).toEqual(losses(5));
    expect(losses(5)).not.toEqual(losses(6));
  });

  it('returns a History with loss, accuracy and epochs, and lowers the loss', () => {
    const history = lectureXor(2).fit(X, Y_XOR, { epochs: 300, verbose: 0 });
    expect(history.epoch).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(Object.keys(history.history)).toEqual(['loss', 'accuracy']);
    expect(history.loss).toBe(history.history.loss);
    expect(history.accuracy).toBe(history.history.accuracy);
    expect(history.loss.at(-1)!).toBeLessThan(history.loss[0]!);
  });

  it('epoch loss is the row-weighted mean of the batch losses, computed before each update', () => {
    // One epoch with a batch of 3 rows then 1 row, no shuffling: replay it by hand.
    const model = lectureXor(5);
    const replay = lectureXor(5);
    const history = model.fit(X, Y_XOR, { epochs: 1, batchSize: 3, shuffle: false, verbose: 0 });
    const first = replay.evaluate(X.slice(0, 3), Y_XOR.slice(0, 3)).loss!;
    replay.fit(X.slice(0, 3), Y_XOR.slice(0, 3), { epochs: 1, batchSize: 3, verbose: 0 });
    const second = replay.evaluate(X.slice(3), Y_XOR.slice(3)).loss!;
    expect(history.loss[0]).toBeCloseTo((3 * first + second) / 4, 12);
  });

  it('validationSplit keeps the last rows for val_loss and val_accuracy', () => {
    const model = lectureXor(3);
    const history = model.fit(X, Y_XOR, { epochs: 2, validationSplit: 0.25, verbose: 0 });
    expect(Object.keys(history.history)).toEqual(['loss', 'accuracy', 'val_loss', 'val_accuracy']);
    const evaluated = model.evaluate([X[3]!], [Y_XOR[3]!]);
    expect(history.history.val_loss!.at(-1)).toBeCloseTo(evaluated.loss!, 12);
    expect(history.history.val_accuracy!.at(-1)).toBe(evaluated.accuracy);
  });

  it('validationData is evaluated after each epoch', () => {
    const history = lectureXor(3).fit(X, Y_XOR, { epochs: 3, validationData: [X, Y_XOR], verbose: 0 });
    expect(history.history.val_loss).toHaveLength(3);
  });

  it('accepts Tensors and number[] targets for a single output', () => {
    const model = new Sequential({ seed: 1 });
    model.add(new Dense(1, { inputDim: 2, activation: 'sigmoid' }));
    model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const history = model.fit(tensor(X), [0, 0, 0, 1], { epochs: 2, verbose: 0 });
    expect(history.accuracy).toHaveLength(2);
  });

  it('stops with an error naming the epoch and batch when the loss becomes NaN', () => {
    const model = new Sequential({ seed: 1 });
    model.add(new Dense(1, { inputDim: 2 }));
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = [
      [1, 1],
      [1, Number.NaN],
      [0, 1],
    ];
    expect(() =>
      model.fit(x, [[1], [2], [3]], { epochs: 3, batchSize: 1, shuffle: false, verbose: 0 }),
    ).toThrow(/loss became NaN at epoch 1, batch 2 of 3/);
    const diverging = new Sequential({ seed: 1 });
    diverging.add(new Dense(1, { inputDim: 1 }));
    diverging.compile({
      optimizer: {
        learningRate: 1,
        step: (ps) => {
          for (const p of ps) p.data.fill(1e300);
        },
      },
      loss: 'mse',
    });
    expect(() => diverging.fit([[1e10]], [[0]], { epochs: 5, verbose: 0 })).toThrow(
      /loss became Infinity at epoch 2, batch 1/,
    );
  });

  it('explains what is missing: compile, rows, options', () => {
    const model = new Sequential();
    model.add(new Dense(1, { inputDim: 2 }));
    expect(() => model.fit(X, [[1], [0], [1], [0]])).toThrow(/compile/);
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    expect(() => model.fit(X, [[1], [0]], { verbose: 0 })).toThrow(/x has 4 rows but y has 2/);
    expect(() => model.fit(X, [[1], [0], [1], [0]], { batchSize: 0 })).toThrow(/batchSize/);
    expect(() => model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['f1'] })).toThrow(
      /unknown metric 'f1'/,
    );
    expect(() => model.compile({ optimizer: 'sgd', loss: 'binary_focal_crossentropy' })).toThrow(
      /unknown loss 'binary_focal_crossentropy'/,
    );
  });
});

describe('Sequential: evaluate and predict', () => {
  it('evaluate returns the loss and the accuracy', () => {
    const model = lectureXor(1);
    const result = model.evaluate(X, Y_XOR);
    expect(Object.keys(result)).toEqual(['loss', 'accuracy']);
    expect(result.loss).toBeGreaterThan(0.6); // untrained: about log 2
    expect(result.loss).toBeLessThan(0.8);
  });

  it('predict records no graph', () => {
    const out = lectureXor(1).predict(X);
    expect(out.requiresGrad).toBe(false);
    expect(out.shape).toEqual([4, 2]);
  });
});
