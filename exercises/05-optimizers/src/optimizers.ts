/**
 * 연습 05 — 강의 "Optimization" 표의 여섯 가지 최적화 함수(optimizer).
 * Exercise 05 — the six optimizers of the lecture's "Optimization" tables.
 *
 * 각 클래스는 엔진의 `Optimizer` 인터페이스를 따릅니다: `step(params)`는 파라미터마다
 * `param.grad.data`(기울기)로 `param.data`(가중치)를 제자리에서 고치고, 상태(속도, 누적값, 모멘트)를
 * 파라미터마다 따로 기억합니다. 식은 Keras 3, 기본값은 슬라이드를 따릅니다 (README 참고).
 *
 * Every class satisfies the engine's `Optimizer` interface: `step(params)` updates each parameter's
 * `data` in place from its `grad.data`, keeping its state per parameter. Keras 3's formulas, the
 * slides' defaults (see the README).
 *
 * 생성자는 이미 완성되어 있습니다. `step`만 채우세요. / The constructors are done: fill in `step`.
 * 채점 / grading: `pnpm grade 05` (저장할 때마다 / on every save: `pnpm grade --watch 05`).
 *
 * 반복문 모양 / the loop's shape (`!`: "이 위치에 값이 반드시 있다" — "there is a value here"):
 * ```ts
 * for (const param of params) {
 *   if (param.grad === null) continue;        // 기울기가 없는 파라미터는 건너뜀 / skip, as Keras does
 *   const w = param.data;
 *   const g = param.grad.data;
 *   for (let i = 0; i < w.length; i++) {
 *     // w[i]!, g[i]!로 읽고 w[i] = ...로 씁니다 / read w[i]! and g[i]!, write w[i] = ...
 *   }
 * }
 * ```
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
// biome-ignore-all lint/correctness/noUnusedPrivateClassMembers: the state maps are used once the TODOs are done.
import type { Optimizer, Tensor } from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

/**
 * `store`에 있는 `param`의 상태 배열. 처음 부르면 `initial`로 채운 새 배열을 만듭니다 (파라미터마다 하나).
 * The state array of `param` in `store`, created on first use filled with `initial` (one per parameter).
 *
 * @example
 * ```ts
 * const v = stateOf(this.velocities, param); // 처음엔 0 / zeros at first
 * ```
 */
export function stateOf(store: Map<Tensor, Float64Array>, param: Tensor, initial = 0): Float64Array {
  let state = store.get(param);
  if (state === undefined) {
    state = new Float64Array(param.data.length).fill(initial);
    store.set(param, state);
  }
  return state;
}

/** 확률적 경사 하강법 (SGD): w ← w − η·g. 슬라이드 / slide: `SGD(lr=0.1)`. */
export class SGD implements Optimizer {
  learningRate: number;

  constructor(options: { learningRate?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.1;
  }

  step(params: readonly Tensor[]): void {
    // TODO: 모든 파라미터에 w ← w − η·g (η = this.learningRate).
    // TODO: for every parameter, w ← w − η·g (η = this.learningRate).
    throw new NotImplemented('SGD.step');
  }
}

/** 모멘텀 (Momentum): v ← μ·v − η·g; w ← w + v. 슬라이드 / slide: `SGD(lr=0.1, momentum=0.9)`. */
export class Momentum implements Optimizer {
  learningRate: number;
  momentum: number;
  /** 파라미터마다의 속도 v (처음엔 0). / Each parameter's velocity v (zeros at first). */
  private readonly velocities = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; momentum?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.1;
    this.momentum = options.momentum ?? 0.9;
  }

  step(params: readonly Tensor[]): void {
    // TODO: v = stateOf(this.velocities, param); v ← μ·v − η·g; w ← w + v (μ = this.momentum).
    // TODO: v = stateOf(this.velocities, param); v ← μ·v − η·g; w ← w + v (μ = this.momentum).
    throw new NotImplemented('Momentum.step');
  }
}

/**
 * 네스테로프 모멘텀 (NAG): v ← μ·v − η·g; w ← w + μ·v − η·g (새 v로).
 * Nesterov momentum (NAG): v ← μ·v − η·g; w ← w + μ·v − η·g (with the new v).
 * 슬라이드 / slide: `SGD(lr=0.1, momentum=0.9, nesterov=True)`.
 */
export class Nesterov implements Optimizer {
  learningRate: number;
  momentum: number;
  /** 파라미터마다의 속도 v (처음엔 0). / Each parameter's velocity v (zeros at first). */
  private readonly velocities = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; momentum?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.1;
    this.momentum = options.momentum ?? 0.9;
  }

  step(params: readonly Tensor[]): void {
    // TODO: 모멘텀처럼 v를 고친 뒤, 한 걸음 더 내다본 w ← w + μ·v − η·g.
    // TODO: update v as momentum does, then look one step ahead: w ← w + μ·v − η·g.
    throw new NotImplemented('Nesterov.step');
  }
}

/**
 * 아다그라드 (Adagrad): a ← a + g²; w ← w − η·g / √(a + ε). 누적값 a는 0.1에서 시작 (Keras 3).
 * Adagrad: a ← a + g²; w ← w − η·g / √(a + ε), the accumulator a starting at 0.1 (Keras 3).
 * 슬라이드 / slide: `Adagrad(lr=0.01, epsilon=1e-6)`.
 */
export class Adagrad implements Optimizer {
  learningRate: number;
  epsilon: number;
  initialAccumulatorValue: number;
  /** 파라미터마다의 누적값 a. / Each parameter's accumulator a. */
  private readonly accumulators = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; epsilon?: number; initialAccumulatorValue?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.01;
    this.epsilon = options.epsilon ?? 1e-6;
    this.initialAccumulatorValue = options.initialAccumulatorValue ?? 0.1;
  }

  step(params: readonly Tensor[]): void {
    // TODO: a = stateOf(this.accumulators, param, this.initialAccumulatorValue); a ← a + g²;
    //       w ← w − η·g / √(a + ε)   (ε는 제곱근 안에 / ε inside the square root).
    throw new NotImplemented('Adagrad.step');
  }
}

/**
 * 알엠에스프롭 (RMSprop): s ← ρ·s + (1 − ρ)·g²; w ← w − η·g / √(s + ε).
 * 슬라이드 / slide: `RMSprop(lr=0.001, rho=0.9, epsilon=1e-08)`.
 */
export class RMSprop implements Optimizer {
  learningRate: number;
  rho: number;
  epsilon: number;
  /** 파라미터마다 g²의 이동 평균 s (처음엔 0). / Each parameter's moving average s of g² (zeros at first). */
  private readonly averages = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; rho?: number; epsilon?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.001;
    this.rho = options.rho ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  step(params: readonly Tensor[]): void {
    // TODO: s ← ρ·s + (1 − ρ)·g²; w ← w − η·g / √(s + ε).
    throw new NotImplemented('RMSprop.step');
  }
}

/**
 * 아담 (Adam): m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²; α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ);
 * w ← w − α·m / (√v + ε). t는 `step` 호출 횟수 (1, 2, ...). / t counts calls of `step` (1, 2, ...).
 * 슬라이드 / slide: `Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-08)`.
 */
export class Adam implements Optimizer {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 지금까지의 `step` 호출 횟수. / How many times `step` has run. */
  private iterations = 0;
  /** 파라미터마다의 1차 모멘트 m. / Each parameter's first moment m. */
  private readonly firstMoments = new Map<Tensor, Float64Array>();
  /** 파라미터마다의 2차 모멘트 v. / Each parameter's second moment v. */
  private readonly secondMoments = new Map<Tensor, Float64Array>();

  constructor(options: { learningRate?: number; beta1?: number; beta2?: number; epsilon?: number } = {}) {
    this.learningRate = options.learningRate ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  step(params: readonly Tensor[]): void {
    // TODO: t를 (파라미터마다가 아니라) step마다 한 번 올리고, α를 구한 뒤 파라미터마다 m, v, w를 고칩니다.
    // TODO: increase t once per step (not per parameter), compute α, then update m, v and w per parameter.
    throw new NotImplemented('Adam.step');
  }
}
