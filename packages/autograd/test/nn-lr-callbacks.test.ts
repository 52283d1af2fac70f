/**
 * The learning-rate callbacks against Keras 3's own tests and examples:
 * - `keras/src/callbacks/learning_rate_scheduler_test.py` (test_updates_learning_rate,
 *   test_verbose_logging, test_schedule_dependent_on_previous_learning_rate,
 *   test_throws_when_optimizer_has_schedule, test_learning_rate_in_history) and the docstring of
 *   `learning_rate_scheduler.py` (SGD's 0.01 after 15 epochs: 0.00607);
 * - `keras/src/callbacks/reduce_lr_on_plateau_test.py` (test_reduces_lr_with_model_fit,
 *   test_throws_when_optimizer_has_schedule, test_verbose_logging, test_honors_min_lr,
 *   test_cooldown, test_state_reset_across_fit_calls).
 * Keras keeps the rate in a float32 variable, so where its test compares `0.1 · 0.1` with `0.01`
 * exactly, these compare to 12 digits (float64 says 0.010000000000000002).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Adam,
  Dense,
  KerasOptionError,
  LearningRateScheduler,
  PolynomialDecay,
  ReduceLROnPlateau,
  Sequential,
  SGD,
  setSeed,
  tensor,
} from '../src/index.js';

afterEach(() => vi.restoreAllMocks());

/** Keras' test setup: 10 rows of 3 features, 2 one-hot classes, Dense(5) then Dense(2), mse. */
const X = tensor(Array.from({ length: 10 }, (_, i) => [Math.sin(i), Math.cos(2 * i), (i % 3) - 1]));
const Y = tensor(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? [1, 0] : [0, 1])));
const XV = tensor(Array.from({ length: 10 }, (_, i) => [Math.cos(i), Math.sin(3 * i), (i % 4) - 1.5]));
const YV = tensor(Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? [1, 0] : [0, 1])));

function model(optimizer: 'sgd' | SGD | Adam = 'sgd'): Sequential {
  setSeed(7);
  const m = new Sequential([new Dense(5, { inputShape: [3] }), new Dense(2)]);
  m.compile({ optimizer, loss: 'mse' });
  return m;
}

const rateOf = (m: Sequential) => m.optimizer!.learningRate;

describe('LearningRateScheduler (Keras learning_rate_scheduler_test.py)', () => {
  it('sets the rate the schedule gives at the start of each epoch (test_updates_learning_rate)', () => {
    const m = model();
    m.fit(X, Y, {
      epochs: 1,
      verbose: 0,
      callbacks: [new LearningRateScheduler((epoch) => 1 / (2 + epoch))],
    });
    expect(rateOf(m)).toBe(0.5);
  });

  it('passes the current rate to the schedule (test_schedule_dependent_on_previous_learning_rate)', () => {
    const m = model(new Adam({ learningRate: 0.03 }));
    m.fit(X, Y, { epochs: 2, verbose: 0, callbacks: [new LearningRateScheduler((_, lr) => lr / 2)] });
    expect(rateOf(m)).toBeCloseTo(0.03 / 4, 15);
  });

  it("follows Keras' docstring example: SGD's 0.01 kept 10 epochs, then times e^-0.1 → 0.00607 after 15", () => {
    setSeed(1);
    const m = new Sequential([new Dense(10, { inputShape: [20] })]);
    m.compile({ optimizer: new SGD(), loss: 'mse' });
    const x = tensor(Array.from({ length: 5 }, (_, i) => Array.from({ length: 20 }, (_, j) => i * 20 + j)));
    const scheduler = new LearningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)));
    m.fit(x.div(100), tensor(Array.from({ length: 5 }, () => new Array(10).fill(0))), {
      epochs: 15,
      verbose: 0,
      callbacks: [scheduler],
    });
    expect(Math.round(rateOf(m) * 1e5) / 1e5).toBe(0.00607);
  });

  it('records the rate as learning_rate in the history (test_learning_rate_in_history)', () => {
    const m = model();
    const history = m.fit(X, Y, { epochs: 2, verbose: 0, callbacks: [new LearningRateScheduler(() => 0.5)] });
    expect(history.history.learning_rate).toEqual([0.5, 0.5]);
  });

  it('says what it sets with verbose 1, as Keras prints it (test_verbose_logging)', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const m = model();
    m.fit(X, Y, {
      epochs: 2,
      verbose: 0,
      callbacks: [
        new LearningRateScheduler((epoch) => 1 / (1 + epoch) / (epoch === 1 ? 1e4 : 1), { verbose: 1 }),
      ],
    });
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines).toContain('\nEpoch 1: LearningRateScheduler setting learning rate to 1.0.');
    expect(lines).toContain('\nEpoch 2: LearningRateScheduler setting learning rate to 5e-05.');
  });

  it('refuses to set the rate of an optimizer made with a schedule (test_throws_when_optimizer_has_schedule)', () => {
    const m = model(
      new Adam({ learningRate: new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10 }) }),
    );
    expect(() =>
      m.fit(X, Y, { epochs: 2, verbose: 0, callbacks: [new LearningRateScheduler((_, lr) => lr / 2)] }),
    ).toThrow(/This optimizer was created with a `LearningRateSchedule`/);
  });

  it('refuses a schedule that is not a function, and one that returns no finite number', () => {
    expect(() => new LearningRateScheduler(0.1 as never)).toThrow(KerasOptionError);
    const m = model();
    expect(() =>
      m.fit(X, Y, { epochs: 1, verbose: 0, callbacks: [new LearningRateScheduler(() => Number.NaN)] }),
    ).toThrow(/must return a finite number, got NaN at epoch 0.*유한한 수/);
    expect(rateOf(m)).toBe(0.01); // unchanged
  });
});

describe('ReduceLROnPlateau (Keras reduce_lr_on_plateau_test.py)', () => {
  const fitWith = (reduce: ReduceLROnPlateau, epochs: number, optimizer?: Adam) => {
    const m = model(optimizer ?? new Adam({ learningRate: 0.1 }));
    const history = m.fit(X, Y, { epochs, verbose: 0, validationData: [XV, YV], callbacks: [reduce] });
    return { m, history };
  };

  it('reduces the rate after `patience` epochs without improvement (test_reduces_lr_with_model_fit)', () => {
    const { m, history } = fitWith(
      new ReduceLROnPlateau({ patience: 1, factor: 0.1, monitor: 'val_loss', minDelta: 100 }),
      2,
    );
    expect(rateOf(m)).toBeCloseTo(0.01, 12);
    // The rate of each epoch, logged before the reduction that epoch's end makes.
    expect(history.history.learning_rate).toEqual([0.1, 0.1]);
  });

  it('never goes below minLr (test_honors_min_lr)', () => {
    const { m } = fitWith(
      new ReduceLROnPlateau({ patience: 1, factor: 0.1, monitor: 'val_loss', minDelta: 10, minLr: 0.005 }),
      4,
    );
    expect(rateOf(m)).toBe(0.005);
  });

  it('waits `cooldown` epochs after a reduction: 4 epochs, cooldown 2, two reductions (test_cooldown)', () => {
    const { m, history } = fitWith(
      new ReduceLROnPlateau({ patience: 1, factor: 0.1, monitor: 'val_loss', minDelta: 100, cooldown: 2 }),
      4,
    );
    expect(rateOf(m)).toBeCloseTo(0.001, 12);
    const rates = history.history.learning_rate!;
    expect(rates.map((r) => Number(r.toPrecision(12)))).toEqual([0.1, 0.1, 0.01, 0.01]);
  });

  it('refuses to set the rate of an optimizer made with a schedule (test_throws_when_optimizer_has_schedule)', () => {
    const reduce = new ReduceLROnPlateau({ patience: 1, factor: 0.1, monitor: 'val_loss', minDelta: 100 });
    const scheduled = new Adam({
      learningRate: new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10 }),
    });
    expect(() => fitWith(reduce, 2, scheduled)).toThrow(
      /This optimizer was created with a `LearningRateSchedule`/,
    );
  });

  it('says what it set with verbose 1 (test_verbose_logging)', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    fitWith(
      new ReduceLROnPlateau({ patience: 1, factor: 0.1, monitor: 'val_loss', minDelta: 100, verbose: 1 }),
      2,
    );
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines.some((line) => line.includes('ReduceLROnPlateau reducing learning rate to 0.01'))).toBe(
      true,
    );
  });

  it('starts each fit afresh (test_state_reset_across_fit_calls)', () => {
    const reduce = new ReduceLROnPlateau({
      patience: 1,
      factor: 0.1,
      monitor: 'loss',
      minDelta: 0,
      cooldown: 2,
    });
    reduce.onTrainBegin();
    reduce.best = 0.5;
    reduce.wait = 3;
    reduce.cooldownCounter = 2;
    reduce.onTrainBegin();
    expect([reduce.best, reduce.wait, reduce.cooldownCounter]).toEqual([Number.POSITIVE_INFINITY, 0, 0]);
  });

  it("watches accuracies the other way ('auto' and a name holding acc), and changes nothing when the log is missing", () => {
    const byAccuracy = new ReduceLROnPlateau({ monitor: 'val_accuracy' });
    byAccuracy.onTrainBegin();
    expect(byAccuracy.best).toBe(Number.NEGATIVE_INFINITY);
    const { m } = fitWith(new ReduceLROnPlateau({ patience: 0, monitor: 'val_auc' }), 2);
    expect(rateOf(m)).toBe(0.1);
  });

  it('refuses a factor of 1 or more, and unknown options, naming them', () => {
    expect(() => new ReduceLROnPlateau({ factor: 1 })).toThrow(
      /does not support a factor >= 1.0, got factor=1/,
    );
    expect(() => new ReduceLROnPlateau({ min_lr: 0.1 } as never)).toThrow(KerasOptionError);
  });
});
