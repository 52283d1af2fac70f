/**
 * The three loops behind `matmul` and its backward, over raw row-major arrays with offsets (so batched
 * products reuse them). All accumulate (`+=`). Speed matters here more than anywhere else:
 * - i-k-j order, so the innermost loop walks rows of B and C contiguously;
 * - 4x4 register blocks: 16 entries of A stay in local variables while four rows of B update four rows
 *   of C, so each value loaded from memory is used four times instead of once;
 * - a block of A that is all zeros is skipped (one-hot inputs, image borders and ReLU outputs are
 *   mostly zeros), but only when the other operand is all finite: 0·NaN and 0·Inf are NaN, not 0
 *   (`kernels/zero-skip.ts` has the measurement and the argument). Plain loops finish the edges when a
 *   size is not a multiple of 4.
 */
import { allFinite } from './kernels/zero-skip.js';

/** True when A[r..r+3][p..p+3] (rows `k` apart) is all zeros. */
function blockIsZero(a: Float64Array, r: number, p: number, k: number): boolean {
  for (let s = 0; s < 4; s++) {
    const q = r + s * k + p;
    if (a[q] !== 0 || a[q + 1] !== 0 || a[q + 2] !== 0 || a[q + 3] !== 0) return false;
  }
  return true;
}

/** C[m,n] += A[m,k]·B[k,n]. */
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
  const skip = allFinite(b, bOff, k * n); // skipping zeros is exact only when B is all finite
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const c0 = cOff + i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    const r0 = aOff + i * k;
    const r1 = r0 + k;
    const r2 = r1 + k;
    const r3 = r2 + k;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      if (skip && blockIsZero(a, r0, p, k)) continue;
      // A's 4x4 block: row s of A, column t of the block is a{s}{t}
      const a00 = a[r0 + p]!,
        a01 = a[r0 + p + 1]!,
        a02 = a[r0 + p + 2]!,
        a03 = a[r0 + p + 3]!;
      const a10 = a[r1 + p]!,
        a11 = a[r1 + p + 1]!,
        a12 = a[r1 + p + 2]!,
        a13 = a[r1 + p + 3]!;
      const a20 = a[r2 + p]!,
        a21 = a[r2 + p + 1]!,
        a22 = a[r2 + p + 2]!,
        a23 = a[r2 + p + 3]!;
      const a30 = a[r3 + p]!,
        a31 = a[r3 + p + 1]!,
        a32 = a[r3 + p + 2]!,
        a33 = a[r3 + p + 3]!;
      const b0 = bOff + p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const x0 = b[b0 + j]!;
        const x1 = b[b1 + j]!;
        const x2 = b[b2 + j]!;
        const x3 = b[b3 + j]!;
        c[c0 + j]! += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
        c[c1 + j]! += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        c[c2 + j]! += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        c[c3 + j]! += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
      }
    }
    for (; p < k; p++) {
      const s0 = a[r0 + p]!;
      const s1 = a[r1 + p]!;
      const s2 = a[r2 + p]!;
      const s3 = a[r3 + p]!;
      const bRow = bOff + p * n;
      for (let j = 0; j < n; j++) {
        const x = b[bRow + j]!;
        c[c0 + j]! += s0 * x;
        c[c1 + j]! += s1 * x;
        c[c2 + j]! += s2 * x;
        c[c3 + j]! += s3 * x;
      }
    }
  }
  for (; i < m; i++) {
    const cRow = cOff + i * n;
    const aRow = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const s = a[aRow + p]!;
      if (s === 0 && skip) continue;
      const bRow = bOff + p * n;
      for (let j = 0; j < n; j++) c[cRow + j]! += s * b[bRow + j]!;
    }
  }
}

/**
 * dB[k,n] += A[m,k]ᵀ·G[m,n] without building Aᵀ: row p of dB gains Σᵢ A[i,p]·G[i,:].
 * Blocked like `addProduct`: four rows of G update four rows of dB.
 */
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
  const skip = allFinite(g, gOff, m * n); // skipping zeros is exact only when G is all finite
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const g0 = gOff + i * n;
    const g1 = g0 + n;
    const g2 = g1 + n;
    const g3 = g2 + n;
    const r0 = aOff + i * k;
    const r1 = r0 + k;
    const r2 = r1 + k;
    const r3 = r2 + k;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      if (skip && blockIsZero(a, r0, p, k)) continue;
      const a00 = a[r0 + p]!,
        a01 = a[r0 + p + 1]!,
        a02 = a[r0 + p + 2]!,
        a03 = a[r0 + p + 3]!;
      const a10 = a[r1 + p]!,
        a11 = a[r1 + p + 1]!,
        a12 = a[r1 + p + 2]!,
        a13 = a[r1 + p + 3]!;
      const a20 = a[r2 + p]!,
        a21 = a[r2 + p + 1]!,
        a22 = a[r2 + p + 2]!,
        a23 = a[r2 + p + 3]!;
      const a30 = a[r3 + p]!,
        a31 = a[r3 + p + 1]!,
        a32 = a[r3 + p + 2]!,
        a33 = a[r3 + p + 3]!;
      const d0 = bOff + p * n;
      const d1 = d0 + n;
      const d2 = d1 + n;
      const d3 = d2 + n;
      for (let j = 0; j < n; j++) {
        const y0 = g[g0 + j]!;
        const y1 = g[g1 + j]!;
        const y2 = g[g2 + j]!;
        const y3 = g[g3 + j]!;
        db[d0 + j]! += a00 * y0 + a10 * y1 + a20 * y2 + a30 * y3;
        db[d1 + j]! += a01 * y0 + a11 * y1 + a21 * y2 + a31 * y3;
        db[d2 + j]! += a02 * y0 + a12 * y1 + a22 * y2 + a32 * y3;
        db[d3 + j]! += a03 * y0 + a13 * y1 + a23 * y2 + a33 * y3;
      }
    }
    for (; p < k; p++) {
      const s0 = a[r0 + p]!;
      const s1 = a[r1 + p]!;
      const s2 = a[r2 + p]!;
      const s3 = a[r3 + p]!;
      const dRow = bOff + p * n;
      for (let j = 0; j < n; j++)
        db[dRow + j]! += s0 * g[g0 + j]! + s1 * g[g1 + j]! + s2 * g[g2 + j]! + s3 * g[g3 + j]!;
    }
  }
  for (; i < m; i++) {
    const gRow = gOff + i * n;
    const aRow = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const s = a[aRow + p]!;
      if (s === 0 && skip) continue;
      const dRow = bOff + p * n;
      for (let j = 0; j < n; j++) db[dRow + j]! += s * g[gRow + j]!;
    }
  }
}

/** dA[m,k] += G[m,n]·B[k,n]ᵀ without building Bᵀ: each entry is a dot product of two contiguous rows. */
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
  for (let i = 0; i < m; i++) {
    const gRow = gOff + i * n;
    const dRow = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const bRow = bOff + p * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += g[gRow + j]! * b[bRow + j]!;
      da[dRow + p]! += s;
    }
  }
}
