/**
 * Keras 3's other losses (keras/src/losses/losses.py), built from tensor ops so that their gradients
 * come from the engine. Each computes a value per sample (over the last axis) and then, as Keras'
 * default `sum_over_batch_size` reduction does, the mean over the batch.
 */
import { softplus } from './activation-functions.js';
import type { Tensor } from './engine.js';
import { EPSILON, type LossFn, matchShapes } from './losses.js';

/**
 * Mean absolute error: `mean(|yPred − yTrue|)` over the last axis.
 * @example meanAbsoluteError(tensor([[1, 9, 2]]), tensor([[4, 8, 12]])).item()   // 14/3
 */
export const meanAbsoluteError: LossFn = (yTrue, yPred) =>
  yPred
    .sub(matchShapes('meanAbsoluteError', yTrue, yPred))
    .abs()
    .mean(-1)
    .mean();

/** `100·mean(|(yTrue − yPred) / max(|yTrue|, ε)|)`: a target of 0 gives a huge, finite error. */
export const meanAbsolutePercentageError: LossFn = (yTrue, yPred) => {
  const t = matchShapes('meanAbsolutePercentageError', yTrue, yPred);
  return t.sub(yPred).div(t.abs().clip(EPSILON, Number.POSITIVE_INFINITY)).abs().mean(-1).mul(100).mean();
};

/** `mean((log(max(yPred, ε) + 1) − log(max(yTrue, ε) + 1))²)`. */
export const meanSquaredLogarithmicError: LossFn = (yTrue, yPred) => {
  const t = matchShapes('meanSquaredLogarithmicError', yTrue, yPred);
  const logOf = (x: Tensor) => x.clip(EPSILON, Number.POSITIVE_INFINITY).add(1).log();
  const diff = logOf(yPred).sub(logOf(t));
  return diff.mul(diff).mean(-1).mean();
};

/**
 * Huber loss with threshold `delta` (Keras' default 1): `½·e²` where `|e| ≤ delta`,
 * `delta·|e| − ½·delta²` beyond, with `e = yPred − yTrue`.
 */
export function huberWith(delta = 1): LossFn {
  return (yTrue, yPred) => {
    const abs = yPred.sub(matchShapes('huber', yTrue, yPred)).abs();
    const quadratic = abs.clip(0, delta);
    const linear = abs.sub(quadratic);
    return quadratic.mul(quadratic).mul(0.5).add(linear.mul(delta)).mean(-1).mean();
  };
}

/** {@link huberWith} at Keras' default delta = 1. */
export const huber: LossFn = huberWith(1);

/** `mean(log(cosh(yPred − yTrue)))`, computed as `x + softplus(−2x) − log 2` (no overflow). */
export const logCosh: LossFn = (yTrue, yPred) => {
  const x = yPred.sub(matchShapes('logCosh', yTrue, yPred));
  return x
    .add(softplus(x.mul(-2)))
    .sub(Math.LN2)
    .mean(-1)
    .mean();
};

/** Targets of 0 and 1 become −1 and 1, as Keras' hinge losses expect (other targets stay). */
function hingeLabels(t: Tensor): Tensor {
  const binary = t.data.every((v) => v === 0 || v === 1);
  return binary ? t.mul(2).sub(1) : t;
}

/** `mean(max(1 − yTrue·yPred, 0))`, targets in {−1, 1} (0/1 targets are converted). */
export const hinge: LossFn = (yTrue, yPred) =>
  hingeLabels(matchShapes('hinge', yTrue, yPred))
    .mul(yPred)
    .neg()
    .add(1)
    .relu()
    .mean(-1)
    .mean();

/** `mean(max(1 − yTrue·yPred, 0)²)`, targets in {−1, 1} (0/1 targets are converted). */
export const squaredHinge: LossFn = (yTrue, yPred) => {
  const margin = hingeLabels(matchShapes('squaredHinge', yTrue, yPred))
    .mul(yPred)
    .neg()
    .add(1)
    .relu();
  return margin.mul(margin).mean(-1).mean();
};

/** `max(max((1 − yTrue)·yPred) − Σ yTrue·yPred + 1, 0)` per sample (one-hot targets). */
export const categoricalHinge: LossFn = (yTrue, yPred) => {
  const t = matchShapes('categoricalHinge', yTrue, yPred);
  const positive = t.mul(yPred).sum(-1);
  const negative = t.neg().add(1).mul(yPred).max(-1);
  return negative.sub(positive).add(1).relu().mean();
};

/** Kullback-Leibler divergence `Σ yTrue·log(yTrue / yPred)`, both clipped to [ε, 1]. */
export const klDivergence: LossFn = (yTrue, yPred) => {
  const t = matchShapes('klDivergence', yTrue, yPred).clip(EPSILON, 1);
  const p = yPred.clip(EPSILON, 1);
  return t.mul(t.div(p).log()).sum(-1).mean();
};

/** Poisson loss `mean(yPred − yTrue·log(yPred + ε))`. */
export const poisson: LossFn = (yTrue, yPred) => {
  const t = matchShapes('poisson', yTrue, yPred);
  return yPred
    .sub(t.mul(yPred.add(EPSILON).log()))
    .mean(-1)
    .mean();
};

/** `x / sqrt(max(Σ x², 1e-12))` along `axis`, as Keras' l2 normalisation. */
function l2Normalize(x: Tensor, axis: number): Tensor {
  return x.div(x.mul(x).sum(axis, true).clip(1e-12, Number.POSITIVE_INFINITY).sqrt());
}

/**
 * Negative cosine similarity along `axis` (default −1): `−Σ normalize(yTrue)·normalize(yPred)`,
 * so −1 is a perfect match and minimising it aligns the vectors.
 */
export function cosineSimilarityWith(axis = -1): LossFn {
  return (yTrue, yPred) => {
    const t = matchShapes('cosineSimilarity', yTrue, yPred);
    return l2Normalize(t, axis).mul(l2Normalize(yPred, axis)).sum(axis).neg().mean();
  };
}

/** {@link cosineSimilarityWith} along the last axis. */
export const cosineSimilarity: LossFn = cosineSimilarityWith(-1);
