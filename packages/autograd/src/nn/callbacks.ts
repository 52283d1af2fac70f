import type { NestedArray, Tensor } from './engine.js';
import { checkOptions, describeValue, KerasOptionError, type OptionSpec } from './options.js';

/** What a callback may touch of the model being trained. */
export interface TrainingModel {
  /** Set to true to stop `fit` after the current epoch (Keras' `model.stop_training`). */
  stopTraining: boolean;
  getWeights(): Tensor[];
  setWeights(weights: (Tensor | NestedArray)[]): void;
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
