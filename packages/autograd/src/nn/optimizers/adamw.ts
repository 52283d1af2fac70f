import { Adam, type AdamOptions } from './adam.js';

/** Options of {@link AdamW}: Adam's, with `weightDecay` defaulting to 0.004 (Keras 3). */
export type AdamWOptions = AdamOptions;

/**
 * AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay, as Keras 3 has it: before each
 * Adam step, `w ← w − w·weightDecay·η` (default weightDecay 0.004).
 *
 * @example
 * // keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.01)
 * const opt = new AdamW({ learningRate: 0.001, weightDecay: 0.01 });
 */
export class AdamW extends Adam {
  override readonly className: string = 'AdamW';

  constructor(opts: AdamWOptions = {}) {
    // Only a missing (or undefined) weightDecay means the default: null is refused as Keras does
    // ("Argument `weight_decay` must be a float"); a non-object goes on to be refused by Adam.
    const given = typeof opts === 'object' && opts !== null ? opts : undefined;
    const weightDecay = given?.weightDecay === undefined ? 0.004 : given.weightDecay;
    super(given === undefined ? opts : { ...given, weightDecay }, 'AdamW');
  }
}
