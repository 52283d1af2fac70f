/**
 * Matrix product with its two backward products fused: for C = A·B with upstream gradient G,
 * dA = G·Bᵀ and dB = Aᵀ·G are computed straight from the row-major data, without building transposes.
 * Loops run i-k-j so the innermost one walks contiguous memory.
 */
import { fromOp, gradData } from './autograd.js';
import { broadcastIndexMap, broadcastShapes, formatShape, sameShape, sizeOf } from './shape.js';
import { reshape } from './shape-ops.js';
import type { Tensor } from './tensor.js';

/**
 * C[m,n] += A[m,k]·B[k,n], i-k-j order. Four rows of A are taken together so each row of B is read
 * once for four rows of C (a quarter of the memory traffic; every C entry still sums in the same order).
 * Zeros of A are skipped: one-hot inputs, pixels and ReLU outputs are mostly zero.
 */
function addProduct(
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
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const c0 = cOff + i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    const a0Row = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const a0 = a[a0Row + p]!;
      const a1 = a[a0Row + k + p]!;
      const a2 = a[a0Row + 2 * k + p]!;
      const a3 = a[a0Row + 3 * k + p]!;
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const bRow = bOff + p * n;
      for (let j = 0; j < n; j++) {
        const bv = b[bRow + j]!;
        c[c0 + j]! += a0 * bv;
        c[c1 + j]! += a1 * bv;
        c[c2 + j]! += a2 * bv;
        c[c3 + j]! += a3 * bv;
      }
    }
  }
  for (; i < m; i++) {
    const cRow = cOff + i * n;
    const aRow = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const av = a[aRow + p]!;
      if (av === 0) continue;
      const bRow = bOff + p * n;
      for (let j = 0; j < n; j++) c[cRow + j]! += av * b[bRow + j]!;
    }
  }
}

/** dA[m,k] += G[m,n]·B[k,n]ᵀ: each entry is the dot product of a row of G and a row of B. */
function addProductBt(
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
    for (let p = 0; p < k; p++) {
      const bRow = bOff + p * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += g[gRow + j]! * b[bRow + j]!;
      da[aOff + i * k + p]! += s;
    }
  }
}

/**
 * dB[k,n] += A[m,k]ᵀ·G[m,n]: row i of G, scaled by A[i,p], is added to row p of dB. Four rows of G
 * are combined per pass over a row of dB, for the same reason as in `addProduct`.
 */
function addProductAt(
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
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const g0 = gOff + i * n;
    const g1 = g0 + n;
    const g2 = g1 + n;
    const g3 = g2 + n;
    const a0Row = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const a0 = a[a0Row + p]!;
      const a1 = a[a0Row + k + p]!;
      const a2 = a[a0Row + 2 * k + p]!;
      const a3 = a[a0Row + 3 * k + p]!;
      if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
      const dbRow = bOff + p * n;
      for (let j = 0; j < n; j++) {
        db[dbRow + j]! += a0 * g[g0 + j]! + a1 * g[g1 + j]! + a2 * g[g2 + j]! + a3 * g[g3 + j]!;
      }
    }
  }
  for (; i < m; i++) {
    const gRow = gOff + i * n;
    const aRow = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const av = a[aRow + p]!;
      if (av === 0) continue;
      const dbRow = bOff + p * n;
      for (let j = 0; j < n; j++) db[dbRow + j]! += av * g[gRow + j]!;
    }
  }
}

/**
 * Matrix product `[m,k] x [k,n] -> [m,n]`. Leading (batch) axes broadcast like numpy's `matmul`,
 * and a 1-D operand is treated as a row (left) or column (right) vector.
 * @example matmul(tensor([[1, 2]]), tensor([[3], [4]])) // [[11]]
 * @throws RangeError `matmul: [4,2] x [3,5] — inner sizes 2 and 3 differ`
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.rank === 0 || b.rank === 0) {
    throw new RangeError(
      `matmul: ${formatShape(a.shape)} x ${formatShape(b.shape)} — needs at least 1-D tensors; use mul for scalars` +
        ' / 스칼라에는 matmul 대신 mul을 쓰세요',
    );
  }
  if (a.rank === 1 || b.rank === 1) {
    const a2 = a.rank === 1 ? reshape(a, [1, a.size]) : a;
    const b2 = b.rank === 1 ? reshape(b, [b.size, 1]) : b;
    const c = matmulNd(a2, b2, a.shape, b.shape);
    const shape = c.shape.slice();
    if (b.rank === 1) shape.splice(shape.length - 1, 1);
    if (a.rank === 1) shape.splice(shape.length - (b.rank === 1 ? 1 : 2), 1);
    return reshape(c, shape);
  }
  return matmulNd(a, b, a.shape, b.shape);
}

function matmulNd(a: Tensor, b: Tensor, shownA: readonly number[], shownB: readonly number[]): Tensor {
  const m = a.shape[a.rank - 2]!;
  const k = a.shape[a.rank - 1]!;
  const k2 = b.shape[b.rank - 2]!;
  const n = b.shape[b.rank - 1]!;
  if (k !== k2) {
    throw new RangeError(
      `matmul: ${formatShape(shownA)} x ${formatShape(shownB)} — inner sizes ${k} and ${k2} differ` +
        ` / 안쪽 크기 ${k}와(과) ${k2}이(가) 달라 곱할 수 없습니다`,
    );
  }
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batch = sameShape(aBatch, bBatch) ? aBatch : broadcastShapes('matmul (batch axes)', aBatch, bBatch);
  const count = sizeOf(batch);
  // which matrix of a and of b each output matrix uses (null: the same index)
  const aIndex = sizeOf(aBatch) === count ? null : broadcastIndexMap(aBatch, batch);
  const bIndex = sizeOf(bBatch) === count ? null : broadcastIndexMap(bBatch, batch);
  const ad = a.data;
  const bd = b.data;
  const out = new Float64Array(count * m * n);
  for (let t = 0; t < count; t++) {
    const aOff = (aIndex ? aIndex[t]! : t) * m * k;
    const bOff = (bIndex ? bIndex[t]! : t) * k * n;
    addProduct(ad, aOff, bd, bOff, out, t * m * n, m, k, n);
  }
  return fromOp(out, [...batch, m, n], 'matmul', [a, b], (g) => {
    const ga = a.requiresGrad ? gradData(a) : null;
    const gb = b.requiresGrad ? gradData(b) : null;
    for (let t = 0; t < count; t++) {
      const aOff = (aIndex ? aIndex[t]! : t) * m * k;
      const bOff = (bIndex ? bIndex[t]! : t) * k * n;
      if (ga) addProductBt(g, t * m * n, bd, bOff, ga, aOff, m, k, n); // dA = G·Bᵀ
      if (gb) addProductAt(ad, aOff, g, t * m * n, gb, bOff, m, k, n); // dB = Aᵀ·G
    }
  });
}
