/**
 * `@gradschool/autograd/internal`: switches of the engine's internals for the repository's own tools
 * (the benchmarks time the TypeScript matmul against the WebAssembly one). Not part of the student
 * API: no lecture or exercise uses it, and it may change without notice. It shares its modules with
 * the main entry, so a switch set here holds for every tensor the engine makes.
 */
export {
  kernelFor,
  type MatmulKernel,
  setMatmulKernel,
} from './tensor/kernels/matmul-dispatch.js';
export { wasmMatmulAvailable } from './tensor/kernels/wasm-matmul.js';
