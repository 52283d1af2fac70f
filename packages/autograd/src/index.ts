/**
 * @gradschool/autograd: a small, fast tensor autograd engine with a Keras-style model API.
 *
 * @example
 * import { tensor } from '@gradschool/autograd';
 * const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * x.mul(x).sum().backward();
 * x.grad?.print(); // tensor([[2, 4], [6, 8]])
 */
export { type GradCheckOptions, type GradCheckResult, gradCheck } from './gradcheck.js';
export * from './nn/index.js';
export { defaultRng, Rng, setDefaultRng } from './random.js';
export * from './tensor/index.js';
