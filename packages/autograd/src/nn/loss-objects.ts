/**
 * Keras 3's loss classes (`keras.losses.CategoricalCrossentropy(from_logits=True)` and the others):
 * a loss with its settings, usable in `compile({ loss: new CategoricalCrossentropy({ ... }) })` and
 * written by `save` as its class name and settings. `loss.call(yTrue, yPred)` computes it.
 */
import type { Tensor } from './engine.js';
import { sigmoidCrossEntropyWithLogits, softmaxCrossEntropyWithLogits } from './fused-losses.js';
import * as catalogue from './loss-catalogue.js';
import {
  binaryCrossentropy,
  categoricalCrossentropy,
  type LossFn,
  type LossObject,
  matchShapes,
  meanSquaredError,
  oneHot,
  sparseCategoricalCrossentropy,
} from './losses.js';
import { checkOptions, type OptionSpec } from './options.js';

/** The settings of a loss as `save` writes them (all plain JSON values). */
export type LossConfig = Record<string, number | boolean | string>;

/** What every loss class has: its Keras class name, its name, `call`, and its settings. */
export abstract class Loss implements LossObject {
  abstract readonly className: string;
  /** The loss' name (Keras' snake_case default, e.g. `'categorical_crossentropy'`). */
  readonly name: string;

  protected constructor(name: string) {
    this.name = name;
  }

  /** The loss of a batch: a scalar, the mean over the batch. */
  abstract call(yTrue: Tensor, yPred: Tensor): Tensor;

  /** The constructor options that rebuild this loss (`save` writes them). */
  getConfig(): LossConfig {
    return { name: this.name };
  }
}

const NAME: OptionSpec = { type: 'string', optional: true };

/** A loss class around one of the loss functions, with no setting but its name. */
function simpleLoss(className: string, defaultName: string, fn: LossFn) {
  return class extends Loss {
    readonly className = className;
    constructor(opts: { name?: string } = {}) {
      super(checkOptions(className, opts, { name: NAME }).name ?? defaultName);
    }
    call(yTrue: Tensor, yPred: Tensor): Tensor {
      return fn(yTrue, yPred);
    }
  };
}

/** `keras.losses.MeanSquaredError()`. */
export const MeanSquaredError = simpleLoss('MeanSquaredError', 'mean_squared_error', meanSquaredError);
/** `keras.losses.MeanAbsoluteError()`. */
export const MeanAbsoluteError = simpleLoss(
  'MeanAbsoluteError',
  'mean_absolute_error',
  catalogue.meanAbsoluteError,
);
/** `keras.losses.MeanAbsolutePercentageError()`. */
export const MeanAbsolutePercentageError = simpleLoss(
  'MeanAbsolutePercentageError',
  'mean_absolute_percentage_error',
  catalogue.meanAbsolutePercentageError,
);
/** `keras.losses.MeanSquaredLogarithmicError()`. */
export const MeanSquaredLogarithmicError = simpleLoss(
  'MeanSquaredLogarithmicError',
  'mean_squared_logarithmic_error',
  catalogue.meanSquaredLogarithmicError,
);
/** `keras.losses.LogCosh()`. */
export const LogCosh = simpleLoss('LogCosh', 'log_cosh', catalogue.logCosh);
/** `keras.losses.Hinge()`. */
export const Hinge = simpleLoss('Hinge', 'hinge', catalogue.hinge);
/** `keras.losses.SquaredHinge()`. */
export const SquaredHinge = simpleLoss('SquaredHinge', 'squared_hinge', catalogue.squaredHinge);
/** `keras.losses.CategoricalHinge()`. */
export const CategoricalHinge = simpleLoss(
  'CategoricalHinge',
  'categorical_hinge',
  catalogue.categoricalHinge,
);
/** `keras.losses.KLDivergence()`. */
export const KLDivergence = simpleLoss('KLDivergence', 'kl_divergence', catalogue.klDivergence);
/** `keras.losses.Poisson()`. */
export const Poisson = simpleLoss('Poisson', 'poisson', catalogue.poisson);

/** `keras.losses.Huber(delta=1.0)`. */
export class Huber extends Loss {
  readonly className = 'Huber';
  readonly delta: number;
  private readonly fn: LossFn;

  constructor(opts: { delta?: number; name?: string } = {}) {
    const o = checkOptions('Huber', opts, { delta: { type: 'positive-number', optional: true }, name: NAME });
    super(o.name ?? 'huber_loss');
    this.delta = o.delta ?? 1;
    this.fn = catalogue.huberWith(this.delta);
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    return this.fn(yTrue, yPred);
  }

  override getConfig(): LossConfig {
    return { name: this.name, delta: this.delta };
  }
}

/** `keras.losses.CosineSimilarity(axis=-1)`. */
export class CosineSimilarity extends Loss {
  readonly className = 'CosineSimilarity';
  readonly axis: number;
  private readonly fn: LossFn;

  constructor(opts: { axis?: number; name?: string } = {}) {
    const o = checkOptions('CosineSimilarity', opts, {
      axis: { type: 'integer', optional: true },
      name: NAME,
    });
    super(o.name ?? 'cosine_similarity');
    this.axis = o.axis ?? -1;
    this.fn = catalogue.cosineSimilarityWith(this.axis);
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    return this.fn(yTrue, yPred);
  }

  override getConfig(): LossConfig {
    return { name: this.name, axis: this.axis };
  }
}

/** Options of {@link BinaryCrossentropy} and {@link CategoricalCrossentropy}; defaults are Keras 3's. */
export interface CrossentropyOptions {
  /** `yPred` holds logits (no sigmoid/softmax applied), default false. */
  fromLogits?: boolean;
  /** In [0, 1]: targets move towards uniform by this much, default 0. */
  labelSmoothing?: number;
  /** The class axis, default −1. */
  axis?: number;
  name?: string;
}

function crossentropyOptions(owner: string, opts: CrossentropyOptions | undefined) {
  const o = checkOptions(owner, opts, {
    fromLogits: { type: 'boolean', optional: true },
    labelSmoothing: { type: 'number', optional: true },
    axis: { type: 'integer', optional: true },
    name: NAME,
  });
  const labelSmoothing = o.labelSmoothing ?? 0;
  if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
    throw new RangeError(
      `${owner}: labelSmoothing must be in [0, 1], got ${labelSmoothing} ` +
        `(labelSmoothing 값은 0 이상 1 이하여야 합니다)`,
    );
  }
  return { fromLogits: o.fromLogits ?? false, labelSmoothing, axis: o.axis ?? -1, name: o.name };
}

/** The axis as a non-negative index of a tensor of `rank` axes, or a RangeError. */
function axisIndex(owner: string, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) {
    throw new RangeError(
      `${owner}: axis ${axis} is out of range for a tensor of rank ${rank} (축 ${axis}이 범위를 벗어났습니다)`,
    );
  }
  return a;
}

/** `x` with axis `a` moved to the end (the class axis last, as the fused losses expect). */
function classAxisLast(x: Tensor, a: number): Tensor {
  if (a === x.rank - 1) return x;
  const perm = [...Array.from({ length: x.rank }, (_, i) => i).filter((i) => i !== a), a];
  return x.transpose(perm);
}

/**
 * `keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1)`: label
 * smoothing moves each target towards ½ (`t·(1 − s) + s/2`).
 * @example new BinaryCrossentropy({ fromLogits: true }).call(tensor([[1, 0]]), tensor([[10, -10]]))
 */
export class BinaryCrossentropy extends Loss {
  readonly className = 'BinaryCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;

  constructor(opts: CrossentropyOptions = {}) {
    const o = crossentropyOptions('BinaryCrossentropy', opts);
    super(o.name ?? 'binary_crossentropy');
    this.fromLogits = o.fromLogits;
    this.labelSmoothing = o.labelSmoothing;
    this.axis = o.axis;
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    axisIndex(this.className, this.axis, yPred.rank);
    // The mean over `axis`, then over the batch, is the mean over everything: the axis changes nothing.
    let t = matchShapes('BinaryCrossentropy', yTrue, yPred);
    const s = this.labelSmoothing;
    if (s > 0) t = t.mul(1 - s).add(0.5 * s);
    return this.fromLogits ? sigmoidCrossEntropyWithLogits(t, yPred) : binaryCrossentropy(t, yPred);
  }

  override getConfig(): LossConfig {
    const { name, fromLogits, labelSmoothing, axis } = this;
    return { name, fromLogits, labelSmoothing, axis };
  }
}

/**
 * `keras.losses.CategoricalCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1)`: one-hot
 * targets; label smoothing moves them towards uniform (`t·(1 − s) + s/classes`).
 * @example new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 })
 */
export class CategoricalCrossentropy extends Loss {
  readonly className = 'CategoricalCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;

  constructor(opts: CrossentropyOptions = {}) {
    const o = crossentropyOptions('CategoricalCrossentropy', opts);
    super(o.name ?? 'categorical_crossentropy');
    this.fromLogits = o.fromLogits;
    this.labelSmoothing = o.labelSmoothing;
    this.axis = o.axis;
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    const a = axisIndex(this.className, this.axis, yPred.rank);
    let t = classAxisLast(matchShapes('CategoricalCrossentropy', yTrue, yPred), a);
    const p = classAxisLast(yPred, a);
    const s = this.labelSmoothing;
    if (s > 0) t = t.mul(1 - s).add(s / p.shape[p.rank - 1]!);
    return this.fromLogits ? softmaxCrossEntropyWithLogits(t, p) : categoricalCrossentropy(t, p);
  }

  override getConfig(): LossConfig {
    const { name, fromLogits, labelSmoothing, axis } = this;
    return { name, fromLogits, labelSmoothing, axis };
  }
}

/** `keras.losses.SparseCategoricalCrossentropy(from_logits=False)`: integer class labels. */
export class SparseCategoricalCrossentropy extends Loss {
  readonly className = 'SparseCategoricalCrossentropy';
  readonly fromLogits: boolean;

  constructor(opts: { fromLogits?: boolean; name?: string } = {}) {
    const o = checkOptions('SparseCategoricalCrossentropy', opts, {
      fromLogits: { type: 'boolean', optional: true },
      name: NAME,
    });
    super(o.name ?? 'sparse_categorical_crossentropy');
    this.fromLogits = o.fromLogits ?? false;
  }

  call(yTrue: Tensor, yPred: Tensor): Tensor {
    if (!this.fromLogits) return sparseCategoricalCrossentropy(yTrue, yPred);
    const classes = yPred.shape[yPred.rank - 1] ?? 1;
    const rows = yPred.size / classes;
    if (yTrue.size !== rows) return sparseCategoricalCrossentropy(yTrue, yPred); // its shape error
    return softmaxCrossEntropyWithLogits(oneHot(yTrue, rows, classes), yPred.reshape([rows, classes]));
  }

  override getConfig(): LossConfig {
    return { name: this.name, fromLogits: this.fromLogits };
  }
}

const CLASSES: Record<string, new (config: never) => Loss> = {
  MeanSquaredError,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  LogCosh,
  Hinge,
  SquaredHinge,
  CategoricalHinge,
  KLDivergence,
  Poisson,
  Huber,
  CosineSimilarity,
  BinaryCrossentropy,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
};

/** The class names `save` may write, for the model file's schema. */
export const LOSS_CLASS_NAMES = Object.keys(CLASSES);

/** Rebuilds a loss object from its class name and {@link Loss.getConfig}'s settings. */
export function lossFromConfig(className: string, config: LossConfig): Loss {
  const make = Object.hasOwn(CLASSES, className) ? CLASSES[className] : undefined;
  if (make === undefined) {
    throw new RangeError(`unknown loss class '${className}' (알 수 없는 손실 클래스 '${className}')`);
  }
  return new make(config as never);
}
