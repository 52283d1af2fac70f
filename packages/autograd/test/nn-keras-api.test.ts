/**
 * The Keras-shaped API: Sequential([layers]), model.layers, layer.getWeights()/setWeights(), evaluate
 * Keras-style, fit's initialEpoch, classWeight and sampleWeight — with golden values from Keras 3's
 * own tests where they exist.
 */
import { describe, expect, it, vi } from 'vitest';
import { Dense, type LossFn, Sequential, SGD, type Tensor, tensor } from '../src/index.js';

const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_ONE_HOT = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

describe('new Sequential([layers])', () => {
  it("builds the lecture's XOR model as model.add does, weights and summary alike", () => {
    const listed = new Sequential(
      [
        new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }),
        new Dense(2, { kernelInitializer: 'normal', activation: 'softmax' }),
      ],
      { seed: 7 },
    );
    const added = new Sequential({ seed: 7 });
    added.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
    added.add(new Dense(2, { kernelInitializer: 'normal', activation: 'softmax' }));
    expect(listed.built).toBe(true);
    expect(listed.countParams()).toBe(27);
    expect(listed.summary({ print: false })).toBe(added.summary({ print: false }));
    expect(listed.getWeights().map((w) => w.toArray())).toEqual(added.getWeights().map((w) => w.toArray()));
    expect(listed.layers.map((l) => l.name)).toEqual(['dense', 'dense_1']);
  });

  it("takes Keras' layers= keyword too", () => {
    const model = new Sequential({ layers: [new Dense(3, { inputDim: 2 })], name: 'keyword' });
    expect(model.countParams()).toBe(9);
    expect(model.name).toBe('keyword');
    expect(() => new Sequential([new Dense(1)], { layers: [new Dense(1)] })).toThrow(/give the layers once/);
  });

  it('refuses what is not a layer, naming it', () => {
    expect(() => new Sequential([new Dense(1), 'dense' as never])).toThrow(
      /Sequential: layers\[1\]: expected a layer \(Dense, Conv2D, MaxPooling2D, Flatten, Dropout, \.\.\.\), got "dense" \(a string\)/,
    );
    expect(() => new Sequential({ name: 'm' }, { seed: 1 } as never)).toThrow(
      /Sequential: the first argument must be an array/,
    );
  });

  it('an empty model says it has no layers, not "give the first layer inputDim"', () => {
    expect(() => new Sequential().summary()).toThrow(/no layers yet — add them with model\.add/);
  });

  it('model.layers is a copy (as Keras): changing it does not change the model', () => {
    const model = new Sequential([new Dense(1, { inputDim: 2 })]);
    model.layers.push(new Dense(3));
    expect(model.layers).toHaveLength(1);
  });
});

describe('layer.getWeights() / layer.setWeights()', () => {
  it('copies out, copies in, in Keras order (kernel [in, units], then bias)', () => {
    const model = new Sequential([new Dense(2, { inputDim: 3 }), new Dense(1)], { seed: 1 });
    const [first, second] = model.layers as Dense[];
    const weights = first!.getWeights();
    expect(weights.map((w) => w.shape)).toEqual([[3, 2], [2]]);
    weights[0]!.data.fill(9); // a copy: the layer is unchanged
    expect(first!.kernel.data[0]).not.toBe(9);
    second!.setWeights([[[1], [2]], [0.5]]);
    expect(second!.kernel.toArray()).toEqual([[1], [2]]);
    expect(second!.bias!.toArray()).toEqual([0.5]);
    // the model sees the layer's weights: they are the same tensors
    expect(model.getWeights()[2]!.toArray()).toEqual([[1], [2]]);
  });

  it('checks the count and the shapes before writing anything', () => {
    const layer = new Sequential([new Dense(1, { inputDim: 2 })], { seed: 1 }).layers[0]!;
    const before = layer.getWeights().map((w) => w.toArray());
    expect(() => layer.setWeights([[[1], [2]]])).toThrow(/expected a list of 2 weight tensors, got 1/);
    expect(() =>
      layer.setWeights([
        [[1], [2]],
        [1, 2],
      ]),
    ).toThrow(/weight 1 must have shape \[1\], got \[2\]/);
    expect(layer.getWeights().map((w) => w.toArray())).toEqual(before);
    expect(() => new Dense(1).setWeights([])).toThrow(/no weights yet/);
  });
});

describe('evaluate, Keras-style', () => {
  function xorModel(): Sequential {
    const model = new Sequential(
      [new Dense(5, { inputDim: 2, activation: 'sigmoid' }), new Dense(2, { activation: 'softmax' })],
      { seed: 2 },
    );
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    return model;
  }

  it("returns { loss, accuracy } that also unpacks as Keras' [loss, accuracy]", () => {
    const result = xorModel().evaluate(XOR_X, XOR_ONE_HOT);
    const [loss, accuracy] = result;
    expect(loss).toBe(result.loss);
    expect(accuracy).toBe(result.accuracy);
    expect(Object.keys(result)).toEqual(['loss', 'accuracy']);
    expect(JSON.stringify(result)).toBe(JSON.stringify({ loss: result.loss, accuracy: result.accuracy }));
  });

  it("is Keras' list too: score[0], score[1], [...score]; returnDict is accepted", () => {
    const model = xorModel();
    const score = model.evaluate(XOR_X, XOR_ONE_HOT, { returnDict: false });
    expect(score[0]).toBe(score.loss);
    expect(score[1]).toBe(score.accuracy);
    expect(score[2]).toBeUndefined();
    expect([...score]).toEqual([score.loss, score.accuracy]);
    expect({ ...model.evaluate(XOR_X, XOR_ONE_HOT, { returnDict: true }) }).toEqual({
      loss: score.loss,
      accuracy: score.accuracy,
    });
  });

  it("batchSize does not change the numbers (Keras' test_evaluate_with_different_batch_size_same_loss)", () => {
    const model = xorModel();
    const whole = model.evaluate(XOR_X, XOR_ONE_HOT);
    const oneByOne = model.evaluate(XOR_X, XOR_ONE_HOT, { batchSize: 1 });
    expect(oneByOne.loss).toBeCloseTo(whole.loss!, 12);
    expect(oneByOne.accuracy).toBe(whole.accuracy);
  });

  it('verbose prints one Keras progress line', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      xorModel().evaluate(XOR_X, XOR_ONE_HOT, { verbose: 1 });
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]![0])).toMatch(
        /^1\/1 \[=+\] - \d+s .*step - loss: \d\.\d{4} - accuracy: /,
      );
    } finally {
      log.mockRestore();
    }
  });
});

/**
 * Keras' test model: `Dense(units, use_bias=False, kernel_initializer=Ones())`, SGD(0.01), MSE, on
 * x = ones((100, 4)), y = zeros((100, 3)).
 */
function kerasExampleModel(units: number): Sequential {
  const model = new Sequential([
    new Dense(units, { inputDim: 4, useBias: false, kernelInitializer: 'ones' }),
  ]);
  model.compile({ optimizer: new SGD(), loss: 'mse' });
  return model;
}
const ONES = Array.from({ length: 100 }, () => [1, 1, 1, 1]);
const ZEROS = Array.from({ length: 100 }, () => [0, 0, 0]);
const ONE_BATCH = { epochs: 1, batchSize: 100, shuffle: false, verbose: 0 } as const;

describe("sampleWeight and classWeight: Keras 3's golden values", () => {
  it('keras/src/trainers/trainer_test.py test_on_batch_methods: plain, sample-weighted, class-weighted', () => {
    // Keras' train_on_batch/test_on_batch report the running mean of the loss over all calls so far
    // (every call has 100 rows); here each fit/evaluate reports its own loss, so the test averages them.
    const model = kerasExampleModel(3);
    const losses: number[] = [];
    const runningMean = (): number => losses.reduce((a, b) => a + b, 0) / losses.length;
    losses.push(model.fit(ONES, ZEROS, ONE_BATCH).loss[0]!);
    expect(runningMean()).toBeCloseTo(16.0, 3); // logs[0] == 16.0
    losses.push(model.fit(ONES, ZEROS, ONE_BATCH).loss[0]!);
    expect(runningMean()).toBeCloseTo(15.579, 3); // logs["loss"] == 15.579
    losses.push(model.evaluate(ONES, ZEROS).loss!);
    expect(runningMean()).toBeCloseTo(15.173, 3); // test_on_batch: logs[0] == 15.173
    losses.push(model.evaluate(ONES, ZEROS).loss!);
    expect(runningMean()).toBeCloseTo(14.97, 3); // logs["loss"] == 14.97
    expect((model.predict(ONES).toArray() as number[][])[0]).toEqual([
      expect.closeTo(3.789511, 6),
      expect.closeTo(3.789511, 6),
      expect.closeTo(3.789511, 6),
    ]);

    // sw = np.arange(100).reshape((100,)).astype("float32") / 50.0
    const sw = Array.from({ length: 100 }, (_, i) => i / 50);
    losses.push(model.fit(ONES, ZEROS, { ...ONE_BATCH, sampleWeight: sw }).loss[0]!);
    expect(runningMean()).toBeCloseTo(14.819, 3); // train_on_batch(x, y, sw): logs[0] == 14.819
    losses.push(model.evaluate(ONES, ZEROS, { sampleWeight: sw }).loss!);
    expect(runningMean()).toBeCloseTo(14.595, 3); // test_on_batch(x, y, sw): logs[0] == 14.595
    expect((model.predict(ONES).toArray() as number[][])[0]).toEqual([
      expect.closeTo(3.689468, 6),
      expect.closeTo(3.689468, 6),
      expect.closeTo(3.689468, 6),
    ]);

    // train_on_batch(x, y, class_weight={1: 0.3, 0: 0.2}): logs[0] == 12.899 (y's rows are all class 0)
    losses.push(model.fit(ONES, ZEROS, { ...ONE_BATCH, classWeight: { 1: 0.3, 0: 0.2 } }).loss[0]!);
    expect(runningMean()).toBeCloseTo(12.899, 3);
  });

  it('keras/src/losses/loss_test.py test_sample_weight: sum(sw * (y_true - y_pred)**2) / 4, and 0 (not NaN) for zero weights', () => {
    // y_pred = [0.1, 0.2, 0.3, 0.4] out of a Dense(1) with kernel 1 and bias 0 on x = y_pred.
    const model = new Sequential([new Dense(1, { inputDim: 1 })]);
    model.setWeights([[[1]], [0]]);
    const squaredError: LossFn = (t: Tensor, p: Tensor) => p.sub(t).pow(2); // Keras' ExampleLoss
    model.compile({ optimizer: 'sgd', loss: squaredError });
    const x = [[0.1], [0.2], [0.3], [0.4]];
    const y = [[1], [0], [1], [0]];
    const sampleWeight = [0.4, 0.3, 0.2, 0.1];
    const expected = (0.4 * 0.9 ** 2 + 0.3 * 0.2 ** 2 + 0.2 * 0.7 ** 2 + 0.1 * 0.4 ** 2) / 4;
    expect(model.evaluate(x, y, { sampleWeight }).loss).toBeCloseTo(expected, 12);
    expect(model.evaluate(x, y, { sampleWeight: tensor(sampleWeight) }).loss).toBeCloseTo(expected, 12);
    expect(model.evaluate(x, y, { sampleWeight: [0, 0, 0, 0] }).loss).toBe(0);
  });

  it('weights of 1 change nothing, on the exact logits path of softmax + cross-entropy', () => {
    const make = () => {
      const model = new Sequential(
        [new Dense(5, { inputDim: 2, activation: 'sigmoid' }), new Dense(2, { activation: 'softmax' })],
        { seed: 4 },
      );
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      return model;
    };
    const plain = make();
    const weighted = make();
    const opts = { epochs: 3, batchSize: 2, verbose: 0, seed: 9 } as const;
    const a = plain.fit(XOR_X, XOR_ONE_HOT, opts).loss;
    const b = weighted.fit(XOR_X, XOR_ONE_HOT, { ...opts, sampleWeight: [1, 1, 1, 1] }).loss;
    for (const [i, v] of b.entries()) expect(v).toBeCloseTo(a[i]!, 12);
    const wa = plain.getWeights();
    for (const [i, w] of weighted.getWeights().entries()) {
      for (const [j, v] of w.data.entries()) expect(v).toBeCloseTo(wa[i]!.data[j]!, 12);
    }
  });

  it('a saturated softmax keeps the exact logits loss under weights (40, not the clipped 16.1)', () => {
    const model = new Sequential([new Dense(2, { inputDim: 1, activation: 'softmax' })]);
    model.setWeights([[[0, 40]], [0, 0]]);
    model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    const plain = model.evaluate([[1]], [[1, 0]]).loss!;
    expect(plain).toBeCloseTo(40, 10);
    expect(model.evaluate([[1]], [[1, 0]], { sampleWeight: [2] }).loss).toBeCloseTo(80, 10);
  });

  it('each weight follows its row through shuffling', () => {
    // learningRate 0: the weights never move, so the epoch's loss is Σ over batches of wᵢ·lossᵢ / 1,
    // averaged over the 4 batches: row 0's loss / 4, whatever order the rows were shuffled in.
    const model = new Sequential([new Dense(1, { inputDim: 2, activation: 'sigmoid' })], { seed: 5 });
    model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'binaryCrossentropy' });
    const y = [[0], [1], [1], [0]];
    const rowLosses = XOR_X.map((row, i) => model.evaluate([row], [y[i]!]).loss!);
    const history = model.fit(XOR_X, y, {
      epochs: 3,
      batchSize: 1,
      verbose: 0,
      seed: 11,
      sampleWeight: [1, 0, 0, 0],
    });
    for (const loss of history.loss) expect(loss).toBeCloseTo(rowLosses[0]! / 4, 12);
  });

  it('class weights: the class of a one-hot row is its argmax, of a label its value; missing classes weigh 1', () => {
    const model = new Sequential([new Dense(1, { inputDim: 2, activation: 'sigmoid' })], { seed: 6 });
    model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'binaryCrossentropy' });
    const y = [[0], [1], [1], [0]];
    const rowLosses = XOR_X.map((row, i) => model.evaluate([row], [y[i]!]).loss!);
    const weighted = model.fit(XOR_X, y, { epochs: 1, batchSize: 4, verbose: 0, classWeight: { 1: 3 } })
      .loss[0]!;
    const expected = (rowLosses[0]! + 3 * rowLosses[1]! + 3 * rowLosses[2]! + rowLosses[3]!) / 4;
    expect(weighted).toBeCloseTo(expected, 12);
  });

  it('refuses both at once, a wrong count, and non-class keys', () => {
    const model = kerasExampleModel(3);
    expect(() => model.fit(ONES, ZEROS, { classWeight: { 0: 1 }, sampleWeight: [1] })).toThrow(
      /give classWeight or sampleWeight, not both/,
    );
    expect(() => model.fit(ONES, ZEROS, { sampleWeight: [1, 2] })).toThrow(
      /sampleWeight must hold one number per row \(100\)/,
    );
    expect(() => model.fit(ONES, ZEROS, { classWeight: { cat: 1 } as never })).toThrow(
      /classWeight keys must be class indices/,
    );
    expect(() => model.fit(ONES, ZEROS, { verbose: 0, sampleWeight: ZEROS.map(() => 'x') as never })).toThrow(
      /expected a number at \[0\], got "x" \(a string\)/,
    );
  });

  it('validationSplit splits the sample weights with the rows', () => {
    const model = kerasExampleModel(3);
    const sw = Array.from({ length: 100 }, (_, i) => (i < 80 ? 1 : 0));
    const history = model.fit(ONES, ZEROS, { ...ONE_BATCH, validationSplit: 0.2, sampleWeight: sw });
    expect(history.history.val_loss).toEqual([0]);
  });
});

describe('initialEpoch', () => {
  it('runs epochs initialEpoch … epochs − 1, numbered as Keras numbers them', () => {
    const model = kerasExampleModel(1);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const history = model.fit(
        ONES,
        ZEROS.map(() => [0]),
        { epochs: 5, initialEpoch: 2, batchSize: 100 },
      );
      expect(history.epoch).toEqual([2, 3, 4]);
      expect(history.loss).toHaveLength(3);
      const lines = log.mock.calls.map((c) => String(c[0]));
      expect(lines.filter((l) => l.startsWith('Epoch '))).toEqual(['Epoch 3/5', 'Epoch 4/5', 'Epoch 5/5']);
    } finally {
      log.mockRestore();
    }
  });

  it('trains nothing when initialEpoch ≥ epochs, as Keras', () => {
    const model = kerasExampleModel(1);
    const before = model.getWeights()[0]!.toArray();
    expect(
      model.fit(
        ONES,
        ZEROS.map(() => [0]),
        { epochs: 2, initialEpoch: 2, verbose: 0 },
      ).epoch,
    ).toEqual([]);
    expect(model.getWeights()[0]!.toArray()).toEqual(before);
  });
});
