/**
 * What the model API uses of the tensor engine, in one place (the engine is
 * `src/tensor/**` and `src/random.ts`; this folder only builds on it).
 */
export { defaultRng, Rng, setDefaultRng } from '../random.js';
// internal to training (not part of the package's API): see `tensor/autograd.ts`
export { endRecycling, trainingBackward } from '../tensor/autograd.js';
// through the index, which gives every Tensor its methods (`../tensor/methods.ts`)
export {
  concat,
  fromOp,
  gradData,
  isGradEnabled,
  type NestedArray,
  noGrad,
  Tensor,
  tensor,
} from '../tensor/index.js';
export { recycleFloats } from '../tensor/kernels/alloc.js';
