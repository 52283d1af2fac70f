/** The byte-image helpers: normalising, one-hot (the lecture's slide), seeded subsets, slices. */
import { describe, expect, it } from 'vitest';
import { classCounts, flatten, type ImageSet, normalize, oneHot, slice, subset } from '../src/index.js';

/** Ten 2 × 2 images whose pixels all equal the image's number; label = number mod 10. */
const set: ImageSet = {
  images: Uint8Array.from({ length: 40 }, (_, i) => Math.floor(i / 4)),
  labels: Uint8Array.from({ length: 10 }, (_, i) => i % 10),
  shape: [10, 2, 2, 1],
};

describe('image helpers', () => {
  it('flattens each image into one row, sharing the bytes', () => {
    const flat = flatten(set);
    expect(flat.shape).toEqual([10, 4]);
    expect(flat.images).toBe(set.images);
  });

  it('normalises bytes into 0…1', () => {
    expect(Array.from(normalize(Uint8Array.of(0, 255, 51)))).toEqual([0, 1, 0.2]);
  });

  it("one-hot encodes as the lecture's MNIST slide: 1 → [0,1,0,0,0,0,0,0,0,0]", () => {
    expect(Array.from(oneHot([1]))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(oneHot(Uint8Array.of(2, 0), 3))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => oneHot([10])).toThrow(/label 10 at 0 is not in 0…9/);
  });

  it('draws the same subset for the same seed, without repeats, images kept with their labels', () => {
    const a = subset(set, 6, 42);
    expect(a.shape).toEqual([6, 2, 2, 1]);
    expect(subset(set, 6, 42)).toEqual(a);
    expect(subset(set, 6, 43)).not.toEqual(a);
    const picked = Array.from({ length: 6 }, (_, i) => a.images[i * 4]!);
    expect(new Set(picked).size).toBe(6);
    expect(Array.from(a.labels)).toEqual(picked.map((n) => n % 10));
    expect(() => subset(set, 11, 1)).toThrow(/0…10/);
  });

  it('slices images with their labels, clamped to the set', () => {
    const s = slice(set, 8, 20);
    expect(s.shape).toEqual([2, 2, 2, 1]);
    expect(Array.from(s.labels)).toEqual([8, 9]);
    expect(Array.from(s.images)).toEqual([8, 8, 8, 8, 9, 9, 9, 9]);
    expect(classCounts(set)).toEqual(new Array(10).fill(1));
  });
});
