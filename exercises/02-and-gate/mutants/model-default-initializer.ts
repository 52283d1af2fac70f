// Mutant: makeModel leaves out kernelInitializer: 'normal' (Keras' default glorotUniform instead)
/**
 * 02-and-gate — a mutant of the reference solution (the checks must catch it).
 * 강의 3강 "And 게이트 학습", "학습된 모델 구현", "XOR 문제", "TensorFlow – Keras 로 모델 만들기", "학습 해보기".
 */
import { Dense, type History, Rng, Sequential } from '@gradschool/autograd';

/** 진리표 한 줄과 그때의 출력 / one truth-table row with the output. */
export interface GateRow {
  x1: number;
  x2: number;
  /** 목표값 / the target. */
  d: number;
  /** 라운드가 끝난 뒤 퍼셉트론의 출력 / the perceptron's output after the round. */
  y: number;
}

/** 한 라운드의 결과 / what one round produced. */
export interface AndGateRound {
  /** 1, 2, 3, … */
  round: number;
  /** 라운드가 끝난 뒤의 가중치 / the weights after the round. */
  w1: number;
  w2: number;
  b: number;
  /** (0,0), (0,1), (1,0), (1,1) 순서 / in the order (0,0), (0,1), (1,0), (1,1). */
  rows: GateRow[];
  /** 정답률, 0..1 / accuracy, 0..1. */
  accuracy: number;
}

/** 슬라이드의 And 게이트 학습 데이터 / the slide's AND training data. */
export const AND_DATA: readonly { x1: number; x2: number; d: number }[] = [
  { x1: 0, x2: 0, d: 0 },
  { x1: 0, x2: 1, d: 0 },
  { x1: 1, x2: 0, d: 0 },
  { x1: 1, x2: 1, d: 1 },
];

/** 입력과 슬라이드의 one-hot 목표값 / the inputs and the slide's one-hot targets. */
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

const step = (x: number): number => (x >= 0 ? 1 : 0);

/** 학습된 AND 게이트: w1 = 0.4, w2 = 0.2, b = −0.5. */
export function andGate(x1: number, x2: number): number {
  return step(0.4 * x1 + 0.2 * x2 - 0.5);
}

/** OR 게이트: 가중치는 직접 고릅니다 / weights of your choice. */
export function orGate(x1: number, x2: number): number {
  return step(0.5 * x1 + 0.5 * x2 - 0.2);
}

/** NAND 게이트: AND의 부호를 뒤집은 가중치 / AND's weights, negated. */
export function nandGate(x1: number, x2: number): number {
  return step(-0.4 * x1 - 0.2 * x2 + 0.5);
}

/** XOR = AND(NAND, OR): 퍼셉트론 세 개, 두 층 / three perceptrons in two layers. */
export function xorGate(x1: number, x2: number): number {
  return andGate(nandGate(x1, x2), orGate(x1, x2));
}

/**
 * And 게이트 학습: Rng(seed)로 w1, w2, b를 차례로 uniform(-1, 1); 라운드마다 네 줄을 순서대로 학습하고,
 * 라운드가 끝난 뒤의 출력과 정답률을 기록; 정답률이 1이 된 라운드에서 멈춤 (최대 maxRounds).
 */
export function trainAndGate(opts: { lr: number; seed: number; maxRounds?: number }): AndGateRound[] {
  const rng = new Rng(opts.seed);
  let w1 = rng.uniform(-1, 1);
  let w2 = rng.uniform(-1, 1);
  let b = rng.uniform(-1, 1);
  const rounds: AndGateRound[] = [];
  for (let round = 1; round <= (opts.maxRounds ?? 100); round++) {
    for (const { x1, x2, d } of AND_DATA) {
      const y = step(w1 * x1 + w2 * x2 + b);
      const delta = opts.lr * (d - y);
      w1 += delta * x1;
      w2 += delta * x2;
      b += delta;
    }
    const rows = AND_DATA.map(({ x1, x2, d }) => ({ x1, x2, d, y: step(w1 * x1 + w2 * x2 + b) }));
    const accuracy = rows.filter((r) => r.y === r.d).length / rows.length;
    rounds.push({ round, w1, w2, b, rows, accuracy });
    if (accuracy === 1) break;
  }
  return rounds;
}

/** 슬라이드의 make_model(): Dense(2, input_dim=2, 'normal', sigmoid), adam, binary_crossentropy. */
export function makeModel(seed = 0): Sequential {
  const model = new Sequential({ seed });
  model.add(new Dense(2, { inputDim: 2, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** 학습 해보기: makeModel(seed)를 슬라이드의 x, y로 1000 Epoch 학습. */
export function trainModel(seed: number): { model: Sequential; history: History } {
  const model = makeModel(seed);
  const history = model.fit(KERAS_X, KERAS_Y, { epochs: 1000, verbose: 0, seed });
  return { model, history };
}
