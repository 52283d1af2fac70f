/**
 * The two cross-entropies computed straight from logits, each as one op (forward beside backward).
 * Keras 3 switches to these when the prediction came from a softmax or sigmoid activation: they never
 * take the log of a probability that rounded to 0, so they need no clipping, and one op instead of
 * five keeps a training step cheap.
 */
import { fromOp, gradData, type Tensor } from './engine.js';

/** rows × cols view of a tensor whose last axis is the class axis. */
function rowsCols(t: Tensor): [number, number] {
  const cols = t.rank === 0 ? 1 : t.shape[t.rank - 1]!;
  return [cols === 0 ? 0 : t.size / cols, cols];
}

/**
 * mean over rows of `−Σ_j t_j · log softmax(z)_j` (TensorFlow's softmax_cross_entropy_with_logits).
 * Gradient: `(softmax(z)·Σ_j t_j − t) / rows` for z, `−log softmax(z) / rows` for t.
 */
export function softmaxCrossEntropyWithLogits(target: Tensor, logits: Tensor): Tensor {
  const [rows, cols] = rowsCols(logits);
  const z = logits.data;
  const t = target.data;
  const logSoftmax = new Float64Array(z.length);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (z[o + j]! > max) max = z[o + j]!;
    let sumExp = 0;
    for (let j = 0; j < cols; j++) sumExp += Math.exp(z[o + j]! - max);
    const logSum = max + Math.log(sumExp);
    for (let j = 0; j < cols; j++) {
      const ls = z[o + j]! - logSum;
      logSoftmax[o + j] = ls;
      total -= t[o + j]! * ls;
    }
  }
  const out = new Float64Array([rows === 0 ? 0 : total / rows]);
  return fromOp(out, [], 'softmaxCrossEntropyWithLogits', [target, logits], (g) => {
    const scale = g[0]! / rows;
    if (logits.requiresGrad) {
      const gz = gradData(logits);
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let rowSum = 0;
        for (let j = 0; j < cols; j++) rowSum += t[o + j]!;
        for (let j = 0; j < cols; j++)
          gz[o + j]! += scale * (Math.exp(logSoftmax[o + j]!) * rowSum - t[o + j]!);
      }
    }
    if (target.requiresGrad) {
      const gt = gradData(target);
      for (let i = 0; i < gt.length; i++) gt[i]! -= scale * logSoftmax[i]!;
    }
  });
}

/**
 * mean over rows of the mean over the last axis of `max(z, 0) − z·t + log(1 + e^−|z|)`
 * (TensorFlow's sigmoid_cross_entropy_with_logits). Gradient: `(sigmoid(z) − t) / size` for z,
 * `−z / size` for t.
 */
export function sigmoidCrossEntropyWithLogits(target: Tensor, logits: Tensor): Tensor {
  const [rows, cols] = rowsCols(logits);
  const z = logits.data;
  const t = target.data;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let rowTotal = 0;
    for (let j = 0, i = r * cols; j < cols; j++, i++) {
      const zi = z[i]!;
      rowTotal += Math.max(zi, 0) - zi * t[i]! + Math.log1p(Math.exp(-Math.abs(zi)));
    }
    total += rowTotal / cols;
  }
  const out = new Float64Array([rows === 0 ? 0 : total / rows]);
  return fromOp(out, [], 'sigmoidCrossEntropyWithLogits', [target, logits], (g) => {
    const scale = g[0]! / (rows * cols);
    if (logits.requiresGrad) {
      const gz = gradData(logits);
      for (let i = 0; i < gz.length; i++) {
        const zi = z[i]!;
        // sigmoid without overflow for large |z|
        const s = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
        gz[i]! += scale * (s - t[i]!);
      }
    }
    if (target.requiresGrad) {
      const gt = gradData(target);
      for (let i = 0; i < gt.length; i++) gt[i]! -= scale * z[i]!;
    }
  });
}
