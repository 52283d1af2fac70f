/**
 * The WebAssembly SIMD matmul (`wasm-matmul-module.ts`) from TypeScript: packs the operands into the
 * module's memory, runs it, and adds the product into the result. Operands are strided views, so the
 * transposed products of the backward pass need no transposed copies of their own: packing reads
 * them in whatever order they are stored. Where WebAssembly SIMD is missing, `wasmMatmulAvailable()`
 * is false and the engine keeps to the TypeScript kernels.
 */
import { matmulModuleBytes } from './wasm-matmul-module.js';

/** A matrix inside a Float64Array: element (r, c) is `data[offset + r·rowStride + c·colStride]`. */
export interface MatrixView {
  data: Float64Array;
  offset: number;
  rowStride: number;
  colStride: number;
}

/** The little of the WebAssembly API used here (the project's TypeScript lib has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface Kernel {
  memory: WasmMemory;
  run(ap: number, bp: number, cw: number, ip: number, cntp: number, mb: number, nb: number, k: number): void;
  f64: Float64Array;
  i32: Int32Array;
}

let kernel: Kernel | null | undefined; // undefined: not loaded yet; null: unavailable

function load(): Kernel | null {
  try {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (wasm === undefined) return null;
    const bytes = matmulModuleBytes();
    if (!wasm.validate(bytes)) return null; // no SIMD in this runtime
    const { exports } = new wasm.Instance(new wasm.Module(bytes));
    const memory = exports.memory as WasmMemory;
    const run = exports.matmul as Kernel['run'];
    return { memory, run, f64: new Float64Array(memory.buffer), i32: new Int32Array(memory.buffer) };
  } catch {
    return null;
  }
}

function getKernel(): Kernel | null {
  if (kernel === undefined) kernel = load();
  return kernel;
}

/** True when this runtime runs the WebAssembly SIMD kernel (compiled on first call). */
export function wasmMatmulAvailable(): boolean {
  return getKernel() !== null;
}

/** Products whose packed operands need more than this stay in TypeScript (memory is never given back). */
const MAX_BYTES = 2 ** 30;

/** Makes sure the module's memory holds `bytes`; refreshes the views after growing. False if it cannot. */
function reserve(k: Kernel, bytes: number): boolean {
  const have = k.memory.buffer.byteLength;
  if (bytes > MAX_BYTES) return false;
  if (have < bytes) {
    try {
      k.memory.grow(Math.ceil((bytes - have) / 65536));
    } catch {
      return false; // the runtime refused more memory
    }
  }
  if (k.f64.buffer !== k.memory.buffer) {
    k.f64 = new Float64Array(k.memory.buffer);
    k.i32 = new Int32Array(k.memory.buffer);
  }
  return true;
}

/**
 * A in blocks of 4 rows; per block, the kept column indices and their count (the layout
 * `wasm-matmul-module.ts` describes). With `skipZeros`, columns where all 4 rows are zero are left
 * out; the caller allows that only when B is all finite (`zero-skip.ts`).
 */
function packA(
  k: Kernel,
  a: MatrixView,
  m: number,
  kk: number,
  ap: number,
  ip: number,
  cntp: number,
  skipZeros: boolean,
): void {
  const { f64, i32 } = k;
  const { data, offset, rowStride, colStride } = a;
  const blocks = Math.ceil(m / 4);
  for (let ib = 0; ib < blocks; ib++) {
    const r = ib * 4;
    const rows = Math.min(4, m - r);
    const base0 = offset + r * rowStride;
    let q = (ap >>> 3) + ib * kk * 4;
    const idx0 = (ip >>> 2) + ib * kk;
    let count = 0;
    for (let p = 0; p < kk; p++) {
      const at = base0 + p * colStride;
      const v0 = data[at]!;
      const v1 = rows > 1 ? data[at + rowStride]! : 0;
      const v2 = rows > 2 ? data[at + 2 * rowStride]! : 0;
      const v3 = rows > 3 ? data[at + 3 * rowStride]! : 0;
      if (skipZeros && v0 === 0 && v1 === 0 && v2 === 0 && v3 === 0) continue;
      f64[q] = v0;
      f64[q + 1] = v1;
      f64[q + 2] = v2;
      f64[q + 3] = v3;
      q += 4;
      i32[idx0 + count++] = p;
    }
    i32[(cntp >>> 2) + ib] = count;
  }
}

/**
 * B in panels of 4 columns (zeros past the last column), each panel row after row. Returns true when
 * every value of B is finite, checked on the way (as in `zero-skip.ts`: x - x is NaN only for NaN and ±Inf).
 */
function packB(k: Kernel, b: MatrixView, kk: number, n: number, bp: number): boolean {
  const { f64 } = k;
  const { data, offset, rowStride, colStride } = b;
  const panels = Math.ceil(n / 4);
  let check = 0;
  for (let jb = 0; jb < panels; jb++) {
    const c = jb * 4;
    const cols = Math.min(4, n - c);
    let q = (bp >>> 3) + jb * kk * 4;
    for (let p = 0; p < kk; p++, q += 4) {
      const at = offset + p * rowStride + c * colStride;
      const x0 = data[at]!;
      const x1 = cols > 1 ? data[at + colStride]! : 0;
      const x2 = cols > 2 ? data[at + 2 * colStride]! : 0;
      const x3 = cols > 3 ? data[at + 3 * colStride]! : 0;
      f64[q] = x0;
      f64[q + 1] = x1;
      f64[q + 2] = x2;
      f64[q + 3] = x3;
      check += x0 - x0 + (x1 - x1) + (x2 - x2) + (x3 - x3);
    }
  }
  return check === 0;
}

/**
 * A product left where it was computed: element (i, j) is `data[offset + i·rowStride + j]`.
 * The WebAssembly kernel's views point into its own memory and are good only until the next
 * product: read them (or copy them) first.
 */
export interface ProductView {
  data: Float64Array;
  offset: number;
  rowStride: number;
}

/**
 * `A[m,k]·B[k,n]` with the WebAssembly kernel, left in its memory (see {@link ProductView}), so a
 * caller that transforms the product anyway (adds a bias, applies ReLU, scatters rows back into an
 * image) reads it once instead of first copying it out. Null when the kernel is unavailable or the
 * operands would need more than 1 GiB of its memory; the caller then uses the TypeScript kernel.
 */
export function wasmProduct(
  a: MatrixView,
  b: MatrixView,
  m: number,
  k: number,
  n: number,
): ProductView | null {
  const kern = getKernel();
  if (kern === null) return null;
  const mb = Math.ceil(m / 4);
  const nb = Math.ceil(n / 4);
  // byte addresses: A blocks, B panels, the result, then the column lists and counts
  const ap = 0;
  const bp = ap + mb * k * 32;
  const cw = bp + nb * k * 32;
  const ip = cw + mb * nb * 128;
  const cntp = ip + mb * k * 4;
  if (!reserve(kern, cntp + mb * 4)) return null;
  if (k === 0)
    kern.f64.fill(0, cw >>> 3, (cw >>> 3) + mb * nb * 16); // an empty sum is 0
  else if (m > 0 && n > 0) {
    const bFinite = packB(kern, b, k, n, bp);
    packA(kern, a, m, k, ap, ip, cntp, bFinite);
    kern.run(ap, bp, cw, ip, cntp, mb, nb, k);
  }
  return { data: kern.f64, offset: cw >>> 3, rowStride: nb * 4 };
}

/**
 * `C[m,n] += A[m,k]·B[k,n]` with the WebAssembly kernel; C is row-major from `cOff`.
 * Returns false (and does nothing) when {@link wasmProduct} cannot run; the caller then uses the
 * TypeScript kernel.
 */
export function wasmAddProduct(
  a: MatrixView,
  b: MatrixView,
  c: Float64Array,
  cOff: number,
  m: number,
  k: number,
  n: number,
): boolean {
  if (m === 0 || n === 0 || k === 0) return getKernel() !== null;
  const product = wasmProduct(a, b, m, k, n);
  if (product === null) return false;
  const { data, offset, rowStride } = product;
  for (let i = 0; i < m; i++) {
    const from = offset + i * rowStride;
    const to = cOff + i * n;
    for (let j = 0; j < n; j++) c[to + j]! += data[from + j]!;
  }
  return true;
}
