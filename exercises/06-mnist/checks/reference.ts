/**
 * The judge's own answers for exercise 06, never taken from `solution/`: the confusion matrix, the
 * most confident mistakes, and the accuracy of a model the judge rebuilt, measured on test images.
 * Pinned to numbers worked out by hand in `test/reference.test.ts`.
 */
import { type Sequential, tensor } from '@gradschool/autograd';
import type { ImageSet } from '@gradschool/datasets';

/** One misclassified image, as `worstExamples` reports it. */
export interface Mistake {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
}

/** The index of the largest value (the first one on a tie, as Keras's argmax). */
export function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
  return best;
}

/** `matrix[t][p]`: how many items of true class t were predicted as p. */
export function confusion(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes = 10): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]!]![yPred[i]!]! += 1;
  return matrix;
}

/** How many items of each class: the row sums a confusion matrix must have. */
export function countsOf(labels: ArrayLike<number>, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]! += 1;
  return counts;
}

/** The `k` most confident mistakes, surest first; equal confidence: the lower index first. */
export function mistakes(
  probabilities: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  k: number,
): Mistake[] {
  const wrong: Mistake[] = [];
  probabilities.forEach((row, index) => {
    const predicted = argmax(row);
    if (predicted !== labels[index])
      wrong.push({ index, label: labels[index]!, predicted, confidence: row[predicted]! });
  });
  return wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index).slice(0, k);
}

/** What a trusted model says about a set of images: its probabilities, predictions and accuracy. */
export interface Measured {
  probabilities: Float64Array[];
  predicted: number[];
  accuracy: number;
}

/** Feeds `set`'s images (bytes ÷ 255, one row of 784 each) to `model` and scores its answers. */
export function measure(model: Sequential, set: ImageSet): Measured {
  const count = set.labels.length;
  const size = set.images.length / count;
  const x = new Float64Array(set.images.length);
  for (let i = 0; i < x.length; i++) x[i] = set.images[i]! / 255;
  const out = model.predict(tensor(x, { shape: [count, size] }));
  const classes = out.shape[1]!;
  const probabilities = Array.from({ length: count }, (_, i) =>
    Float64Array.from(out.data.subarray(i * classes, (i + 1) * classes)),
  );
  const predicted = probabilities.map(argmax);
  const right = predicted.filter((p, i) => p === set.labels[i]).length;
  return { probabilities, predicted, accuracy: right / count };
}
