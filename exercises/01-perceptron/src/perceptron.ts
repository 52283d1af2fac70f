/**
 * 01-perceptron — 뉴런, 활성화 함수, Perceptron 모델, Weight 학습, Random.
 * Neurons, the activation function, the perceptron, learning the weights, randomness.
 *
 * 각 함수의 `// TODO`를 채우세요. `pnpm grade 01`로 채점합니다. 자세한 설명은 README.md.
 * Fill in each `// TODO`. Grade with `pnpm grade 01`. See README.md for the details.
 *
 * TypeScript가 처음이면 README의 "TypeScript 처음이라면"부터: 배열의 `x[i]`는 `number | undefined`라서
 * `x[i]!`나 `x[i] ?? 0`으로 읽습니다. / New to TypeScript? See "New to TypeScript?" in the README:
 * `x[i]` is `number | undefined`, so read it as `x[i]!` or `x[i] ?? 0`.
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
import { NotImplemented } from '@gradschool/exercise-kit';

/** 입력 벡터 또는 가중치 벡터 / an input or weight vector. */
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
  /** 라운드마다, 라운드가 끝난 뒤 잰 정답률 (0..1) / the accuracy after each round (0..1). */
  accuracy: number[];
}

/**
 * 활성화 함수 (계단 함수): f(x) = 1 (x >= 0), 0 (x < 0).
 * The step activation: 1 when x >= 0, else 0.
 * @example step(0) // 1
 */
export function step(x: number): number {
  // TODO: x가 0 이상이면 1, 아니면 0 / 1 when x >= 0, otherwise 0
  throw new NotImplemented('step');
}

/**
 * 가중합: w₀x₀ + w₁x₁ + … + b. b는 항상 1인 입력에 곱해지는 가중치입니다.
 * The weighted sum Σ wᵢxᵢ + b; b is the weight of an input that is always 1.
 * @example weightedSum([1, 1], [0.4, 0.2], -0.5) // 0.1 (부동소수점 오차 안에서 / up to rounding)
 */
export function weightedSum(x: Vector, w: Vector, b: number): number {
  // TODO: 각 입력과 가중치를 곱해 더하고 b를 더하세요 / multiply each input by its weight, add them up, add b
  throw new NotImplemented('weightedSum');
}

/**
 * 퍼셉트론의 출력 y = f(가중합). The perceptron's output y = step(weighted sum).
 * @example perceptron([1, 1], [0.4, 0.2], -0.5) // 1
 */
export function perceptron(x: Vector, w: Vector, b: number): number {
  // TODO: step과 weightedSum을 쓰세요 / use step and weightedSum
  throw new NotImplemented('perceptron');
}

/**
 * 균등분포 U(lo, hi)에서 수 하나. rng()는 [0, 1)의 균등난수이고, 정확히 한 번 부릅니다.
 * One sample of the uniform distribution on [lo, hi); calls rng() exactly once.
 * @example uniform(() => 0.5, -1, 1) // 0
 */
export function uniform(rng: () => number, lo: number, hi: number): number {
  // TODO: [0, 1)을 [lo, hi)로 늘리고 옮기세요 / stretch and shift [0, 1) onto [lo, hi)
  throw new NotImplemented('uniform');
}

/**
 * 정규분포 N(mean, std²)에서 수 하나 (Box–Muller 변환). rng()는 몇 번 불러도 됩니다.
 * One sample of the normal distribution N(mean, std²), e.g. by the Box–Muller transform.
 * @example normal(rng, 0, 1) // 평균 0, 표준편차 1 / mean 0, standard deviation 1
 */
export function normal(rng: () => number, mean: number, std: number): number {
  // TODO: z = √(−2 ln u₁) · cos(2π u₂), 그리고 mean + std · z / then mean + std · z
  throw new NotImplemented('normal');
}

/**
 * 가중치 초기값: -1 ~ 1 사이 랜덤. w₀, w₁, …, w_{n−1}, 그다음 b 순서로 uniform(rng, -1, 1).
 * Initial weights, random in [-1, 1): w₀ … w_{n−1}, then b, each uniform(rng, -1, 1), in that order.
 * @example initWeights(2, rng) // { w: [0.25, -0.7], b: 0.1 } (rng에 따라 다름 / depends on rng)
 */
export function initWeights(n: number, rng: () => number): Weights {
  // TODO: uniform을 n + 1번, 정해진 순서로 / call uniform n + 1 times, in the documented order
  throw new NotImplemented('initWeights');
}

/**
 * 가중치 갱신 한 번 (퍼셉트론 학습 규칙): y = perceptron(x, w, b), 그리고
 * wᵢ ← wᵢ + η(d − y)·xᵢ, b ← b + η(d − y). 새 Weights를 돌려줍니다.
 * One update by the perceptron rule; returns the new weights.
 * @example trainStep({ w: [0, 0], b: 0 }, [1, 1], 0, 0.05) // { w: [-0.05, -0.05], b: -0.05 }
 */
export function trainStep(weights: Weights, x: Vector, d: number, lr: number): Weights {
  // TODO: 출력 y를 구하고, 오차 (d − y)에 학습률과 입력을 곱해 더하세요
  //       compute y, then add learning rate × (d − y) × input to each weight (× 1 for b)
  throw new NotImplemented('trainStep');
}

/**
 * 한 라운드 (Epoch): 학습 데이터를 순서대로 한 번씩 trainStep. 샘플마다 갱신된 가중치를 모은 배열.
 * One round (epoch): trainStep on every sample in order; returns the weights after each sample.
 * @example trainRound(weights, andData, 0.05).length // 4
 */
export function trainRound(weights: Weights, data: readonly Sample[], lr: number): Weights[] {
  // TODO: 앞 샘플의 결과로 다음 샘플을 학습하세요 / each step starts from the previous step's weights
  throw new NotImplemented('trainRound');
}

/**
 * 정답률: 퍼셉트론의 출력이 목표값 d와 같은 샘플의 비율, 0 ~ 1.
 * Accuracy: the fraction of samples whose output equals the target d, in 0..1.
 * @example accuracy(weights, andData) // 0.75 (= 75%)
 */
export function accuracy(weights: Weights, data: readonly Sample[]): number {
  // TODO: 맞힌 샘플 수 / 전체 샘플 수 / correct samples / all samples
  throw new NotImplemented('accuracy');
}

/**
 * 학습: initWeights(입력 크기, rng)로 시작해 epochs 라운드. 라운드가 끝날 때마다 정답률을 기록합니다.
 * Training: initWeights(input size, rng), then `epochs` rounds; records the accuracy after each round.
 * @example train(andData, { lr: 0.05, epochs: 50, rng }).accuracy.at(-1) // 1
 */
export function train(
  data: readonly Sample[],
  opts: { lr: number; epochs: number; rng: () => number },
): TrainResult {
  // TODO: initWeights → (trainRound → accuracy) × epochs
  throw new NotImplemented('train');
}
