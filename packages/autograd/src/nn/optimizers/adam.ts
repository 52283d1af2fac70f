import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link Adam}; the defaults are Keras 3's. */
export interface AdamOptions extends BaseOptimizerOptions {
  /** η, default 0.001. */
  learningRate?: LearningRate;
  /** β1, decay of the first moment (the mean of g), default 0.9. */
  beta1?: number;
  /** β2, decay of the second moment (the mean of g²), default 0.999. */
  beta2?: number;
  /** ε ("epsilon hat" of the paper), default 1e-7. */
  epsilon?: number;
  /** Use the running maximum of the second moment (AMSGrad), default false. */
  amsgrad?: boolean;
}

/**
 * Adam in Keras 3's form (momentum + RMSprop, with the bias correction folded into the step size).
 * At step t (1, 2, ...; one step = one call of `step`):
 *
 * - `α = η·sqrt(1 − β2ᵗ) / (1 − β1ᵗ)`
 * - `m ← m + (g − m)·(1 − β1)`,  `v ← v + (g² − v)·(1 − β2)`
 * - AMSGrad: `v̂ ← max(v̂, v)` and v̂ replaces v below
 * - `w ← w − α·m / (sqrt(v) + ε)`
 *
 * @example
 * // keras.optimizers.Adam(learning_rate=0.001)  — or simply optimizer: 'adam'
 * const opt = new Adam({ learningRate: 0.001 });
 */
export class Adam extends BaseOptimizer {
  readonly className: string = 'Adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;
  private readonly momentums = new SlotMap(0);
  private readonly velocities = new SlotMap(0);
  private readonly velocityHats = new SlotMap(0);

  /** @param owner the class named in errors (AdamW passes its own name). */
  constructor(opts: AdamOptions = {}, owner = 'Adam') {
    super(
      owner,
      checkOptimizerOptions(owner, opts, {
        beta1: { type: 'number', optional: true },
        beta2: { type: 'number', optional: true },
        epsilon: { type: 'number', optional: true },
        amsgrad: { type: 'boolean', optional: true },
      }),
      0.001,
    );
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-7;
    this.amsgrad = opts.amsgrad ?? false;
    checkOption(owner, 'beta1', this.beta1, this.beta1 >= 0 && this.beta1 < 1, 'in [0, 1)');
    checkOption(owner, 'beta2', this.beta2, this.beta2 >= 0 && this.beta2 < 1, 'in [0, 1)');
  }

  protected ownConfig(): OptimizerConfig {
    const { beta1, beta2, epsilon, amsgrad } = this;
    return { beta1, beta2, epsilon, amsgrad };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const t = this.iterations;
    const { beta1, beta2, epsilon: eps } = this;
    const alpha = (this.learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    for (const [param, g] of pairs) {
      const w = param.data;
      const m = this.momentums.get(param);
      const v = this.velocities.get(param);
      const vHat = this.amsgrad ? this.velocityHats.get(param) : null;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        const mi = m[i]! + (gi - m[i]!) * (1 - beta1);
        let vi = v[i]! + (gi * gi - v[i]!) * (1 - beta2);
        m[i] = mi;
        v[i] = vi;
        if (vHat !== null) {
          vi = Math.max(vHat[i]!, vi);
          vHat[i] = vi;
        }
        w[i]! -= (mi * alpha) / (Math.sqrt(vi) + eps);
      }
    }
  }
}
