/**
 * The digits of exercise 07, in the grader only: `loadMnist()` reads the four IDX files once per
 * grader process, and each check takes a seeded subset of them. The sandbox child cannot read files,
 * so the training images reach the student's code as bytes in the check's input (the sandbox wire
 * carries a Uint8Array as is); the test images never leave the grader.
 */
import { Rng } from '@gradschool/autograd';
import { type ImageSet, loadMnist, type Mnist, subset } from '@gradschool/datasets';

/**
 * Training images handed to `train`. Measured on the course's 2-core machine (quiet, 2026-12-03):
 * mnist_convnet trains at ~650 images per second at batch 8, so 3,000 images × 2 epochs take ~9 s
 * and reach 94.5–95.5% on 1,000 unseen test images (six seeds). The 96% needs about
 * 6,000 × 2 at a doubled learning rate (96.4–96.9% on 2,000 test images, ~17 s a run) and still
 * fails some seeds, too slow and too close for a check graded with two seeds.
 */
export const TRAIN_COUNT = 3000;

/** Unseen test images the judge measures accuracy on (the predictions take about 1 s). */
export const TEST_COUNT = 1000;

/** One image's side: MNIST's 28 × 28 bytes, one channel. */
export const SIDE = 28;

let cached: Mnist | null = null;

/** MNIST, read once per grader process (the checks of one run share it). */
export function mnist(): Mnist {
  cached ??= loadMnist();
  return cached;
}

/** What the `train` check hands to the student: the images as bytes, their labels and their count. */
export interface TrainInput {
  /** The seed the student passes to `setSeed`. */
  seed: number;
  /** The seed of the judge's test subset (the student's code never sees those images). */
  testSeed: number;
  data: { images: Uint8Array; labels: Uint8Array; count: number };
}

/** A seeded subset of the training images, and the seeds of the run and of the test subset. */
export function trainInput(checkSeed: number): TrainInput {
  const rng = new Rng(checkSeed);
  const [seed, subsetSeed, testSeed] = [rng.int(1_000_000), rng.int(1_000_000), rng.int(1_000_000)];
  const { images, labels } = subset(mnist().train, TRAIN_COUNT, subsetSeed);
  return { seed, testSeed, data: { images, labels, count: TRAIN_COUNT } };
}

/** The judge's test images for `testSeed`. */
export function testImages(testSeed: number): ImageSet {
  return subset(mnist().test, TEST_COUNT, testSeed);
}
