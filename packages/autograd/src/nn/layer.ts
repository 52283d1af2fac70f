/**
 * What every layer of a `Sequential` model is: Keras's `Layer`, reduced to what a stack of layers
 * needs. `Dense` was the only layer of lecture 3; lecture 4 adds `Conv2D`, the pooling layers,
 * `Flatten`, `Dropout` and `BatchNormalization`, all of this shape.
 */
import { dataToTensor } from './data.js';
import type { NestedArray, Rng, Tensor } from './engine.js';
import { describeValue } from './options.js';

/** What a layer's `call` may need beyond its input. */
export interface CallContext {
  /** True inside `fit`: `Dropout` drops and `BatchNormalization` uses (and updates) batch statistics. */
  training: boolean;
  /** The model's generator (for `Dropout` without its own seed). */
  rng: Rng;
}

/** A layer of a `Sequential` model. */
export interface Layer {
  /** Keras's class name, shown by `summary()` and written by `save`: `'Dense'`, `'Conv2D'`, ... */
  readonly className: string;
  /** The layer's name; the model names unnamed layers as Keras does (`conv2d`, `conv2d_1`, ...). */
  name: string | null;
  /** The shape of one input sample (no batch axis) when given or once built. */
  inputShape: number[] | null;
  /** True once the weights exist (always true for layers without weights, once given a shape). */
  readonly built: boolean;
  /** The weights `fit` trains, in Keras's order. */
  readonly trainableWeights: Tensor[];
  /** Weights that are kept but not trained (`BatchNormalization`'s moving statistics). */
  readonly nonTrainableWeights: Tensor[];
  /** Creates the weights for samples of shape `inputShape` (no batch axis), drawing from `rng`. */
  build(inputShape: readonly number[], rng: Rng): void;
  /** The output shape of one sample (no batch axis) for an input sample of shape `inputShape`. */
  outputShape(inputShape: readonly number[]): number[];
  /** Number of weights, trainable and not (Keras's `count_params`). */
  countParams(): number;
  /** The layer applied to a batch. */
  call(x: Tensor, context?: CallContext): Tensor;
  /** Copies of all weights in Keras's order (`get_weights`): trainable first, then the others. */
  getWeights(): Tensor[];
  /** Overwrites the weights (copied in place) in the order of `getWeights()` (`set_weights`). */
  setWeights(weights: (Tensor | NestedArray)[]): void;
}

/** Keras's automatic layer names: `Conv2D` → `conv2d`, `MaxPooling2D` → `max_pooling2d`. */
export function snakeCaseName(className: string): string {
  return className
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** Checks that `value` looks like a layer (any of ours), naming what it is when it is not. */
export function isLayer(value: unknown): value is Layer {
  const v = value as Partial<Layer> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.className === 'string' &&
    typeof v.call === 'function' &&
    typeof v.build === 'function' &&
    typeof v.outputShape === 'function'
  );
}

/** `what: expected a layer, got …`, for `Sequential.add` and the constructor. */
export function notALayer(what: string, value: unknown): TypeError {
  return new TypeError(
    `${what}: expected a layer (Dense, Conv2D, MaxPooling2D, Flatten, Dropout, ...), got ${describeValue(value)} ` +
      '(층(layer)이 필요합니다)',
  );
}

/**
 * Copies `weights` into the live tensors `params`, in place, after checking their number and shapes
 * (nothing is written unless all fit). `what` names the call in errors.
 */
export function copyWeightsInto(
  what: string,
  params: readonly Tensor[],
  weights: (Tensor | NestedArray)[],
): void {
  if (!Array.isArray(weights) || weights.length !== params.length) {
    const got = Array.isArray(weights) ? `${weights.length}` : `not a list (${describeValue(weights)})`;
    throw new RangeError(
      `${what}: expected a list of ${params.length} weight tensors, got ${got} ` +
        `(가중치 텐서 ${params.length}개의 배열이 필요합니다)`,
    );
  }
  const values = weights.map((w) => dataToTensor(what, w));
  values.forEach((value, i) => {
    const param = params[i]!;
    if (value.shape.length !== param.shape.length || value.shape.some((d, j) => d !== param.shape[j])) {
      throw new RangeError(
        `${what}: weight ${i} must have shape [${param.shape.join(',')}], got [${value.shape.join(',')}] ` +
          `(가중치 ${i}의 모양이 다릅니다)`,
      );
    }
  });
  values.forEach((value, i) => {
    params[i]!.data.set(value.data);
  });
}

/** Checks an `inputShape` option: a non-empty list of positive integers. */
export function checkInputShape(owner: string, shape: readonly number[] | undefined, rank?: number): void {
  if (shape === undefined) return;
  const ok =
    Array.isArray(shape) &&
    shape.length > 0 &&
    (rank === undefined || shape.length === rank) &&
    shape.every((d) => Number.isInteger(d) && d > 0);
  if (!ok) {
    const want = rank === undefined ? 'a list of positive integers' : `${rank} positive integers`;
    throw new RangeError(
      `${owner}: inputShape must be ${want} (one sample, without the batch axis), got ${describeValue(shape)}` +
        ` (inputShape는 배치 축을 뺀 한 샘플의 모양입니다)`,
    );
  }
}
