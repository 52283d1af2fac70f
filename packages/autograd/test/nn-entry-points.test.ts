/**
 * No public entry point ignores an unknown option key. The entry points are enumerated from the
 * package's exports (and the methods of its classes): each one must be listed below, either with a
 * call that passes it an options object holding an unknown key (which must throw a KerasOptionError
 * naming the key and the entry point), or with the reason it takes no options object. A new export or
 * method that is in neither list fails the first tests, so it cannot ship unchecked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { KerasOptionError } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'gradschool-entry-points-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Bad = Record<string, unknown>;

function model(): api.Sequential {
  const m = new api.Sequential({ seed: 3 });
  m.add(new api.Dense(1, { inputDim: 2, activation: 'sigmoid' }));
  m.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
  return m;
}
const X = [
  [0, 1],
  [1, 0],
];
const Y = [[1], [0]];

function savedModelPath(): string {
  const path = join(dir, 'model.json');
  model().save(path);
  return path;
}

/** Exports that take an options object: a call passing `bad` as that object. */
const EXPORTS_WITH_OPTIONS: Record<string, (bad: Bad) => unknown> = {
  gradCheck: (bad) => api.gradCheck((x) => x.sum(), [api.tensor([1, 2])], bad),
  EarlyStopping: (bad) => new api.EarlyStopping(bad),
  LearningRateScheduler: (bad) => new api.LearningRateScheduler((_, lr) => lr, bad),
  ReduceLROnPlateau: (bad) => new api.ReduceLROnPlateau(bad),
  Dense: (bad) => new api.Dense(2, bad),
  loadModel: (bad) => api.loadModel(savedModelPath(), bad),
  Sequential: (bad) => new api.Sequential(bad),
  Adagrad: (bad) => new api.Adagrad(bad),
  Adam: (bad) => new api.Adam(bad),
  RMSprop: (bad) => new api.RMSprop(bad),
  SGD: (bad) => new api.SGD(bad),
  full: (bad) => api.full([2], 1, bad),
  ones: (bad) => api.ones([2], bad),
  zeros: (bad) => api.zeros([2], bad),
  randomNormal: (bad) => api.randomNormal([2], bad),
  randomUniform: (bad) => api.randomUniform([2], bad),
  tensor: (bad) => api.tensor([1, 2], bad),
  conv2d: (bad) => api.conv2d(api.zeros([1, 3, 3, 1]), api.zeros([2, 2, 1, 1]), bad),
  maxPool2d: (bad) => api.maxPool2d(api.zeros([1, 2, 2, 1]), bad),
  avgPool2d: (bad) => api.avgPool2d(api.zeros([1, 2, 2, 1]), bad),
  Conv2D: (bad) => new api.Conv2D(2, 3, bad),
  MaxPooling2D: (bad) => new api.MaxPooling2D(bad),
  AveragePooling2D: (bad) => new api.AveragePooling2D(bad),
  Flatten: (bad) => new api.Flatten(bad),
  Input: (bad) => new api.Input({ shape: [2], ...bad }),
  Dropout: (bad) => new api.Dropout(0.5, bad),
  BatchNormalization: (bad) => new api.BatchNormalization(bad),
  AUC: (bad) => new api.AUC(bad),
  Adadelta: (bad) => new api.Adadelta(bad),
  AdamW: (bad) => new api.AdamW(bad),
  Adamax: (bad) => new api.Adamax(bad),
  Nadam: (bad) => new api.Nadam(bad),
  Lion: (bad) => new api.Lion(bad),
  Precision: (bad) => new api.Precision(bad),
  Recall: (bad) => new api.Recall(bad),
  RootMeanSquaredError: (bad) => new api.RootMeanSquaredError(bad),
  BinaryCrossentropy: (bad) => new api.BinaryCrossentropy(bad),
  CategoricalCrossentropy: (bad) => new api.CategoricalCrossentropy(bad),
  CategoricalHinge: (bad) => new api.CategoricalHinge(bad),
  CosineSimilarity: (bad) => new api.CosineSimilarity(bad),
  Hinge: (bad) => new api.Hinge(bad),
  Huber: (bad) => new api.Huber(bad),
  KLDivergence: (bad) => new api.KLDivergence(bad),
  LogCosh: (bad) => new api.LogCosh(bad),
  MeanAbsoluteError: (bad) => new api.MeanAbsoluteError(bad),
  MeanAbsolutePercentageError: (bad) => new api.MeanAbsolutePercentageError(bad),
  MeanSquaredError: (bad) => new api.MeanSquaredError(bad),
  MeanSquaredLogarithmicError: (bad) => new api.MeanSquaredLogarithmicError(bad),
  Poisson: (bad) => new api.Poisson(bad),
  SparseCategoricalCrossentropy: (bad) => new api.SparseCategoricalCrossentropy(bad),
  SquaredHinge: (bad) => new api.SquaredHinge(bad),
  // The schedules' required options, then `bad`: an empty `bad` is a valid schedule.
  ExponentialDecay: (bad) =>
    new api.ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.9, ...bad }),
  PiecewiseConstantDecay: (bad) =>
    new api.PiecewiseConstantDecay({ boundaries: [1], values: [1, 0.1], ...bad }),
  PolynomialDecay: (bad) => new api.PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10, ...bad }),
  InverseTimeDecay: (bad) =>
    new api.InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5, ...bad }),
  CosineDecay: (bad) => new api.CosineDecay({ initialLearningRate: 0.1, decaySteps: 10, ...bad }),
  CosineDecayRestarts: (bad) =>
    new api.CosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 10, ...bad }),
};

/** Exports without an options object, and why. */
const EXPORTS_WITHOUT_OPTIONS: Record<string, string> = {
  defaultRng: 'no arguments',
  flatten: 'a tensor',
  ByteRows: 'bytes, a row shape and a divisor',
  BaseOptimizer: "the optimizers' base class: each subclass checks its options",
  Loss: "the loss objects' base class: each subclass checks its options",
  Metric: "the metric objects' base class: each subclass checks its options",
  OPTIMIZER_CLASSES: 'a registry (the built-in optimizer classes by name)',
  SCHEDULE_CLASSES: 'a registry (the built-in learning-rate schedules by name)',
  LearningRateSchedule: 'an abstract class (to extend with call(step))',
  scheduleFromJson: 'a saved schedule (checked: a known class name)',
  activations: 'a registry (activations by name)',
  initializers: 'a registry (initializers by name)',
  metrics: 'a registry (metric functions by name)',
  isBuiltInOptimizer: 'an optimizer',
  huberWith: 'a number (delta)',
  cosineSimilarityWith: 'a number (axis)',
  categoricalHinge: 'two tensors (a loss)',
  cosineSimilarity: 'two tensors (a loss)',
  hinge: 'two tensors (a loss)',
  huber: 'two tensors (a loss)',
  klDivergence: 'two tensors (a loss)',
  logCosh: 'two tensors (a loss)',
  meanAbsoluteError: 'two tensors (a loss)',
  meanAbsolutePercentageError: 'two tensors (a loss)',
  meanSquaredLogarithmicError: 'two tensors (a loss)',
  poisson: 'two tensors (a loss)',
  squaredHinge: 'two tensors (a loss)',
  Rng: 'a seed',
  setDefaultRng: 'an Rng',
  getActivation: 'a name or a function',
  getInitializer: 'a name',
  binaryCrossentropy: 'two tensors (a loss)',
  categoricalCrossentropy: 'two tensors (a loss)',
  meanSquaredError: 'two tensors (a loss)',
  sparseCategoricalCrossentropy: 'two tensors (a loss)',
  getLoss: 'a name or a function',
  binaryAccuracy: 'two tensors (a metric)',
  categoricalAccuracy: 'two tensors (a metric)',
  sparseCategoricalAccuracy: 'two tensors (a metric)',
  KerasOptionError: 'the error class itself',
  setSeed: 'a seed',
  getOptimizer: 'a name or an optimizer',
  leakyRelu: 'a tensor and alpha',
  logSoftmax: 'a tensor and an axis',
  relu: 'a tensor',
  sigmoid: 'a tensor',
  softmax: 'a tensor and an axis',
  step: 'a tensor',
  tanh: 'a tensor',
  fromOp: 'positional arguments of an op',
  gradData: 'a tensor',
  isGradEnabled: 'no arguments',
  noGrad: 'a function',
  arange: 'numbers',
  add: 'tensors or numbers',
  div: 'tensors or numbers',
  mul: 'tensors or numbers',
  pow: 'tensors or numbers',
  sub: 'tensors or numbers',
  matmul: 'tensors',
  argmax: 'a tensor and an axis',
  max: 'a tensor, an axis, keepDims',
  mean: 'a tensor, an axis, keepDims',
  sum: 'a tensor, an axis, keepDims',
  broadcastShapes: 'shapes',
  concat: 'tensors and an axis',
  gather: 'a tensor and indices',
  reshape: 'a tensor and a shape',
  transpose: 'a tensor and axes',
  Tensor: 'data, shape, requiresGrad (built by tensor(...), which is checked)',
  abs: 'a tensor',
  clip: 'a tensor and bounds',
  exp: 'a tensor',
  log: 'a tensor',
  neg: 'a tensor',
  sqrt: 'a tensor',
};

/** Methods that take an options object (or an object checked like one), by `Class.method`. */
const METHODS_WITH_OPTIONS: Record<string, (bad: Bad) => unknown> = {
  'Sequential.summary': (bad) => model().summary({ print: false, ...bad }),
  'Sequential.compile': (bad) => new api.Sequential().compile({ optimizer: 'sgd', loss: 'mse', ...bad }),
  'Sequential.fit': (bad) => model().fit(X, Y, { verbose: 0, ...bad }),
  'Sequential.fit (callbacks)': (bad) => model().fit(X, Y, { verbose: 0, callbacks: [bad] }),
  'Sequential.predict': (bad) => model().predict(X, bad),
  'Sequential.evaluate': (bad) => model().evaluate(X, Y, bad),
  'Tensor.backward': (bad) => api.tensor([1], { requiresGrad: true }).sum().backward(undefined, bad),
};

/** Methods without an options object, and why. */
const METHODS_WITHOUT_OPTIONS: Record<string, string> = {
  'Sequential.layers': 'a getter',
  'Sequential.rng': 'a getter',
  'Sequential.built': 'a getter',
  'Sequential.trainableWeights': 'a getter',
  'Sequential.add': 'a layer (checked: must be a layer)',
  'Sequential.build': 'a shape',
  'Sequential.call': 'a tensor',
  'Sequential.getWeights': 'no arguments',
  'Sequential.setWeights': 'a list of weights (checked: count and shapes)',
  'Sequential.countParams': 'no arguments',
  'Sequential.save': 'a path (checked: a string)',
  'Sequential.requireCompiled': 'internal',
  'Sequential.predictInBatches': 'internal (predict on a row source)',
  'Sequential.allWeights': 'internal',
  'Sequential.inferBatch': 'internal (predict and evaluate, a batch at a time)',
  'Sequential.recycleOutput': 'internal (predict and evaluate)',
  'Sequential.requireBuilt': 'internal',
  'Dense.built': 'a getter',
  'Dense.kernel': 'a getter',
  'Dense.bias': 'a getter',
  'Dense.trainableWeights': 'a getter',
  'Dense.nonTrainableWeights': 'a getter',
  'Dense.build': 'a shape and an Rng',
  'Dense.getWeights': 'no arguments',
  'Dense.setWeights': 'a list of weights (checked: count and shapes)',
  'Dense.buildWith': 'a shape and tensors (loadModel)',
  'Dense.outputShape': 'a shape',
  'Dense.countParams': 'no arguments',
  'Dense.call': 'a tensor',
  'Dense.requireWeights': 'internal',
  'EarlyStopping.setModel': 'a model (a callback hook)',
  'EarlyStopping.onTrainBegin': 'a callback hook',
  'EarlyStopping.onEpochEnd': 'a callback hook',
  'EarlyStopping.copyWeights': 'internal',
  'LearningRateScheduler.setModel': 'a model (a callback hook)',
  'LearningRateScheduler.onEpochBegin': 'a callback hook',
  'LearningRateScheduler.onEpochEnd': 'a callback hook',
  'ReduceLROnPlateau.setModel': 'a model (a callback hook)',
  'ReduceLROnPlateau.onTrainBegin': 'a callback hook',
  'ReduceLROnPlateau.onEpochEnd': 'a callback hook',
  'ReduceLROnPlateau.minimize': 'a getter (internal)',
  'ReduceLROnPlateau.reset': 'internal',
  'Sequential.optimizer': 'a getter',
  'Rng.next': 'no arguments',
  'Rng.nextUint32': 'no arguments',
  'Rng.uniform': 'bounds',
  'Rng.normal': 'mean and std',
  'Rng.int': 'bounds',
  'Rng.shuffle': 'an array',
  'Rng.permutation': 'a length',
};

/** Every public method name of a class (its prototype's own names, getters included). */
function methodsOf(name: string, cls: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(cls.prototype)
    .filter((m) => m !== 'constructor')
    .map((m) => `${name}.${m}`);
}

const TENSOR_METHODS_WITHOUT_OPTIONS = new Set(
  Object.getOwnPropertyNames(api.Tensor.prototype).filter((m) => m !== 'constructor' && m !== 'backward'),
);

describe('every public entry point is accounted for', () => {
  it('each export is listed with its options call or the reason it has none', () => {
    const unlisted = Object.keys(api).filter(
      (name) => !(name in EXPORTS_WITH_OPTIONS) && !(name in EXPORTS_WITHOUT_OPTIONS),
    );
    expect(
      unlisted,
      'new exports: add them to EXPORTS_WITH_OPTIONS (checked) or EXPORTS_WITHOUT_OPTIONS',
    ).toEqual([]);
    const stale = [...Object.keys(EXPORTS_WITH_OPTIONS), ...Object.keys(EXPORTS_WITHOUT_OPTIONS)].filter(
      (name) => !(name in api),
    );
    expect(stale).toEqual([]);
  });

  it("each method of the model classes is listed (Tensor's methods take no options but backward's)", () => {
    const classes = {
      Sequential: api.Sequential,
      Dense: api.Dense,
      EarlyStopping: api.EarlyStopping,
      LearningRateScheduler: api.LearningRateScheduler,
      ReduceLROnPlateau: api.ReduceLROnPlateau,
      Rng: api.Rng,
    };
    const methods = Object.entries(classes).flatMap(([name, cls]) => methodsOf(name, cls));
    const unlisted = methods.filter(
      (m) => !(m in METHODS_WITHOUT_OPTIONS) && !Object.hasOwn(METHODS_WITH_OPTIONS, m),
    );
    expect(unlisted, 'new methods: list them with their options call or the reason they have none').toEqual(
      [],
    );
    // Tensor methods: every one but backward takes tensors, numbers, axes (a new one shows up here)
    expect(TENSOR_METHODS_WITHOUT_OPTIONS.has('backward')).toBe(false);
    expect([...TENSOR_METHODS_WITHOUT_OPTIONS].sort()).toEqual(
      [
        'abs',
        'add',
        'argmax',
        'clip',
        'detach',
        'div',
        'exp',
        'gather',
        'item',
        'leakyRelu',
        'log',
        'logSoftmax',
        'matmul',
        'max',
        'mean',
        'mul',
        'neg',
        'pow',
        'print',
        'relu',
        'reshape',
        'sigmoid',
        'softmax',
        'sqrt',
        'step',
        'sub',
        'sum',
        'tanh',
        'toArray',
        'toJSON',
        'toString',
        'transpose',
        'zeroGrad',
      ].sort(),
    );
  });
});

describe('an unknown key throws a KerasOptionError naming it', () => {
  const calls = { ...EXPORTS_WITH_OPTIONS, ...METHODS_WITH_OPTIONS };
  for (const [name, call] of Object.entries(calls)) {
    it(name, () => {
      let thrown: unknown = null;
      try {
        call({ notAnOption: 1 });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(KerasOptionError);
      expect((thrown as KerasOptionError).key).toBe('notAnOption');
      expect((thrown as Error).message).toContain("unknown option 'notAnOption'");
      // the owner named in the message is the entry point (or its options object)
      const owner = (thrown as KerasOptionError).owner;
      expect(name.toLowerCase()).toContain(owner.split(' ')[0]!.toLowerCase());
    });
  }

  it('and every one of them accepts an empty options object', () => {
    for (const [name, call] of Object.entries(calls)) {
      if (name === 'Sequential.fit (callbacks)') continue; // {} is a callback without hooks: fine too
      expect(() => call({}), name).not.toThrow();
    }
  });
});
