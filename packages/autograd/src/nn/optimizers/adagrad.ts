import type { Tensor } from '../engine.js';
import {
  BaseOptimizer,
  type BaseOptimizerOptions,
  checkOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
} from './base.js';
import { checkOption, SlotMap } from './optimizer.js';

/** Options of {@link Adagrad}; the defaults are Keras 3's. */
export interface AdagradOptions extends BaseOptimizerOptions {
  /** η, default 0.001. */
  learningRate?: LearningRate;
  /** Starting value of every accumulator, default 0.1 (must be ≥ 0). */
  initialAccumulatorValue?: number;
  /** ε, default 1e-7. */
  epsilon?: number;
}

/**
 * Adagrad as Keras 3 computes it: each weight keeps the sum of its squared gradients, so weights
 * that were updated a lot take smaller steps.
 *
 * `a ← a + g²`, then `w ← w − η·g / sqrt(a + ε)`, with `a` starting at `initialAccumulatorValue`.
 *
 * @example
 * // keras.optimizers.Adagrad(learning_rate=0.01)
 * const opt = new Adagrad({ learningRate: 0.01 });
 */
export class Adagrad extends BaseOptimizer {
  readonly className = 'Adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;
  private readonly accumulators: SlotMap;

  constructor(opts: AdagradOptions = {}) {
    super(
      'Adagrad',
      checkOptimizerOptions('Adagrad', opts, {
        initialAccumulatorValue: { type: 'number', optional: true },
        epsilon: { type: 'number', optional: true },
      }),
      0.001,
    );
    this.initialAccumulatorValue = opts.initialAccumulatorValue ?? 0.1;
    this.epsilon = opts.epsilon ?? 1e-7;
    checkOption(
      'Adagrad',
      'initialAccumulatorValue',
      this.initialAccumulatorValue,
      this.initialAccumulatorValue >= 0,
      '≥ 0',
    );
    this.accumulators = new SlotMap(this.initialAccumulatorValue);
  }

  protected ownConfig(): OptimizerConfig {
    return { initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon };
  }

  step(params: readonly Tensor[]): void {
    const pairs = this.prepare(params);
    if (pairs.length === 0) return;
    this.iterations += 1;
    const lr = this.learningRate;
    const eps = this.epsilon;
    for (const [param, g] of pairs) {
      const w = param.data;
      const a = this.accumulators.get(param);
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        const ai = a[i]! + gi * gi;
        a[i] = ai;
        w[i]! -= (lr * gi) / Math.sqrt(ai + eps);
      }
    }
  }
}
