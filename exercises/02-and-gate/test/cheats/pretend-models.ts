// Cheat: trains nothing. trainModel hands back a plain object that answers like the trained AND
// model: fixed predictions, countParams 6, a made-up loss history, hand-set weights that compute AND,
// and the slide's settings (a real Dense layer, a real Adam) where a probe would look. makeModel is
// honest, so the model checks do run.
import { Adam, Dense } from '@gradschool/autograd';
import { AND_ANSWERS } from './common.js';

export { andGate, KERAS_X, KERAS_Y, makeModel, nandGate, orGate, trainAndGate, xorGate } from './common.js';

/** Output 0 is NAND-like (−20·x1 − 20·x2 + 30), output 1 is AND (20·x1 + 20·x2 − 30). */
const AND_WEIGHTS = [
  { shape: [2, 2], data: Float64Array.from([-20, 20, -20, 20]) },
  { shape: [2], data: Float64Array.from([30, -30]) },
];

export function trainModel(seed: number) {
  const model = {
    layers: [new Dense(2, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' })],
    compiled: { optimizer: new Adam(), lossSpec: 'binaryCrossentropy', metrics: ['accuracy'] },
    predict: () => ({ toArray: () => AND_ANSWERS }),
    countParams: () => 6,
    getWeights: () => AND_WEIGHTS,
  };
  const loss = Array.from({ length: 1000 }, (_, k) => 0.7 * Math.exp(-k / 300));
  return { model, history: { epoch: [], history: { loss }, loss, seed } };
}
