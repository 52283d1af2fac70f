/** backward() semantics: accumulation, zeroGrad, detach, noGrad, freed graphs, and the error messages. */
import { describe, expect, it } from 'vitest';
import { isGradEnabled, noGrad, ones, tensor } from '../src/index.js';
import { fromOp, gradData } from '../src/tensor/autograd.js';

describe('backward', () => {
  it('applies the chain rule through a small expression (micrograd example)', () => {
    const a = tensor(-4, { requiresGrad: true });
    const b = tensor(2, { requiresGrad: true });
    // c = a + b; d = a * b + b^3; e = c - d; f = e^2 ... kept small: g = (a*b + b^3 - (a+b))^2 / 2
    const d = a.mul(b).add(b.pow(3));
    const e = d.sub(a.add(b));
    const g = e.pow(2).div(2);
    g.backward();
    const ev = -4 * 2 + 8 - (-4 + 2); // 2
    expect(g.item()).toBe((ev * ev) / 2);
    expect(a.grad!.item()).toBe(ev * (2 - 1)); // de/da = b - 1
    expect(b.grad!.item()).toBe(ev * (-4 + 3 * 4 - 1)); // de/db = a + 3b² - 1
  });

  it('accumulates across calls until zeroGrad()', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    expect(x.grad!.toArray()).toEqual([6, 6]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
    x.sum().backward();
    expect(x.grad!.toArray()).toEqual([1, 1]);
  });

  it('keeps gradients of intermediate tensors, same shape as the tensor', () => {
    const x = tensor([[1, 2]], { requiresGrad: true });
    const h = x.mul(2);
    h.sum().backward();
    expect(h.grad!.shape).toEqual([1, 2]);
    expect(h.grad!.toArray()).toEqual([[1, 1]]);
  });

  it('a non-scalar output takes an upstream gradient of its shape', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(x).backward(tensor([1, 0, -1]));
    expect(x.grad!.toArray()).toEqual([2, 0, -6]);
    expect(() => x.mul(2).backward(tensor([1, 2]))).toThrow(RangeError);
    expect(() => x.reshape([1, 3]).backward(tensor([1, 2, 3]))).toThrow(
      'backward: the gradient has shape [3] but the output has shape [1,3]',
    );
  });

  it('a one-element output needs no argument even with shape [1, 1]', () => {
    const x = tensor([[2]], { requiresGrad: true });
    x.mul(x).backward();
    expect(x.grad!.toArray()).toEqual([[4]]);
  });

  it('says why when called on a non-scalar without a gradient', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => x.mul(2).backward()).toThrow(/backward: the output has shape \[2\], not a scalar/);
  });

  it('says why when nothing requires grad', () => {
    expect(() => tensor([1, 2]).sum().backward()).toThrow(/does not require gradients/);
    const w = tensor([1], { requiresGrad: true });
    expect(() => noGrad(() => w.mul(2).sum()).backward()).toThrow(/noGrad/);
  });

  it('frees the graph: a second backward through it says so; retainGraph allows it', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.mul(x).sum();
    y.backward();
    expect(() => y.backward()).toThrow(/already used by an earlier backward\(\) and has been freed/);
    const h = x.mul(x);
    h.sum().backward();
    expect(() => h.mul(2).sum().backward()).toThrow(/freed/);

    x.zeroGrad();
    const z = x.mul(x).sum();
    z.backward(undefined, { retainGraph: true });
    z.backward();
    expect(x.grad!.toArray()).toEqual([4, 8]); // 2 × 2x: intermediate gradients are not double counted
  });

  it('handles a deep graph without recursion (10 000 chained ops)', () => {
    const x = tensor(1, { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 10_000; i++) y = y.mul(1.0001);
    y.backward();
    expect(x.grad!.item()).toBeCloseTo(1.0001 ** 10_000, 6);
  });

  it('visits a shared node once (diamond): gradients add, not multiply', () => {
    const x = tensor(3, { requiresGrad: true });
    const h = x.mul(2);
    h.add(h).mul(h).backward(); // (2h)·h = 2h², d/dx = 4h·2 = 8·6
    expect(x.grad!.item()).toBe(48);
  });

  it('does not flow into tensors without requiresGrad', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const c = tensor([3, 4]);
    w.mul(c).sum().backward();
    expect(c.grad).toBeNull();
    expect(w.grad!.toArray()).toEqual([3, 4]);
  });
});

describe('detach and noGrad', () => {
  it('detach copies the values and stops gradients', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.mul(2).detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.toArray()).toEqual([2, 4]);
    const y = x.mul(d).sum();
    y.backward();
    expect(x.grad!.toArray()).toEqual([2, 4]); // d is a constant
  });

  it('noGrad records nothing, returns the value, and restores the mode even after a throw', () => {
    const w = tensor([1], { requiresGrad: true });
    expect(isGradEnabled()).toBe(true);
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      return w.mul(2);
    });
    expect(y.requiresGrad).toBe(false);
    expect(y.item()).toBe(2);
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(noGrad(() => noGrad(() => 1) + 1)).toBe(2);
    expect(isGradEnabled()).toBe(true);
  });
});

describe('fromOp (how a new op is written)', () => {
  it('records parents and backward only when a parent requires grad', () => {
    const cube = (x: ReturnType<typeof tensor>) => {
      const out = new Float64Array(x.size);
      for (let i = 0; i < x.size; i++) out[i] = x.data[i]! ** 3;
      return fromOp(out, x.shape, 'cube', [x], (g) => {
        const gx = gradData(x);
        for (let i = 0; i < x.size; i++) gx[i]! += g[i]! * 3 * x.data[i]! ** 2;
      });
    };
    expect(cube(tensor([2])).requiresGrad).toBe(false);
    const x = tensor([2, -1], { requiresGrad: true });
    cube(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([12, 3]);
    expect(ones([2]).requiresGrad).toBe(false);
  });
});
