import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link RMSprop}; the defaults are Keras 3's. */
export interface RMSpropOptions extends BaseOptimizerOptions {
  /** η, default 0.001. */
  learningRate?: LearningRate;
  /** ρ, the decay of the squared-gradient average, default 0.9. */
  rho?: number;
  /** μ, plain momentum on the increments, default 0. */
  momentum?: number;
  /** ε, default 1e-7 (inside the square root, as Keras does). */
  epsilon?: number;
  /** Divide by the estimated variance instead of the raw second moment, default false. */
  centered?: boolean;
}

/**
 * RMSprop as Keras 3 computes it: a moving average of squared gradients scales each step.
 *
 * - `v ← ρ·v + (1 − ρ)·g²`
 * - centered: `ḡ ← ρ·ḡ + (1 − ρ)·g` and the denominator is `v − ḡ² + ε`, otherwise `v + ε`
 * - `Δ = η·g / sqrt(denominator)`; with momentum `m ← μ·m + Δ` and `w ← w − m`, otherwise `w ← w − Δ`
 *
 * @example
 * // keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9)
 * const opt = new RMSprop({ learningRate: 0.001, rho: 0.9 });
 */
export class RMSprop extends BaseOptimizer {
  readonly className = 'RMSprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  private readonly velocities = new SlotMap(0);
  private readonly momentums = new SlotMap(0);
  private readonly averageGradients = new SlotMap(0);

  constructor(opts: RMSpropOptions = {}) {
    super(
      'RMSprop',
      checkOptimizerOptions('RMSprop', opts, {
        rho: { type: 'number', optional: true },
        momentum: { type: 'number', optional: true },
        epsilon: { type: 'number', optional: true },
        centered: { type: 'boolean', optional: true },
      }),
      0.001,
    );
    this.rho = opts.rho ?? 0.9;
    this.momentum = opts.momentum ?? 0;
    this.epsilon = opts.epsilon ?? 1e-7;
    this.centered = opts.centered ?? false;
    checkOption('RMSprop', 'rho', this.rho, this.rho >= 0 && this.rho <= 1, 'in [0, 1]');
    checkOption('RMSprop', 'momentum', this.momentum, this.momentum >= 0, '≥ 0');
  }

  protected ownConfig(): OptimizerConfig {
    const { rho, momentum, epsilon, centered } = this;
    return { rho, momentum, epsilon, centered };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const { learningRate: lr, rho, momentum: mu, epsilon: eps, centered } = this;
    for (const [param, g] of pairs) {
      const w = param.data;
      const v = this.velocities.get(param);
      const avg = centered ? this.averageGradients.get(param) : null;
      const m = mu > 0 ? this.momentums.get(param) : null;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        const vi = rho * v[i]! + (1 - rho) * gi * gi;
        v[i] = vi;
        let denominator = vi + eps;
        if (avg !== null) {
          const ai = rho * avg[i]! + (1 - rho) * gi;
          avg[i] = ai;
          denominator = vi - ai * ai + eps;
        }
        const increment = (lr * gi) / Math.sqrt(denominator);
        if (m !== null) {
          const mi = mu * m[i]! + increment;
          m[i] = mi;
          w[i]! -= mi;
        } else {
          w[i]! -= increment;
        }
      }
    }
  }
}
