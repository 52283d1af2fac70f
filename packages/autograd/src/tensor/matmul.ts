/**
 * Matrix product. Forward C = A·B; backward, with upstream gradient G, dA = G·Bᵀ and dB = Aᵀ·G,
 * computed straight from the row-major data without building transposes (`matmul-kernels.ts`; large
 * products run on the WebAssembly SIMD kernel in `kernels/`, see `kernels/matmul-dispatch.ts`).
 */
import { fromOp, gradData } from './autograd.js';
import { allocFloats } from './kernels/alloc.js';
import { addProduct, addProductAt, addProductBt } from './kernels/matmul-dispatch.js';
import { broadcastIndexMap, broadcastShapes, formatShape, sameShape, sizeOf } from './shape.js';
import { reshape } from './shape-ops.js';
import type { Tensor } from './tensor.js';

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
  const out = allocFloats(count * m * n);
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
