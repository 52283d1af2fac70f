import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link Lion}; the defaults are Keras 3's. */
export interface LionOptions extends BaseOptimizerOptions {
  /** η, default 0.001. */
  learningRate?: LearningRate;
  /** β1 in (0, 1], the interpolation used for the update's sign, default 0.9. */
  beta1?: number;
  /** β2 in [0, 1], the decay of the momentum, default 0.99. */
  beta2?: number;
}

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms") as Keras 3 computes it:
 * every weight moves by exactly η, in the direction of the sign of an interpolated momentum.
 *
 * - `w ← w − η·sign(β1·m + (1 − β1)·g)`
 * - `m ← β2·m + (1 − β2)·g`
 *
 * @example
 * // keras.optimizers.Lion(learning_rate=0.0001)
 * const opt = new Lion({ learningRate: 0.0001 });
 */
export class Lion extends BaseOptimizer {
  readonly className = 'Lion';
  readonly beta1: number;
  readonly beta2: number;
  private readonly momentums = new SlotMap(0);

  constructor(opts: LionOptions = {}) {
    super(
      'Lion',
      checkOptimizerOptions('Lion', opts, {
        beta1: { type: 'number', optional: true },
        beta2: { type: 'number', optional: true },
      }),
      0.001,
    );
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.99;
    if (!(this.beta1 > 0 && this.beta1 <= 1)) {
      // Keras' own message: at β1 = 0 the update is the sign of the gradient alone
      throw new RangeError(
        `Lion: beta1 must be in the [0, 1] range. Otherwise, the optimizer degenerates to SignSGD. ` +
          `Received: beta1=${this.beta1} (beta1 값은 0보다 크고 1 이하여야 합니다)`,
      );
    }
    checkOption('Lion', 'beta2', this.beta2, this.beta2 >= 0 && this.beta2 <= 1, 'in [0, 1]');
  }

  protected ownConfig(): OptimizerConfig {
    return { beta1: this.beta1, beta2: this.beta2 };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const { beta1, beta2, learningRate: lr } = this;
    for (const [param, g] of pairs) {
      const w = param.data;
      const m = this.momentums.get(param);
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        w[i]! -= lr * Math.sign(m[i]! * beta1 + gi * (1 - beta1));
        m[i] = m[i]! * beta2 + gi * (1 - beta2);
      }
    }
  }
}
