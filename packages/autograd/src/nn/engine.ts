/**
 * What the model API uses of the tensor engine, in one place (the engine is
 * `src/tensor/**` and `src/random.ts`; this folder only builds on it).
 */
export { defaultRng, Rng, setDefaultRng } from '../random.js';
export { fromOp, gradData, isGradEnabled, noGrad } from '../tensor/autograd.js';
export { tensor } from '../tensor/create.js';
export { type NestedArray, Tensor } from '../tensor/tensor.js';
