import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link Adadelta}; the defaults are Keras 3's. */
export interface AdadeltaOptions extends BaseOptimizerOptions {
  /** η, default 0.001 (Keras 3; the paper's Adadelta has no learning rate, i.e. 1). */
  learningRate?: LearningRate;
  /** ρ, the decay of both running averages, default 0.95. */
  rho?: number;
  /** ε, default 1e-7. */
  epsilon?: number;
}

/**
 * Adadelta (Zeiler 2012) as Keras 3 computes it: the step is scaled by the ratio of the running RMS
 * of past steps to the running RMS of gradients.
 *
 * - `a ← ρ·a + (1 − ρ)·g²`
 * - `Δ = −sqrt(d + ε)·g / sqrt(a + ε)`
 * - `d ← ρ·d + (1 − ρ)·Δ²`, then `w ← w + η·Δ`
 *
 * @example
 * // keras.optimizers.Adadelta(learning_rate=1.0, rho=0.95)
 * const opt = new Adadelta({ learningRate: 1.0 });
 */
export class Adadelta extends BaseOptimizer {
  readonly className = 'Adadelta';
  readonly rho: number;
  readonly epsilon: number;
  private readonly gradientAverages = new SlotMap(0);
  private readonly stepAverages = new SlotMap(0);

  constructor(opts: AdadeltaOptions = {}) {
    super(
      'Adadelta',
      checkOptimizerOptions('Adadelta', opts, {
        rho: { type: 'number', optional: true },
        epsilon: { type: 'number', optional: true },
      }),
      0.001,
    );
    this.rho = opts.rho ?? 0.95;
    this.epsilon = opts.epsilon ?? 1e-7;
    checkOption('Adadelta', 'rho', this.rho, this.rho >= 0 && this.rho <= 1, 'in [0, 1]');
  }

  protected ownConfig(): OptimizerConfig {
    return { rho: this.rho, epsilon: this.epsilon };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const { rho, epsilon: eps, learningRate: lr } = this;
    for (const [param, g] of pairs) {
      const w = param.data;
      const a = this.gradientAverages.get(param);
      const d = this.stepAverages.get(param);
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        const ai = rho * a[i]! + (1 - rho) * gi * gi;
        a[i] = ai;
        const delta = (-Math.sqrt(d[i]! + eps) * gi) / Math.sqrt(ai + eps);
        d[i] = rho * d[i]! + (1 - rho) * delta * delta;
        w[i]! += lr * delta;
      }
    }
  }
}
