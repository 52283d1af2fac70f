/**
 * Which kernel multiplies: the readable TypeScript loops (`../matmul-kernels.ts`, the reference) or,
 * for products big enough to repay packing the operands, the WebAssembly SIMD kernel
 * (`wasm-matmul.ts`). Same signatures as the TypeScript kernels, same results up to rounding (the
 * two are tested against each other on random shapes); without WebAssembly SIMD, always TypeScript.
 */
import * as reference from '../matmul-kernels.js';
import {
  type MatrixView,
  type ProductView,
  wasmAddProduct,
  wasmMatmulAvailable,
  wasmProduct,
} from './wasm-matmul.js';

export type { ProductView } from './wasm-matmul.js';

/** `'auto'`: WebAssembly for large products when available; the others force one kernel (tests, benchmarks). */
export type MatmulKernel = 'auto' | 'typescript' | 'wasm';

let mode: MatmulKernel = 'auto';

/** Below this many multiply-adds, packing costs more than SIMD saves (the XOR model's 4x2x5, say). */
const WASM_MIN_WORK = 32_768;

/**
 * Chooses the matmul kernel for every product from now on; returns the previous choice.
 * `'wasm'` falls back to TypeScript where WebAssembly SIMD is unavailable.
 * @example const before = setMatmulKernel('typescript'); ...; setMatmulKernel(before);
 */
export function setMatmulKernel(kernel: MatmulKernel): MatmulKernel {
  const previous = mode;
  mode = kernel;
  return previous;
}

/** The kernel an `m x k x n` product runs on: `'wasm'` or `'typescript'`. */
export function kernelFor(m: number, k: number, n: number): 'wasm' | 'typescript' {
  if (mode === 'typescript' || !wasmMatmulAvailable()) return 'typescript';
  if (mode === 'wasm') return 'wasm';
  // a sliver of a matrix fills too few of the 4x4 blocks to pay for packing
  return m * k * n >= WASM_MIN_WORK && m >= 4 && n >= 4 ? 'wasm' : 'typescript';
}

/** C[m,n] += A[m,k]·B[k,n] (see `matmul-kernels.ts` for the offsets). */
export function addProduct(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  c: Float64Array,
  cOff: number,
  m: number,
  k: number,
  n: number,
): void {
  if (kernelFor(m, k, n) === 'wasm') {
    const av = { data: a, offset: aOff, rowStride: k, colStride: 1 };
    const bv = { data: b, offset: bOff, rowStride: n, colStride: 1 };
    if (wasmAddProduct(av, bv, c, cOff, m, k, n)) return;
  }
  reference.addProduct(a, aOff, b, bOff, c, cOff, m, k, n);
}

/** dB[k,n] += A[m,k]ᵀ·G[m,n]: the WebAssembly kernel reads A column by column as Aᵀ's rows. */
export function addProductAt(
  a: Float64Array,
  aOff: number,
  g: Float64Array,
  gOff: number,
  db: Float64Array,
  bOff: number,
  m: number,
  k: number,
  n: number,
): void {
  if (kernelFor(k, m, n) === 'wasm') {
    const at = { data: a, offset: aOff, rowStride: 1, colStride: k };
    const gv = { data: g, offset: gOff, rowStride: n, colStride: 1 };
    if (wasmAddProduct(at, gv, db, bOff, k, m, n)) return;
  }
  reference.addProductAt(a, aOff, g, gOff, db, bOff, m, k, n);
}

/** dA[m,k] += G[m,n]·B[k,n]ᵀ: the WebAssembly kernel reads B column by column as Bᵀ's rows. */
export function addProductBt(
  g: Float64Array,
  gOff: number,
  b: Float64Array,
  bOff: number,
  da: Float64Array,
  aOff: number,
  m: number,
  k: number,
  n: number,
): void {
  if (kernelFor(m, n, k) === 'wasm') {
    const gv = { data: g, offset: gOff, rowStride: n, colStride: 1 };
    const bt = { data: b, offset: bOff, rowStride: 1, colStride: n };
    if (wasmAddProduct(gv, bt, da, aOff, m, n, k)) return;
  }
  reference.addProductBt(g, gOff, b, bOff, da, aOff, m, k, n);
}

/**
 * Where the TypeScript kernel leaves a {@link product}: one array, grown when a call needs more,
 * so the fallback, like the WebAssembly kernel, hands out a view that the next product overwrites.
 */
let productScratch = new Float64Array(0);

function scratchProduct(size: number): ProductView {
  if (productScratch.length < size) productScratch = new Float64Array(size);
  productScratch.fill(0, 0, size);
  return { data: productScratch, offset: 0, rowStride: 0 };
}

/**
 * A[m,k]·B[k,n] left where the kernel computed it: a {@link ProductView}, good until the next call
 * of `product` or `productBt` (read it first). For callers that transform the product on its way
 * to their own array (conv2d adds its bias and applies ReLU in the same pass), which saves writing
 * it once and reading it again.
 */
export function product(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  m: number,
  k: number,
  n: number,
): ProductView {
  const av = { data: a, offset: aOff, rowStride: k, colStride: 1 };
  const bv = { data: b, offset: bOff, rowStride: n, colStride: 1 };
  return inPlace(av, bv, m, k, n, (c) => reference.addProduct(a, aOff, b, bOff, c, 0, m, k, n));
}

/** G[m,n]·B[k,n]ᵀ as a {@link ProductView} of m rows and k columns (see {@link product}). */
export function productBt(
  g: Float64Array,
  gOff: number,
  b: Float64Array,
  bOff: number,
  m: number,
  k: number,
  n: number,
): ProductView {
  const gv = { data: g, offset: gOff, rowStride: n, colStride: 1 };
  const bt = { data: b, offset: bOff, rowStride: 1, colStride: n };
  return inPlace(gv, bt, m, n, k, (c) => reference.addProductBt(g, gOff, b, bOff, c, 0, m, k, n));
}

/**
 * `left[rows, inner]·right[inner, cols]` on the WebAssembly kernel, left in its memory; else the
 * TypeScript kernel's `addInto` (the same product) into the zeroed scratch array.
 */
function inPlace(
  left: MatrixView,
  right: MatrixView,
  rows: number,
  inner: number,
  cols: number,
  addInto: (c: Float64Array) => void,
): ProductView {
  if (kernelFor(rows, inner, cols) === 'wasm') {
    const view = wasmProduct(left, right, rows, inner, cols);
    if (view !== null) return view;
  }
  const view = scratchProduct(rows * cols);
  addInto(view.data);
  return { ...view, rowStride: cols };
}
