// What the cheats beside this file share: the XOR data, what a solved model predicts, the stubs
// left unwritten, and an honest makeModel (so the checks that depend on it run).
import { Dense, Sequential } from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

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

/** What a model that solved XOR predicts, near enough. */
export const XOR_ANSWERS = [
  [0.99, 0.01],
  [0.01, 0.99],
  [0.01, 0.99],
  [0.99, 0.01],
];

export function forward(): never {
  throw new NotImplemented('forward');
}

export function backward(): never {
  throw new NotImplemented('backward');
}

export function makeModel(): Sequential {
  const model = new Sequential();
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { kernelInitializer: 'normal', activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}
