/**
 * The engine's kernel switch, which its public API does not export: imported from the source file
 * (the same module instance the engine uses), so the bench can also time the TypeScript reference.
 */
export { setMatmulKernel } from '../../../packages/autograd/src/tensor/kernels/matmul-dispatch.js';
