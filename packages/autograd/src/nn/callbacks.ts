import type { NestedArray, Tensor } from './engine.js';
import type { Optimizer } from './optimizers/optimizer.js';
import { checkOptions, describeValue, KerasOptionError, type OptionSpec } from './options.js';

/** What a callback may touch of the model being trained. */
export interface TrainingModel {
  /** Set to true to stop `fit` after the current epoch (Keras' `model.stop_training`). */
  stopTraining: boolean;
  getWeights(): Tensor[];
  setWeights(weights: (Tensor | NestedArray)[]): void;
  /** The optimizer `compile` chose (Keras' `model.optimizer`): the learning-rate callbacks set its rate. */
  readonly optimizer?: Optimizer | null;
}

/** Numbers recorded during training, by name: `loss`, `accuracy`, `val_loss`, `val_accuracy`, ... */
export type Logs = Record<string, number>;

/**
 * Hooks that `fit` calls while it trains (all optional). Epoch and batch numbers count from 0, as
 * in Keras. Set `model.stopTraining = true` (or use {@link EarlyStopping}) to stop after this epoch.
 *
 * @example
 * model.fit(x, y, { epochs: 100, callbacks: { onEpochEnd: (epoch, logs) => console.log(epoch, logs.loss) } });
 */
export interface Callbacks {
  /** Called once before training, with the model being trained. */
  setModel?(model: TrainingModel): void;
  onTrainBegin?(logs: Logs): void;
  onEpochBegin?(epoch: number, logs: Logs): void;
  /** After each batch: `logs` holds the running means of this epoch so far (`loss`, metrics). */
  onBatchEnd?(batch: number, logs: Logs): void;
  /** After each epoch: the epoch's `loss`, metrics, and `val_*` when there is validation data. */
  onEpochEnd?(epoch: number, logs: Logs): void;
  /** After the last epoch (or an early stop), with the last epoch's logs. */
  onTrainEnd?(logs: Logs): void;
}

/** Options of {@link EarlyStopping}; the defaults are Keras'. */
export interface EarlyStoppingOptions {
  /** The log to watch, default `'val_loss'`. */
  monitor?: string;
  /** A change smaller than this is not an improvement, default 0. */
  minDelta?: number;
  /** Epochs without improvement before stopping, default 0. */
  patience?: number;
  /** `'min'` (losses), `'max'` (accuracies) or `'auto'` (from the name), default `'auto'`. */
  mode?: 'auto' | 'min' | 'max';
  /** Put back the weights of the best epoch when stopping, default false. */
  restoreBestWeights?: boolean;
}

/**
 * Stops training when `monitor` has not improved by more than `minDelta` for `patience` epochs
 * (Keras' `EarlyStopping`). After `fit`, `stoppedEpoch` is the epoch it stopped at (0: it did not).
 *
 * @example
 * const stop = new EarlyStopping({ monitor: 'loss', patience: 5, minDelta: 1e-4 });
 * model.fit(x, y, { epochs: 1000, callbacks: [stop] });
 */
export class EarlyStopping implements Callbacks {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly restoreBestWeights: boolean;
  /** The epoch (from 0) at which training was stopped; 0 when it ran to the end. */
  stoppedEpoch = 0;
  /** The best value of `monitor` seen so far. */
  best = Number.POSITIVE_INFINITY;
  /** The epoch (from 0) of the best value. */
  bestEpoch = 0;
  private readonly maximize: boolean;
  private wait = 0;
  private bestWeights: Tensor[] | null = null;
  private model: TrainingModel | null = null;

  constructor(opts: EarlyStoppingOptions = {}) {
    checkOptions('EarlyStopping', opts, {
      monitor: { type: 'string', optional: true },
      minDelta: { type: 'number', optional: true },
      patience: { type: 'non-negative-integer', optional: true },
      mode: { type: 'string', optional: true, oneOf: ['auto', 'min', 'max'] },
      restoreBestWeights: { type: 'boolean', optional: true },
    });
    this.monitor = opts.monitor ?? 'val_loss';
    this.minDelta = Math.abs(opts.minDelta ?? 0);
    this.patience = opts.patience ?? 0;
    this.restoreBestWeights = opts.restoreBestWeights ?? false;
    const mode = opts.mode ?? 'auto';
    this.maximize =
      mode === 'max' || (mode === 'auto' && !this.monitor.endsWith('loss') && this.monitor.includes('acc'));
  }

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    this.bestEpoch = 0;
    this.bestWeights = null;
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    const current = logs[this.monitor];
    if (current === undefined) return; // Keras warns and keeps training when the log is missing.
    if (this.restoreBestWeights && this.bestWeights === null) this.bestWeights = this.copyWeights();
    this.wait += 1;
    const improved = this.maximize
      ? current - this.minDelta > this.best
      : current + this.minDelta < this.best;
    if (improved) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.bestWeights = this.copyWeights();
      this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0 && this.model !== null) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
      if (this.bestWeights !== null) this.model.setWeights(this.bestWeights);
    }
  }

  private copyWeights(): Tensor[] | null {
    return this.model === null ? null : this.model.getWeights().map((w) => w.detach());
  }
}

/** A learning rate as Python prints a float (Keras' messages): `0.5`, `1.0`, `1e-05`. */
function pythonFloat(v: number): string {
  const size = Math.abs(v);
  if (size !== 0 && Number.isFinite(v) && (size < 1e-4 || size >= 1e16)) {
    const [digits, exponent] = v.toExponential().split('e') as [string, string];
    const power = Number(exponent);
    return `${digits}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

/** The model's optimizer, for a callback that sets its learning rate (Keras raises the same). */
function optimizerOf(owner: string, model: TrainingModel | null): Optimizer {
  const optimizer = model?.optimizer;
  if (optimizer === undefined || optimizer === null || typeof optimizer.learningRate !== 'number') {
    throw new Error(
      `${owner}: the model's optimizer must have a learningRate (compile the model first) ` +
        '(모델의 옵티마이저에 learningRate가 있어야 합니다. 먼저 compile하세요)',
    );
  }
  return optimizer;
}

/** Options of {@link LearningRateScheduler}. */
export interface LearningRateSchedulerOptions {
  /** 1: print the rate set at each epoch's start (`Epoch 3: LearningRateScheduler setting learning rate to 0.05.`), default 0. */
  verbose?: 0 | 1;
}

/**
 * Sets the optimizer's learning rate at the start of every epoch to `schedule(epoch, currentRate)`
 * (Keras' `LearningRateScheduler`; epochs from 0), and logs it as `learning_rate` at the epoch's end
 * (so `history.history.learning_rate` holds it). The optimizer must have a number as its rate, not a
 * schedule of its own (then setting it is refused, as in Keras).
 *
 * @example
 * // The rate kept for 10 epochs, then multiplied by e^-0.1 each epoch (Keras' example).
 * const schedule = new LearningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)));
 * model.fit(x, y, { epochs: 15, callbacks: [schedule] }); // SGD's 0.01 becomes 0.00607
 */
export class LearningRateScheduler implements Callbacks {
  readonly schedule: (epoch: number, learningRate: number) => number;
  readonly verbose: 0 | 1;
  private model: TrainingModel | null = null;

  constructor(
    schedule: (epoch: number, learningRate: number) => number,
    opts: LearningRateSchedulerOptions = {},
  ) {
    if (typeof schedule !== 'function') {
      throw new KerasOptionError(
        `LearningRateScheduler: schedule must be a function (epoch, learningRate) => learningRate, got ${describeValue(schedule)} ` +
          '(schedule은 (epoch, learningRate) => 새 학습률 함수여야 합니다)',
        'LearningRateScheduler',
        'schedule',
      );
    }
    checkOptions('LearningRateScheduler', opts, {
      verbose: { type: 'number', optional: true, oneOf: [0, 1] },
    });
    this.schedule = schedule;
    this.verbose = opts.verbose ?? 0;
  }

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  onEpochBegin(epoch: number): void {
    const optimizer = optimizerOf('LearningRateScheduler', this.model);
    const rate: unknown = this.schedule(epoch, optimizer.learningRate);
    if (typeof rate !== 'number' || !Number.isFinite(rate)) {
      throw new TypeError(
        `LearningRateScheduler: the schedule must return a finite number, got ${describeValue(rate)} at epoch ${epoch} ` +
          `(schedule은 유한한 수를 돌려줘야 합니다: epoch ${epoch})`,
      );
    }
    optimizer.learningRate = rate;
    if (this.verbose > 0)
      console.log(
        `\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${pythonFloat(rate)}.`,
      );
  }

  onEpochEnd(_epoch: number, logs: Logs): void {
    logs.learning_rate = optimizerOf('LearningRateScheduler', this.model).learningRate;
  }
}

/** Options of {@link ReduceLROnPlateau}; the defaults are Keras'. */
export interface ReduceLROnPlateauOptions {
  /** The log to watch, default `'val_loss'`. */
  monitor?: string;
  /** The rate is multiplied by this (less than 1) when it is reduced, default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing, default 10. */
  patience?: number;
  /** 1: print each reduction (`Epoch 5: ReduceLROnPlateau reducing learning rate to 0.01.`), default 0. */
  verbose?: 0 | 1;
  /** `'min'`, `'max'` or `'auto'` (`'max'` when the name holds `acc`), default `'auto'`. */
  mode?: 'auto' | 'min' | 'max';
  /** An improvement must be larger than this, default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again, default 0. */
  cooldown?: number;
  /** The rate never goes below this, default 0. */
  minLr?: number;
}

/**
 * Reduces the learning rate (`rate · factor`, not below `minLr`) when `monitor` has not improved by
 * more than `minDelta` for `patience` epochs, then waits `cooldown` epochs (Keras'
 * `ReduceLROnPlateau`). Logs the rate as `learning_rate` at every epoch's end. The optimizer must have
 * a number as its rate, not a schedule (then setting it is refused, as in Keras).
 *
 * @example
 * const reduce = new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.2, patience: 5, minLr: 0.001 });
 * model.fit(x, y, { epochs: 100, validationData: [xVal, yVal], callbacks: [reduce] });
 */
export class ReduceLROnPlateau implements Callbacks {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly mode: 'auto' | 'min' | 'max';
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  /** The best value of `monitor` so far (±Infinity before the first). */
  best = Number.POSITIVE_INFINITY;
  /** Epochs since the last improvement (or reduction). */
  wait = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  private model: TrainingModel | null = null;

  constructor(opts: ReduceLROnPlateauOptions = {}) {
    checkOptions('ReduceLROnPlateau', opts, {
      monitor: { type: 'string', optional: true },
      factor: { type: 'number', optional: true },
      patience: { type: 'non-negative-integer', optional: true },
      verbose: { type: 'number', optional: true, oneOf: [0, 1] },
      mode: { type: 'string', optional: true, oneOf: ['auto', 'min', 'max'] },
      minDelta: { type: 'number', optional: true },
      cooldown: { type: 'non-negative-integer', optional: true },
      minLr: { type: 'number', optional: true },
    });
    const factor = opts.factor ?? 0.1;
    if (!(factor < 1)) {
      throw new KerasOptionError(
        `ReduceLROnPlateau does not support a factor >= 1.0, got factor=${factor} (factor는 1보다 작아야 합니다)`,
        'ReduceLROnPlateau',
        'factor',
      );
    }
    this.monitor = opts.monitor ?? 'val_loss';
    this.factor = factor;
    this.patience = opts.patience ?? 10;
    this.verbose = opts.verbose ?? 0;
    this.mode = opts.mode ?? 'auto';
    this.minDelta = opts.minDelta ?? 1e-4;
    this.cooldown = opts.cooldown ?? 0;
    this.minLr = opts.minLr ?? 0;
    this.reset();
  }

  /** Lower is better in `'min'` mode, and in `'auto'` unless the name holds `acc` (Keras' rule). */
  private get minimize(): boolean {
    return this.mode === 'min' || (this.mode === 'auto' && !this.monitor.includes('acc'));
  }

  private reset(): void {
    this.best = this.minimize ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  onTrainBegin(): void {
    this.reset();
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    const optimizer = optimizerOf('ReduceLROnPlateau', this.model);
    logs.learning_rate = optimizer.learningRate;
    const current = logs[this.monitor];
    if (current === undefined) return; // Keras warns and changes nothing when the log is missing.
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const improved = this.minimize
      ? current < this.best - this.minDelta
      : current > this.best + this.minDelta;
    if (improved) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;
    this.wait += 1;
    if (this.wait < this.patience) return;
    const old = optimizer.learningRate;
    // Keras compares with min_lr as a float32.
    if (!(old > Math.fround(this.minLr))) return;
    const rate = Math.max(old * this.factor, this.minLr);
    optimizer.learningRate = rate;
    if (this.verbose > 0)
      console.log(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${pythonFloat(rate)}.`);
    this.cooldownCounter = this.cooldown;
    this.wait = 0;
  }
}

/** The hooks `fit` calls, as {@link Callbacks} names them (Keras' `on_epoch_end` is `onEpochEnd`). */
const HOOKS: readonly string[] = [
  'setModel',
  'onTrainBegin',
  'onEpochBegin',
  'onBatchEnd',
  'onEpochEnd',
  'onTrainEnd',
] satisfies (keyof Callbacks)[];

/** Every method name of `callback`, its class's included (not Object's). */
function methodNames(callback: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = callback; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name !== 'constructor' && typeof (callback as Record<string, unknown>)[name] === 'function') {
        names.add(name);
      }
    }
  }
  return [...names];
}

/**
 * The callbacks given to `fit`, as a list, each checked: a plain object may only hold hooks (so
 * `{ on_epoch_end }` or `{ onEpochEnds }` is an error, not a hook that never runs); an instance of a
 * class (an {@link EarlyStopping}, the student's own) may have other members, but a method that looks
 * like a hook (`on...`) must be one of them.
 */
export function checkCallbacks(given: unknown): Callbacks[] {
  if (given === undefined) return [];
  const list = Array.isArray(given) ? given : [given];
  list.forEach((callback, i) => {
    const where = Array.isArray(given) ? `fit (callbacks[${i}])` : 'fit (callbacks)';
    if (typeof callback !== 'object' || callback === null || Array.isArray(callback)) {
      throw new KerasOptionError(
        `${where}: a callback is an object of hooks such as { onEpochEnd(epoch, logs) { ... } } or an ` +
          `EarlyStopping, got ${describeValue(callback)} ` +
          '(콜백은 { onEpochEnd(epoch, logs) { ... } } 같은 객체여야 합니다)',
        where,
        'callbacks',
      );
    }
    const plain = Object.getPrototypeOf(callback) === Object.prototype;
    const spec: Record<string, OptionSpec> = Object.fromEntries(
      HOOKS.map((hook) => [hook, { type: 'function', optional: true }]),
    );
    if (plain) {
      checkOptions(where, callback as Record<string, unknown>, spec);
      return;
    }
    const stray = methodNames(callback).find((name) => /^on[_A-Z]/.test(name) && !HOOKS.includes(name));
    // Only the stray method is checked: the unknown-key error names it and the nearest hook.
    if (stray !== undefined) checkOptions(where, { [stray]: null }, spec);
  });
  return list as Callbacks[];
}
