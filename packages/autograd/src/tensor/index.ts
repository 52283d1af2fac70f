/** The tensor engine: the `Tensor` class, creation functions, ops as plain functions, and grad mode. */
// first: gives every Tensor its chainable methods (x.add(y), loss.backward())
import './methods.js';

export { leakyRelu, logSoftmax, relu, sigmoid, softmax, step, tanh } from './activation.js';
export { fromOp, gradData, isGradEnabled, noGrad } from './autograd.js';
export { type Conv2dOptions, conv2d } from './conv.js';
export {
  arange,
  full,
  ones,
  type RandomOptions,
  randomNormal,
  randomUniform,
  type TensorOptions,
  tensor,
  zeros,
} from './create.js';
export { add, div, mul, pow, sub } from './elementwise.js';
export { matmul } from './matmul.js';
export { avgPool2d, flatten, maxPool2d, type Pool2dOptions } from './pool.js';
export { argmax, max, mean, sum } from './reduce.js';
export { broadcastShapes } from './shape.js';
export { concat, gather, reshape, transpose } from './shape-ops.js';
export { type BackwardFn, type NestedArray, Tensor, type TensorLike } from './tensor.js';
export { abs, clip, exp, log, neg, sqrt } from './unary.js';
export type { Padding, Size2 } from './window.js';
