import { describe, expect, it } from 'vitest';
import { gradCheck, type Tensor, tensor } from '../src/index.js';
import { fromOp, gradData } from '../src/tensor/autograd.js';

/** x² with a deliberately wrong backward (x instead of 2x): gradCheck must catch it. */
function wrongSquare(x: Tensor): Tensor {
  const out = x.data.map((v) => v * v);
  return fromOp(out, x.shape, 'wrongSquare', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < x.size; i++) gx[i]! += g[i]! * x.data[i]!;
  });
}

describe('gradCheck', () => {
  it('passes a correct op and reports both gradients', () => {
    const r = gradCheck((a, b) => a.mul(b).sum(), [tensor([1, 2]), tensor([3, 4])]);
    expect(r.ok).toBe(true);
    expect(Array.from(r.analytic[0]!)).toEqual([3, 4]);
    expect(r.numeric[1]![0]).toBeCloseTo(1, 8);
    expect(r.maxAbsError).toBeLessThan(1e-8);
  });

  it('fails a wrong backward', () => {
    const r = gradCheck((x) => wrongSquare(x), [tensor([1, -2, 3])]);
    expect(r.ok).toBe(false);
    expect(r.maxAbsError).toBeGreaterThan(0.5);
    expect(r.maxRelError).toBeCloseTo(0.5, 6);
  });

  it('weights the outputs, so an error hidden by a plain sum is still found', () => {
    // softmax outputs sum to 1: with a plain sum every gradient would be 0, right or wrong
    const brokenSoftmax = (x: Tensor) => {
      const s = x.softmax();
      return fromOp(s.data, s.shape, 'brokenSoftmax', [x], (g) => {
        const gx = gradData(x);
        for (let i = 0; i < x.size; i++) gx[i]! += g[i]! * s.data[i]! * (1 - s.data[i]!); // misses cross terms
      });
    };
    expect(gradCheck(brokenSoftmax, [tensor([0.5, 1, -1])]).ok).toBe(false);
    expect(gradCheck((x) => x.softmax(), [tensor([0.5, 1, -1])]).ok).toBe(true);
  });

  it('reports a detached computation as wrong instead of throwing', () => {
    const r = gradCheck((x) => x.detach().mul(x.detach()).sum(), [tensor([1, 2])]);
    expect(r.ok).toBe(false);
    expect(Array.from(r.analytic[0]!)).toEqual([0, 0]);
    expect(r.numeric[0]![1]).toBeCloseTo(4, 6);
  });

  it('leaves the inputs untouched', () => {
    const x = tensor([1, 2]);
    gradCheck((a) => a.pow(3).sum(), [x]);
    expect(Array.from(x.data)).toEqual([1, 2]);
    expect(x.grad).toBeNull();
    expect(x.requiresGrad).toBe(false);
  });
});
