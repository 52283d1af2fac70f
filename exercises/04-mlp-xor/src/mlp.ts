/**
 * 실습 04 — XOR 문제, MLP 구조, Back Propagation, Gradient Vanishing
 * Exercise 04 — the XOR problem, the MLP's structure, back propagation, gradient vanishing
 *
 * 각 함수의 `// TODO`를 구현하세요. 채점: `pnpm grade 04`
 * Implement each `// TODO`. Grade with `pnpm grade 04`.
 *
 * 모양(shape), 슬라이드 'MLP 구조'의 표기 그대로 (hidden = 은닉층 노드 수):
 * Shapes, in the MLP-structure slides' notation (hidden = number of hidden nodes):
 *   x: [input]   W1: [hidden][input]  (j번째 행 = n_j로 들어가는 w₁ⱼ, w₂ⱼ / row j = weights into n_j)
 *   B1: [hidden]   N = sigmoid(W1·x + B1): [hidden]
 *   W2: [hidden][output] (k번째 열 = 출력 k로 들어가는 weight / column k = weights into output k)
 *   B2: [output]   y = softmax(W2ᵀ·N + B2): [output]
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
// 엔진 부분을 시작할 때 아래의 `import type` 줄을 이것으로 바꾸세요 / for the engine part, replace the
// `import type` line below with:
//   import { categoricalCrossentropy, Dense, type History, Rng, randomUniform, Sequential, setSeed, tensor }
//     from '@gradschool/autograd';
import type { History, Sequential } from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

/** 2층 MLP의 파라미터 (또는 같은 모양의 기울기). / The MLP's parameters (or their gradients). */
export interface MlpParams {
  W1: number[][];
  B1: number[];
  W2: number[][];
  B2: number[];
}

/** `forward`의 결과: 은닉층 출력 N과 출력 y. / The hidden layer's outputs N and the output y. */
export interface ForwardResult {
  n: number[];
  y: number[];
}

/** XOR 입력과 One-hot 목표값 (0 → [1, 0], 1 → [0, 1]), 슬라이드 그대로. / XOR data, as on the slide. */
export const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

/** 순전파: N = sigmoid(W1·x + B1), y = softmax(W2ᵀ·N + B2). / Forward pass. */
export function forward(params: MlpParams, x: number[]): ForwardResult {
  // TODO: n_j = sigmoid(Σᵢ W1[j][i]·x[i] + B1[j]),  y = softmax(z), z_k = Σⱼ W2[j][k]·n_j + B2[k]
  // TODO: as above. Mind which index of W1 and W2 is which (see the shapes at the top).
  throw new NotImplemented('forward');
}

/**
 * 오차 역전파: 한 샘플의 L = −Σₖ targetₖ·log yₖ에 대한 모든 기울기 (params와 같은 모양).
 * Back propagation of L = −Σₖ targetₖ·log yₖ: every gradient, in the same shapes as `params`.
 */
export function backward(params: MlpParams, x: number[], target: number[]): MlpParams {
  // TODO: 출력층부터 거꾸로: ∂L/∂z₂ → W2, B2 → ∂L/∂N → sigmoid 미분 → W1, B1
  // TODO: from the output back: ∂L/∂z₂ → W2, B2 → ∂L/∂N → through the sigmoid → W1, B1
  throw new NotImplemented('backward');
}

/** 슬라이드 '모델 구현'의 모델 (compile까지). / The slide's model, compiled. */
export function makeModel(): Sequential {
  // TODO: Sequential + Dense(5, inputDim 2, 'normal', sigmoid) + Dense(2, 'normal', softmax),
  //       summary, compile(adam, categorical cross-entropy, accuracy)
  // TODO: exactly the slide's make_model(), in TypeScript.
  throw new NotImplemented('makeModel');
}

/** 학습된 모델과 학습 기록. / A trained model and its history. */
export interface TrainResult {
  model: Sequential;
  history: History;
}

/** `seed`로 makeModel()을 XOR에 학습: 정답률 1.0까지. / Train on XOR until accuracy 1.0. */
export function trainXor(seed: number): TrainResult {
  // TODO: setSeed(seed), makeModel(), fit(XOR_X, XOR_Y, { epochs, verbose: 0 }) — Epoch는 3000 이상 5000 이하!
  //       (슬라이드의 1000으로는 seed에 따라 다 못 맞힙니다 / the slide's 1000 falls short for some seeds)
  // TODO: setSeed(seed), makeModel(), fit(...) with 3000 to 5000 epochs.
  throw new NotImplemented('trainXor');
}

/** 은닉층 없이 Dense 층 하나로 XOR을 학습한 모델과 정답률. / One Dense layer on XOR, and its accuracy. */
export function singleLayerAccuracy(seed: number): TrainResult & { accuracy: number } {
  // TODO: setSeed(seed), Dense(2, inputDim 2, softmax) 하나만, adam + categorical cross-entropy, 1000~5000 Epoch.
  // TODO: setSeed(seed), a single Dense(2, inputDim 2, softmax), adam + categorical cross-entropy, 1000-5000 epochs.
  // accuracy: 학습이 끝난 뒤 model.evaluate(XOR_X, XOR_Y).accuracy / the trained model's accuracy.
  throw new NotImplemented('singleLayerAccuracy');
}

/**
 * Gradient Vanishing: 입력(2) → `depth`개의 은닉층(16 노드, `activation`) → Dense(2, softmax).
 * kernel은 `new Rng(seed)`에서 층 순서대로 He-uniform (±√(6 / fanIn)), bias 없음. XOR 배치의
 * categorical cross-entropy로 순전파·역전파 한 번, 첫 번째 층 kernel 기울기의 L2 norm을 반환.
 * Gradient vanishing: input(2) → `depth` hidden layers of 16 units → Dense(2, softmax); He-uniform
 * kernels from `new Rng(seed)`, no bias; one forward/backward pass of the categorical cross-entropy
 * on the XOR batch; return the L2 norm of the FIRST layer's kernel gradient.
 */
export function firstLayerGradNorm(activation: 'sigmoid' | 'relu', depth: number, seed: number): number {
  // TODO: randomUniform, matmul, sigmoid()/relu(), softmax(), categoricalCrossentropy, backward()
  // TODO: build it with the engine's tensor ops, then read the first kernel's .grad.
  throw new NotImplemented('firstLayerGradNorm');
}
