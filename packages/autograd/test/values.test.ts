/** Known values from the lecture and the issue, and numerical stability at the extremes. */
import { describe, expect, it } from 'vitest';
import { tensor } from '../src/index.js';

const close = (got: number[], want: number[], digits = 8) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => {
    expect(v).toBeCloseTo(want[i]!, digits);
  });
};

describe('softmax', () => {
  it('softmax([1, 1, 2]) = [0.21194156, 0.21194156, 0.57611688]', () => {
    close(tensor([1, 1, 2]).softmax().toArray() as number[], [0.21194156, 0.21194156, 0.57611688]);
  });

  it('is finite for [1000, 1001, 1002] and equals softmax([0, 1, 2])', () => {
    const big = tensor([1000, 1001, 1002]).softmax().toArray() as number[];
    expect(big.every(Number.isFinite)).toBe(true);
    close(big, tensor([0, 1, 2]).softmax().toArray() as number[], 12);
    close(big, [0.09003057, 0.24472847, 0.66524096]);
  });

  it('rows sum to 1 along the chosen axis', () => {
    const x = tensor([
      [1, 2, 3],
      [-1, 0, 5],
    ]);
    close(x.softmax().sum(-1).toArray() as number[], [1, 1], 12);
    close(x.softmax(0).sum(0).toArray() as number[], [1, 1, 1], 12);
  });

  it('logSoftmax equals log(softmax) and stays finite where softmax underflows', () => {
    const x = tensor([1, 1, 2]);
    close(x.logSoftmax().toArray() as number[], x.softmax().log().toArray() as number[], 12);
    const far = tensor([0, 1000]).logSoftmax().toArray() as number[];
    expect(far[0]).toBeCloseTo(-1000, 9);
    expect(far[1]).toBeCloseTo(0, 12);
  });
});

describe('sigmoid', () => {
  it('sigmoid(0) = 0.5, and is symmetric', () => {
    expect(tensor(0).sigmoid().item()).toBe(0.5);
    const s = tensor([-3, 3]).sigmoid().toArray() as number[];
    expect(s[0]! + s[1]!).toBeCloseTo(1, 15);
    expect(s[1]).toBeCloseTo(0.9525741268224334, 15);
  });

  it('large negatives do not overflow: tiny or zero, never NaN', () => {
    const s = tensor([-50, -700, -1000, -1e308]).sigmoid().toArray() as number[];
    expect(s.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(s[0]).toBeCloseTo(Math.exp(-50), 30);
    expect(s[1]).toBeGreaterThan(0); // e^-700 is still representable
    const x = tensor([-1000, 1000], { requiresGrad: true });
    x.sigmoid().sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 0]);
  });
});

describe('other activations and math', () => {
  it('step is 1 at and above 0', () => {
    expect(tensor([-0.5, 0, 0.5]).step().toArray()).toEqual([0, 1, 1]);
  });

  it('relu, leakyRelu (default alpha 0.2), tanh', () => {
    expect(tensor([-2, 0, 3]).relu().toArray()).toEqual([0, 0, 3]);
    expect(tensor([-2, 3]).leakyRelu().toArray()).toEqual([-0.4, 3]);
    expect(tensor([-2, 3]).leakyRelu(0.1).toArray()).toEqual([-0.2, 3]);
    expect(tensor(0.5).tanh().item()).toBe(Math.tanh(0.5));
  });

  it('exp, log, sqrt, abs, neg, pow', () => {
    expect(tensor([0, 1]).exp().toArray()).toEqual([1, Math.E]);
    expect(tensor([1, Math.E]).log().toArray()).toEqual([0, 1]);
    expect(tensor([4, 9]).sqrt().toArray()).toEqual([2, 3]);
    expect(tensor([-2, 3]).abs().toArray()).toEqual([2, 3]);
    expect(tensor([-2, 3]).neg().toArray()).toEqual([2, -3]);
    expect(tensor([1, 2, 3]).pow(2).toArray()).toEqual([1, 4, 9]);
  });

  it('clip limits values; its gradient is 1 inside [min, max] (bounds included) and 0 outside', () => {
    const x = tensor([-2, 0, 0.5, 1, 3], { requiresGrad: true });
    const y = x.clip(0, 1);
    expect(y.toArray()).toEqual([0, 0, 0.5, 1, 1]);
    y.sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 1, 1, 1, 0]);
    expect(() => x.clip(1, 0)).toThrow(RangeError);
  });

  it('pow: gradient with respect to the exponent at a zero base is 0', () => {
    const base = tensor([0, 2]);
    const e = tensor([2, 3], { requiresGrad: true });
    base.pow(e).sum().backward();
    expect(e.grad!.toArray()).toEqual([0, 8 * Math.log(2)]);
  });
});
