/**
 * Learning-rate schedules, as Keras 3's `keras.optimizers.schedules`
 * (keras/src/optimizers/schedules/learning_rate_schedule.py). Give one to an optimizer as its
 * `learningRate`; before every step the optimizer asks it for the rate, passing the number of steps
 * taken so far (0 for the first step, Keras' `optimizer.iterations`), and keeps the answer in its
 * `learningRate` field, so the rate in use can always be read there.
 *
 * @example
 * // keras.optimizers.Adam(learning_rate=keras.optimizers.schedules.PolynomialDecay(0.003, 750, 0.0))
 * const opt = new Adam({ learningRate: new PolynomialDecay({ initialLearningRate: 0.003, decaySteps: 750, endLearningRate: 0 }) });
 */
import { checkOptions, KerasOptionError, type OptionSpec } from '../options.js';

/** A schedule's settings as `save` writes them (every key is one of its constructor's options). */
export type ScheduleConfig = Record<string, number | boolean | number[]>;

/**
 * The base of every schedule (Keras' `LearningRateSchedule`): subclass it and write `call` to make
 * your own. A schedule keeps no state: the same step always gives the same rate.
 */
export abstract class LearningRateSchedule {
  /** Keras' class name (`'ExponentialDecay'`), written by `save`. */
  abstract readonly className: string;

  /** The learning rate to use after `step` steps (Keras' `__call__(step)`). */
  abstract call(step: number): number;

  /** The options that rebuild this schedule (`new ExponentialDecay(config)`). */
  abstract getConfig(): ScheduleConfig;
}

const NUMBER: OptionSpec = { type: 'number' };
const OPTIONAL_NUMBER: OptionSpec = { type: 'number', optional: true };
const OPTIONAL_BOOLEAN: OptionSpec = { type: 'boolean', optional: true };
const POSITIVE: OptionSpec = { type: 'positive-number' };

/** Options of {@link ExponentialDecay} and {@link InverseTimeDecay}. */
export interface ExponentialDecayOptions {
  initialLearningRate: number;
  /** Steps that make one period of the decay. */
  decaySteps: number;
  decayRate: number;
  /** Decay in whole periods of `decaySteps` (a staircase) instead of smoothly; default false. */
  staircase?: boolean;
}

/** What {@link ExponentialDecay} and {@link InverseTimeDecay} share: their options, and time in periods. */
abstract class PeriodicDecay extends LearningRateSchedule {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;

  protected constructor(owner: string, opts: ExponentialDecayOptions) {
    super();
    checkOptions(owner, opts, {
      initialLearningRate: NUMBER,
      decaySteps: POSITIVE,
      decayRate: NUMBER,
      staircase: OPTIONAL_BOOLEAN,
    });
    this.initialLearningRate = opts.initialLearningRate;
    this.decaySteps = opts.decaySteps;
    this.decayRate = opts.decayRate;
    this.staircase = opts.staircase ?? false;
  }

  /** `step / decaySteps`, rounded down with `staircase`. */
  protected periods(step: number): number {
    const p = step / this.decaySteps;
    return this.staircase ? Math.floor(p) : p;
  }

  getConfig(): ScheduleConfig {
    const { initialLearningRate, decaySteps, decayRate, staircase } = this;
    return { initialLearningRate, decaySteps, decayRate, staircase };
  }
}

/**
 * `initialLearningRate · decayRate^(step / decaySteps)`; with `staircase`, the exponent is rounded
 * down, so the rate drops once every `decaySteps` steps.
 * @example new ExponentialDecay({ initialLearningRate: 0.05, decaySteps: 10, decayRate: 0.96 }).call(5) // 0.05 · 0.96^0.5
 */
export class ExponentialDecay extends PeriodicDecay {
  readonly className = 'ExponentialDecay';

  constructor(opts: ExponentialDecayOptions) {
    super('ExponentialDecay', opts);
  }

  call(step: number): number {
    return this.initialLearningRate * this.decayRate ** this.periods(step);
  }
}

/** Options of {@link PiecewiseConstantDecay}. */
export interface PiecewiseConstantDecayOptions {
  /** Increasing step numbers where the rate changes. */
  boundaries: number[];
  /** One more rate than boundaries: `values[0]` up to `boundaries[0]`, and so on. */
  values: number[];
}

/**
 * `values[0]` while `step ≤ boundaries[0]`, `values[1]` while `step ≤ boundaries[1]`, …, and the last
 * value after the last boundary.
 * @example new PiecewiseConstantDecay({ boundaries: [100, 110], values: [1, 0.1, 0.01] }).call(105) // 0.1
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  readonly className = 'PiecewiseConstantDecay';
  readonly boundaries: readonly number[];
  readonly values: readonly number[];

  constructor(opts: PiecewiseConstantDecayOptions) {
    super();
    checkOptions('PiecewiseConstantDecay', opts, {
      boundaries: { type: 'array' },
      values: { type: 'array' },
    });
    const finite = (xs: unknown[]) => xs.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!finite(opts.boundaries) || !finite(opts.values) || opts.values.length !== opts.boundaries.length + 1)
      throw new KerasOptionError(
        `PiecewiseConstantDecay: values must be numbers, one more than boundaries; got ${opts.boundaries.length} ` +
          `boundaries and ${opts.values.length} values (values는 boundaries보다 하나 많은 수여야 합니다)`,
        'PiecewiseConstantDecay',
        'values',
      );
    if (opts.boundaries.some((b, i) => i > 0 && b <= opts.boundaries[i - 1]!))
      throw new KerasOptionError(
        `PiecewiseConstantDecay: boundaries must increase, got [${opts.boundaries.join(', ')}] ` +
          '(boundaries는 커지는 순서여야 합니다)',
        'PiecewiseConstantDecay',
        'boundaries',
      );
    this.boundaries = [...opts.boundaries];
    this.values = [...opts.values];
  }

  call(step: number): number {
    const after = this.boundaries.findIndex((b) => step <= b);
    return this.values[after === -1 ? this.boundaries.length : after]!;
  }

  getConfig(): ScheduleConfig {
    return { boundaries: [...this.boundaries], values: [...this.values] };
  }
}

/** Options of {@link PolynomialDecay}. */
export interface PolynomialDecayOptions {
  initialLearningRate: number;
  /** Steps to go from the initial rate to the end rate. */
  decaySteps: number;
  /** The rate reached after `decaySteps` steps; default 0.0001 (Keras'). */
  endLearningRate?: number;
  /** 1 (default) decays in a straight line, 0.5 as a square root, 2 as a parabola. */
  power?: number;
  /** Start again after `decaySteps`, over twice as many steps, then three times, …; default false. */
  cycle?: boolean;
}

/**
 * `(initial − end) · (1 − step / decaySteps)^power + end`, then `end` from `decaySteps` on (unless
 * `cycle`). With `endLearningRate: 0` and the default power it is a straight line down to zero.
 * @example new PolynomialDecay({ initialLearningRate: 0.05, decaySteps: 10, endLearningRate: 0 }).call(5) // 0.025
 */
export class PolynomialDecay extends LearningRateSchedule {
  readonly className = 'PolynomialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
  readonly cycle: boolean;

  constructor(opts: PolynomialDecayOptions) {
    super();
    checkOptions('PolynomialDecay', opts, {
      initialLearningRate: NUMBER,
      decaySteps: POSITIVE,
      endLearningRate: OPTIONAL_NUMBER,
      power: OPTIONAL_NUMBER,
      cycle: OPTIONAL_BOOLEAN,
    });
    this.initialLearningRate = opts.initialLearningRate;
    this.decaySteps = opts.decaySteps;
    this.endLearningRate = opts.endLearningRate ?? 0.0001;
    this.power = opts.power ?? 1;
    this.cycle = opts.cycle ?? false;
  }

  call(step: number): number {
    let steps = this.decaySteps;
    // Keras: the period grows to the next multiple of decaySteps (the first period at step 0).
    if (this.cycle) steps *= step === 0 ? 1 : Math.ceil(step / this.decaySteps);
    else step = Math.min(step, steps);
    const { initialLearningRate: from, endLearningRate: to } = this;
    return (from - to) * (1 - step / steps) ** this.power + to;
  }

  getConfig(): ScheduleConfig {
    const { initialLearningRate, decaySteps, endLearningRate, power, cycle } = this;
    return { initialLearningRate, decaySteps, endLearningRate, power, cycle };
  }
}

/** Options of {@link InverseTimeDecay}: those of {@link ExponentialDecay}. */
export type InverseTimeDecayOptions = ExponentialDecayOptions;

/**
 * `initialLearningRate / (1 + decayRate · step / decaySteps)` (the quotient rounded down with `staircase`).
 * @example new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.96 }).call(10) // 0.1 / 1.96
 */
export class InverseTimeDecay extends PeriodicDecay {
  readonly className = 'InverseTimeDecay';

  constructor(opts: InverseTimeDecayOptions) {
    super('InverseTimeDecay', opts);
  }

  call(step: number): number {
    return this.initialLearningRate / (1 + this.decayRate * this.periods(step));
  }
}

/** Options of {@link CosineDecay}. */
export interface CosineDecayOptions {
  initialLearningRate: number;
  /** Steps of the cosine, from its top to its bottom (after the warm-up). */
  decaySteps: number;
  /** The bottom, as a fraction of the top; default 0. */
  alpha?: number;
  /** With a warm-up: the rate rises in a straight line from the initial rate to this one first. */
  warmupTarget?: number;
  /** Steps of the warm-up; default 0. */
  warmupSteps?: number;
}

/**
 * Half a cosine from the top rate down to `alpha` times it over `decaySteps` steps, then flat: the
 * top rate is `initialLearningRate`, or `warmupTarget` after a straight-line warm-up of `warmupSteps`.
 * @example new CosineDecay({ initialLearningRate: 1, decaySteps: 1000 }).call(500) // 0.5
 */
export class CosineDecay extends LearningRateSchedule {
  readonly className = 'CosineDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly alpha: number;
  readonly warmupTarget: number | null;
  readonly warmupSteps: number;

  constructor(opts: CosineDecayOptions) {
    super();
    checkOptions('CosineDecay', opts, {
      initialLearningRate: NUMBER,
      decaySteps: POSITIVE,
      alpha: OPTIONAL_NUMBER,
      warmupTarget: OPTIONAL_NUMBER,
      warmupSteps: { type: 'non-negative-number', optional: true },
    });
    this.initialLearningRate = opts.initialLearningRate;
    this.decaySteps = opts.decaySteps;
    this.alpha = opts.alpha ?? 0;
    this.warmupTarget = opts.warmupTarget ?? null;
    this.warmupSteps = opts.warmupSteps ?? 0;
  }

  call(step: number): number {
    const { decaySteps, warmupTarget, warmupSteps } = this;
    if (warmupTarget === null) return this.decayed(Math.min(step, decaySteps), this.initialLearningRate);
    step = Math.min(step, decaySteps + warmupSteps);
    if (step < warmupSteps)
      return (warmupTarget - this.initialLearningRate) * (step / warmupSteps) + this.initialLearningRate;
    return this.decayed(step - warmupSteps, warmupTarget);
  }

  private decayed(step: number, top: number): number {
    const cosine = 0.5 * (1 + Math.cos((Math.PI * step) / this.decaySteps));
    return top * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): ScheduleConfig {
    const { initialLearningRate, decaySteps, alpha, warmupTarget, warmupSteps } = this;
    return {
      initialLearningRate,
      decaySteps,
      alpha,
      ...(warmupTarget === null ? {} : { warmupTarget }),
      warmupSteps,
    };
  }
}

/** Options of {@link CosineDecayRestarts}. */
export interface CosineDecayRestartsOptions {
  initialLearningRate: number;
  /** Steps of the first period. */
  firstDecaySteps: number;
  /** Each period is this many times longer than the one before; default 2. */
  tMul?: number;
  /** Each period starts this many times higher than the one before; default 1. */
  mMul?: number;
  /** The bottom, as a fraction of the initial rate; default 0. */
  alpha?: number;
}

/**
 * Cosine decay that starts again (SGDR, Loshchilov & Hutter): periods of `firstDecaySteps`, then
 * `tMul` times as long each time, each starting `mMul` times as high.
 * @example new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000 }).call(1000) // 1 (a restart)
 */
export class CosineDecayRestarts extends LearningRateSchedule {
  readonly className = 'CosineDecayRestarts';
  readonly initialLearningRate: number;
  readonly firstDecaySteps: number;
  readonly tMul: number;
  readonly mMul: number;
  readonly alpha: number;

  constructor(opts: CosineDecayRestartsOptions) {
    super();
    checkOptions('CosineDecayRestarts', opts, {
      initialLearningRate: NUMBER,
      firstDecaySteps: POSITIVE,
      tMul: { type: 'positive-number', optional: true },
      mMul: OPTIONAL_NUMBER,
      alpha: OPTIONAL_NUMBER,
    });
    this.initialLearningRate = opts.initialLearningRate;
    this.firstDecaySteps = opts.firstDecaySteps;
    this.tMul = opts.tMul ?? 2;
    this.mMul = opts.mMul ?? 1;
    this.alpha = opts.alpha ?? 0;
  }

  call(step: number): number {
    const { tMul } = this;
    let fraction = step / this.firstDecaySteps;
    let restarts: number;
    if (tMul === 1) {
      restarts = Math.floor(fraction);
      fraction -= restarts;
    } else {
      // Periods of 1, tMul, tMul², … (in units of the first): which one `fraction` falls in, and where.
      restarts = Math.floor(Math.log(1 - fraction * (1 - tMul)) / Math.log(tMul));
      const before = (1 - tMul ** restarts) / (1 - tMul);
      fraction = (fraction - before) / tMul ** restarts;
    }
    const cosine = 0.5 * this.mMul ** restarts * (1 + Math.cos(Math.PI * fraction));
    return this.initialLearningRate * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): ScheduleConfig {
    const { initialLearningRate, firstDecaySteps, tMul, mMul, alpha } = this;
    return { initialLearningRate, firstDecaySteps, tMul, mMul, alpha };
  }
}

/** The built-in schedules by Keras class name (what `save` writes). */
export const SCHEDULE_CLASSES = {
  ExponentialDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  InverseTimeDecay,
  CosineDecay,
  CosineDecayRestarts,
} as const;
