// Cheat: six honest optimizers (the Keras 3 formulas, so every trajectory check passes), except that a
// step over the lecture's XOR model (kernels [2, 5] and [5, 2], biases [5] and [2]) writes a known
// XOR solution into the weights instead of stepping. fit is left alone: its history starts at the true
// initial loss and then reports the solution's; the final weights solve XOR.

import { interceptSteps, SOLUTION } from './honest.js';

export { Adagrad, Adam, Momentum, Nesterov, RMSprop, SGD } from './honest.js';

const XOR_SHAPES = '2,5|5|5,2|2';

interceptSteps((params) => {
  if (params.map((p) => p.shape.join(',')).join('|') !== XOR_SHAPES) return false;
  for (const [j, p] of params.entries()) p.data.set(SOLUTION[j]!);
  return true;
});
