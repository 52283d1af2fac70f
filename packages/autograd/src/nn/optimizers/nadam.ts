import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link Nadam}; the defaults are Keras 3's. */
export interface NadamOptions extends BaseOptimizerOptions {
  /** η, default 0.001. */
  learningRate?: LearningRate;
  /** β1, decay of the first moment, default 0.9. */
  beta1?: number;
  /** β2, decay of the second moment, default 0.999. */
  beta2?: number;
  /** ε, default 1e-7. */
  epsilon?: number;
}

/** Keras' momentum schedule: `uₜ = β1·(1 − ½·0.96ᵗ)`. */
const DECAY = 0.96;

/**
 * Nadam (Dozat 2016), Adam with Nesterov momentum, in Keras 3's form. At step t, with
 * `uₜ = β1·(1 − ½·0.96ᵗ)` and `Πₜ = u₁·…·uₜ` (kept across steps):
 *
 * - `m ← m + (g − m)·(1 − β1)`,  `v ← v + (g² − v)·(1 − β2)`
 * - `m̂ = uₜ₊₁·m / (1 − Πₜ·uₜ₊₁) + (1 − uₜ)·g / (1 − Πₜ)`,  `v̂ = v / (1 − β2ᵗ)`
 * - `w ← w − η·m̂ / (sqrt(v̂) + ε)`
 *
 * @example
 * // keras.optimizers.Nadam(learning_rate=0.001)
 * const opt = new Nadam();
 */
export class Nadam extends BaseOptimizer {
  readonly className = 'Nadam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Πₜ, the product of the momentum schedule so far (Keras' `_u_product`). */
  private uProduct = 1;
  private readonly momentums = new SlotMap(0);
  private readonly velocities = new SlotMap(0);

  constructor(opts: NadamOptions = {}) {
    super(
      'Nadam',
      checkOptimizerOptions('Nadam', opts, {
        beta1: { type: 'number', optional: true },
        beta2: { type: 'number', optional: true },
        epsilon: { type: 'number', optional: true },
      }),
      0.001,
    );
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-7;
    checkOption('Nadam', 'beta1', this.beta1, this.beta1 >= 0 && this.beta1 < 1, 'in [0, 1)');
    checkOption('Nadam', 'beta2', this.beta2, this.beta2 >= 0 && this.beta2 < 1, 'in [0, 1)');
  }

  protected ownConfig(): OptimizerConfig {
    const { beta1, beta2, epsilon } = this;
    return { beta1, beta2, epsilon };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const t = this.iterations;
    const { beta1, beta2, epsilon: eps, learningRate: lr } = this;
    const uT = beta1 * (1 - 0.5 * DECAY ** t);
    const uNext = beta1 * (1 - 0.5 * DECAY ** (t + 1));
    // Keras updates the product once per step, before the variables
    this.uProduct *= uT;
    const product = this.uProduct;
    const productNext = product * uNext;
    const beta2Power = beta2 ** t;
    for (const [param, g] of pairs) {
      const w = param.data;
      const m = this.momentums.get(param);
      const v = this.velocities.get(param);
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        const mi = m[i]! + (gi - m[i]!) * (1 - beta1);
        const vi = v[i]! + (gi * gi - v[i]!) * (1 - beta2);
        m[i] = mi;
        v[i] = vi;
        const mHat = (uNext * mi) / (1 - productNext) + ((1 - uT) * gi) / (1 - product);
        const vHat = vi / (1 - beta2Power);
        w[i]! -= (mHat * lr) / (Math.sqrt(vHat) + eps);
      }
    }
  }
}
