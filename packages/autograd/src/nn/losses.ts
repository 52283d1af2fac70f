import { logitsFor } from './activations.js';
import { Tensor } from './engine.js';
import { sigmoidCrossEntropyWithLogits, softmaxCrossEntropyWithLogits } from './fused-losses.js';
import * as catalogue from './loss-catalogue.js';

/**
 * A loss: compares targets and predictions of a batch and returns a scalar, the mean over the batch
 * (Keras' default `sum_over_batch_size` reduction).
 */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/** A Keras-style loss object (`new CategoricalCrossentropy({ fromLogits: true })`): `call` is the loss. */
export interface LossObject {
  call(yTrue: Tensor, yPred: Tensor): Tensor;
}

/** Keras' `backend.epsilon()`: probabilities are clipped to [ε, 1 − ε] before the log. */
export const EPSILON = 1e-7;

const fmt = (shape: readonly number[]): string => `[${shape.join(',')}]`;

/**
 * `yTrue` reshaped to `yPred`'s shape when they hold the same values in a different nesting
 * (`[4]` vs `[4, 1]`, as Keras squeezes or expands), else a RangeError naming the loss and shapes.
 */
export function matchShapes(loss: string, yTrue: Tensor, yPred: Tensor): Tensor {
  const same = yTrue.rank === yPred.rank && yTrue.shape.every((d, i) => d === yPred.shape[i]);
  if (same) return yTrue;
  const trailingOne = (a: Tensor, b: Tensor) => a.rank === b.rank + 1 && a.shape[a.rank - 1] === 1;
  if (yTrue.size === yPred.size && (trailingOne(yTrue, yPred) || trailingOne(yPred, yTrue))) {
    return yTrue.reshape([...yPred.shape]);
  }
  throw new RangeError(
    `${loss}: yTrue ${fmt(yTrue.shape)} and yPred ${fmt(yPred.shape)} must have the same shape ` +
      `(정답과 예측의 모양이 같아야 합니다)`,
  );
}

/**
 * Mean squared error: `mean((yPred − yTrue)²)` over the last axis, then over the batch.
 * @example meanSquaredError(tensor([[1], [0]]), tensor([[0.5], [0]])).item()   // 0.125
 */
export const meanSquaredError: LossFn = (yTrue, yPred) => {
  const diff = yPred.sub(matchShapes('meanSquaredError', yTrue, yPred));
  return diff.mul(diff).mean(-1).mean();
};

/**
 * Binary cross-entropy, `−(t·log p + (1 − t)·log(1 − p))` with p clipped to [1e-7, 1 − 1e-7],
 * averaged over the last axis, then over the batch. When `yPred` is the output of a `'sigmoid'`
 * activation the loss is computed from its logits instead (stable, no clipping), as Keras 3 does.
 * @example binaryCrossentropy(tensor([[1], [0]]), tensor([[0.9], [0.2]])).item()   // 0.164252...
 */
export const binaryCrossentropy: LossFn = (yTrue, yPred) => {
  const t = matchShapes('binaryCrossentropy', yTrue, yPred);
  const logits = logitsFor(yPred, 'sigmoid');
  if (logits !== undefined) return sigmoidCrossEntropyWithLogits(t, logits);
  const p = yPred.clip(EPSILON, 1 - EPSILON);
  const perElement = t.mul(p.log()).add(t.neg().add(1).mul(p.neg().add(1).log()));
  return perElement.mean(-1).mean().neg();
};

/**
 * Categorical cross-entropy for one-hot targets: each row of `yPred` is divided by its sum, clipped to
 * [1e-7, 1 − 1e-7], then `−Σ t·log p` per row, averaged over the batch. When `yPred` is the output of a
 * `'softmax'` activation the loss is computed from its logits instead (stable, no clipping).
 * @example categoricalCrossentropy(tensor([[0, 1]]), tensor([[0.2, 0.8]])).item()   // 0.2231... = −log 0.8
 */
export const categoricalCrossentropy: LossFn = (yTrue, yPred) => {
  const t = matchShapes('categoricalCrossentropy', yTrue, yPred);
  const logits = logitsFor(yPred, 'softmax');
  if (logits !== undefined) return softmaxCrossEntropyWithLogits(t, logits);
  const p = yPred.div(yPred.sum(-1, true)).clip(EPSILON, 1 - EPSILON);
  return t.mul(p.log()).sum(-1).mean().neg();
};

/** One-hot rows `[rows, classes]` from integer labels; a RangeError for labels out of range. */
export function oneHot(labels: Tensor, rows: number, classes: number): Tensor {
  const out = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    const label = labels.data[r]!;
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new RangeError(
        `sparseCategoricalCrossentropy: label ${label} at row ${r} is not an integer in [0, ${classes - 1}] ` +
          `(정답 레이블은 0 이상 ${classes - 1} 이하의 정수여야 합니다)`,
      );
    }
    out[r * classes + label] = 1;
  }
  return new Tensor(out, [rows, classes]);
}

/**
 * Categorical cross-entropy for integer class labels (`yTrue` of shape `[n]` or `[n, 1]`, `yPred`
 * `[n, classes]`): Keras' `sparse_categorical_crossentropy`.
 * @example sparseCategoricalCrossentropy(tensor([1]), tensor([[0.2, 0.8]])).item()   // −log 0.8
 */
export const sparseCategoricalCrossentropy: LossFn = (yTrue, yPred) => {
  const classes = yPred.shape[yPred.rank - 1] ?? 1;
  const rows = yPred.size / classes;
  if (yTrue.size !== rows) {
    throw new RangeError(
      `sparseCategoricalCrossentropy: yTrue ${fmt(yTrue.shape)} needs one label per row of yPred ` +
        `${fmt(yPred.shape)} (예측의 행마다 정답 레이블이 하나씩 필요합니다)`,
    );
  }
  const target = oneHot(yTrue, rows, classes);
  const logits = logitsFor(yPred, 'softmax') ?? yPred.clip(EPSILON, 1 - EPSILON).log();
  return softmaxCrossEntropyWithLogits(target, logits.reshape([rows, classes]));
};

// Built on first use: loss-catalogue.ts imports this module, so its functions may not exist yet
// while this one is being evaluated.
let registry: Record<string, LossFn> | null = null;

/** Every loss by name: Keras 3's function names in camelCase, and Keras' short aliases. */
function lossRegistry(): Record<string, LossFn> {
  registry ??= {
    meanSquaredError,
    mse: meanSquaredError,
    meanAbsoluteError: catalogue.meanAbsoluteError,
    mae: catalogue.meanAbsoluteError,
    meanAbsolutePercentageError: catalogue.meanAbsolutePercentageError,
    mape: catalogue.meanAbsolutePercentageError,
    meanSquaredLogarithmicError: catalogue.meanSquaredLogarithmicError,
    msle: catalogue.meanSquaredLogarithmicError,
    huber: catalogue.huber,
    logCosh: catalogue.logCosh,
    logcosh: catalogue.logCosh,
    hinge: catalogue.hinge,
    squaredHinge: catalogue.squaredHinge,
    categoricalHinge: catalogue.categoricalHinge,
    klDivergence: catalogue.klDivergence,
    kld: catalogue.klDivergence,
    kullbackLeiblerDivergence: catalogue.klDivergence,
    poisson: catalogue.poisson,
    cosineSimilarity: catalogue.cosineSimilarity,
    binaryCrossentropy,
    categoricalCrossentropy,
    sparseCategoricalCrossentropy,
  };
  return registry;
}

/** `'categorical_crossentropy'` → `'categoricalCrossentropy'`. */
function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A loss by its Keras name, camelCase or snake_case (`'categoricalCrossentropy'`,
 * `'categorical_crossentropy'`, `'mse'`, ...), the given function unchanged, or a loss object's `call`.
 * @example model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });   // = getLoss(...)
 */
export function getLoss(name: string | LossFn | LossObject): LossFn {
  if (typeof name === 'function') return name;
  if (typeof name === 'object' && name !== null && typeof name.call === 'function') {
    return (yTrue, yPred) => name.call(yTrue, yPred);
  }
  const losses = lossRegistry();
  const loss = Object.hasOwn(losses, camelCase(String(name))) ? losses[camelCase(String(name))] : undefined;
  if (loss === undefined) {
    const known = Object.keys(losses).join(', ');
    throw new RangeError(
      `getLoss: unknown loss '${String(name)}'; known: ${known} (snake_case too) ` +
        `(알 수 없는 손실 함수 '${String(name)}', 사용 가능: ${known})`,
    );
  }
  return loss;
}
