/**
 * Keras 3's activation functions beyond the lecture's (`keras.activations.*`), each one op: the
 * forward loop, then the backward loop with its derivative written out. Formulas and defaults are
 * Keras 3's (keras/src/activations/activations.py).
 */
import { fromOp, gradData, type Tensor } from './engine.js';
import { checkOptions } from './options.js';

/** An elementwise op from `f` and its derivative `df(x, f(x))`. */
function elementwise(
  name: string,
  x: Tensor,
  f: (v: number) => number,
  df: (v: number, y: number) => number,
): Tensor {
  const n = x.size;
  const xd = x.data;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(xd[i]!);
  return fromOp(out, x.shape, name, [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += g[i]! * df(xd[i]!, out[i]!);
  });
}

/** σ(v) without overflow: e^v / (1 + e^v) for negative v. */
export function sigmoidOf(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** log(1 + e^v) as max(v, 0) + log1p(e^−|v|): no overflow for large v, no cancellation for small. */
export function softplusOf(v: number): number {
  return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
}

/**
 * erfc(z) for z ≥ 0 to about 1e-15: the Taylor series of erf below 2.5 (its largest term is then
 * below e^6.25 ≈ 500, so at most three digits are lost), Laplace's continued fraction above.
 */
function erfcNonNegative(z: number): number {
  if (z < 2.5) {
    // erf z = 2/√π · Σ (−1)ⁿ z^(2n+1) / (n! (2n+1))
    let term = z;
    let sum = z;
    for (let n = 1; n < 100; n++) {
      term *= (-z * z) / n;
      const next = term / (2 * n + 1);
      sum += next;
      if (Math.abs(next) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc z = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), evaluated from the tail
  let t = z;
  for (let k = 80; k >= 1; k--) t = z + k / 2 / t;
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / t;
}

/** The standard normal CDF Φ(v) = erfc(−v/√2)/2, accurate in both tails. */
export function normalCdf(v: number): number {
  const z = v / Math.SQRT2;
  return z >= 0 ? 1 - erfcNonNegative(z) / 2 : erfcNonNegative(-z) / 2;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const GELU_C = Math.sqrt(2 / Math.PI);
/**
 * SELU's constants (Klambauer et al. 2017): Keras 3's 1.6732632423543772848170429916717 and
 * 1.0507009873554804934193349852946, rounded to double precision.
 */
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** `x` where x > 0, `alpha·(eˣ − 1)` elsewhere. Keras: `elu(x, alpha=1.0)`. */
export function elu(x: Tensor, opts: { alpha?: number } = {}): Tensor {
  const { alpha = 1 } = checkOptions('elu', opts, { alpha: { type: 'number', optional: true } });
  return elementwise(
    'elu',
    x,
    (v) => (v > 0 ? v : alpha * Math.expm1(v)),
    (v) => (v > 0 ? 1 : alpha * Math.exp(v)),
  );
}

/** `scale·elu(x, alpha)` with Keras' fixed alpha ≈ 1.6733 and scale ≈ 1.0507. */
export function selu(x: Tensor): Tensor {
  return elementwise(
    'selu',
    x,
    (v) => SELU_SCALE * (v > 0 ? v : SELU_ALPHA * Math.expm1(v)),
    (v) => SELU_SCALE * (v > 0 ? 1 : SELU_ALPHA * Math.exp(v)),
  );
}

/** `log(1 + eˣ)`; its derivative is σ(x). */
export function softplus(x: Tensor): Tensor {
  return elementwise('softplus', x, softplusOf, (v) => sigmoidOf(v));
}

/** `x / (1 + |x|)`. */
export function softsign(x: Tensor): Tensor {
  return elementwise(
    'softsign',
    x,
    (v) => v / (1 + Math.abs(v)),
    (v) => 1 / (1 + Math.abs(v)) ** 2,
  );
}

/** `x·σ(x)` (Keras' `silu`, also called `swish`). */
export function silu(x: Tensor): Tensor {
  return elementwise(
    'silu',
    x,
    (v) => v * sigmoidOf(v),
    (v) => {
      const s = sigmoidOf(v);
      return s * (1 + v * (1 - s));
    },
  );
}

/**
 * GELU. Exact (Keras 3's default): `x·Φ(x)`, Φ the standard normal CDF. With `approximate: true`:
 * `x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`.
 */
export function gelu(x: Tensor, opts: { approximate?: boolean } = {}): Tensor {
  const { approximate = false } = checkOptions('gelu', opts, {
    approximate: { type: 'boolean', optional: true },
  });
  if (!approximate) {
    return elementwise(
      'gelu',
      x,
      (v) => v * normalCdf(v),
      (v) => normalCdf(v) + v * INV_SQRT_2PI * Math.exp((-v * v) / 2),
    );
  }
  return elementwise(
    'geluApproximate',
    x,
    (v) => 0.5 * v * (1 + Math.tanh(GELU_C * (v + 0.044715 * v ** 3))),
    (v) => {
      const t = Math.tanh(GELU_C * (v + 0.044715 * v ** 3));
      return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * v * v);
    },
  );
}

const hardSigmoidOf = (v: number): number => Math.min(Math.max(v / 6 + 0.5, 0), 1);
const hardSigmoidSlope = (v: number): number => (v > -3 && v < 3 ? 1 / 6 : 0);

/** Keras 3's `relu6(x + 3) / 6` (Keras 2 used 0.2·x + 0.5). */
export function hardSigmoid(x: Tensor): Tensor {
  return elementwise('hardSigmoid', x, hardSigmoidOf, hardSigmoidSlope);
}

/** `x·hardSigmoid(x)` (Keras' `hard_silu`, also called `hard_swish`). */
export function hardSilu(x: Tensor): Tensor {
  return elementwise(
    'hardSilu',
    x,
    (v) => v * hardSigmoidOf(v),
    (v) => hardSigmoidOf(v) + v * hardSigmoidSlope(v),
  );
}

/** `eˣ`. */
export function exponential(x: Tensor): Tensor {
  return elementwise('exponential', x, Math.exp, (_v, y) => y);
}

/** `min(max(x, 0), 6)`. */
export function relu6(x: Tensor): Tensor {
  return elementwise(
    'relu6',
    x,
    (v) => Math.min(Math.max(v, 0), 6),
    (v) => (v > 0 && v < 6 ? 1 : 0),
  );
}

/** `x·tanh(softplus(x))`. */
export function mish(x: Tensor): Tensor {
  return elementwise(
    'mish',
    x,
    (v) => v * Math.tanh(softplusOf(v)),
    (v) => {
      const t = Math.tanh(softplusOf(v));
      return t + v * (1 - t * t) * sigmoidOf(v);
    },
  );
}

/** `x` where x ≥ 0, `negativeSlope·x` elsewhere. Keras: `leaky_relu(x, negative_slope=0.2)`. */
export function leakyRelu(x: Tensor, opts: { negativeSlope?: number } = {}): Tensor {
  const { negativeSlope = 0.2 } = checkOptions('leakyRelu', opts, {
    negativeSlope: { type: 'number', optional: true },
  });
  return elementwise(
    'leakyRelu',
    x,
    (v) => (v >= 0 ? v : negativeSlope * v),
    (v) => (v >= 0 ? 1 : negativeSlope),
  );
}

/** Options of Keras 3's `relu(x, negative_slope=0.0, max_value=None, threshold=0.0)`. */
export interface ReluOptions {
  /** Slope below the threshold, default 0. */
  negativeSlope?: number;
  /** Upper limit of the output, default none. */
  maxValue?: number;
  /** Values at or below it give 0 (before the slope), default 0. */
  threshold?: number;
}

/**
 * Keras 3's general relu: `clip(x > threshold ? x : 0, 0, maxValue) − negativeSlope·relu(threshold − x)`.
 * @example activations.relu(tensor([-10, -5, 0, 5, 10]), { maxValue: 5 })   // [0, 0, 0, 5, 5]
 */
export function relu(x: Tensor, opts: ReluOptions = {}): Tensor {
  const o = checkOptions('relu', opts, {
    negativeSlope: { type: 'number', optional: true },
    maxValue: { type: 'number', optional: true },
    threshold: { type: 'number', optional: true },
  });
  const slope = o.negativeSlope ?? 0;
  const max = o.maxValue ?? Number.POSITIVE_INFINITY;
  const threshold = o.threshold ?? 0;
  return elementwise(
    'relu',
    x,
    (v) => Math.min(Math.max(v > threshold ? v : 0, 0), max) - slope * Math.max(threshold - v, 0),
    (v) => (v > threshold && v > 0 && v < max ? 1 : 0) + (threshold - v > 0 ? slope : 0),
  );
}

/** Every activation of Keras 3 as a function of a tensor, with Keras' options (camelCase). */
export const activations = {
  linear: (x: Tensor): Tensor => x,
  relu,
  relu6,
  leakyRelu,
  elu,
  selu,
  sigmoid: (x: Tensor): Tensor => x.sigmoid(),
  hardSigmoid,
  tanh: (x: Tensor): Tensor => x.tanh(),
  softmax: (x: Tensor, opts: { axis?: number } = {}): Tensor =>
    x.softmax(checkOptions('softmax', opts, { axis: { type: 'integer', optional: true } }).axis ?? -1),
  logSoftmax: (x: Tensor, opts: { axis?: number } = {}): Tensor =>
    x.logSoftmax(checkOptions('logSoftmax', opts, { axis: { type: 'integer', optional: true } }).axis ?? -1),
  softplus,
  softsign,
  silu,
  swish: silu,
  gelu,
  hardSilu,
  hardSwish: hardSilu,
  exponential,
  mish,
};
