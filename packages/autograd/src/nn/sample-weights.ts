/**
 * Keras' sample and class weights: each row's loss is multiplied by its weight, and the batch's loss is
 * the sum divided by the batch size (Keras' `sum_over_batch_size` reduction, not a weighted mean: with
 * every weight 0 the loss is 0, not NaN).
 */
import { getActivation, logitsFor } from './activations.js';
import { type Data, dataToTensor } from './data.js';
import { concat, Tensor } from './engine.js';
import type { LossFn } from './losses.js';
import { checkArgument, describeValue, KerasOptionError } from './options.js';

/** `classWeight`: a weight per class index, e.g. `{ 0: 1, 1: 5 }` (Keras' `class_weight` dict). */
export type ClassWeight = Record<number, number>;

/** Half to even, as numpy's `np.round` (Keras rounds label values with it). */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * One weight per row of `y` from `classWeight`, as Keras' `class_weight_to_sample_weights`: the class of
 * a row is the argmax of a one-hot row, or the (rounded) label itself; a class missing from
 * `classWeight` weighs 1.
 */
export function classWeightsToSampleWeights(
  owner: string,
  y: Tensor,
  classWeight: ClassWeight,
): Float64Array {
  const table = new Map<number, number>();
  for (const [key, weight] of Object.entries(classWeight)) {
    const label = Number(key);
    if (!Number.isInteger(label) || label < 0) {
      throw new KerasOptionError(
        `${owner}: classWeight keys must be class indices 0, 1, 2, ..., got '${key}' ` +
          `(classWeight의 키는 클래스 번호여야 합니다)`,
        owner,
        'classWeight',
      );
    }
    checkArgument(owner, `classWeight[${key}]`, weight, { type: 'number' });
    table.set(label, weight);
  }
  const rows = y.rank === 0 ? 1 : y.shape[0]!;
  const cols = y.rank > 1 ? y.size / rows : 1;
  const weights = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let label = 0;
    if (cols > 1) {
      for (let j = 1; j < cols; j++) if (y.data[r * cols + j]! > y.data[r * cols + label]!) label = j;
    } else {
      label = roundHalfEven(y.data[r]!);
    }
    weights[r] = table.get(label) ?? 1;
  }
  return weights;
}

/** `sampleWeight` as one finite number per row (`rows` of them), or a KerasOptionError saying what is off. */
export function sampleWeightsOf(owner: string, given: Data, rows: number): Float64Array {
  const t = dataToTensor(`${owner} (sampleWeight)`, given);
  const perRow = t.rank <= 1 || (t.rank === 2 && t.shape[1] === 1);
  if (!perRow || t.size !== rows) {
    throw new KerasOptionError(
      `${owner}: sampleWeight must hold one number per row (${rows}), got ${describeValue(t)} ` +
        `(sampleWeight에는 행마다 수가 하나씩, ${rows}개 필요합니다)`,
      owner,
      'sampleWeight',
    );
  }
  const bad = t.data.findIndex((w) => !Number.isFinite(w));
  if (bad >= 0) checkArgument(owner, `sampleWeight[${bad}]`, t.data[bad], { type: 'number' });
  return t.data.slice();
}

/**
 * Row `i` of a prediction. When the prediction came from a named softmax or sigmoid layer, the row is
 * recomputed from the row of its logits, so the loss still takes its exact logits path (Keras 3 does the
 * same on the whole batch).
 */
function predictionRow(yPred: Tensor, index: Int32Array): Tensor {
  for (const kind of ['softmax', 'sigmoid'] as const) {
    const logits = logitsFor(yPred, kind);
    if (logits !== undefined) return getActivation(kind)(logits.gather(index));
  }
  return yPred.gather(index);
}

/**
 * `Σᵢ wᵢ·lossᵢ / rows`, where lossᵢ is `loss` on row i alone (for the losses here, which average over the
 * batch, that is the row's own loss). Works for any {@link LossFn}, the student's own included, at the
 * cost of one loss call per row: only `fit`/`evaluate` with weights pay it.
 */
export function weightedLoss(loss: LossFn, yTrue: Tensor, yPred: Tensor, weights: Float64Array): Tensor {
  const rows = weights.length;
  const perRow: Tensor[] = [];
  const index = new Int32Array(1);
  for (let i = 0; i < rows; i++) {
    index[0] = i;
    const rowLoss = loss(yTrue.gather(index), predictionRow(yPred, index));
    perRow.push(rowLoss.size === 1 ? rowLoss.reshape([1]) : rowLoss.mean().reshape([1]));
  }
  return concat(perRow)
    .mul(new Tensor(weights, [rows]))
    .sum()
    .div(rows);
}
