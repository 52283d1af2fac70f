/**
 * Learning-rate schedules against Keras 3's own test file,
 * keras/src/optimizers/schedules/learning_rate_schedule_test.py (each case names its test), and in
 * use: an optimizer asks its schedule before every step, `fit` follows Keras' golden losses, and
 * `save`/`loadModel` keep the schedule.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Adam,
  CosineDecay,
  CosineDecayRestarts,
  Dense,
  ExponentialDecay,
  InverseTimeDecay,
  KerasOptionError,
  LearningRateSchedule,
  loadModel,
  type ModelJson,
  PiecewiseConstantDecay,
  PolynomialDecay,
  Sequential,
  SGD,
  tensor,
} from '../src/index.js';

/** Keras' `assertAllClose(a, b, 1e-6)`: rtol 1e-6 (and atol 1e-6). */
const close = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 + 1e-6 * Math.abs(want));

describe('ExponentialDecay (ExponentialDecayTest)', () => {
  it('test_continuous: 0.05 · 0.96^(5/10) at step 5', () => {
    close(
      new ExponentialDecay({ initialLearningRate: 0.05, decaySteps: 10, decayRate: 0.96 }).call(5),
      0.05 * 0.96 ** 0.5,
    );
  });

  it('test_staircase / test_variables: no change before a whole period, 0.1 · 0.96^(100 // 3) at 100', () => {
    const lr = new ExponentialDecay({
      initialLearningRate: 0.1,
      decaySteps: 3,
      decayRate: 0.96,
      staircase: true,
    });
    close(lr.call(1), 0.1);
    close(lr.call(2), 0.1);
    close(lr.call(100), 0.1 * 0.96 ** Math.floor(100 / 3));
  });
});

describe('PiecewiseConstantDecay (PiecewiseConstantDecayTest)', () => {
  it('test_piecewise_values: a boundary step still has the value before it', () => {
    const lr = new PiecewiseConstantDecay({ boundaries: [100, 110, 120], values: [1.0, 0.1, 0.01, 0.001] });
    const at = { [-999]: 1.0, 100: 1.0, 105: 0.1, 110: 0.1, 120: 0.01, 999: 0.001 };
    for (const [step, want] of Object.entries(at)) close(lr.call(Number(step)), want);
  });

  it('test_boundary_values', () => {
    const lr = new PiecewiseConstantDecay({ boundaries: [1, 2, 3], values: [0.4, 0.5, 0.6, 0.7] });
    expect([0, 1, 2, 3, 4].map((s) => lr.call(s))).toEqual([0.4, 0.4, 0.5, 0.6, 0.7]);
  });

  it('refuses values that are not one more than the boundaries, and boundaries that do not increase', () => {
    expect(() => new PiecewiseConstantDecay({ boundaries: [1, 2], values: [1, 2] })).toThrow(
      /one more than boundaries.*하나 많은/,
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: [2, 1], values: [1, 2, 3] })).toThrow(
      /must increase.*커지는/,
    );
  });
});

describe('PolynomialDecay (LinearDecayTest, SqrtDecayTest)', () => {
  const lr = 0.05;
  const poly = (o: { end: number; power?: number; cycle?: boolean }) =>
    new PolynomialDecay({
      initialLearningRate: lr,
      decaySteps: 10,
      endLearningRate: o.end,
      ...(o.power === undefined ? {} : { power: o.power }),
      ...(o.cycle === undefined ? {} : { cycle: o.cycle }),
    });

  it('linear: test_halfway, test_end, test_halfway_with_end, test_beyond_end, test_beyond_end_with_cycle', () => {
    close(poly({ end: 0 }).call(5), lr * 0.5);
    close(poly({ end: 0.001 }).call(10), 0.001);
    close(poly({ end: 0.001 }).call(5), (lr + 0.001) * 0.5);
    close(poly({ end: 0.001 }).call(15), 0.001);
    close(poly({ end: 0.001, cycle: true }).call(15), (lr - 0.001) * 0.25 + 0.001);
  });

  it('square root: the same five at power 0.5, and test_begin_with_cycle', () => {
    close(poly({ end: 0, power: 0.5 }).call(5), lr * 0.5 ** 0.5);
    close(poly({ end: 0.001, power: 0.5 }).call(10), 0.001);
    close(poly({ end: 0.001, power: 0.5 }).call(5), (lr - 0.001) * 0.5 ** 0.5 + 0.001);
    close(poly({ end: 0.001, power: 0.5 }).call(15), 0.001);
    close(poly({ end: 0.001, power: 0.5, cycle: true }).call(15), (lr - 0.001) * 0.25 ** 0.5 + 0.001);
    close(new PolynomialDecay({ initialLearningRate: 0.001, decaySteps: 10, cycle: true }).call(0), 0.001);
  });

  it("ends at Keras' default end rate, 0.0001, when none is given", () => {
    expect(new PolynomialDecay({ initialLearningRate: 0.01, decaySteps: 4 }).call(4)).toBe(0.0001);
  });
});

describe('InverseTimeDecay (InverseTimeDecayTest)', () => {
  it('test_decay and test_staircase over 0..10', () => {
    const smooth = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.96 });
    const stairs = new InverseTimeDecay({
      initialLearningRate: 0.1,
      decaySteps: 10,
      decayRate: 0.96,
      staircase: true,
    });
    for (let i = 0; i <= 10; i++) {
      close(smooth.call(i), 0.1 / (1 + (i / 10) * 0.96));
      close(stairs.call(i), 0.1 / (1 + 0.96 * Math.floor(i / 10)));
    }
  });
});

/** The test file's `np_cosine_decay`. */
function npCosineDecay(step: number, decaySteps: number, alpha = 0): number {
  const fraction = Math.min(step, decaySteps) / decaySteps;
  return (1 - alpha) * (0.5 * (1 + Math.cos(Math.PI * fraction))) + alpha;
}

describe('CosineDecay (CosineDecayTest)', () => {
  it('test_decay and test_alpha, every 250 steps up to 1,250 (past the end)', () => {
    for (let step = 0; step < 1500; step += 250) {
      close(
        new CosineDecay({ initialLearningRate: 1, decaySteps: 1000 }).call(step),
        npCosineDecay(step, 1000),
      );
      close(
        new CosineDecay({ initialLearningRate: 1, decaySteps: 1000, alpha: 0.1 }).call(step),
        npCosineDecay(step, 1000, 0.1),
      );
    }
  });

  it('test_warmup: a straight line from 0 to 10 over 1,500 steps', () => {
    for (let step = 0; step < 1500; step += 250) {
      const lr = new CosineDecay({
        initialLearningRate: 0,
        decaySteps: 10,
        warmupTarget: 10,
        warmupSteps: 1500,
      });
      close(lr.call(step), (step / 1500) * 10);
    }
  });

  it('test_warmup_decay: the warm-up, then the cosine from the warm-up target', () => {
    const lr = new CosineDecay({
      initialLearningRate: 0,
      decaySteps: 1000,
      warmupTarget: 10,
      warmupSteps: 2000,
    });
    for (let step = 0; step < 3000; step += 250) {
      const want = step < 2001 ? (step / 2000) * 10 : 10 * npCosineDecay(step - 2000, 1000);
      close(lr.call(step), want);
    }
  });
});

/** The test file's `np_cosine_decay_restarts`. */
function npRestarts(step: number, decaySteps: number, tMul = 2, mMul = 1, alpha = 0): number {
  let fac = 1;
  while (step >= decaySteps) {
    step -= decaySteps;
    decaySteps *= tMul;
    fac *= mMul;
  }
  return (1 - alpha) * (fac * 0.5 * (1 + Math.cos((Math.PI * step) / decaySteps))) + alpha;
}

describe('CosineDecayRestarts (CosineDecayRestartsTest)', () => {
  it('test_decay, test_alpha, test_mmul, test_tmul', () => {
    for (let step = 0; step < 1500; step += 250) {
      const base = { initialLearningRate: 1, firstDecaySteps: 1000 };
      close(new CosineDecayRestarts(base).call(step), npRestarts(step, 1000));
      close(new CosineDecayRestarts({ ...base, alpha: 0.1 }).call(step), npRestarts(step, 1000, 2, 1, 0.1));
      close(new CosineDecayRestarts({ ...base, mMul: 0.9 }).call(step), npRestarts(step, 1000, 2, 0.9));
      close(new CosineDecayRestarts({ ...base, tMul: 1 }).call(step), npRestarts(step, 1000, 1));
    }
  });

  it('restarts at the end of each period (1,000 then 2,000 more steps), lower each time with mMul', () => {
    const lr = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, mMul: 0.5 });
    for (const [step, want] of [
      [999, npRestarts(999, 1000, 2, 0.5)],
      [1000, 0.5],
      [2000, npRestarts(2000, 1000, 2, 0.5)],
      [3000, 0.25],
    ])
      close(lr.call(step!), want!);
  });
});

describe('a schedule in an optimizer', () => {
  it("keras test_fit_lr_correctness: Adam on ExponentialDecay(0.05, 1, 0.9), Keras' losses, 12 iterations", () => {
    // TestFitLRSchedulesFlow: Dense(2, ones, ones), x = y = arange(32).reshape(16, 2), mse,
    // 3 epochs of batch 4 without shuffling; history.loss == [230.794..., 128.303..., 79.336...] (rtol 5e-5).
    const model = new Sequential([
      new Dense(2, { inputDim: 2, kernelInitializer: 'ones', biasInitializer: 'ones' }),
    ]);
    const optimizer = new Adam({
      learningRate: new ExponentialDecay({ initialLearningRate: 0.05, decaySteps: 1, decayRate: 0.9 }),
    });
    expect(optimizer.iterations).toBe(0);
    model.compile({ optimizer, loss: 'mse' });
    const xy = tensor(
      Array.from({ length: 32 }, (_, i) => i),
      { shape: [16, 2] },
    );
    const history = model.fit(xy, xy, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
    expect(optimizer.iterations).toBe(4 * 3);
    const want = [230.79457092285156, 128.30319213867188, 79.33648681640625];
    for (const [i, loss] of history.loss.entries())
      expect(Math.abs(loss - want[i]!)).toBeLessThanOrEqual(5e-5 * want[i]!);
    // The rate in use is readable: the one of the last step (11 steps taken before it).
    expect(optimizer.learningRate).toBeCloseTo(0.05 * 0.9 ** 11, 12);
  });

  it('asks the schedule before each step with the steps taken so far, and only steps that update', () => {
    const asked: number[] = [];
    class Halving extends LearningRateSchedule {
      readonly className = 'Halving';
      call(step: number): number {
        asked.push(step);
        return 1 / 2 ** step;
      }
      getConfig() {
        return {};
      }
    }
    const w = tensor([1], { requiresGrad: true });
    const opt = new SGD({ learningRate: new Halving() });
    expect(opt.learningRate).toBe(1); // the rate at step 0, before any step
    const moves: number[] = [];
    for (let s = 0; s < 4; s++) {
      w.grad = tensor([1]);
      const before = w.data[0]!;
      opt.step([w]);
      moves.push(before - w.data[0]!);
    }
    opt.step([tensor([0], { requiresGrad: true })]); // no gradient: no step, the schedule is asked, the count stays
    expect(moves).toEqual([1, 0.5, 0.25, 0.125]);
    expect(opt.iterations).toBe(4);
    expect(asked).toEqual([0, 0, 1, 2, 3, 4]);
  });

  it('refuses a learning rate that is neither a number nor a schedule, in both languages', () => {
    const bad = () => new Adam({ learningRate: ((step: number) => 0.1 / (step + 1)) as never });
    expect(bad).toThrow(KerasOptionError);
    expect(bad).toThrow(/learningRate must be a finite number or a learning-rate schedule.*학습률 스케줄/);
    expect(() => new Adam({ learningRate: '0.01' as never })).toThrow(/got "0.01"/);
    expect(() => new SGD({ learningRate: Number.NaN })).toThrow(/finite number/);
  });

  it("refuses a schedule option it does not know, naming Keras' spelling", () => {
    expect(
      () => new ExponentialDecay({ initial_learning_rate: 0.1, decaySteps: 1, decayRate: 0.9 } as never),
    ).toThrow(/initialLearningRate/);
    expect(() => new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 0 })).toThrow(/decaySteps/);
  });
});

describe('save / loadModel with a schedule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradschool-schedules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const trained = (optimizer: Adam) => {
    const model = new Sequential([new Dense(2, { inputDim: 2, kernelInitializer: 'ones' })]);
    model.compile({ optimizer, loss: 'mse' });
    return model;
  };

  it('writes the schedule as class and settings, and reads it back as the same schedule', () => {
    const schedule = new PiecewiseConstantDecay({ boundaries: [2, 4], values: [0.1, 0.01, 0.001] });
    const path = join(dir, 'piecewise.json');
    trained(new Adam({ learningRate: schedule, beta1: 0.8 })).save(path);
    const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
    expect(json.compile?.optimizer.config.learningRate).toEqual({
      className: 'PiecewiseConstantDecay',
      config: { boundaries: [2, 4], values: [0.1, 0.01, 0.001] },
    });
    const loaded = loadModel(path).compiled?.optimizer as Adam;
    expect(loaded.schedule).toBeInstanceOf(PiecewiseConstantDecay);
    expect(loaded.schedule?.getConfig()).toEqual(schedule.getConfig());
    expect(loaded.beta1).toBe(0.8);
  });

  it('round-trips every built-in schedule', () => {
    const schedules = [
      new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.5, staircase: true }),
      new PolynomialDecay({
        initialLearningRate: 0.003,
        decaySteps: 100,
        endLearningRate: 0,
        power: 2,
        cycle: true,
      }),
      new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.96 }),
      new CosineDecay({
        initialLearningRate: 0,
        decaySteps: 10,
        alpha: 0.1,
        warmupTarget: 0.2,
        warmupSteps: 2,
      }),
      new CosineDecay({ initialLearningRate: 0.1, decaySteps: 10 }),
      new CosineDecayRestarts({
        initialLearningRate: 0.1,
        firstDecaySteps: 10,
        tMul: 3,
        mMul: 4,
        alpha: 0.1,
      }),
    ];
    for (const [i, schedule] of schedules.entries()) {
      const path = join(dir, `schedule-${i}.json`);
      trained(new Adam({ learningRate: schedule })).save(path);
      const loaded = (loadModel(path).compiled!.optimizer as Adam).schedule!;
      expect(loaded.constructor).toBe(schedule.constructor);
      expect(loaded.getConfig()).toEqual(schedule.getConfig());
      for (const step of [0, 1, 5, 17, 40]) expect(loaded.call(step)).toBe(schedule.call(step));
    }
  });

  it("leaves out the compile settings for a schedule of one's own (code, not data)", () => {
    class Mine extends LearningRateSchedule {
      readonly className = 'ExponentialDecay'; // even when it borrows a built-in name
      call(): number {
        return 0.1;
      }
      getConfig() {
        return {};
      }
    }
    const path = join(dir, 'mine.json');
    trained(new Adam({ learningRate: new Mine() })).save(path);
    expect((JSON.parse(readFileSync(path, 'utf8')) as ModelJson).compile).toBeNull();
  });
});
