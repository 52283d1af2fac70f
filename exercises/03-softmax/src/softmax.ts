/**
 * 실습 03 — One Hot Encoding, Softmax, Loss(손실)
 * Exercise 03 — One Hot Encoding, Softmax, Loss
 *
 * 각 함수의 `// TODO`를 구현하세요. 채점: `pnpm grade 03`
 * Implement each `// TODO`. Grade with `pnpm grade 03`.
 *
 * 모양(shape): "배치(batch)"는 한 행(row)이 한 샘플인 `number[][]`입니다 (Keras의 [batch, features]).
 * Shapes: a "batch" is `number[][]` with one row per sample (Keras' [batch, features]).
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
import type { Tensor } from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

/** Keras의 `epsilon()`: log 전에 예측값을 [EPSILON, 1 − EPSILON]로 자릅니다(clip). / Keras' clipping epsilon. */
export const EPSILON = 1e-7;

/** 샘플 하나의 손실 L(y, ŷ). Keras 순서: 정답(target) 먼저, 예측 나중. / One sample's loss, target first. */
export type SampleLoss = (yTrue: number[], yPred: number[]) => number;

/** 모델 f(x; W): 입력 하나 → 예측 하나 (W는 함수 안에). / A model: one input in, one prediction out. */
export type Model = (x: number[]) => number[];

/** One Hot Encoding: `oneHot(1, 2)` → `[0, 1]`, `oneHot(5, 10)` → 5번 자리만 1. */
export function oneHot(label: number, n: number): number[] {
  // TODO: 길이 n, Target(label) 자리는 1, 나머지는 0. label이 0..n-1의 정수가 아니면 RangeError.
  // TODO: length n, 1 at `label`, 0 elsewhere. Throw a RangeError unless label is an integer in 0..n-1.
  throw new NotImplemented('oneHot');
}

/** 여러 라벨의 One Hot Encoding: `oneHotBatch([0, 1], 2)` → `[[1, 0], [0, 1]]`. */
export function oneHotBatch(labels: number[], n: number): number[][] {
  // TODO: 라벨마다 oneHot. / TODO: oneHot of every label.
  throw new NotImplemented('oneHotBatch');
}

/** 가장 큰 값의 위치 (같으면 앞쪽): `argmax([0.2, 0.7, 0.1])` → `1`. */
export function argmax(x: number[]): number {
  // TODO: 가장 큰 값의 index, 동점이면 첫 번째. / TODO: index of the largest value, the first on ties.
  throw new NotImplemented('argmax');
}

/** Softmax: `softmax([1, 1, 2])` → `[0.21194156, 0.21194156, 0.57611688]`. */
export function softmax(x: number[]): number[] {
  // TODO: 출력값들의 합이 1이 되도록 정규화. [1000, 1001, 1002] 에서도 NaN이 나오면 안 됩니다.
  // TODO: normalise so the outputs sum to 1. Must stay finite for [1000, 1001, 1002].
  throw new NotImplemented('softmax');
}

/** 행(row)마다 softmax: `softmax2d([[1, 1, 2], [0, 0, 0]])`. / Softmax of every row. */
export function softmax2d(x: number[][]): number[][] {
  // TODO: 각 행에 softmax. / TODO: softmax of each row.
  throw new NotImplemented('softmax2d');
}

/** Mean Squared Error (Keras): 행마다 (y − ŷ)²의 평균, 그다음 배치 평균. */
export function meanSquaredError(yTrue: number[][], yPred: number[][]): number {
  // TODO: 슬라이드 식의 맨 앞 '−' 부호는 오타입니다 (README 참고). MSE는 항상 0 이상.
  // TODO: the slide's leading minus sign is a typo (see README). MSE is never negative.
  throw new NotImplemented('meanSquaredError');
}

/** Binary Cross Entropy (Keras): ŷ를 [ε, 1 − ε]로 clip, 행마다 평균, 그다음 배치 평균. */
export function binaryCrossentropy(yTrue: number[][], yPred: number[][]): number {
  // TODO: −[y·log ŷ + (1 − y)·log(1 − ŷ)] — ŷ가 0이나 1 이어도 유한한 값이어야 합니다 (EPSILON).
  // TODO: −[y·log ŷ + (1 − y)·log(1 − ŷ)] — finite even when ŷ is exactly 0 or 1 (EPSILON).
  throw new NotImplemented('binaryCrossentropy');
}

/** Categorical Cross Entropy (Keras): 행을 합으로 나누고, clip, 행마다 −Σ y·log ŷ, 배치 평균. */
export function categoricalCrossentropy(yTrue: number[][], yPred: number[][]): number {
  // TODO: 행마다 −Σⱼ yⱼ·log ŷⱼ (ŷ는 행의 합으로 나눈 뒤 [ε, 1 − ε]로 clip), 그 평균.
  // TODO: per row −Σⱼ yⱼ·log ŷⱼ (ŷ divided by its row sum, then clipped to [ε, 1 − ε]); their mean.
  throw new NotImplemented('categoricalCrossentropy');
}

/** Empirical Loss J(W) = (1/N) Σᵢ L(f(x⁽ⁱ⁾; W), y⁽ⁱ⁾): 전체 데이터셋에 대한 손실의 평균. */
export function empiricalLoss(f: Model, loss: SampleLoss, xs: number[][], ys: number[][]): number {
  // TODO: 샘플마다 loss(ys[i], f(xs[i]))를 구해 평균. / TODO: average loss(ys[i], f(xs[i])) over i.
  throw new NotImplemented('empiricalLoss');
}

/**
 * 엔진의 연산(`max`, `sub`, `exp`, `sum`, `div`)으로 만든 softmax (마지막 축). `backward()`가 x까지
 * 기울기를 전달해야 합니다. 엔진의 `x.softmax()`는 쓰지 마세요 — 직접 만드는 것이 이 실습입니다.
 * Softmax over the last axis from engine ops, so gradients reach `x`. Don't call `x.softmax()`.
 */
export function softmaxTensor(x: Tensor): Tensor {
  // TODO: x에서 마지막 축의 max를 빼고(keepDims), exp, 마지막 축의 sum으로 나누기.
  // TODO: subtract the max over the last axis (keepDims), exp, divide by the sum over the last axis.
  throw new NotImplemented('softmaxTensor');
}
