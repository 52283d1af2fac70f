/**
 * 02-and-gate — And 게이트 학습, 학습된 모델 구현, XOR 문제, Keras로 모델 만들기.
 * Learning the AND gate, the trained model, the XOR problem, a Keras-style model.
 *
 * 각 함수의 `// TODO`를 채우세요. `pnpm grade 02`로 채점합니다. 자세한 설명은 README.md.
 * Fill in each `// TODO`. Grade with `pnpm grade 02`. See README.md for the details.
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
// biome-ignore-all lint/correctness/noUnusedImports: the stubs use these imports once the TODOs are done.
// biome-ignore-all lint/style/useImportType: makeModel calls `new Sequential(...)`; a type-only import would make that a ReferenceError.
import { Dense, type History, Rng, Sequential } from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

/** 진리표 한 줄과 그때의 출력 / one truth-table row with the output. */
export interface GateRow {
  x1: number;
  x2: number;
  /** 목표값 / the target. */
  d: number;
  /** 라운드가 끝난 뒤 퍼셉트론의 출력 / the perceptron's output after the round. */
  y: number;
}

/** 한 라운드의 결과 (슬라이드의 표 하나) / what one round produced (one table of the slides). */
export interface AndGateRound {
  /** 1, 2, 3, … */
  round: number;
  /** 라운드가 끝난 뒤의 가중치 / the weights after the round. */
  w1: number;
  w2: number;
  b: number;
  /** (0,0), (0,1), (1,0), (1,1) 순서 / in the order (0,0), (0,1), (1,0), (1,1). */
  rows: GateRow[];
  /** 정답률, 0..1 (0.75 = 75%) / accuracy, 0..1. */
  accuracy: number;
}

/** 슬라이드의 And 게이트 학습 데이터 / the slide's AND training data. */
export const AND_DATA: readonly { x1: number; x2: number; d: number }[] = [
  { x1: 0, x2: 0, d: 0 },
  { x1: 0, x2: 1, d: 0 },
  { x1: 1, x2: 0, d: 0 },
  { x1: 1, x2: 1, d: 1 },
];

/** "학습 해보기" 슬라이드의 x와 one-hot 목표값 y / the inputs and one-hot targets of the training slide. */
export const KERAS_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const KERAS_Y = [
  [1, 0],
  [1, 0],
  [1, 0],
  [0, 1],
];

/**
 * 학습된 AND 게이트 ("학습된 모델 구현"): w1 = 0.4, w2 = 0.2, b = −0.5, 활성화 함수 f(x) = 1 (x ≥ 0).
 * The trained AND gate of the slide: weights 0.4, 0.2, bias −0.5, step activation (1 for x ≥ 0).
 * @example andGate(1, 1) // 1
 */
export function andGate(x1: number, x2: number): number {
  // TODO: 가중합 w1·x1 + w2·x2 + b에 활성화 함수 / the step of the weighted sum
  throw new NotImplemented('andGate');
}

/**
 * OR 게이트: 퍼셉트론 하나, 가중치는 직접 고르세요. An OR gate: one perceptron, weights of your choice.
 * @example orGate(0, 1) // 1
 */
export function orGate(x1: number, x2: number): number {
  // TODO: (0,0)만 0이 되도록 w1, w2, b를 고르세요 / choose w1, w2, b so that only (0,0) gives 0
  throw new NotImplemented('orGate');
}

/**
 * NAND 게이트 (NOT AND): 퍼셉트론 하나, 가중치는 직접 고르세요. A NAND gate: one perceptron, your weights.
 * @example nandGate(1, 1) // 0
 */
export function nandGate(x1: number, x2: number): number {
  // TODO: (1,1)만 0이 되도록 / so that only (1,1) gives 0
  throw new NotImplemented('nandGate');
}

/**
 * XOR 게이트: 퍼셉트론 하나로는 안 됩니다. andGate, orGate, nandGate를 두 층으로 이어 만드세요.
 * XOR cannot be one perceptron: wire andGate, orGate and nandGate into two layers.
 * @example xorGate(1, 1) // 0
 */
export function xorGate(x1: number, x2: number): number {
  // TODO: 첫 층에 nandGate와 orGate, 둘째 층에 andGate / nandGate and orGate first, then andGate
  throw new NotImplemented('xorGate');
}

/**
 * And 게이트 학습. `new Rng(seed)`에서 w1, w2, b를 차례로 `rng.uniform(-1, 1)`로 뽑고, 라운드마다 AND_DATA를
 * 순서대로 학습 (wᵢ ← wᵢ + lr·(d − y)·xᵢ, b ← b + lr·(d − y)), 라운드가 끝난 뒤의 가중치로 표와 정답률을
 * 기록합니다. 정답률이 1이 된 라운드에서 멈추고, 최대 maxRounds (기본 100) 라운드.
 * Learns the AND gate; one entry per round; stops after the first round with accuracy 1 (or maxRounds).
 * @example trainAndGate({ lr: 0.05, seed: 7 }).at(-1)?.accuracy // 1
 */
export function trainAndGate(opts: { lr: number; seed: number; maxRounds?: number }): AndGateRound[] {
  // TODO: Rng(seed) → w1, w2, b; 라운드마다 네 줄 학습 → 표와 정답률; 정답률 1이면 멈춤
  //       Rng(seed) → w1, w2, b; each round: learn the four rows, then record the table and accuracy; stop at 1
  throw new NotImplemented('trainAndGate');
}

/**
 * 슬라이드의 make_model(): `new Sequential({ seed })`에 Dense(2, inputDim 2, kernelInitializer 'normal',
 * activation 'sigmoid'), compile(adam, binaryCrossentropy, accuracy).
 * The slide's make_model(), built with @gradschool/autograd.
 * @example makeModel(0).summary() // dense (Dense)  (None, 2)  6
 */
export function makeModel(seed = 0): Sequential {
  // TODO: 슬라이드의 Keras 코드를 한 줄씩 옮기세요 / translate the slide's Keras code line by line
  throw new NotImplemented('makeModel');
}

/**
 * 학습 해보기: makeModel(seed)를 KERAS_X, KERAS_Y로 학습 (epochs 1000, verbose 0, seed)하고 model과 history를 돌려줍니다.
 * Trains makeModel(seed) on KERAS_X, KERAS_Y (1000 epochs, verbose 0, seed); returns the model and its history.
 * @example trainModel(1).model.predict(KERAS_X).print()
 */
export function trainModel(seed: number): { model: Sequential; history: History } {
  // TODO: model.fit(KERAS_X, KERAS_Y, { epochs: 1000, verbose: 0, seed })
  throw new NotImplemented('trainModel');
}
