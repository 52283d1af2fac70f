/**
 * Keras 3's losses beyond the lecture's and the loss classes. Expected numbers are ported from
 * keras/src/losses/losses_test.py (class and test named above each); where Keras computes them
 * with a numpy reference formula, the same formula is written here on the same inputs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BinaryCrossentropy,
  CategoricalCrossentropy,
  CategoricalHinge,
  CosineSimilarity,
  categoricalHinge,
  cosineSimilarity,
  Dense,
  getLoss,
  gradCheck,
  Hinge,
  Huber,
  hinge,
  huber,
  huberWith,
  KLDivergence,
  klDivergence,
  LogCosh,
  type LossFn,
  loadModel,
  logCosh,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  type ModelJson,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  Poisson,
  poisson,
  Sequential,
  SparseCategoricalCrossentropy,
  SquaredHinge,
  squaredHinge,
  type Tensor,
  tensor,
} from '../src/index.js';
import { TOLERANCE } from './helpers.js';

// The regression tests' inputs (MeanSquaredErrorTest, MeanAbsoluteErrorTest, ...: test_unweighted)
const Y_TRUE = [
  [1, 9, 2],
  [-5, -2, 6],
];
const Y_PRED = [
  [4, 8, 12],
  [8, 1, 3],
];
// HingeTest / SquaredHingeTest / CategoricalHingeTest: test_unweighted
const HINGE_TRUE = [
  [0, 1],
  [0, 0],
];
const HINGE_PRED = [
  [0.6, 0.4],
  [0.4, 0.6],
];

const value = (loss: LossFn, t: number[][] | number[], p: number[][] | number[]) =>
  loss(tensor(t), tensor(p)).item();
const sum = (rows: number[][]) => rows.flat().reduce((a, b) => a + b, 0);
const map2 = (a: number[][], b: number[][], f: (x: number, y: number) => number) =>
  a.map((row, i) => row.map((x, j) => f(x, b[i]![j]!)));

describe('losses: Keras 3 golden values (losses_test.py)', () => {
  it('MeanAbsoluteErrorTest: test_unweighted 5.5, test_all_correct_unweighted 0', () => {
    expect(value(meanAbsoluteError, Y_TRUE, Y_PRED)).toBeCloseTo(5.5, 12);
    expect(value(meanAbsoluteError, Y_PRED, Y_PRED)).toBe(0);
    expect(new MeanAbsoluteError().call(tensor(Y_TRUE), tensor(Y_PRED)).item()).toBeCloseTo(5.5, 12);
  });

  it('MeanAbsolutePercentageErrorTest: test_unweighted 211.8518', () => {
    expect(value(meanAbsolutePercentageError, Y_TRUE, Y_PRED)).toBeCloseTo(211.8518, 3);
    expect(value(meanAbsolutePercentageError, Y_PRED, Y_PRED)).toBe(0);
  });

  it('MeanSquaredLogarithmicErrorTest: test_unweighted 1.4370', () => {
    expect(value(meanSquaredLogarithmicError, Y_TRUE, Y_PRED)).toBeCloseTo(1.437, 3);
  });

  it('HingeTest 1.3, SquaredHingeTest 1.86, CategoricalHingeTest 1.4 (test_unweighted)', () => {
    expect(value(hinge, HINGE_TRUE, HINGE_PRED)).toBeCloseTo(1.3, 12);
    expect(value(squaredHinge, HINGE_TRUE, HINGE_PRED)).toBeCloseTo(1.86, 12);
    expect(value(categoricalHinge, HINGE_TRUE, HINGE_PRED)).toBeCloseTo(1.4, 12);
  });

  it('CosineSimilarityTest: test_unweighted, −mean of the rows’ cosines (its l2_norm reference)', () => {
    const l2 = (rows: number[][]) =>
      rows.map((r) => {
        const n = Math.sqrt(
          Math.max(
            r.reduce((a, v) => a + v * v, 0),
            1e-12,
          ),
        );
        return r.map((v) => v / n);
      });
    const cosines = map2(l2(Y_TRUE), l2(Y_PRED), (a, b) => a * b).map((r) => r.reduce((a, b) => a + b));
    const expected = -(cosines[0]! + cosines[1]!) / 2;
    expect(value(cosineSimilarity, Y_TRUE, Y_PRED)).toBeCloseTo(expected, 12);
    // test_axis: axis=1 of a 2-D tensor is the last axis
    expect(new CosineSimilarity({ axis: 1 }).call(tensor(Y_TRUE), tensor(Y_PRED)).item()).toBeCloseTo(
      expected,
      12,
    );
  });

  it('HuberLossTest: test_unweighted and the delta of test_non_default_delta (its huber_loss reference)', () => {
    const pred = [
      [0.9, 0.2, 0.2],
      [0.8, 0.4, 0.6],
    ];
    const truth = [
      [1, 0, 1],
      [1, 0, 0],
    ];
    const reference = (delta: number) =>
      sum(
        map2(truth, pred, (t, p) => {
          const a = Math.abs(p - t);
          const q = Math.min(a, delta);
          return 0.5 * q * q + delta * (a - q);
        }),
      ) / 6;
    expect(value(huber, truth, pred)).toBeCloseTo(reference(1), 14);
    expect(new Huber({ delta: 0.8 }).call(tensor(truth), tensor(pred)).item()).toBeCloseTo(
      reference(0.8),
      14,
    );
    expect(value(huberWith(0.1), truth, pred)).toBeCloseTo(reference(0.1), 14);
  });

  it('LogCoshTest: test_unweighted, log((eˣ + e⁻ˣ)/2) averaged', () => {
    const expected =
      sum(map2(Y_TRUE, Y_PRED, (t, p) => Math.log((Math.exp(p - t) + Math.exp(t - p)) / 2))) / 6;
    expect(value(logCosh, Y_TRUE, Y_PRED)).toBeCloseTo(expected, 12);
    // no overflow where cosh itself would: log cosh(1000) = 1000 − log 2
    expect(value(logCosh, [[0]], [[1000]])).toBeCloseTo(1000 - Math.LN2, 10);
  });

  it('KLDivergenceTest: test_unweighted, Σ t·log(t/p) per row, mean over rows', () => {
    const p = [
      [0.4, 0.9, 0.12],
      [0.36, 0.3, 0.4],
    ];
    const t = [
      [0.5, 0.8, 0.12],
      [0.7, 0.43, 0.8],
    ];
    expect(value(klDivergence, t, p)).toBeCloseTo(sum(map2(t, p, (a, b) => a * Math.log(a / b))) / 2, 6);
  });

  it('PoissonTest: test_unweighted, p − t·log p averaged', () => {
    const p = [
      [1, 9, 2],
      [5, 2, 6],
    ];
    const t = [
      [4, 8, 12],
      [8, 1, 3],
    ];
    expect(value(poisson, t, p)).toBeCloseTo(sum(map2(t, p, (a, b) => b - a * Math.log(b))) / 6, 5);
  });

  it('BinaryCrossentropyTest: test_unweighted (0.20046903 and 3.3333 from logits), test_label_smoothing', () => {
    const eye = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const probs = [
      [0.9, 0.1, 0.2],
      [0.3, 0.8, 0.1],
      [0.1, 0.2, 0.7],
    ];
    expect(new BinaryCrossentropy().call(tensor(eye), tensor(probs)).item()).toBeCloseTo(0.20046903, 6);
    const logits = new BinaryCrossentropy({ fromLogits: true });
    const t = [
      [1, 0, 1],
      [0, 1, 1],
    ];
    const z = [
      [10, -10, 10],
      [10, 10, -10],
    ];
    expect(logits.call(tensor(t), tensor(z)).item()).toBeCloseTo(3.3333, 3);
    // test_all_correct_unweighted
    expect(logits.call(tensor(eye), tensor(eye.map((r) => r.map((v) => (v ? 10 : -10))))).item()).toBeCloseTo(
      0,
      4,
    );
    const smoothed = new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.1 });
    expect(smoothed.call(tensor([[1, 0, 1]]), tensor([[10, -10, -10]])).item()).toBeCloseTo(
      (10 + 5 * 0.1) / 3,
      4,
    );
  });

  const CCE_TRUE = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const CCE_PRED = [
    [0.9, 0.05, 0.05],
    [0.5, 0.89, 0.6],
    [0.05, 0.01, 0.94],
  ];
  const CCE_LOGITS = [
    [8, 1, 1],
    [0, 9, 1],
    [2, 3, 5],
  ];

  it('CategoricalCrossentropyTest: test_unweighted 0.3239 / 0.0573, test_no_reduction, test_label_smoothing', () => {
    expect(new CategoricalCrossentropy().call(tensor(CCE_TRUE), tensor(CCE_PRED)).item()).toBeCloseTo(
      0.3239,
      3,
    );
    const fromLogits = new CategoricalCrossentropy({ fromLogits: true });
    expect(fromLogits.call(tensor(CCE_TRUE), tensor(CCE_LOGITS)).item()).toBeCloseTo(0.0573, 3);
    // test_no_reduction: per-row (0.001822, 0.000459, 0.169846); the default reduction is their mean
    expect(fromLogits.call(tensor(CCE_TRUE), tensor(CCE_LOGITS)).item()).toBeCloseTo(
      (0.001822 + 0.000459 + 0.169846) / 3,
      6,
    );
    const smoothed = new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 });
    expect(smoothed.call(tensor([[1, 0, 0]]), tensor([[100, -100, -100]])).item()).toBeCloseTo(
      (400 * 0.1) / 3,
      8,
    );
  });

  it('CategoricalCrossentropy along axis 0 is the loss of the transposed tensors', () => {
    const t = tensor(CCE_TRUE).transpose();
    const z = tensor(CCE_LOGITS).transpose();
    const byAxis = new CategoricalCrossentropy({ fromLogits: true, axis: 0 }).call(t, z).item();
    expect(byAxis).toBeCloseTo(0.0573, 3);
    expect(() => new CategoricalCrossentropy({ axis: 2 }).call(t, z)).toThrow(/axis 2 is out of range/);
  });

  it('SparseCategoricalCrossentropyTest: test_unweighted 0.3239 and from logits', () => {
    expect(new SparseCategoricalCrossentropy().call(tensor([0, 1, 2]), tensor(CCE_PRED)).item()).toBeCloseTo(
      0.3239,
      3,
    );
    const fromLogits = new SparseCategoricalCrossentropy({ fromLogits: true });
    expect(fromLogits.call(tensor([[0], [1], [2]]), tensor(CCE_LOGITS)).item()).toBeCloseTo(0.0573, 3);
    expect(() => fromLogits.call(tensor([0, 3, 1]), tensor(CCE_LOGITS))).toThrow(/label 3/);
  });
});

describe('losses: backward agrees with central differences', () => {
  const t = tensor([
    [0.2, 0.9, 0.5],
    [1.3, 0.1, 0.7],
  ]);
  // every prediction differs from its target (no kink of |e|), margins 1 − t·p stay off 0
  const p = tensor([
    [0.45, 0.3, 0.8],
    [0.6, 0.35, 0.2],
  ]);
  const cases: [string, LossFn][] = [
    ['meanAbsoluteError', meanAbsoluteError],
    ['meanAbsolutePercentageError', meanAbsolutePercentageError],
    ['meanSquaredLogarithmicError', meanSquaredLogarithmicError],
    ['huber', huber],
    ['huber, delta 0.4', huberWith(0.4)],
    ['logCosh', logCosh],
    ['hinge', hinge],
    ['squaredHinge', squaredHinge],
    ['categoricalHinge', categoricalHinge],
    ['klDivergence', klDivergence],
    ['poisson', poisson],
    ['cosineSimilarity', cosineSimilarity],
  ];
  for (const [name, loss] of cases) {
    it(name, () => {
      const result = gradCheck((a: Tensor, b: Tensor) => loss(a, b), [t, p], TOLERANCE);
      expect(result.ok, `${name}: ${result.maxAbsError}`).toBe(true);
    });
  }
  it('loss objects: cross-entropies with label smoothing, from logits', () => {
    const onehot = tensor([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    const z = tensor([
      [0.3, -1.2, 2],
      [1.1, 0.4, -0.6],
    ]);
    for (const loss of [
      new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.2 }),
      new CategoricalCrossentropy({ fromLogits: true, axis: 0 }),
      new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.1 }),
    ]) {
      expect(gradCheck((zz: Tensor) => loss.call(onehot, zz), [z], TOLERANCE).ok).toBe(true);
    }
  });
});

describe('losses by name and as objects in compile, save and load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradschool-loss-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Keras names and aliases, camelCase and snake_case', () => {
    const pairs: [string, LossFn][] = [
      ['mae', meanAbsoluteError],
      ['mean_absolute_error', meanAbsoluteError],
      ['mape', meanAbsolutePercentageError],
      ['mean_squared_logarithmic_error', meanSquaredLogarithmicError],
      ['msle', meanSquaredLogarithmicError],
      ['huber', huber],
      ['log_cosh', logCosh],
      ['logcosh', logCosh],
      ['hinge', hinge],
      ['squared_hinge', squaredHinge],
      ['categorical_hinge', categoricalHinge],
      ['kl_divergence', klDivergence],
      ['kld', klDivergence],
      ['poisson', poisson],
      ['cosine_similarity', cosineSimilarity],
    ];
    for (const [name, fn] of pairs) expect(getLoss(name), name).toBe(fn);
    expect(() => getLoss('toString')).toThrow(/unknown loss 'toString'/);
  });

  it('every loss class has Keras’ default name and rebuilds from its config', () => {
    const objects = [
      new MeanAbsoluteError(),
      new MeanAbsolutePercentageError(),
      new MeanSquaredLogarithmicError(),
      new LogCosh(),
      new Hinge(),
      new SquaredHinge(),
      new CategoricalHinge(),
      new KLDivergence(),
      new Poisson(),
      new Huber({ delta: 2 }),
    ];
    expect(objects.map((o) => o.name)).toEqual([
      'mean_absolute_error',
      'mean_absolute_percentage_error',
      'mean_squared_logarithmic_error',
      'log_cosh',
      'hinge',
      'squared_hinge',
      'categorical_hinge',
      'kl_divergence',
      'poisson',
      'huber_loss',
    ]);
    expect(new Huber({ delta: 2 }).getConfig()).toEqual({ name: 'huber_loss', delta: 2 });
  });

  it('unknown or mistyped options throw, naming the class', () => {
    expect(() => new CategoricalCrossentropy({ from_logits: true } as never)).toThrow(/from_logits/);
    expect(() => new BinaryCrossentropy({ labelSmoothing: 2 })).toThrow(/labelSmoothing must be in \[0, 1\]/);
    expect(() => new Huber({ delta: 'big' } as never)).toThrow(/Huber/);
  });

  it('compile takes a loss object; a softmax-free model trains on logits and saves the object', () => {
    const x = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const y = [
      [1, 0],
      [0, 1],
      [0, 1],
      [1, 0],
    ];
    const model = new Sequential({ seed: 2 });
    model.add(new Dense(8, { inputDim: 2, activation: 'tanh' }));
    model.add(new Dense(2)); // logits
    model.compile({
      optimizer: 'adam',
      loss: new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.05 }),
    });
    const history = model.fit(x, y, { epochs: 30, verbose: 0 });
    expect(history.loss.at(-1)!).toBeLessThan(history.loss[0]!);
    const path = join(dir, 'logits.json');
    model.save(path);
    const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
    expect(json.compile?.loss).toEqual({
      className: 'CategoricalCrossentropy',
      config: { name: 'categorical_crossentropy', fromLogits: true, labelSmoothing: 0.05, axis: -1 },
    });
    const again = loadModel(path);
    expect(again.evaluate(x, y).loss).toBeCloseTo(model.evaluate(x, y).loss!, 12);
  });

  it('a model compiled with a catalogue function or name saves and loads it', () => {
    for (const loss of [logCosh, 'huber', 'kl_divergence'] as const) {
      const model = new Sequential({ seed: 4 });
      model.add(new Dense(2, { inputDim: 2, activation: 'softmax' }));
      model.compile({ optimizer: 'sgd', loss });
      const path = join(dir, 'named.json');
      model.save(path);
      const x = [[0.2, 0.7]];
      const y = [[0, 1]];
      expect(loadModel(path).evaluate(x, y).loss).toBeCloseTo(model.evaluate(x, y).loss!, 12);
    }
  });
});
