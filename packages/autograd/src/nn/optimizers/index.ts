import { Adadelta } from './adadelta.js';
import { Adagrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Adamax } from './adamax.js';
import { AdamW } from './adamw.js';
import { BaseOptimizer } from './base.js';
import { Lion } from './lion.js';
import { Nadam } from './nadam.js';
import type { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SCHEDULE_CLASSES } from './schedules.js';
import { SGD } from './sgd.js';

export { Adadelta, type AdadeltaOptions } from './adadelta.js';
export { Adagrad, type AdagradOptions } from './adagrad.js';
export { Adam, type AdamOptions } from './adam.js';
export { Adamax, type AdamaxOptions } from './adamax.js';
export { AdamW, type AdamWOptions } from './adamw.js';
export {
  BaseOptimizer,
  type BaseOptimizerOptions,
  type LearningRate,
  type OptimizerConfig,
  type ScheduleJson,
  scheduleFromJson,
} from './base.js';
export { Lion, type LionOptions } from './lion.js';
export { Nadam, type NadamOptions } from './nadam.js';
export type { Optimizer } from './optimizer.js';
export { RMSprop, type RMSpropOptions } from './rmsprop.js';
export {
  CosineDecay,
  type CosineDecayOptions,
  CosineDecayRestarts,
  type CosineDecayRestartsOptions,
  ExponentialDecay,
  type ExponentialDecayOptions,
  InverseTimeDecay,
  type InverseTimeDecayOptions,
  LearningRateSchedule,
  PiecewiseConstantDecay,
  type PiecewiseConstantDecayOptions,
  PolynomialDecay,
  type PolynomialDecayOptions,
  SCHEDULE_CLASSES,
  type ScheduleConfig,
} from './schedules.js';
export { SGD, type SGDOptions } from './sgd.js';

/** The built-in optimizer classes by Keras class name (what `save` writes). */
export const OPTIMIZER_CLASSES = {
  SGD,
  Adagrad,
  RMSprop,
  Adam,
  Adamax,
  Nadam,
  Adadelta,
  AdamW,
  Lion,
} as const;

const FACTORIES: Record<string, () => Optimizer> = {
  sgd: () => new SGD(),
  adagrad: () => new Adagrad(),
  rmsprop: () => new RMSprop(),
  adam: () => new Adam(),
  adamax: () => new Adamax(),
  nadam: () => new Nadam(),
  adadelta: () => new Adadelta(),
  adamw: () => new AdamW(),
  lion: () => new Lion(),
};

/**
 * An optimizer from its Keras name (`'sgd' 'adagrad' 'rmsprop' 'adam' 'adamax' 'nadam' 'adadelta'
 * 'adamw' 'lion'`, any case, Keras 3 defaults), or the given instance unchanged. Each call with a
 * name makes a fresh optimizer with fresh state.
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
  const name = o.toLowerCase();
  const make = Object.hasOwn(FACTORIES, name) ? FACTORIES[name] : undefined;
  if (make === undefined) {
    const known = Object.keys(FACTORIES).join(', ');
    throw new RangeError(
      `getOptimizer: unknown optimizer '${o}'; known: ${known} (알 수 없는 옵티마이저 '${o}', 사용 가능: ${known})`,
    );
  }
  return make();
}

/**
 * True for the built-in optimizers, which `save` can write: one of this library's classes, with a
 * fixed learning rate or one of its schedules (a schedule of your own is code, not data).
 */
export function isBuiltInOptimizer(o: Optimizer): o is BaseOptimizer {
  if (!(o instanceof BaseOptimizer)) return false;
  const { schedule } = o;
  return (
    schedule === null ||
    (Object.hasOwn(SCHEDULE_CLASSES, schedule.className) &&
      schedule.constructor === SCHEDULE_CLASSES[schedule.className as keyof typeof SCHEDULE_CLASSES])
  );
}
