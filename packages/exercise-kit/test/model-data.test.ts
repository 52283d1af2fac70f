import * as engine from '@gradschool/autograd';
import { Adam, Dense, Sequential, SGD } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  describeCompile,
  describeLayers,
  expectReplayed,
  expectWeights,
  lossHistory,
  type ModelData,
  modelData,
  NotImplemented,
  readModelData,
  replayFit,
  weightsOf,
} from '../src/index.js';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

function xorModel(seed: number, optimizer: string | Adam | SGD = 'adam'): Sequential {
  const model = new Sequential({ seed });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { kernelInitializer: 'normal', activation: 'softmax' }));
  model.compile({ optimizer, loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

/** What crosses the sandbox: structured clone of what the probe returned. */
const sent = (model: unknown) => structuredClone(modelData(model));

function read(value: unknown): ModelData {
  const r = readModelData(value);
  if ('problem' in r) throw new Error(r.problem.en);
  return r.data;
}

describe('modelData (the probe side)', () => {
  it('reads layers, weights and compile settings as plain data', () => {
    const data = read(sent(xorModel(3, new Adam({ learningRate: 0.01 }))));
    expect(describeLayers(data)).toBe(
      "Dense(5, sigmoid, kernelInitializer 'randomNormal', inputShape [2]) → Dense(2, softmax, kernelInitializer 'randomNormal', inputShape [5])",
    );
    expect(data.weights.map((w) => w.shape)).toEqual([[2, 5], [5], [5, 2], [2]]);
    expect(data.compile).toEqual({
      optimizer: {
        className: 'Adam',
        config: { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, amsgrad: false },
      },
      loss: 'categorical_crossentropy',
      metrics: ['accuracy'],
    });
    expect(describeCompile(data.compile)).toContain('Adam({ learningRate: 0.01');
  });

  it('turns what is not a model into a reason, and lets NotImplemented through', () => {
    expect(modelData(null)).toEqual({ unreadable: 'got null, not a model' });
    expect(modelData({ predict: () => ({ toArray: () => [[1]] }), countParams: () => 27 })).toEqual({
      unreadable: 'it has no layers (model.layers is not an array)',
    });
    const throwing = {
      layers: [],
      getWeights: () => {
        throw new RangeError('no');
      },
    };
    expect(modelData(throwing)).toEqual({ unreadable: 'RangeError: no' });
    const stub = {
      layers: [],
      getWeights: () => {
        throw new NotImplemented('makeModel');
      },
    };
    expect(() => modelData(stub)).toThrow(NotImplemented);
    const r = readModelData(modelData(undefined));
    expect('problem' in r && r.problem.en).toBe(
      'it cannot be read as a model (got undefined, not a model). Return a Sequential model.',
    );
  });

  it('copies history.loss, or says there is none', () => {
    expect(lossHistory({ loss: [0.5, 'x'] })).toEqual([0.5, Number.NaN]);
    expect(lossHistory({})).toBeNull();
  });
});

describe('readModelData (the judge side)', () => {
  const good = () => sent(xorModel(1)) as ModelData;

  it('refuses malformed data, saying what is wrong, in both languages', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...good(), layers: [] }, /1\.\.32 layers, it has 0/],
      [{ ...good(), layers: [{ ...good().layers[0], units: 1.5 }] }, /layer 1: units is not an integer/],
      [{ ...good(), weights: [{ shape: [2, 2], data: [1, 2, 3] }] }, /getWeights\(\)\[0\] is not a tensor/],
      [{ ...good(), compile: { optimizer: 'adam' } }, /compile settings cannot be read/],
      ['model', /not a model as data/],
    ];
    for (const [value, en] of cases) {
      const r = readModelData(value);
      expect('problem' in r && r.problem.en).toMatch(en);
      expect('problem' in r && r.problem.ko.length).toBeGreaterThan(5);
    }
  });
});

describe('buildModel', () => {
  it("rebuilds a model whose predictions are the original's", () => {
    const original = xorModel(2);
    original.fit(X, Y, { epochs: 20, verbose: 0 });
    const built = buildModel(engine, read(sent(original)));
    if ('problem' in built) throw new Error(built.problem.en);
    expect(built.model.predict(X).toArray()).toEqual(original.predict(X).toArray());
    expect(built.model.countParams()).toBe(27);
  });

  it('draws fresh weights as new Sequential({ seed }) does, and replays training with the data’s compile settings', () => {
    for (const optimizer of ['adam', new SGD({ learningRate: 0.5, momentum: 0.9 })]) {
      const fresh = xorModel(7, optimizer);
      const before = read(sent(fresh));
      const history = fresh.fit(X, Y, { epochs: 30, verbose: 0 });
      const replay = buildModel(engine, before, { initialize: { seed: 7 }, compile: true });
      if ('problem' in replay) throw new Error(replay.problem.en);
      expect(weightsOf(replay.model)).toEqual(before.weights);
      expect(replay.model.fit(X, Y, { epochs: 30, verbose: 0 }).loss).toEqual(history.loss);
      expect(weightsOf(replay.model)).toEqual(read(sent(fresh)).weights);
    }
  });

  it('turns what the engine refuses into a problem', () => {
    const data = read(sent(xorModel(1)));
    const cases: [ModelData, RegExp][] = [
      [{ ...data, layers: [{ ...data.layers[0]!, activation: 'custom' }] }, /custom activation/],
      [{ ...data, layers: [{ ...data.layers[0]!, className: 'Object' }] }, /layer 1 is not a Dense layer/],
      [{ ...data, weights: data.weights.slice(1) }, /4 weight tensors, got 3/],
      [{ ...data, compile: null }, /never compiled/],
      [{ ...data, compile: { ...data.compile!, optimizer: { className: 'Lion', config: {} } } }, /Lion/],
    ];
    for (const [bad, en] of cases) {
      const r = buildModel(engine, bad, { compile: true });
      expect('problem' in r && r.problem.en).toMatch(en);
      expect('problem' in r && r.problem.ko).toContain('채점기가');
    }
  });
});

describe('expectWeights', () => {
  it('names the first tensor and index that differ', () => {
    const want = [
      { shape: [2], data: [1, 2] },
      { shape: [1, 2], data: [3, 4] },
    ];
    const what = { ko: 'w', en: 'w' };
    expect(expectWeights(want, want, { what }).pass).toBe(true);
    const v = expectWeights([want[0]!, { shape: [1, 2], data: [3, 5] }], want, { what });
    expect(v.message.en).toBe('For w, getWeights()[1]: at [0, 1] expected 4, got 5 (rtol=1e-6, atol=1e-9).');
    expect(expectWeights(want.slice(0, 1), want, { what }).message.en).toContain('should have shapes');
  });
});

describe('replayFit / expectReplayed', () => {
  const how = { ko: '재현', en: 'the replay' };
  const hints = { start: { ko: '시작', en: 'START' }, later: { ko: '나중', en: 'LATER' } };

  it('passes a real run and names the first epoch, or the first weight, that differs', () => {
    const model = xorModel(9);
    const before = read(sent(model));
    const loss = model.fit(X, Y, { epochs: 40, verbose: 0 }).loss;
    const weights = read(sent(model)).weights;
    const replay = replayFit(engine, before, { seed: 9, x: X, y: Y, epochs: loss.length });
    if ('problem' in replay) throw new Error(replay.problem.en);
    const call = 'train(9)';
    expect(expectReplayed({ loss, weights }, replay, { call, how, hints }).pass).toBe(true);
    const later = expectReplayed({ loss: loss.map((l, k) => (k === 7 ? l + 1e-3 : l)), weights }, replay, {
      call,
      how,
      hints,
    });
    expect(later.message.en).toMatch(
      /^train\(9\): history\.loss at epoch 8 should be .* \(the grader's replay: the replay\)\. LATER$/,
    );
    expect(later.message.ko).toMatch(
      /^train\(9\): 8번째 Epoch의 history\.loss로 .* 나왔습니다 \(채점기의 재현: 재현\)\. 나중$/,
    );
    const start = expectReplayed({ loss: loss.map((l) => l * 2), weights }, replay, { call, how, hints });
    expect(start.message.en).toMatch(/epoch 1 .*START$/);
    const handSet = weights.map((w) => ({ ...w, data: w.data.map(() => 1) }));
    const v = expectReplayed({ loss, weights: handSet }, replay, { call, how, hints });
    expect(v.message.en).toMatch(
      /^For the weights after train\(9\) .*getWeights\(\)\[0\]: at \[0, 0\] expected .*, got 1 .*Return the model you trained/,
    );
  });
});

describe('convolutional models (lecture 4)', () => {
  /** A small convnet on 8×8 images with every layer type the kit rebuilds. */
  function convnet(): Sequential {
    const model = new Sequential({ seed: 3 });
    model.add(new engine.Conv2D(4, [3, 3], { activation: 'relu', inputShape: [8, 8, 1] }));
    model.add(new engine.MaxPooling2D({ poolSize: 2 }));
    model.add(new engine.AveragePooling2D({ poolSize: [1, 1], padding: 'same' }));
    model.add(new engine.Conv2D(2, [2, 2], { strides: [1, 2], padding: 'same' }));
    model.add(new engine.Flatten());
    model.add(new engine.Dropout(0.25));
    model.add(new Dense(3, { activation: 'softmax' }));
    return model;
  }
  const images = engine.tensor(
    Float64Array.from({ length: 2 * 64 }, (_, i) => (i * 37) % 11),
    { shape: [2, 8, 8, 1] },
  );

  it('reads the window settings and rebuilds a model whose predictions are the original’s', () => {
    const original = convnet();
    const read = readModelData(structuredClone(modelData(original)));
    if ('problem' in read) throw new Error(read.problem.en);
    expect(read.data.layers[0]).toMatchObject({
      className: 'Conv2D',
      filters: 4,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      inputShape: [8, 8, 1],
    });
    expect(read.data.layers[5]).toMatchObject({ className: 'Dropout', rate: 0.25 });
    expect(describeLayers(read.data)).toBe(
      'Conv2D(4, [3, 3], relu, inputShape [8, 8, 1]) → MaxPooling2D([2, 2], inputShape [6, 6, 4]) → ' +
        "AveragePooling2D([1, 1], padding 'same', inputShape [3, 3, 4]) → " +
        "Conv2D(2, [2, 2], linear, strides [1, 2], padding 'same', inputShape [3, 3, 4]) → " +
        "Flatten() → Dropout(0.25) → Dense(3, softmax, kernelInitializer 'glorotUniform', inputShape [12])",
    );
    const built = buildModel(engine, read.data);
    if ('problem' in built) throw new Error(built.problem.en);
    expect(built.model.countParams()).toBe(original.countParams());
    expect(built.model.predict(images).toArray()).toEqual(original.predict(images).toArray());
    // A Dense layer's data has none of the window fields.
    expect(Object.keys(read.data.layers[6]!)).not.toContain('filters');
  });

  it('refuses window settings out of bounds, and an engine without the layer', () => {
    const data = modelData(convnet()) as ModelData;
    const broken = structuredClone(data);
    broken.layers[0]!.kernelSize = [3, 300];
    const refused = readModelData(broken);
    expect('problem' in refused && refused.problem.en).toMatch(/layer 1 \(Conv2D\): its configuration/);
    const dropout = structuredClone(data);
    dropout.layers[5]!.rate = 1;
    expect('problem' in readModelData(dropout)).toBe(true);
    const { Conv2D: _, ...withoutConv } = engine;
    const built = buildModel(withoutConv, data);
    expect('problem' in built && built.problem.en).toContain('layer 1 (Conv2D) is not in the engine');
  });
});
