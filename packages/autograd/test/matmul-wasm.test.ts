/**
 * The WebAssembly SIMD matmul kernel against the TypeScript reference kernels: the three products
 * (forward, dA, dB) on random shapes, offsets, and partly zero data; the engine's matmul and its
 * gradients with either kernel; and the fallback when WebAssembly SIMD is missing.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rng, tensor } from '../src/index.js';
import {
  kernelFor,
  type ProductView,
  product,
  productBt,
  setMatmulKernel,
} from '../src/tensor/kernels/matmul-dispatch.js';
import { wasmAddProduct, wasmMatmulAvailable } from '../src/tensor/kernels/wasm-matmul.js';
import { addProduct, addProductAt, addProductBt } from '../src/tensor/matmul-kernels.js';

/** `size` values from `seed`, a fraction `zeros` of them exactly 0 (the kernel skips zero columns). */
function values(size: number, seed: number, zeros: number): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.next() < zeros ? 0 : rng.uniform(-2, 2);
  return out;
}

function expectClose(got: Float64Array, want: Float64Array): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (Math.abs(got[i]! - want[i]!) > 1e-12 * (1 + Math.abs(want[i]!))) {
      expect.fail(`index ${i}: got ${got[i]}, want ${want[i]}`);
    }
  }
}

const shapes = fc.record({
  m: fc.integer({ min: 1, max: 23 }),
  k: fc.integer({ min: 1, max: 23 }),
  n: fc.integer({ min: 1, max: 23 }),
  offset: fc.integer({ min: 0, max: 5 }),
  zeros: fc.constantFrom(0, 0.5, 0.9, 1),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe.runIf(wasmMatmulAvailable())('WebAssembly matmul kernel', () => {
  it('C += A·B matches the TypeScript kernel', () => {
    fc.assert(
      fc.property(shapes, ({ m, k, n, offset, zeros, seed }) => {
        const a = values(offset + m * k, seed, zeros);
        const b = values(offset + k * n, seed + 1, 0);
        const want = values(offset + m * n, seed + 2, 0);
        const got = want.slice();
        addProduct(a, offset, b, offset, want, offset, m, k, n);
        const view = (data: Float64Array, rowStride: number) => ({ data, offset, rowStride, colStride: 1 });
        expect(wasmAddProduct(view(a, k), view(b, n), got, offset, m, k, n)).toBe(true);
        expectClose(got, want);
      }),
    );
  });

  it('dB += Aᵀ·G and dA += G·Bᵀ (strided, untransposed operands) match the TypeScript kernels', () => {
    fc.assert(
      fc.property(shapes, ({ m, k, n, offset, zeros, seed }) => {
        const a = values(offset + m * k, seed, zeros);
        const b = values(offset + k * n, seed + 1, zeros);
        const g = values(offset + m * n, seed + 2, 0);
        const dbWant = values(k * n, seed + 3, 0);
        const dbGot = dbWant.slice();
        addProductAt(a, offset, g, offset, dbWant, 0, m, k, n);
        const gView = { data: g, offset, rowStride: n, colStride: 1 };
        wasmAddProduct({ data: a, offset, rowStride: 1, colStride: k }, gView, dbGot, 0, k, m, n);
        expectClose(dbGot, dbWant);
        const daWant = values(m * k, seed + 4, 0);
        const daGot = daWant.slice();
        addProductBt(g, offset, b, offset, daWant, 0, m, k, n);
        wasmAddProduct(gView, { data: b, offset, rowStride: 1, colStride: n }, daGot, 0, m, n, k);
        expectClose(daGot, daWant);
      }),
    );
  });

  it('a sizeable product runs there by default; small ones stay in TypeScript', () => {
    expect(kernelFor(128, 784, 128)).toBe('wasm');
    expect(kernelFor(4, 2, 5)).toBe('typescript');
    expect(kernelFor(1, 4096, 4096)).toBe('typescript');
  });
});

describe('Tensor.matmul with either kernel', () => {
  afterEach(() => {
    setMatmulKernel('auto');
  });

  it('gives the same products and gradients, batched too', () => {
    const rng = new Rng(7);
    const a = tensor(values(2 * 37 * 29, 11, 0.3), { shape: [2, 37, 29], requiresGrad: true });
    const b = tensor(values(29 * 41, 12, 0), { shape: [29, 41], requiresGrad: true });
    const upstream = tensor(values(2 * 37 * 41, rng.int(1000) + 1, 0), { shape: [2, 37, 41] });
    const run = (kernel: 'typescript' | 'wasm') => {
      setMatmulKernel(kernel);
      a.zeroGrad();
      b.zeroGrad();
      const c = a.matmul(b);
      c.backward(upstream);
      return [c.data, a.grad!.data, b.grad!.data];
    };
    const ts = run('typescript');
    const wasm = run('wasm');
    for (let i = 0; i < ts.length; i++) expectClose(wasm[i]!, ts[i]!);
  });
});

describe.each(['typescript', 'wasm'] as const)('product views on the %s kernel', (kernel) => {
  afterEach(() => {
    setMatmulKernel('auto');
  });

  /** Row i, column j of a view, as the callers read it. */
  const rowsOf = (view: ProductView, m: number, n: number) =>
    Array.from({ length: m }, (_, i) => [
      ...view.data.subarray(view.offset + i * view.rowStride).slice(0, n),
    ]);

  it('A·B and G·Bᵀ left in place equal the accumulating kernels, call after call', () => {
    setMatmulKernel(kernel);
    fc.assert(
      fc.property(fc.array(shapes, { minLength: 2, maxLength: 4 }), (calls) => {
        // several calls in a row: each view must hold its own product, not the previous one's leftovers
        for (const { m, k, n, offset, zeros, seed } of calls) {
          const a = values(offset + m * k, seed, zeros);
          const b = values(offset + k * n, seed + 1, 0);
          const want = new Float64Array(m * n);
          addProduct(a, offset, b, offset, want, 0, m, k, n);
          const got = rowsOf(product(a, offset, b, offset, m, k, n), m, n);
          expectClose(Float64Array.from(got.flat()), want);
          const g = values(offset + m * n, seed + 2, zeros);
          const bt = new Float64Array(m * k);
          addProductBt(g, offset, b, offset, bt, 0, m, k, n);
          expectClose(Float64Array.from(rowsOf(productBt(g, offset, b, offset, m, k, n), m, k).flat()), bt);
        }
      }),
    );
  });

  it('an empty inner dimension gives zeros', () => {
    setMatmulKernel(kernel);
    product(values(64, 1, 0), 0, values(64, 2, 0), 0, 8, 8, 8); // leaves numbers behind
    const view = product(new Float64Array(0), 0, new Float64Array(0), 0, 8, 0, 8);
    expect(
      rowsOf(view, 8, 8)
        .flat()
        .every((v) => v === 0),
    ).toBe(true);
  });
});

describe('without WebAssembly SIMD', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('falls back to the TypeScript kernel', async () => {
    const api = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } })
      .WebAssembly;
    vi.spyOn(api, 'validate').mockReturnValue(false);
    vi.resetModules();
    const dispatch = await import('../src/tensor/kernels/matmul-dispatch.js');
    const wasm = await import('../src/tensor/kernels/wasm-matmul.js');
    expect(wasm.wasmMatmulAvailable()).toBe(false);
    dispatch.setMatmulKernel('wasm');
    expect(dispatch.kernelFor(128, 128, 128)).toBe('typescript');
    const c = new Float64Array(4);
    dispatch.addProduct(Float64Array.of(1, 2, 3, 4), 0, Float64Array.of(5, 6, 7, 8), 0, c, 0, 2, 2, 2);
    expect([...c]).toEqual([19, 22, 43, 50]);
  });
});
