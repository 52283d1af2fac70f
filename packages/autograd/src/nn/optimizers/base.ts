/**
 * What Keras 3's optimizers share (keras/src/optimizers/base_optimizer.py): the learning rate, the
 * step counter, decoupled weight decay, and gradient clipping by value, by norm or by global norm.
 */
import type { Tensor } from '../engine.js';
import { checkOptions, type OptionSpec } from '../options.js';
import type { Optimizer } from './optimizer.js';

/** Options every built-in optimizer takes, as Keras 3's base optimizer; none is set by default. */
export interface BaseOptimizerOptions {
  /** η, the step size (each optimizer has its own default). */
  learningRate?: number;
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
  learningRate: OPTIONAL_NUMBER,
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

/** Hyper-parameters as `save` writes them. */
export type OptimizerConfig = Record<string, number | boolean>;

/**
 * The base of every built-in optimizer. A subclass's `step` calls {@link prepare} first: it gets the
 * parameters that have a gradient, each with the gradient to use (clipped), after weight decay.
 */
export abstract class BaseOptimizer implements Optimizer {
  /** Keras' class name (`'Adam'`), written by `save`. */
  abstract readonly className: string;
  learningRate: number;
  readonly weightDecay: number | null;
  readonly clipnorm: number | null;
  readonly clipvalue: number | null;
  readonly globalClipnorm: number | null;
  /** How many steps were taken so far (Keras' `iterations`). */
  iterations = 0;

  protected constructor(owner: string, opts: BaseOptimizerOptions, defaultLearningRate: number) {
    this.learningRate = opts.learningRate ?? defaultLearningRate;
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

  abstract step(params: readonly Tensor[]): void;

  /** The hyper-parameters of the subclass, in the order `save` writes them. */
  protected abstract ownConfig(): OptimizerConfig;

  /** Every hyper-parameter that rebuilds this optimizer (`new Adam(config)`); unset ones are left out. */
  getConfig(): OptimizerConfig {
    const config: OptimizerConfig = { learningRate: this.learningRate, ...this.ownConfig() };
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
