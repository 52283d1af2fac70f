// A cheat: the model is built and compiled as asked but never trained, and `train` returns a
// History that claims 99.9% (made up). The judge measures the weights, not the claim.
import type { History, Sequential } from '@gradschool/autograd';
import { honestModel } from './common.js';

export { confusionMatrix, flattenImages, normalize, oneHot, worstExamples } from './common.js';

export const makeModel = honestModel;

export function train(model: Sequential): History {
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const loss = [0.3, 0.05, 0.01];
  const accuracy = [0.9, 0.99, 0.999];
  return { epoch: [0, 1, 2], history: { loss, accuracy }, loss, accuracy };
}
