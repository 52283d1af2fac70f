// Mutant: SGD.step does not skip a parameter whose grad is null (Keras skips it); it throws there.
/**
 * Exercise 05 — the six optimizers of the lecture's "Optimization" tables (reference solution).
 *
 * Every class satisfies the engine's `Optimizer` interface: `step(params)` changes each parameter's
 * `data` in place from its `grad.data`, and keeps its own state per parameter (a velocity, an
 * accumulator, moments). Formulas are Keras 3's; defaults are the slides'.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: new Adam(), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
 * ```
 */
import type { Optimizer, Tensor } from '@gradschool/autograd';

/**
 * The state array of `param` in `store`, created on first use with `initial` in every entry.
 * Each parameter gets its own array, of the same size as the parameter.
 */
export function stateOf(store: Map<Tensor, Float64Array>, param: Tensor, initial = 0): Float64Array {
  let state = store.get(param);
  if (state === undefined) {
    state = new Float64Array(param.data.length).fill(initial);
    store.set(param, state);
  }
  return state;
}

/** Plain (stochastic) gradient descent: w ← w − η·g. Slide: `SGD(lr=0.1)`. */
export class SGD implements Optimizer {
  learningRate: number;

  constructor(options: { learningRate?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.1;
  }

  step(params: readonly Tensor[]): void {
    for (const param of params) {
      const w = param.data;
      const g = param.grad!.data;
      for (let i = 0; i < w.length; i++) {
        w[i] = w[i]! - this.learningRate * g[i]!;
      }
    }
  }
}

/** Momentum: v ← μ·v − η·g; w ← w + v. Slide: `SGD(lr=0.1, momentum=0.9)`. */
export class Momentum implements Optimizer {
  learningRate: number;
  momentum: number;
  private readonly velocities = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; momentum?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.1;
    this.momentum = options.momentum ?? 0.9;
  }

  step(params: readonly Tensor[]): void {
    for (const param of params) {
      if (param.grad === null) continue;
      const w = param.data;
      const g = param.grad.data;
      const v = stateOf(this.velocities, param);
      for (let i = 0; i < w.length; i++) {
        v[i] = this.momentum * v[i]! - this.learningRate * g[i]!;
        w[i] = w[i]! + v[i]!;
      }
    }
  }
}

/**
 * Nesterov momentum (NAG): v ← μ·v − η·g; w ← w + μ·v − η·g (with the new v).
 * Slide: `SGD(lr=0.1, momentum=0.9, nesterov=True)`.
 */
export class Nesterov implements Optimizer {
  learningRate: number;
  momentum: number;
  private readonly velocities = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; momentum?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.1;
    this.momentum = options.momentum ?? 0.9;
  }

  step(params: readonly Tensor[]): void {
    for (const param of params) {
      if (param.grad === null) continue;
      const w = param.data;
      const g = param.grad.data;
      const v = stateOf(this.velocities, param);
      for (let i = 0; i < w.length; i++) {
        v[i] = this.momentum * v[i]! - this.learningRate * g[i]!;
        w[i] = w[i]! + this.momentum * v[i]! - this.learningRate * g[i]!;
      }
    }
  }
}

/**
 * Adagrad: a ← a + g²; w ← w − η·g / √(a + ε), the accumulator starting at 0.1 (Keras 3).
 * Slide: `Adagrad(lr=0.01, epsilon=1e-6)`.
 */
export class Adagrad implements Optimizer {
  learningRate: number;
  epsilon: number;
  initialAccumulatorValue: number;
  private readonly accumulators = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; epsilon?: number; initialAccumulatorValue?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.01;
    this.epsilon = options.epsilon ?? 1e-6;
    this.initialAccumulatorValue = options.initialAccumulatorValue ?? 0.1;
  }

  step(params: readonly Tensor[]): void {
    for (const param of params) {
      if (param.grad === null) continue;
      const w = param.data;
      const g = param.grad.data;
      const a = stateOf(this.accumulators, param, this.initialAccumulatorValue);
      for (let i = 0; i < w.length; i++) {
        a[i] = a[i]! + g[i]! * g[i]!;
        w[i] = w[i]! - (this.learningRate * g[i]!) / Math.sqrt(a[i]! + this.epsilon);
      }
    }
  }
}

/**
 * RMSprop: s ← ρ·s + (1 − ρ)·g²; w ← w − η·g / √(s + ε).
 * Slide: `RMSprop(lr=0.001, rho=0.9, epsilon=1e-08)`.
 */
export class RMSprop implements Optimizer {
  learningRate: number;
  rho: number;
  epsilon: number;
  private readonly averages = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; rho?: number; epsilon?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.001;
    this.rho = options.rho ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  step(params: readonly Tensor[]): void {
    for (const param of params) {
      if (param.grad === null) continue;
      const w = param.data;
      const g = param.grad.data;
      const s = stateOf(this.averages, param);
      for (let i = 0; i < w.length; i++) {
        s[i] = this.rho * s[i]! + (1 - this.rho) * g[i]! * g[i]!;
        w[i] = w[i]! - (this.learningRate * g[i]!) / Math.sqrt(s[i]! + this.epsilon);
      }
    }
  }
}

/**
 * Adam: m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²; α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ);
 * w ← w − α·m / (√v + ε), t counting calls of `step` (1, 2, ...).
 * Slide: `Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-08)`.
 */
export class Adam implements Optimizer {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  private iterations = 0;
  private readonly firstMoments = new Map<Tensor, Float64Array>();
  private readonly secondMoments = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; beta1?: number; beta2?: number; epsilon?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  step(params: readonly Tensor[]): void {
    this.iterations += 1;
    const t = this.iterations;
    const alpha = (this.learningRate * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    for (const param of params) {
      if (param.grad === null) continue;
      const w = param.data;
      const g = param.grad.data;
      const m = stateOf(this.firstMoments, param);
      const v = stateOf(this.secondMoments, param);
      for (let i = 0; i < w.length; i++) {
        m[i] = this.beta1 * m[i]! + (1 - this.beta1) * g[i]!;
        v[i] = this.beta2 * v[i]! + (1 - this.beta2) * g[i]! * g[i]!;
        w[i] = w[i]! - (alpha * m[i]!) / (Math.sqrt(v[i]!) + this.epsilon);
      }
    }
  }
}
