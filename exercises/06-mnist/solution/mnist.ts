/**
 * Exercise 06 — MNIST 손글씨 인식 with the MLP (reference solution).
 *
 * The data arrives as bytes, as `@gradschool/datasets` keeps MNIST: `images` holds `count · 28 · 28`
 * grey levels (0 = background, 255 = ink), image after image, row after row; `labels` one digit each.
 */
import { ByteRows, Dense, type History, Sequential, tensor } from '@gradschool/autograd';

/** A set of digit images as bytes: `images.length === labels.length · 28 · 28`. */
export interface Digits {
  images: Uint8Array;
  labels: Uint8Array;
  /** `[count, 28, 28, 1]`: image, row, column, channel. */
  shape: [number, number, number, number];
}

/** One misclassified image: where it is, its true label, what the model said, and how sure it was. */
export interface WorstExample {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
}

/** Bytes 0–255 as numbers 0–1 (÷ 255). */
export function normalize(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => b / 255);
}

/** Each image (rows × columns) as one row of rows · columns numbers, row after row (Keras's Flatten). */
export function flattenImages(images: number[][][]): number[][] {
  return images.map((image) => image.flat());
}

/** One row of `classes` numbers per label, 1 at the label's place: 1 → [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]. */
export function oneHot(labels: ArrayLike<number>, classes = 10): number[][] {
  return Array.from(labels, (label) => {
    const row = new Array<number>(classes).fill(0);
    row[label] = 1;
    return row;
  });
}

/** The lecture's MLP for MNIST: 784 inputs → Dense(128, relu) → Dense(10, softmax), 101,770 parameters. */
export function makeModel(): Sequential {
  const model = new Sequential();
  model.add(new Dense(128, { inputShape: [784], activation: 'relu' }));
  model.add(new Dense(10, { activation: 'softmax' }));
  return model;
}

/** Compiles `model` (adam, categorical cross-entropy, accuracy) and trains it on `train`. */
export function train(model: Sequential, train: Digits, seed: number): History {
  // Each image as one row of 784 numbers 0–1. The bytes are already image after image, row after
  // row, so the rows are what flattenImages makes of 28 × 28 grids; `ByteRows` keeps them as bytes and
  // divides by 255 (what normalize does) one batch at a time. The same numbers as
  //   tensor(Float64Array.from(normalize(train.images)), { shape: [train.labels.length, 784] })
  // without a 125 MB copy of 20,000 images as numbers, whose making costs ~2 s (measured).
  const x = new ByteRows(train.images, [784]);
  const y = tensor(oneHot(train.labels));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model.fit(x, y, { epochs: 4, batchSize: 32, seed, verbose: 0 });
}

/** `matrix[t][p]`: how many images of true class t the model predicted as p. */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  classes = 10,
): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]!]![yPred[i]!]!++;
  return matrix;
}

/** The `k` misclassified images the model was surest of, surest first (ties: lower index first). */
export function worstExamples(
  probabilities: number[][],
  labels: ArrayLike<number>,
  k: number,
): WorstExample[] {
  const wrong: WorstExample[] = [];
  probabilities.forEach((row, index) => {
    const predicted = row.indexOf(Math.max(...row));
    if (predicted !== labels[index])
      wrong.push({ index, label: labels[index]!, predicted, confidence: row[predicted]! });
  });
  return wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index).slice(0, k);
}
