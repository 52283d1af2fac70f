/**
 * A set of images with their labels, kept as bytes: 60,000 MNIST digits are 47 MB as `Uint8Array`
 * and would be 376 MB as float64 numbers. Convert to numbers a batch at a time (`normalize` on a
 * `slice`), or for a subset you train on whole.
 */
import { Rng } from '@gradschool/autograd';

/** Images in NHWC order (Keras's `channels_last`): image, row, column, channel; one byte each. */
export interface ImageSet {
  /** `count · height · width · channels` bytes, 0–255. */
  images: Uint8Array;
  /** One class index per image. */
  labels: Uint8Array;
  /** `[count, height, width, channels]`. */
  shape: [number, number, number, number];
}

/** Numbers in one image (`height · width · channels`): 784 for MNIST, 3,072 for CIFAR-10. */
export function imageSize(set: ImageSet): number {
  const [, h, w, c] = set.shape;
  return h * w * c;
}

/**
 * Each image as one row of `height · width · channels` bytes (the MLP's input: 28 × 28 → 784), in
 * the same row-major order as Keras's `Flatten`. The bytes are shared, not copied.
 * @example flatten(mnist.train).shape // [60000, 784]
 */
export function flatten(set: ImageSet): { images: Uint8Array; shape: [number, number] } {
  return { images: set.images, shape: [set.shape[0], imageSize(set)] };
}

/**
 * Bytes 0–255 as numbers 0–1 (÷ 255), the lecture's first preprocessing step.
 * @example normalize(Uint8Array.of(0, 255, 51)) // Float64Array [0, 1, 0.2]
 */
export function normalize(bytes: Uint8Array): Float64Array {
  const out = new Float64Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / 255;
  return out;
}

/**
 * One row of `classes` numbers per label, 1 at the label's place: the lecture's one-hot slide
 * (`1 → [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]`), flat and row-major (`[labels.length, classes]`).
 * @throws RangeError for a label outside 0 … classes − 1
 */
export function oneHot(labels: ArrayLike<number>, classes = 10): Float64Array {
  const out = new Float64Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new RangeError(
        `oneHot: label ${label} at ${i} is not in 0…${classes - 1} / ${i}번째 레이블 ${label}이(가) 0…${classes - 1} 밖입니다`,
      );
    }
    out[i * classes + label] = 1;
  }
  return out;
}

/** Images `start … end − 1` of a set (copies, as `Uint8Array.slice` does). */
export function slice(set: ImageSet, start: number, end: number): ImageSet {
  const size = imageSize(set);
  const [count, h, w, c] = set.shape;
  const from = Math.max(0, Math.min(start, count));
  const to = Math.max(from, Math.min(end, count));
  return {
    images: set.images.slice(from * size, to * size),
    labels: set.labels.slice(from, to),
    shape: [to - from, h, w, c],
  };
}

/**
 * `count` images drawn without replacement in a seeded random order: the same seed gives the same
 * subset on every machine (the engine's `Rng`).
 * @example subset(mnist.train, 6000, 42) // a tenth of MNIST's training images, always the same tenth
 */
export function subset(set: ImageSet, count: number, seed: number): ImageSet {
  const [total, h, w, c] = set.shape;
  if (!Number.isInteger(count) || count < 0 || count > total) {
    throw new RangeError(
      `subset: count must be an integer in 0…${total}, got ${count} / 개수는 0…${total} 사이의 정수여야 합니다`,
    );
  }
  const order = new Rng(seed).shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, count);
  const size = imageSize(set);
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  order.forEach((from, to) => {
    images.set(set.images.subarray(from * size, (from + 1) * size), to * size);
    labels[to] = set.labels[from]!;
  });
  return { images, labels, shape: [count, h, w, c] };
}

/** How many images of each class: `counts[k]` is the number labelled k. */
export function classCounts(set: ImageSet, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of set.labels) counts[label]!++;
  return counts;
}
