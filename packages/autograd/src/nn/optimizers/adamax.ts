import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link Adamax}; the defaults are Keras 3's. */
export interface AdamaxOptions extends BaseOptimizerOptions {
  /** η, default 0.001. */
  learningRate?: LearningRate;
  /** β1, decay of the first moment, default 0.9. */
  beta1?: number;
  /** β2, decay of the running maximum of |g|, default 0.999. */
  beta2?: number;
  /** ε, default 1e-7. */
  epsilon?: number;
}

/**
 * Adamax (Kingma & Ba 2015, section 7.1), Adam with the infinity norm, as Keras 3 computes it.
 * At step t: `m ← m + (g − m)·(1 − β1)`, `u ← max(β2·u, |g|)`, `w ← w − η·m / ((1 − β1ᵗ)·(u + ε))`.
 *
 * @example
 * // keras.optimizers.Adamax(learning_rate=0.002)
 * const opt = new Adamax({ learningRate: 0.002 });
 */
export class Adamax extends BaseOptimizer {
  readonly className = 'Adamax';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly moments = new SlotMap(0);
  private readonly norms = new SlotMap(0);

  constructor(opts: AdamaxOptions = {}) {
    super(
      'Adamax',
      checkOptimizerOptions('Adamax', opts, {
        beta1: { type: 'number', optional: true },
        beta2: { type: 'number', optional: true },
        epsilon: { type: 'number', optional: true },
      }),
      0.001,
    );
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-7;
    checkOption('Adamax', 'beta1', this.beta1, this.beta1 >= 0 && this.beta1 < 1, 'in [0, 1)');
    checkOption('Adamax', 'beta2', this.beta2, this.beta2 >= 0 && this.beta2 <= 1, 'in [0, 1]');
  }

  protected ownConfig(): OptimizerConfig {
    const { beta1, beta2, epsilon } = this;
    return { beta1, beta2, epsilon };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const { beta1, beta2, epsilon: eps, learningRate: lr } = this;
    const correction = 1 - beta1 ** this.iterations;
    for (const [param, g] of pairs) {
      const w = param.data;
      const m = this.moments.get(param);
      const u = this.norms.get(param);
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        const mi = m[i]! + (gi - m[i]!) * (1 - beta1);
        const ui = Math.max(beta2 * u[i]!, Math.abs(gi));
        m[i] = mi;
        u[i] = ui;
        w[i]! -= (lr * mi) / (correction * (ui + eps));
      }
    }
  }
}
