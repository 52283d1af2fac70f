// Mutant: uniform draws from Math.random() instead of the rng it is given (the grader cannot replay it).
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: ignoring rng is the mistake this mutant makes.
/**
 * 01-perceptron — reference solution.
 * 강의 3강 "Perceptron 모델", "Weight 학습", "Random", "And 게이트 학습" 슬라이드.
 */

/** 입력 벡터, 가중치 벡터 / an input or weight vector. */
export type Vector = readonly number[];

/** 가중치 W와 bias 가중치 b / the weights W and the bias weight b. */
export interface Weights {
  w: number[];
  b: number;
}

/** 학습 데이터 한 줄: 입력 x와 목표값 d / one training sample: input x and target d. */
export interface Sample {
  x: Vector;
  d: number;
}

/** `train`의 결과 / what `train` returns. */
export interface TrainResult {
  /** 마지막 라운드가 끝난 뒤의 가중치 / the weights after the last round. */
  weights: Weights;
  /** 라운드마다 (라운드가 끝난 뒤) 정답률, 0..1 / accuracy after each round, in 0..1. */
  accuracy: number[];
}

/** 활성화 함수 (step): f(x) = 1 (x >= 0), 0 (x < 0). */
export function step(x: number): number {
  return x >= 0 ? 1 : 0;
}

/** 가중합: Σ w_i·x_i + b (b는 입력 1에 곱해지는 가중치). */
export function weightedSum(x: Vector, w: Vector, b: number): number {
  let sum = b;
  for (let i = 0; i < x.length; i++) sum += (w[i] ?? 0) * (x[i] ?? 0);
  return sum;
}

/** 퍼셉트론의 출력: y = f(가중합). */
export function perceptron(x: Vector, w: Vector, b: number): number {
  return step(weightedSum(x, w, b));
}

/** [lo, hi) 균등분포에서 하나: rng()를 정확히 한 번 부릅니다. */
export function uniform(rng: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * Math.random();
}

/** 정규분포 N(mean, std²)에서 하나 (Box–Muller): rng()를 두 번 부릅니다. */
export function normal(rng: () => number, mean: number, std: number): number {
  // 1 - rng() lies in (0, 1], so the logarithm stays finite even when rng() returns 0.
  const u1 = 1 - rng();
  const u2 = rng();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return mean + std * z;
}

/** 가중치 초기값: w_0 … w_{n-1}, 그다음 b, 모두 -1 ~ 1 사이 랜덤 (그 순서로 rng를 씁니다). */
export function initWeights(n: number, rng: () => number): Weights {
  const w: number[] = [];
  for (let i = 0; i < n; i++) w.push(uniform(rng, -1, 1));
  const b = uniform(rng, -1, 1);
  return { w, b };
}

/** 퍼셉트론 학습 규칙 한 번: w_i ← w_i + η(d − y)·x_i, b ← b + η(d − y). 새 가중치를 돌려줍니다. */
export function trainStep(weights: Weights, x: Vector, d: number, lr: number): Weights {
  const y = perceptron(x, weights.w, weights.b);
  const delta = lr * (d - y);
  return {
    w: weights.w.map((wi, i) => wi + delta * (x[i] ?? 0)),
    b: weights.b + delta,
  };
}

/** 한 라운드 (Epoch): 데이터 순서대로 trainStep. 각 샘플 뒤의 가중치 목록을 돌려줍니다. */
export function trainRound(weights: Weights, data: readonly Sample[], lr: number): Weights[] {
  const trajectory: Weights[] = [];
  let current = weights;
  for (const { x, d } of data) {
    current = trainStep(current, x, d, lr);
    trajectory.push(current);
  }
  return trajectory;
}

/** 정답률: 출력 y가 목표값 d와 같은 샘플의 비율 (0..1). */
export function accuracy(weights: Weights, data: readonly Sample[]): number {
  let correct = 0;
  for (const { x, d } of data) if (perceptron(x, weights.w, weights.b) === d) correct++;
  return correct / data.length;
}

/** 학습: initWeights(입력 크기, rng) 뒤 epochs 라운드. 라운드가 끝날 때마다 정답률을 잽니다. */
export function train(
  data: readonly Sample[],
  opts: { lr: number; epochs: number; rng: () => number },
): TrainResult {
  let weights = initWeights(data[0]?.x.length ?? 0, opts.rng);
  const history: number[] = [];
  for (let round = 0; round < opts.epochs; round++) {
    weights = trainRound(weights, data, opts.lr).at(-1) ?? weights;
    history.push(accuracy(weights, data));
  }
  return { weights, accuracy: history };
}
