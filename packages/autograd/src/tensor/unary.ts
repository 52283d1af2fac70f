/** Unary elementwise math: neg, exp, log, sqrt, abs, clip. Forward loop, then its backward closure. */
import { fromOp, gradData } from './autograd.js';
import { allocFloats } from './kernels/alloc.js';
import type { Tensor } from './tensor.js';

/** `-x`. */
export function neg(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = -xd[i]!;
  return fromOp(out, x.shape, 'neg', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! -= g[i]!;
  });
}

/** e^x. @example exp(tensor([0, 1])) // [1, 2.718281828459045] */
export function exp(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = Math.exp(xd[i]!);
  return fromOp(out, x.shape, 'exp', [x], (g) => {
    // d(e^x)/dx = e^x
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += g[i]! * out[i]!;
  });
}

/** Natural logarithm (`-Infinity` at 0, NaN below). */
export function log(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = Math.log(xd[i]!);
  return fromOp(out, x.shape, 'log', [x], (g) => {
    // d(ln x)/dx = 1/x
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += g[i]! / xd[i]!;
  });
}

/** Square root. */
export function sqrt(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(xd[i]!);
  return fromOp(out, x.shape, 'sqrt', [x], (g) => {
    // d(√x)/dx = 1 / (2√x)
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += g[i]! / (2 * out[i]!);
  });
}

/** |x|; the gradient is sign(x), taken as 0 at x = 0. */
export function abs(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = Math.abs(xd[i]!);
  return fromOp(out, x.shape, 'abs', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += xd[i]! > 0 ? g[i]! : xd[i]! < 0 ? -g[i]! : 0;
  });
}

/**
 * Limits every value to [min, max]. The gradient passes (×1) where min <= x <= max and is 0 outside,
 * as Keras' losses expect when they clip predictions away from 0 and 1.
 * @example clip(tensor([-2, 0.5, 3]), 0, 1) // [0, 0.5, 1]
 */
export function clip(x: Tensor, min: number, max: number): Tensor {
  if (min > max) throw new RangeError(`clip: min (${min}) is greater than max (${max})`);
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) {
    const v = xd[i]!;
    out[i] = Math.min(Math.max(v, min), max);
  }
  return fromOp(out, x.shape, 'clip', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) {
      const v = xd[i]!;
      if (v >= min && v <= max) gx[i]! += g[i]!;
    }
  });
}
