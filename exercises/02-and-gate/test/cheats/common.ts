// What the cheats beside this file share: the slide's data, the stubs left unwritten, and an honest
// makeModel (so the model checks do run and only the training checks are under attack).
import { Dense, Sequential } from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

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
/** What a trained AND model predicts, near enough. */
export const AND_ANSWERS = [
  [0.99, 0.01],
  [0.99, 0.01],
  [0.99, 0.01],
  [0.01, 0.99],
];

export function andGate(): never {
  throw new NotImplemented('andGate');
}
export function orGate(): never {
  throw new NotImplemented('orGate');
}
export function nandGate(): never {
  throw new NotImplemented('nandGate');
}
export function xorGate(): never {
  throw new NotImplemented('xorGate');
}
export function trainAndGate(): never {
  throw new NotImplemented('trainAndGate');
}

export function makeModel(seed = 0): Sequential {
  const model = new Sequential({ seed });
  model.add(new Dense(2, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}
