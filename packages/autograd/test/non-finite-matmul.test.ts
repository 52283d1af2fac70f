/**
 * matmul with NaN, ±Infinity and −0 among mostly-zero operands, on both kernels, against the plain
 * triple loop: numpy's matmul gives NaN wherever a NaN or an Infinity meets a zero, so skipping zero
 * blocks must not hide it (`src/tensor/kernels/zero-skip.ts`). The sign of a zero result is not
 * compared: numpy leaves it to the BLAS library.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { tensor } from '../src/index.js';
import { type MatmulKernel, setMatmulKernel } from '../src/tensor/kernels/matmul-dispatch.js';
import { wasmMatmulAvailable } from '../src/tensor/kernels/wasm-matmul.js';
import { expectSameNumbers, RUNS, sparseSpecialValuesArb } from './non-finite.js';

/** C = A·B for row-major A [m,k], B [k,n], summed from p = 0 up. */
function naiveMatmul(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): number[] {
  const c: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * n + j]!;
      c.push(s);
    }
  }
  return c;
}

function transposed(x: ArrayLike<number>, rows: number, cols: number): number[] {
  const t: number[] = [];
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) t.push(x[i * cols + j]!);
  return t;
}

/** Sizes around the 4x4 blocks, and big enough (with `wasm` forced) to reach the SIMD kernel. */
const caseArb = fc
  .record({
    m: fc.integer({ min: 1, max: 9 }),
    k: fc.integer({ min: 1, max: 9 }),
    n: fc.integer({ min: 1, max: 9 }),
  })
  .chain(({ m, k, n }) =>
    fc.record({
      m: fc.constant(m),
      k: fc.constant(k),
      n: fc.constant(n),
      a: sparseSpecialValuesArb(m * k),
      b: sparseSpecialValuesArb(k * n),
      g: sparseSpecialValuesArb(m * n),
    }),
  );

const kernels: MatmulKernel[] = wasmMatmulAvailable() ? ['typescript', 'wasm'] : ['typescript'];

afterEach(() => {
  setMatmulKernel('auto');
});

describe.each(kernels)('matmul with NaN/Inf (%s kernel)', (kernel) => {
  it('forward: [[0, 1]]·[[NaN], [2]] is NaN, as in numpy', () => {
    setMatmulKernel(kernel);
    expect(tensor([[0, 1]]).matmul(tensor([[Number.NaN], [2]])).data[0]).toBeNaN();
    expect(tensor([[0, 1]]).matmul(tensor([[Number.POSITIVE_INFINITY], [2]])).data[0]).toBeNaN();
  });

  it('forward matches the plain triple loop', () => {
    setMatmulKernel(kernel);
    fc.assert(
      fc.property(caseArb, ({ m, k, n, a, b }) => {
        const c = tensor(Float64Array.from(a), { shape: [m, k] }).matmul(
          tensor(Float64Array.from(b), { shape: [k, n] }),
        );
        expectSameNumbers(c.data, naiveMatmul(a, b, m, k, n));
      }),
      RUNS,
    );
  });

  it('dA = G·Bᵀ and dB = Aᵀ·G match the plain loops, NaN/Inf in G or the other operand', () => {
    setMatmulKernel(kernel);
    fc.assert(
      fc.property(caseArb, ({ m, k, n, a, b, g }) => {
        const ta = tensor(Float64Array.from(a), { shape: [m, k], requiresGrad: true });
        const tb = tensor(Float64Array.from(b), { shape: [k, n], requiresGrad: true });
        ta.matmul(tb).backward(tensor(Float64Array.from(g), { shape: [m, n] }));
        expectSameNumbers(ta.grad!.data, naiveMatmul(g, transposed(b, k, n), m, n, k));
        expectSameNumbers(tb.grad!.data, naiveMatmul(transposed(a, m, k), g, k, m, n));
      }),
      RUNS,
    );
  });

  it('batched: each matrix of the batch checks its own operands (offsets into shared data)', () => {
    setMatmulKernel(kernel);
    const batchArb = caseArb.chain((c) =>
      fc.record({
        c: fc.constant(c),
        a2: sparseSpecialValuesArb(c.m * c.k),
        b2: sparseSpecialValuesArb(c.k * c.n),
        g2: sparseSpecialValuesArb(c.m * c.n),
      }),
    );
    fc.assert(
      fc.property(batchArb, ({ c: { m, k, n, a, b, g }, a2, b2, g2 }) => {
        const ta = tensor(Float64Array.from([...a, ...a2]), { shape: [2, m, k], requiresGrad: true });
        const tb = tensor(Float64Array.from([...b, ...b2]), { shape: [2, k, n], requiresGrad: true });
        const out = ta.matmul(tb);
        expectSameNumbers(out.data, [...naiveMatmul(a, b, m, k, n), ...naiveMatmul(a2, b2, m, k, n)]);
        out.backward(tensor(Float64Array.from([...g, ...g2]), { shape: [2, m, n] }));
        expectSameNumbers(ta.grad!.data, [
          ...naiveMatmul(g, transposed(b, k, n), m, n, k),
          ...naiveMatmul(g2, transposed(b2, k, n), m, n, k),
        ]);
        expectSameNumbers(tb.grad!.data, [
          ...naiveMatmul(transposed(a, m, k), g, k, m, n),
          ...naiveMatmul(transposed(a2, m, k), g2, k, m, n),
        ]);
      }),
      RUNS,
    );
  });

  it('dW is NaN where x = 0 meets a NaN upstream gradient, as mul gives', () => {
    setMatmulKernel(kernel);
    const x = tensor([[0], [0], [0], [0]]);
    const w = tensor([[1, 2, 3, 4]], { requiresGrad: true });
    const g = tensor(
      Float64Array.from({ length: 16 }, (_, i) => (i === 5 ? Number.NaN : 1)),
      { shape: [4, 4] },
    );
    x.matmul(w).backward(g);
    expect(Number.isNaN(w.grad!.data[1]!)).toBe(true);
    const w2 = tensor([[1, 2, 3, 4]], { requiresGrad: true });
    x.mul(w2).backward(g);
    expect(Number.isNaN(w2.grad!.data[1]!)).toBe(true);
  });
});

describe('allFinite', () => {
  it('is false exactly when a NaN or an Infinity is in range', async () => {
    const { allFinite } = await import('../src/tensor/kernels/zero-skip.js');
    const data = new Float64Array([1, -0, Number.NaN, 2, Number.NEGATIVE_INFINITY]);
    expect(allFinite(data, 0, 2)).toBe(true);
    expect(allFinite(data, 1, 2)).toBe(false);
    expect(allFinite(data, 3, 1)).toBe(true);
    expect(allFinite(data, 3, 2)).toBe(false);
    expect(allFinite(data, 0, 0)).toBe(true);
  });
});
