import { Rng, setDefaultRng } from './engine.js';

/**
 * Resets the shared random generator that initializers and shuffling use when no seed is given
 * (like `keras.utils.set_random_seed`). The same seed gives the same weights and the same training.
 *
 * @example
 * setSeed(42);
 * const model = new Sequential();   // its weights now come from the stream of seed 42
 */
export function setSeed(seed: number): void {
  setDefaultRng(new Rng(seed));
}
