import type { Tensor } from './engine.js';

/**
 * The accuracies, computed on plain numbers (they need no gradient). Each counts how many rows of a
 * batch are right; `fit` adds the counts over an epoch, so the epoch's accuracy is the fraction of
 * all its rows that were right, as Keras reports it.
 */
export type AccuracyKind = 'binary' | 'categorical' | 'sparseCategorical';

/** Index of the first largest of `cols` values starting at `offset`. */
function argmaxAt(values: Float64Array, offset: number, cols: number): number {
  let best = 0;
  let bestValue = values[offset]!;
  for (let j = 1; j < cols; j++) {
    if (values[offset + j]! > bestValue) {
      bestValue = values[offset + j]!;
      best = j;
    }
  }
  return best;
}

/**
 * Sum over the rows of `yPred` (last axis = `cols` values) of each row's accuracy:
 * - binary: the fraction of the row's values with `(p > 0.5) === t`;
 * - categorical: 1 when `argmax(t) === argmax(p)`;
 * - sparseCategorical: 1 when `t === argmax(p)` (one integer label per row).
 */
export function sumOfRowAccuracies(
  kind: AccuracyKind,
  yTrue: Float64Array,
  yPred: Float64Array,
  cols: number,
): number {
  const rows = cols === 0 ? 0 : yPred.length / cols;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    if (kind === 'binary') {
      let right = 0;
      for (let j = 0; j < cols; j++) if ((yPred[o + j]! > 0.5 ? 1 : 0) === yTrue[o + j]) right++;
      total += right / cols;
    } else if (kind === 'categorical') {
      if (argmaxAt(yTrue, o, cols) === argmaxAt(yPred, o, cols)) total++;
    } else if (yTrue[r] === argmaxAt(yPred, o, cols)) {
      total++;
    }
  }
  return total;
}

function lastSize(t: Tensor): number {
  return t.rank === 0 ? 1 : t.shape[t.rank - 1]!;
}

function checkSizes(metric: string, yTrue: Tensor, yPred: Tensor, perRow: boolean): void {
  const rows = yPred.size / lastSize(yPred);
  if (perRow ? yTrue.size !== rows : yTrue.size !== yPred.size) {
    throw new RangeError(
      `${metric}: yTrue [${yTrue.shape.join(',')}] does not fit yPred [${yPred.shape.join(',')}] ` +
        '(정답과 예측의 모양이 맞지 않습니다)',
    );
  }
}

function meanAccuracy(kind: AccuracyKind, metric: string, yTrue: Tensor, yPred: Tensor): number {
  checkSizes(metric, yTrue, yPred, kind === 'sparseCategorical');
  const cols = lastSize(yPred);
  const rows = yPred.size / cols;
  return rows === 0 ? 0 : sumOfRowAccuracies(kind, yTrue.data, yPred.data, cols) / rows;
}

/**
 * Fraction of predictions on the right side of 0.5 (Keras' `binary_accuracy`, threshold 0.5).
 * @example binaryAccuracy(tensor([[1], [0]]), tensor([[0.7], [0.6]]))   // 0.5
 */
export function binaryAccuracy(yTrue: Tensor, yPred: Tensor): number {
  return meanAccuracy('binary', 'binaryAccuracy', yTrue, yPred);
}

/**
 * Fraction of rows whose largest prediction is at the one-hot target's 1 (Keras' `categorical_accuracy`).
 * @example categoricalAccuracy(tensor([[0, 1], [1, 0]]), tensor([[0.3, 0.7], [0.4, 0.6]]))   // 0.5
 */
export function categoricalAccuracy(yTrue: Tensor, yPred: Tensor): number {
  return meanAccuracy('categorical', 'categoricalAccuracy', yTrue, yPred);
}

/**
 * Fraction of rows whose largest prediction is at the integer label (Keras' `sparse_categorical_accuracy`).
 * @example sparseCategoricalAccuracy(tensor([1, 0]), tensor([[0.3, 0.7], [0.4, 0.6]]))   // 0.5
 */
export function sparseCategoricalAccuracy(yTrue: Tensor, yPred: Tensor): number {
  return meanAccuracy('sparseCategorical', 'sparseCategoricalAccuracy', yTrue, yPred);
}

/**
 * Which accuracy `'accuracy'` (or `'acc'`) means, decided as Keras does from the shapes: binary when
 * the prediction's last size is 1; sparse categorical when the targets have one value per row
 * (lower rank, or a last size of 1 against several classes); categorical otherwise.
 */
export function resolveAccuracy(yTrue: Tensor, yPred: Tensor): AccuracyKind {
  const predLast = lastSize(yPred);
  if (predLast === 1) return 'binary';
  if (yTrue.rank < yPred.rank || (lastSize(yTrue) === 1 && predLast > 1)) return 'sparseCategorical';
  return 'categorical';
}

const NAMED: Record<string, AccuracyKind | 'auto'> = {
  accuracy: 'auto',
  acc: 'auto',
  binaryAccuracy: 'binary',
  categoricalAccuracy: 'categorical',
  sparseCategoricalAccuracy: 'sparseCategorical',
};

/** `'accuracy' 'acc'` → `'auto'`; `'binary_accuracy'`/`'binaryAccuracy'` → `'binary'`; ...; else undefined. */
export function accuracyKindOf(name: string): AccuracyKind | 'auto' | undefined {
  return NAMED[name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];
}
