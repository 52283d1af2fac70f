/**
 * What Keras 3's optimizers share (keras/src/optimizers/base_optimizer.py): the learning rate, the
 * step counter, decoupled weight decay, and gradient clipping by value, by norm or by global norm.
 */
import type { Tensor } from '../engine.js';
import { checkOptions, describeValue, KerasOptionError, type OptionSpec } from '../options.js';
import type { Optimizer } from './optimizer.js';
import { LearningRateSchedule, SCHEDULE_CLASSES, type ScheduleConfig } from './schedules.js';

/** A fixed step size, or a schedule the optimizer asks before every step (`schedules.ts`). */
export type LearningRate = number | LearningRateSchedule;

/** Options every built-in optimizer takes, as Keras 3's base optimizer; none is set by default. */
export interface BaseOptimizerOptions {
  /** η, the step size, or a schedule of it (each optimizer has its own default). */
  learningRate?: LearningRate;
  /** Before each update `w ← w − w·weightDecay·η` (decoupled weight decay). */
  weightDecay?: number;
  /** Each gradient is scaled down to at most this L2 norm. */
  clipnorm?: number;
  /** Each gradient value is clipped to [−clipvalue, clipvalue]. */
  clipvalue?: number;
  /** All gradients together are scaled down to at most this L2 norm. */
  globalClipnorm?: number;
}

const OPTIONAL_NUMBER: OptionSpec = { type: 'number', optional: true };
const OPTIONAL_POSITIVE: OptionSpec = { type: 'positive-number', optional: true };

/** The option specs of {@link BaseOptimizerOptions}, for each optimizer's `checkOptions`. */
export const BASE_OPTION_SPECS = {
  // A number or a schedule: checked by `learningRateOption`, whose message names the schedules.
  learningRate: { type: 'any', optional: true },
  weightDecay: OPTIONAL_NUMBER,
  clipnorm: OPTIONAL_POSITIVE,
  clipvalue: OPTIONAL_POSITIVE,
  globalClipnorm: OPTIONAL_POSITIVE,
} as const;

/** `{ ...BASE_OPTION_SPECS, ...own }`, checked against `opts`; returns `opts`. */
export function checkOptimizerOptions<T extends BaseOptimizerOptions>(
  owner: string,
  opts: T | undefined,
  own: { [K in Exclude<keyof T, keyof BaseOptimizerOptions>]-?: OptionSpec },
): T {
  return checkOptions(owner, opts, { ...BASE_OPTION_SPECS, ...own } as { [K in keyof T]-?: OptionSpec });
}

/** A schedule as `save` writes it: its class name and its options. */
export interface ScheduleJson {
  className: keyof typeof SCHEDULE_CLASSES;
  config: ScheduleConfig;
}

/** Hyper-parameters as `save` writes them (the learning rate as a {@link ScheduleJson} when scheduled). */
export type OptimizerConfig = Record<string, number | boolean | ScheduleJson>;

/** The learning-rate option as given, checked: a finite number or one of the schedules. */
function learningRateOption(owner: string, value: LearningRate | undefined): LearningRate | undefined {
  if (value === undefined || Number.isFinite(value) || value instanceof LearningRateSchedule) return value;
  throw new KerasOptionError(
    `${owner}: learningRate must be a finite number or a learning-rate schedule (new ExponentialDecay({...}), ` +
      `new PolynomialDecay({...}), ...), got ${describeValue(value)} ` +
      '(learningRate는 수 또는 학습률 스케줄이어야 합니다)',
    owner,
    'learningRate',
  );
}

/** A schedule rebuilt from what `save` wrote (`ScheduleJson`). */
export function scheduleFromJson(json: ScheduleJson): LearningRateSchedule {
  if (!Object.hasOwn(SCHEDULE_CLASSES, json.className))
    throw new RangeError(
      `unknown learning-rate schedule '${String(json.className)}'; known: ${Object.keys(SCHEDULE_CLASSES).join(', ')} ` +
        '(알 수 없는 학습률 스케줄입니다)',
    );
  const make = SCHEDULE_CLASSES[json.className] as unknown as new (
    config: ScheduleConfig,
  ) => LearningRateSchedule;
  return new make(json.config);
}

/**
 * The base of every built-in optimizer. A subclass's `step` calls {@link prepare} first: it gets the
 * parameters that have a gradient, each with the gradient to use (clipped), after weight decay.
 */
export abstract class BaseOptimizer implements Optimizer {
  /** Keras' class name (`'Adam'`), written by `save`. */
  abstract readonly className: string;
  /** The schedule given as `learningRate`, or null for a fixed rate. */
  readonly schedule: LearningRateSchedule | null;
  readonly weightDecay: number | null;
  readonly clipnorm: number | null;
  readonly clipvalue: number | null;
  readonly globalClipnorm: number | null;
  /** How many steps were taken so far (Keras' `iterations`). */
  iterations = 0;
  private rate: number;

  protected constructor(owner: string, opts: BaseOptimizerOptions, defaultLearningRate: number) {
    const rate = learningRateOption(owner, opts.learningRate) ?? defaultLearningRate;
    this.schedule = typeof rate === 'number' ? null : rate;
    this.rate = typeof rate === 'number' ? rate : rate.call(0);
    this.weightDecay = opts.weightDecay ?? null;
    this.clipnorm = opts.clipnorm ?? null;
    this.clipvalue = opts.clipvalue ?? null;
    this.globalClipnorm = opts.globalClipnorm ?? null;
    const set = [this.clipnorm, this.clipvalue, this.globalClipnorm].filter((v) => v !== null);
    if (set.length > 1) {
      throw new Error(
        `${owner}: only one of clipnorm, clipvalue and globalClipnorm can be set, got clipnorm=` +
          `${this.clipnorm}, clipvalue=${this.clipvalue}, globalClipnorm=${this.globalClipnorm} ` +
          '(clipnorm, clipvalue, globalClipnorm 중 하나만 지정할 수 있습니다)',
      );
    }
  }

  /** η for the next step: the number given (or set since), or what the schedule said before the last step. */
  get learningRate(): number {
    return this.rate;
  }

  /**
   * A new fixed rate from the next step on, as `LearningRateScheduler` and `ReduceLROnPlateau` set
   * it. An optimizer made with a schedule refuses (Keras' `TypeError`): the schedule decides.
   */
  set learningRate(value: number) {
    if (this.schedule !== null) {
      throw new TypeError(
        `This optimizer was created with a \`LearningRateSchedule\` (${this.schedule.className}) as its ` +
          'learningRate, so its learning rate cannot be set; give it a number as learningRate to change ' +
          'it during training (학습률 스케줄로 만든 옵티마이저의 학습률은 바꿀 수 없습니다. 바꾸려면 learningRate를 수로 주세요)',
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError(
        `learningRate must be a finite number, got ${String(value)} (learningRate는 유한한 수여야 합니다)`,
      );
    }
    this.rate = value;
  }

  abstract step(params: readonly Tensor[]): void;

  /** The hyper-parameters of the subclass, in the order `save` writes them. */
  protected abstract ownConfig(): OptimizerConfig;

  /** Every hyper-parameter that rebuilds this optimizer (`new Adam(config)`); unset ones are left out. */
  getConfig(): OptimizerConfig {
    const { schedule } = this;
    const learningRate: number | ScheduleJson =
      schedule === null
        ? this.learningRate
        : { className: schedule.className as ScheduleJson['className'], config: schedule.getConfig() };
    const config: OptimizerConfig = { learningRate, ...this.ownConfig() };
    if (this.weightDecay !== null) config.weightDecay = this.weightDecay;
    if (this.clipnorm !== null) config.clipnorm = this.clipnorm;
    if (this.clipvalue !== null) config.clipvalue = this.clipvalue;
    if (this.globalClipnorm !== null) config.globalClipnorm = this.globalClipnorm;
    return config;
  }

  /**
   * The parameters that have a gradient, each with its gradient clipped as configured (a copy when
   * clipped, else `param.grad.data` itself), after applying weight decay to them, as Keras' `apply`.
   */
  protected prepare(params: readonly Tensor[]): [Tensor, Float64Array][] {
    // Keras' `_get_current_learning_rate`: the schedule at the steps taken so far (0 for the first).
    if (this.schedule !== null) this.rate = this.schedule.call(this.iterations);
    const pairs: [Tensor, Float64Array][] = [];
    for (const param of params) if (param.grad !== null) pairs.push([param, param.grad.data]);
    const clips = this.clipnorm !== null || this.clipvalue !== null || this.globalClipnorm !== null;
    const decay = this.weightDecay;
    // the common case (no clipping, no decay) allocates nothing more: a training step stays cheap
    if (!clips && (decay === null || decay === 0)) return pairs;
    const clipped = clips ? this.clipGradients(pairs.map(([, g]) => g)) : null;
    for (let k = 0; k < pairs.length; k++) {
      if (clipped !== null) pairs[k]![1] = clipped[k]!;
      if (decay !== null && decay !== 0) {
        const w = pairs[k]![0].data;
        const factor = decay * this.learningRate;
        for (let i = 0; i < w.length; i++) w[i]! -= w[i]! * factor;
      }
    }
    return pairs;
  }

  /** Keras' `_clip_gradients`: by norm, by global norm, or by value (at most one is set). */
  clipGradients(grads: readonly Float64Array[]): Float64Array[] {
    if (this.clipnorm !== null) {
      const c = this.clipnorm;
      return grads.map((g) => scaled(g, c / Math.max(norm([g]), c)));
    }
    if (this.globalClipnorm !== null) {
      const c = this.globalClipnorm;
      const scale = c / Math.max(norm(grads), c);
      return grads.map((g) => scaled(g, scale));
    }
    if (this.clipvalue !== null) {
      const v = this.clipvalue;
      return grads.map((g) => g.map((x) => Math.min(Math.max(x, -v), v)));
    }
    return [...grads];
  }
}

/** The L2 norm of all values of `arrays` together. */
function norm(arrays: readonly Float64Array[]): number {
  let sum = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) sum += a[i]! * a[i]!;
  return Math.sqrt(sum);
}

/** `g·scale`, or `g` itself when the scale is 1 (nothing to clip: no copy). */
function scaled(g: Float64Array, scale: number): Float64Array {
  return scale === 1 ? g : g.map((x) => x * scale);
}
