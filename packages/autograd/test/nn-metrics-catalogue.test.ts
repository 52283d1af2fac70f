/**
 * Keras 3's metrics mae, mse, rmse, precision, recall and auc. Expected numbers are ported from
 * keras/src/metrics/regression_metrics_test.py and confusion_metrics_test.py (class and test named
 * above each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AUC,
  Dense,
  loadModel,
  metrics,
  Precision,
  Recall,
  RootMeanSquaredError,
  Sequential,
} from '../src/index.js';

// regression_metrics_test.py: MeanSquaredErrorTest / MeanAbsoluteErrorTest inputs
const REG_TRUE = [
  [0, 1, 0, 1, 0],
  [0, 0, 1, 1, 1],
  [1, 1, 1, 1, 0],
  [0, 0, 0, 0, 1],
];
const REG_PRED = [
  [0, 0, 1, 1, 0],
  [1, 1, 1, 1, 1],
  [0, 1, 0, 1, 0],
  [1, 1, 1, 1, 1],
];

describe('regression metrics (regression_metrics_test.py)', () => {
  it('MeanSquaredErrorTest: test_unweighted 0.5, test_weighted 0.54285', () => {
    const m = new metrics.MeanSquaredError();
    m.updateState(REG_TRUE, REG_PRED);
    expect(m.result()).toBeCloseTo(0.5, 12);
    expect(new metrics.MeanSquaredError().call(REG_TRUE, REG_PRED, [1, 1.5, 2, 2.5])).toBeCloseTo(0.54285, 4);
  });

  it('MeanAbsoluteErrorTest: test_unweighted 0.5, test_weighted 0.54285', () => {
    const m = new metrics.MeanAbsoluteError();
    m.updateState(REG_TRUE, REG_PRED);
    expect(m.result()).toBeCloseTo(0.5, 12);
    expect(new metrics.MeanAbsoluteError().call(REG_TRUE, REG_PRED, [1, 1.5, 2, 2.5])).toBeCloseTo(
      0.54285,
      4,
    );
  });

  it('RootMeanSquaredErrorTest: test_unweighted √6, test_weighted √13', () => {
    const m = new RootMeanSquaredError();
    m.updateState([2, 4, 6], [1, 3, 2]);
    expect(m.result()).toBeCloseTo(Math.sqrt(6), 12);
    expect(new RootMeanSquaredError().call([2, 4, 6, 8], [1, 3, 2, 3], [0, 1, 0, 1])).toBeCloseTo(
      Math.sqrt(13),
      12,
    );
  });

  it('state accumulates over updates and resets; the mean is over all samples, not of batch means', () => {
    const m = new RootMeanSquaredError();
    m.updateState([[0]], [[3]]);
    m.updateState([[0], [0]], [[0], [0]]);
    expect(m.result()).toBeCloseTo(Math.sqrt(9 / 3), 12);
    m.resetState();
    expect(m.result()).toBe(0);
  });
});

describe('Precision (confusion_metrics_test.py: PrecisionTest)', () => {
  it('test_unweighted 0.5, test_div_by_zero 0', () => {
    expect(new Precision().call([0, 1, 1, 0], [1, 0, 1, 0])).toBe(0.5);
    expect(new Precision().call([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });

  it('test_weighted 7/10', () => {
    const result = new Precision().call(
      [
        [0, 1, 1, 0],
        [1, 0, 0, 1],
      ],
      [
        [1, 0, 1, 0],
        [1, 0, 1, 0],
      ],
      [
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ],
    );
    expect(result).toBeCloseTo(7 / 10, 12);
  });

  it('test_unweighted_with_threshold [0.5, 0], test_weighted_with_threshold and test_multiple_updates [3/7, 0]', () => {
    expect(new Precision({ thresholds: [0.5, 0.7] }).call([0, 1, 1, 0], [1, 0, 0.6, 0])).toEqual([0.5, 0]);
    const p = new Precision({ thresholds: [0.5, 1] });
    const t = [
      [0, 1],
      [1, 0],
    ];
    const y = [
      [1, 0],
      [0.6, 0],
    ];
    const w = [
      [4, 0],
      [3, 1],
    ];
    const once = p.call(t, y, w) as number[];
    expect(once[0]).toBeCloseTo(3 / 7, 12);
    expect(once[1]).toBe(0);
    p.updateState(t, y, w);
    expect((p.result() as number[])[0]).toBeCloseTo(6 / 14, 12);
  });

  it('test_unweighted_top_k 1/3, test_weighted_top_k 13/17, test_unweighted_top_k_and_threshold 1', () => {
    expect(new Precision({ topK: 3 }).call([0, 1, 1, 0, 0], [0.2, 0.1, 0.5, 0, 0.2])).toBeCloseTo(1 / 3, 12);
    const p = new Precision({ topK: 3 });
    p.call([[0, 1, 1, 0, 1]], [[0.2, 0.1, 0.4, 0, 0.2]], [[1, 4, 2, 3, 5]]);
    expect(p.call([1, 0, 1, 1, 1], [0.2, 0.6, 0.4, 0.2, 0.2], 3)).toBeCloseTo(13 / 17, 12);
    expect(new Precision({ thresholds: 0.7, topK: 2 }).call([0, 1, 1, 0, 1], [0.2, 0.8, 0.6, 0, 0.2])).toBe(
      1,
    );
  });

  it('test_unweighted_class_id_multiclass 1, test_unweighted_class_id_should_throw_error_1d', () => {
    const y = [
      [0.1, 0.2, 0.7],
      [0.5, 0.3, 0.2],
      [0.2, 0.6, 0.2],
      [0.7, 0.2, 0.1],
      [0.1, 0.1, 0.8],
    ];
    const t = [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ];
    expect(new Precision({ classId: 1 }).call(t, y)).toBe(1);
    expect(() => new Precision({ classId: 2 }).call([0, 1, 1, 0, 0], [0.2, 0.1, 0.6, 0, 0.2])).toThrow(
      /classId is given, yPred must be 2-D/,
    );
  });

  it('test_threshold_limit: thresholds outside [0, 1] are refused', () => {
    expect(() => new Precision({ thresholds: [-1, 0.5, 2] })).toThrow(/must be in \[0, 1\]/);
  });
});

describe('Recall (confusion_metrics_test.py: RecallTest)', () => {
  it('test_unweighted 0.5, test_weighted 4/10, test_div_by_zero 0', () => {
    expect(new Recall().call([0, 1, 1, 0], [1, 0, 1, 0])).toBe(0.5);
    const result = new Recall().call(
      [
        [0, 1, 1, 0],
        [1, 0, 0, 1],
      ],
      [
        [1, 0, 1, 0],
        [0, 1, 0, 1],
      ],
      [
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ],
    );
    expect(result).toBeCloseTo(4 / 10, 12);
    expect(new Recall().call([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });

  it('test_unweighted_with_threshold [0.5, 0], test_weighted_with_threshold [3/7, 0]', () => {
    expect(new Recall({ thresholds: [0.5, 0.7] }).call([0, 1, 1, 0], [1, 0, 0.6, 0])).toEqual([0.5, 0]);
    const r = new Recall({ thresholds: [0.5, 1] }).call(
      [
        [0, 1],
        [1, 0],
      ],
      [
        [1, 0],
        [0.6, 0],
      ],
      [
        [1, 4],
        [3, 2],
      ],
    ) as number[];
    expect(r[0]).toBeCloseTo(3 / 7, 12);
    expect(r[1]).toBe(0);
  });

  it('test_unweighted_top_k 0.5, test_weighted_top_k 13/23, test_unweighted_top_k_and_threshold 0.25', () => {
    expect(new Recall({ topK: 3 }).call([0, 1, 1, 0, 0], [0.2, 0.1, 0.5, 0, 0.2])).toBe(0.5);
    const r = new Recall({ topK: 3 });
    r.call([[0, 1, 1, 0, 1]], [[0.2, 0.1, 0.4, 0, 0.2]], [[1, 4, 2, 3, 5]]);
    expect(r.call([1, 0, 1, 1, 1], [0.2, 0.6, 0.4, 0.2, 0.2], 3)).toBeCloseTo(13 / 23, 12);
    expect(new Recall({ thresholds: 0.7, topK: 2 }).call([1, 1, 1, 0, 1], [0.2, 0.8, 0.6, 0, 0.2])).toBe(
      0.25,
    );
  });
});

describe('AUC (confusion_metrics_test.py: AUCTest)', () => {
  const yPred = [0, 0.5, 0.3, 0.9];
  const yTrue = [0, 0, 1, 1];
  const weights = [1, 2, 3, 4];

  it("Keras' 200 default thresholds: −ε, 1/199, ..., 198/199, 1 + ε", () => {
    const auc = new AUC();
    expect(auc.numThresholds).toBe(200);
    expect(auc.thresholds[0]).toBe(-1e-7);
    expect(auc.thresholds[1]).toBe(1 / 199);
    expect(auc.thresholds[199]).toBe(1 + 1e-7);
  });

  it('test_unweighted_all_correct 1, test_unweighted 0.75, test_unweighted_from_logits, test_manual_thresholds', () => {
    expect(new AUC().call(yTrue, yTrue)).toBe(1);
    expect(new AUC({ numThresholds: 3 }).call(yTrue, yPred)).toBeCloseTo(0.75, 12);
    // Keras' test adds 1e-12 before the logit and relies on float32 rounding 0.5 + 1e-12 back to 0.5;
    // in float64 that logit is above 0, so exact logits are used here (0 → a very negative logit)
    const logits = yPred.map((p) => (p === 0 ? -30 : Math.log(p / (1 - p))));
    expect(new AUC({ numThresholds: 3, fromLogits: true }).call(yTrue, logits)).toBeCloseTo(0.75, 12);
    expect(new AUC({ thresholds: [0.5] }).call(yTrue, yPred)).toBeCloseTo(0.75, 12);
  });

  it('test_weighted_roc_interpolation 0.7855, _majoring 1, _minoring 0.571', () => {
    expect(new AUC({ numThresholds: 3 }).call(yTrue, yPred, weights)).toBeCloseTo((1 + 4 / 7) / 2, 12);
    expect(new AUC({ numThresholds: 3, summationMethod: 'majoring' }).call(yTrue, yPred, weights)).toBe(1);
    expect(
      new AUC({ numThresholds: 3, summationMethod: 'minoring' }).call(yTrue, yPred, weights),
    ).toBeCloseTo(4 / 7, 12);
  });

  it('test_weighted_pr_majoring 1, _minoring 0.7·0.429, _interpolation 2.416/7 + 4/7, negative weights 0', () => {
    const pr = (summationMethod: 'interpolation' | 'majoring' | 'minoring') =>
      new AUC({ numThresholds: 3, curve: 'PR', summationMethod }).call(yTrue, yPred, weights) as number;
    expect(pr('majoring')).toBeCloseTo(1, 12);
    expect(pr('minoring')).toBeCloseTo(0.7 * (3 / 7), 12);
    expect(pr('interpolation')).toBeCloseTo((0.5 * (3 + 2 * Math.log(2.5))) / 7 + 4 / 7, 12);
    expect(new AUC({ numThresholds: 3, curve: 'PR' }).call(yTrue, yPred, [-1, -2, -3, -4])).toBe(0);
  });

  it('the ROC area with 200 thresholds is the fraction of (positive, negative) pairs ranked right', () => {
    // positives 0.8, 0.6, 0.35; negatives 0.7, 0.2, 0.1: 0.6 and 0.35 rank below 0.7, 7 of 9 pairs right
    expect(new AUC().call([1, 1, 1, 0, 0, 0], [0.8, 0.6, 0.35, 0.7, 0.2, 0.1])).toBeCloseTo(7 / 9, 12);
  });

  it('test_invalid_num_thresholds, test_invalid_curve, test_invalid_summation_method', () => {
    expect(() => new AUC({ numThresholds: 1 })).toThrow(/numThresholds must be an integer > 1/);
    expect(() => new AUC({ curve: 'Invalid' as never })).toThrow(/invalid curve 'Invalid'/);
    expect(() => new AUC({ summationMethod: 'Invalid' as never })).toThrow(/invalid summationMethod/);
    expect(() => new AUC({ num_thresholds: 10 } as never)).toThrow(/num_thresholds/);
  });
});

describe('metrics in compile, fit, evaluate, save and load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradschool-metrics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const x = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
    [0.5, 0.2],
    [0.1, 0.9],
  ];
  const y = [[0], [1], [1], [1], [0], [1]];

  function model(metricsList: (string | AUC | Precision)[]): Sequential {
    const m = new Sequential({ seed: 7 });
    m.add(new Dense(4, { inputDim: 2, activation: 'tanh' }));
    m.add(new Dense(1, { activation: 'sigmoid' }));
    m.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: metricsList });
    return m;
  }

  it('names: precision, recall, auc, rmse, root_mean_squared_error, mae, mse; values as the metric objects give', () => {
    const m = model(['precision', 'recall', 'auc', 'rmse', 'root_mean_squared_error', 'mae', 'mse']);
    const history = m.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
    for (const key of ['precision', 'recall', 'auc', 'rmse', 'root_mean_squared_error', 'mae', 'mse']) {
      expect(history.history[key]?.length, key).toBe(2);
    }
    const logs = m.evaluate(x, y);
    const p = m.predict(x);
    expect(logs.precision).toBeCloseTo(new Precision().call(y, p) as number, 12);
    expect(logs.recall).toBeCloseTo(new Recall().call(y, p) as number, 12);
    expect(logs.auc).toBeCloseTo(new AUC().call(y, p) as number, 12);
    expect(logs.rmse).toBeCloseTo(new RootMeanSquaredError().call(y, p) as number, 12);
    expect(logs.mae).toBeCloseTo(new metrics.MeanAbsoluteError().call(y, p) as number, 12);
  });

  it('an epoch’s value is over all its batches, not a mean of batch values (auc is not additive)', () => {
    const m = model(['auc']);
    const history = m.fit(x, y, {
      epochs: 1,
      batchSize: 2,
      shuffle: false,
      verbose: 0,
      validationData: [x, y],
    });
    expect(history.history.val_auc?.[0]).toBeCloseTo(new AUC().call(y, m.predict(x)) as number, 12);
  });

  it('metric objects: their name is the log key; one with several thresholds is refused', () => {
    const m = model([new AUC({ numThresholds: 50, name: 'auc_50' })]);
    expect(m.fit(x, y, { epochs: 1, verbose: 0 }).history.auc_50).toHaveLength(1);
    expect(() => model([new Precision({ thresholds: [0.3, 0.6] })])).toThrow(/several thresholds/);
  });

  it('save writes metric objects with their settings; loadModel rebuilds them', () => {
    const m = model([
      'auc',
      new AUC({ curve: 'PR', numThresholds: 20, name: 'pr_auc' }),
      new Precision({ thresholds: 0.3 }),
    ]);
    const path = join(dir, 'metrics.json');
    m.save(path);
    const again = loadModel(path);
    expect(again.evaluate(x, y)).toEqual(m.evaluate(x, y));
    expect(Object.keys(again.evaluate(x, y))).toEqual(['loss', 'auc', 'pr_auc', 'precision']);
  });
});
