/**
 * Gradient checking: compares the gradients `backward()` computes with central differences,
 * (f(x + ε) - f(x - ε)) / 2ε, one input element at a time. Used by the tests, the exercises' judges,
 * and anyone writing a new op.
 */
import { checkOptions } from './options.js';
import { Rng } from './random.js';
import { noGrad, Tensor } from './tensor/index.js';

/** Options of `gradCheck`. */
export interface GradCheckOptions {
  /** Step of the central difference (default 1e-6). */
  eps?: number;
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-7). */
  atol?: number;
}

/** What `gradCheck` found; `analytic[i]` and `numeric[i]` hold the gradients of `inputs[i]`. */
export interface GradCheckResult {
  ok: boolean;
  maxAbsError: number;
  maxRelError: number;
  analytic: Float64Array[];
  numeric: Float64Array[];
}

/**
 * Checks `fn`'s gradients with respect to every input. A non-scalar output is first reduced to
 * Σ wᵢ·outᵢ with fixed pseudo-random weights wᵢ ∈ [-1, 1) (a plain sum could hide mistakes: the
 * outputs of softmax always sum to 1). The inputs themselves are not modified.
 * An element passes when |analytic - numeric| <= atol + rtol·|numeric|.
 * @example
 * const { ok } = gradCheck((a, b) => a.mul(b).sum(), [tensor([1, 2]), tensor([3, 4])]);
 */
export function gradCheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  opts: GradCheckOptions = {},
): GradCheckResult {
  checkOptions('gradCheck', opts, {
    eps: { type: 'positive-number', optional: true },
    rtol: { type: 'non-negative-number', optional: true },
    atol: { type: 'non-negative-number', optional: true },
  });
  const eps = opts.eps ?? 1e-6;
  const rtol = opts.rtol ?? 1e-5;
  const atol = opts.atol ?? 1e-7;
  const xs = inputs.map((t) => new Tensor(t.data.slice(), t.shape, true));

  let weights: Float64Array | null = null;
  const objective = (out: Tensor): Tensor => {
    if (weights === null) {
      const rng = new Rng(20240601);
      weights = new Float64Array(out.size);
      if (out.size === 1) weights[0] = 1;
      else for (let i = 0; i < out.size; i++) weights[i] = rng.uniform(-1, 1);
    }
    return out.mul(new Tensor(weights, out.shape)).sum();
  };

  // an output that does not depend on the inputs (detached, argmax...) has zero analytic gradients
  const value = objective(fn(...xs));
  if (value.requiresGrad) value.backward();
  const analytic = xs.map((x) => (x.grad ? x.grad.data.slice() : new Float64Array(x.size)));

  const numeric = xs.map((x) => {
    const g = new Float64Array(x.size);
    noGrad(() => {
      for (let i = 0; i < x.size; i++) {
        const saved = x.data[i]!;
        x.data[i] = saved + eps;
        const plus = objective(fn(...xs)).item();
        x.data[i] = saved - eps;
        const minus = objective(fn(...xs)).item();
        x.data[i] = saved;
        g[i] = (plus - minus) / (2 * eps);
      }
    });
    return g;
  });

  let ok = true;
  let maxAbsError = 0;
  let maxRelError = 0;
  analytic.forEach((a, j) => {
    const n = numeric[j]!;
    for (let i = 0; i < a.length; i++) {
      const err = Math.abs(a[i]! - n[i]!);
      const scale = Math.max(Math.abs(a[i]!), Math.abs(n[i]!));
      maxAbsError = Math.max(maxAbsError, err);
      if (scale > 0) maxRelError = Math.max(maxRelError, err / scale);
      if (!(err <= atol + rtol * Math.abs(n[i]!))) ok = false;
    }
  });
  return { ok, maxAbsError, maxRelError, analytic, numeric };
}
