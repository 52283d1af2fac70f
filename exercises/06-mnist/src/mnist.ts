/**
 * 실습 06 — MNIST 손글씨 인식 (MLP)
 * Exercise 06 — handwritten digits (MNIST) with the MLP
 *
 * 각 함수의 `// TODO`를 위에서부터 순서대로 구현하세요. 채점: `pnpm grade 06`
 * Implement each `// TODO`, top to bottom. Grade with `pnpm grade 06`.
 *
 * 데이터는 바이트로 옵니다 / the data arrives as bytes: `images`는 이미지 count장 × 28행 × 28열의
 * 밝기 0~255 (0 = 배경, 255 = 잉크), 이미지 다음 이미지, 행 다음 행 / `count · 28 · 28` grey levels,
 * image after image, row after row; `labels`는 이미지마다 숫자 하나 (0~9) / one digit per image.
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
// makeModel과 train을 시작할 때 아래의 `import type` 줄을 이것으로 바꾸세요 / for makeModel and train,
// replace the `import type` line below with:
//   import { Dense, type History, Sequential, tensor } from '@gradschool/autograd';
import type { History, Sequential } from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

/** 숫자 이미지 묶음 (바이트). / A set of digit images as bytes: `images.length === labels.length · 28 · 28`. */
export interface Digits {
  images: Uint8Array;
  labels: Uint8Array;
  /** `[count, 28, 28, 1]`: 이미지, 행, 열, 채널 / image, row, column, channel. */
  shape: [number, number, number, number];
}

/** 틀린 예 하나 / one misclassified image: 위치, 정답, 예측, 확신 (예측한 숫자의 확률). */
export interface WorstExample {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
}

/** 바이트 0~255를 0~1의 숫자로 (÷ 255). / Bytes 0–255 as numbers 0–1 (÷ 255). */
export function normalize(bytes: Uint8Array): number[] {
  // TODO: 바이트마다 b / 255, 평범한 number[]로 / each byte b as b / 255, in a plain number[]
  throw new NotImplemented('normalize');
}

/**
 * 이미지(행 × 열)마다 행 × 열개의 숫자 한 줄로, 행 다음 행 순서 (Keras의 Flatten, reshape(60000, 784)).
 * Each image (rows × columns) as one row of rows · columns numbers, row after row (Keras's Flatten).
 */
export function flattenImages(images: number[][][]): number[][] {
  // TODO: [[a, b], [c, d]] → [a, b, c, d]: 첫 행, 그다음 행 / the first row, then the next
  throw new NotImplemented('flattenImages');
}

/** 레이블마다 classes개의 숫자 한 줄, 레이블 자리만 1: 1 → [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]. */
export function oneHot(labels: ArrayLike<number>, classes = 10): number[][] {
  // TODO: 슬라이드 "출력 - One Hot Encoding" / the slide "One Hot Encoding"; 자리는 0부터 / places count from 0
  throw new NotImplemented('oneHot');
}

/** 입력 784 → Dense(128, relu) → Dense(10, softmax) (compile은 train에서). / The MLP, not compiled yet. */
export function makeModel(): Sequential {
  // TODO: new Sequential(), Dense(128, { inputShape: [784], activation: 'relu' }), Dense(10, softmax)
  //       (README의 범위 안에서 바꿔도 됩니다 / you may change it within the README's limits)
  throw new NotImplemented('makeModel');
}

/** model을 compile하고 train 이미지로 학습, History를 반환. / Compile `model`, train it, return the History. */
export function train(model: Sequential, train: Digits, seed: number): History {
  // TODO: x = 이미지마다 784개 한 행, 0~1 / one row of 784 numbers 0–1 per image:
  //         tensor(Float64Array.from(normalize(train.images)), { shape: [count, 784] })
  //       y = tensor(oneHot(train.labels))
  //       model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] })
  //       model.fit(x, y, { epochs: 4, batchSize: 32, seed, verbose: 0 }) — Epoch는 5 이하 / at most 5
  throw new NotImplemented('train');
}

/** matrix[t][p]: 정답이 t인 이미지를 p로 예측한 수 (10 × 10). / How many of true class t were predicted p. */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  classes = 10,
): number[][] {
  // TODO: 0으로 채운 classes × classes 행렬, 그다음 i마다 matrix[yTrue[i]][yPred[i]] += 1
  //       a classes × classes matrix of zeros, then matrix[yTrue[i]][yPred[i]] += 1 for every i
  throw new NotImplemented('confusionMatrix');
}

/**
 * 틀린 이미지 중 모델이 가장 자신 있었던 k개, 확신이 큰 순서로 (같으면 index가 작은 것 먼저).
 * The k misclassified images the model was surest of, surest first (ties: the lower index first).
 */
export function worstExamples(
  probabilities: number[][],
  labels: ArrayLike<number>,
  k: number,
): WorstExample[] {
  // TODO: 행마다 예측 = 가장 큰 확률의 숫자, confidence = 그 확률; 예측 ≠ 정답인 것만 모아 정렬, 앞의 k개
  //       per row: predicted = the digit of the largest probability, confidence = that probability;
  //       keep the rows where predicted ≠ label, sort, take the first k
  throw new NotImplemented('worstExamples');
}
