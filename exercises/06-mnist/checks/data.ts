/**
 * The MNIST images of exercise 06's checks, in the grader only: `input` hands the probe a seeded
 * training subset (the sandbox child cannot read files, so the bytes travel as the check's input,
 * a Uint8Array in the V8-serialized frame), and the judge measures the trained model on a seeded test
 * subset the student's code never receives.
 *
 * Sizes, measured on the course's 2-core machine: the reference solution (784-128-10, 4 epochs,
 * batch 32) trains on 20,000 images in ~3 s quiet and 7–14 s under a load average of 6, and reaches
 * 95.9–96.4% on 5,000 test images (12,000 images reach only 94–95%). 20,000 images are 15.7 MB of
 * bytes, within the sandbox's 32 MiB frames.
 */
import { type ImageSet, loadMnist, type Mnist, subset } from '@gradschool/datasets';

/** Training images the probe receives. */
export const TRAIN_COUNT = 20_000;
/** Test images the judge measures the trained model on (the student's code never sees them). */
export const TEST_COUNT = 5_000;
/** How many of the judge's worst mistakes the verdict draws. */
export const PICTURE_COUNT = 8;

/** MNIST read once per grader process (about 55 MB, 0.3–0.8 s): every check and regrade shares it. */
let mnist: Mnist | undefined;
const data = (): Mnist => (mnist ??= loadMnist());

/** The training subset for `seed` (the same images for the same seed, on every machine). */
export function trainSubset(seed: number): ImageSet {
  return subset(data().train, TRAIN_COUNT, seed);
}

/** The judge's test subset for `seed`, kept per seed: the judge of every seed of a run reads it. */
const tests = new Map<number, ImageSet>();
export function testSubset(seed: number): ImageSet {
  let set = tests.get(seed);
  if (!set) {
    if (tests.size > 8) tests.clear();
    set = subset(data().test, TEST_COUNT, seed);
    tests.set(seed, set);
  }
  return set;
}
