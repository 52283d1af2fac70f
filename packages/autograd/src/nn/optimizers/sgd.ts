import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link SGD}; the defaults are Keras 3's. */
export interface SGDOptions extends BaseOptimizerOptions {
  /** η, default 0.01. */
  learningRate?: LearningRate;
  /** μ in [0, 1], default 0 (plain gradient descent). */
  momentum?: number;
  /** Nesterov momentum, default false. */
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum, exactly as Keras 3 writes it:
 *
 * - momentum 0: `w ← w − η·g`
 * - momentum μ: `v ← μ·v − η·g`, then `w ← w + v`
 * - Nesterov:   `v ← μ·v − η·g`, then `w ← w + μ·v − η·g` (with the new v)
 *
 * @example
 * // keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
 * const opt = new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true });
 */
export class SGD extends BaseOptimizer {
  readonly className = 'SGD';
  readonly momentum: number;
  readonly nesterov: boolean;
  private readonly velocities = new SlotMap(0);

  constructor(opts: SGDOptions = {}) {
    super(
      'SGD',
      checkOptimizerOptions('SGD', opts, {
        momentum: { type: 'number', optional: true },
        nesterov: { type: 'boolean', optional: true },
      }),
      0.01,
    );
    this.momentum = opts.momentum ?? 0;
    this.nesterov = opts.nesterov ?? false;
    checkOption('SGD', 'momentum', this.momentum, this.momentum >= 0 && this.momentum <= 1, 'in [0, 1]');
  }

  protected ownConfig(): OptimizerConfig {
    return { momentum: this.momentum, nesterov: this.nesterov };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const lr = this.learningRate;
    const mu = this.momentum;
    for (const [param, g] of pairs) {
      const w = param.data;
      if (mu === 0) {
        for (let i = 0; i < w.length; i++) w[i]! -= lr * g[i]!;
        continue;
      }
      const v = this.velocities.get(param);
      for (let i = 0; i < w.length; i++) {
        const vi = mu * v[i]! - lr * g[i]!;
        v[i] = vi;
        w[i]! += this.nesterov ? mu * vi - lr * g[i]! : vi;
      }
    }
  }
}
