import type { Tensor } from '../engine.js';
import { checkOptions } from '../options.js';
import { checkOption, type Optimizer, SlotMap } from './optimizer.js';

/** Options of {@link Adagrad}; the defaults are Keras 3's. */
export interface AdagradOptions {
  /** η, default 0.001. */
  learningRate?: number;
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
export class Adagrad implements Optimizer {
  learningRate: number;
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;
  private readonly accumulators: SlotMap;

  constructor(opts: AdagradOptions = {}) {
    checkOptions('Adagrad', opts, {
      learningRate: { type: 'number', optional: true },
      initialAccumulatorValue: { type: 'number', optional: true },
      epsilon: { type: 'number', optional: true },
    });
    this.learningRate = opts.learningRate ?? 0.001;
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

  step(params: readonly Tensor[]): void {
    const lr = this.learningRate;
    const eps = this.epsilon;
    for (const param of params) {
      if (param.grad === null) continue;
      const w = param.data;
      const g = param.grad.data;
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
