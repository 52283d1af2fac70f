/** `allocFloats`: always fresh zeros of the right length, never sharing numbers with another array. */
import { describe, expect, it } from 'vitest';
import { allocFloats } from '../src/tensor/kernels/alloc.js';

describe('allocFloats', () => {
  it('gives zero-filled arrays of the asked length, small, pooled and large', () => {
    for (const n of [0, 1, 8, 9, 100, 256, 257, 5000]) {
      const a = allocFloats(n);
      expect(a).toBeInstanceOf(Float64Array);
      expect(a.length).toBe(n);
      expect(a.every((v) => v === 0)).toBe(true);
    }
  });

  it('never hands out overlapping arrays, across many slabs', () => {
    const arrays: Float64Array[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = allocFloats(9 + (i % 248));
      a.fill(i + 1);
      arrays.push(a);
    }
    arrays.forEach((a, i) => {
      expect(a.every((v) => v === i + 1)).toBe(true);
    });
    const shared = new Set(arrays.map((a) => a.buffer));
    expect(shared.size).toBeGreaterThan(1); // slabs rolled over
    expect(shared.size).toBeLessThan(arrays.length); // and were shared
  });
});
