/**
 * Activation functions from the lecture: step, sigmoid, tanh, relu, leakyRelu, softmax, logSoftmax.
 * Softmax and logSoftmax subtract the maximum first, so e^x never overflows.
 */
import { fromOp, gradData } from './autograd.js';
import { allocFloats } from './kernels/alloc.js';
import { normalizeAxis, splitAtAxis } from './shape.js';
import type { Tensor } from './tensor.js';

/**
 * 1 where x >= 0, else 0: the perceptron's activation (numpy's `heaviside(x, 1)`, so NaN stays NaN).
 * Flat, so its gradient is 0 everywhere.
 */
export function step(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) {
    const v = xd[i]!;
    out[i] = v >= 0 ? 1 : v < 0 ? 0 : Number.NaN;
  }
  return fromOp(out, x.shape, 'step', [x], () => {
    gradData(x); // the gradient is zero: only make sure x.grad exists
  });
}

/**
 * 1 / (1 + e^-x). For x < 0 it is computed as e^x / (1 + e^x), so large negatives give tiny positive
 * numbers instead of overflowing e^-x.
 * @example sigmoid(tensor([0])) // [0.5]
 */
export function sigmoid(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) {
    const v = xd[i]!;
    if (v >= 0) {
      out[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      out[i] = e / (1 + e);
    }
  }
  return fromOp(out, x.shape, 'sigmoid', [x], (g) => {
    // dσ/dx = σ(1 - σ)
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += g[i]! * out[i]! * (1 - out[i]!);
  });
}

/** Hyperbolic tangent, in (-1, 1). */
export function tanh(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = Math.tanh(xd[i]!);
  return fromOp(out, x.shape, 'tanh', [x], (g) => {
    // d tanh/dx = 1 - tanh²
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += g[i]! * (1 - out[i]! * out[i]!);
  });
}

/** max(0, x); the gradient is 1 where x > 0, else 0. */
export function relu(x: Tensor): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = Math.max(xd[i]!, 0);
  return fromOp(out, x.shape, 'relu', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) if (xd[i]! > 0) gx[i]! += g[i]!;
  });
}

/** x where x >= 0, `alpha * x` elsewhere (Keras' `LeakyReLU` default alpha is 0.2). */
export function leakyRelu(x: Tensor, alpha = 0.2): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = xd[i]! >= 0 ? xd[i]! : alpha * xd[i]!;
  return fromOp(out, x.shape, 'leakyRelu', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += xd[i]! >= 0 ? g[i]! : alpha * g[i]!;
  });
}

/**
 * e^x / Σ e^x along `axis` (default: the last). Each slice is shifted by its maximum first
 * (softmax(x) = softmax(x - max)), so `[1000, 1001, 1002]` works.
 * @example softmax(tensor([1, 1, 2])) // [0.21194156, 0.21194156, 0.57611688]
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  const { outer, n, inner } = splitAtAxis(x.shape, normalizeAxis('softmax', axis, x.rank));
  const xd = x.data;
  const out = allocFloats(x.size);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let m = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < n; j++) m = Math.max(m, xd[base + j * inner]!);
      let total = 0;
      for (let j = 0; j < n; j++) {
        const e = Math.exp(xd[base + j * inner]! - m);
        out[base + j * inner] = e;
        total += e;
      }
      for (let j = 0; j < n; j++) out[base + j * inner]! /= total;
    }
  }
  return fromOp(out, x.shape, 'softmax', [x], (g) => {
    // dx_j = s_j (g_j - Σ_k g_k s_k)
    const gx = gradData(x);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let dot = 0;
        for (let j = 0; j < n; j++) dot += g[base + j * inner]! * out[base + j * inner]!;
        for (let j = 0; j < n; j++) {
          const k = base + j * inner;
          gx[k]! += out[k]! * (g[k]! - dot);
        }
      }
    }
  });
}

/**
 * log(softmax(x)) along `axis`, as x - max - log Σ e^(x - max): finite even where softmax
 * underflows to 0. Pair it with a negative log-likelihood for a stable cross-entropy.
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const { outer, n, inner } = splitAtAxis(x.shape, normalizeAxis('logSoftmax', axis, x.rank));
  const xd = x.data;
  const out = allocFloats(x.size);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let m = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < n; j++) m = Math.max(m, xd[base + j * inner]!);
      let total = 0;
      for (let j = 0; j < n; j++) total += Math.exp(xd[base + j * inner]! - m);
      const logTotal = m + Math.log(total);
      for (let j = 0; j < n; j++) out[base + j * inner] = xd[base + j * inner]! - logTotal;
    }
  }
  return fromOp(out, x.shape, 'logSoftmax', [x], (g) => {
    // dx_j = g_j - softmax_j Σ_k g_k
    const gx = gradData(x);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let total = 0;
        for (let j = 0; j < n; j++) total += g[base + j * inner]!;
        for (let j = 0; j < n; j++) {
          const k = base + j * inner;
          gx[k]! += g[k]! - Math.exp(out[k]!) * total;
        }
      }
    }
  });
}
