import { Adagrad } from './adagrad.js';
import { Adam } from './adam.js';
import type { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';

export { Adagrad, type AdagradOptions } from './adagrad.js';
export { Adam, type AdamOptions } from './adam.js';
export type { Optimizer } from './optimizer.js';
export { RMSprop, type RMSpropOptions } from './rmsprop.js';
export { SGD, type SGDOptions } from './sgd.js';

const FACTORIES: Record<string, () => Optimizer> = {
  sgd: () => new SGD(),
  adagrad: () => new Adagrad(),
  rmsprop: () => new RMSprop(),
  adam: () => new Adam(),
};

/**
 * An optimizer from its Keras name (`'sgd' 'adagrad' 'rmsprop' 'adam'`, any case, Keras 3 defaults),
 * or the given instance unchanged. Each call with a name makes a fresh optimizer with fresh state.
 *
 * @example
 * model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });   // = getOptimizer('adam')
 */
export function getOptimizer(o: string | Optimizer): Optimizer {
  if (typeof o !== 'string') {
    if (o === null || typeof o !== 'object' || typeof o.step !== 'function') {
      throw new TypeError(
        'getOptimizer: expected a name or an object with step(params) (이름 또는 step(params) 메서드가 있는 객체가 필요합니다)',
      );
    }
    return o;
  }
  const make = FACTORIES[o.toLowerCase()];
  if (make === undefined) {
    const known = Object.keys(FACTORIES).join(', ');
    throw new RangeError(
      `getOptimizer: unknown optimizer '${o}'; known: ${known} (알 수 없는 옵티마이저 '${o}', 사용 가능: ${known})`,
    );
  }
  return make();
}
