/** Ops that move values around without arithmetic: reshape, transpose, gather (rows), concat. */
import { fromOp, gradData } from './autograd.js';
import { formatShape, normalizeAxis, sizeOf, splitAtAxis, stridesOf } from './shape.js';
import type { Tensor } from './tensor.js';

/**
 * The same values in a new shape (row-major order is kept; the data buffer is shared).
 * One size may be -1: it is inferred from the others.
 * @example reshape(arange(6), [2, -1]) // [[0, 1, 2], [3, 4, 5]]
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = shape.slice();
  const unknown = target.indexOf(-1);
  if (unknown !== target.lastIndexOf(-1)) {
    throw new RangeError(`reshape: only one size may be -1, got ${formatShape(shape)}`);
  }
  if (unknown >= 0) {
    const known = sizeOf(target.filter((d) => d !== -1));
    if (known === 0 || x.size % known !== 0) {
      throw new RangeError(
        `reshape: cannot reshape ${formatShape(x.shape)} into ${formatShape(shape)} / 이 모양으로 바꿀 수 없습니다`,
      );
    }
    target[unknown] = x.size / known;
  }
  if (target.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(target) !== x.size) {
    throw new RangeError(
      `reshape: cannot reshape ${formatShape(x.shape)} (${x.size} values) into ${formatShape(shape)}` +
        ` / 값 ${x.size}개를 이 모양으로 바꿀 수 없습니다`,
    );
  }
  const n = x.size;
  return fromOp(x.data, target, 'reshape', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[i]! += g[i]!;
  });
}

/**
 * Permutes the axes: output axis i is input axis `axes[i]`. Default: reversed (a matrix transpose).
 * @example transpose(tensor([[1, 2, 3]])) // [[1], [2], [3]]
 */
export function transpose(x: Tensor, axes?: readonly number[]): Tensor {
  const rank = x.rank;
  const perm = axes
    ? axes.map((a) => normalizeAxis('transpose', a, rank))
    : x.shape.map((_, i) => rank - 1 - i);
  if (perm.length !== rank || new Set(perm).size !== rank) {
    throw new RangeError(
      `transpose: axes ${formatShape(axes ?? [])} are not a permutation of the ${rank} axes of ${formatShape(x.shape)}` +
        ' / 축 순서가 올바른 순열이 아닙니다',
    );
  }
  const shape = perm.map((p) => x.shape[p]!);
  // source[i]: flat index in x of output element i
  const source = permutedIndex(x.shape, perm);
  const xd = x.data;
  const n = x.size;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = xd[source[i]!]!;
  return fromOp(out, shape, 'transpose', [x], (g) => {
    const gx = gradData(x);
    for (let i = 0; i < n; i++) gx[source[i]!]! += g[i]!;
  });
}

/** For each element of the permuted tensor, in row-major order, its flat index in the original. */
function permutedIndex(shape: readonly number[], perm: readonly number[]): Int32Array {
  const n = sizeOf(shape);
  const map = new Int32Array(n);
  const rank = shape.length;
  if (rank === 2 && perm[0] === 1) {
    const rows = shape[0]!;
    const cols = shape[1]!;
    for (let c = 0, i = 0; c < cols; c++) for (let r = 0; r < rows; r++) map[i++] = r * cols + c;
    return map;
  }
  const strides = stridesOf(shape);
  const outShape = perm.map((p) => shape[p]!);
  const step = perm.map((p) => strides[p]!);
  const counter = new Array<number>(rank).fill(0);
  let src = 0;
  for (let i = 0; i < n; i++) {
    map[i] = src;
    for (let ax = rank - 1; ax >= 0; ax--) {
      counter[ax]!++;
      src += step[ax]!;
      if (counter[ax]! < outShape[ax]!) break;
      src -= step[ax]! * counter[ax]!;
      counter[ax] = 0;
    }
  }
  return map;
}

/**
 * Rows `indices` along axis 0, in that order (repeats allowed): how mini-batches are cut.
 * The gradient is added back into the chosen rows.
 * @example gather(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0]) // [[5, 6], [1, 2]]
 */
export function gather(x: Tensor, indices: ArrayLike<number>): Tensor {
  if (x.rank === 0) throw new RangeError('gather: needs a tensor with at least one axis, got a scalar');
  const rows = x.shape[0]!;
  const rowSize = rows === 0 ? 0 : x.size / rows;
  const count = indices.length;
  const picked = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const idx = indices[r]!;
    if (!Number.isInteger(idx) || idx < 0 || idx >= rows) {
      throw new RangeError(
        `gather: index ${idx} is out of range for ${rows} rows (shape ${formatShape(x.shape)})` +
          ` / 인덱스 ${idx}은(는) 행 ${rows}개의 범위 밖입니다`,
      );
    }
    picked[r] = idx;
  }
  const xd = x.data;
  const out = new Float64Array(count * rowSize);
  for (let r = 0; r < count; r++) {
    const start = picked[r]! * rowSize;
    out.set(xd.subarray(start, start + rowSize), r * rowSize);
  }
  return fromOp(out, [count, ...x.shape.slice(1)], 'gather', [x], (g) => {
    const gx = gradData(x);
    for (let r = 0; r < count; r++) {
      const dst = picked[r]! * rowSize;
      const src = r * rowSize;
      for (let j = 0; j < rowSize; j++) gx[dst + j]! += g[src + j]!;
    }
  });
}

/**
 * Joins tensors along an existing `axis` (default 0); all other sizes must match.
 * @example concat([tensor([[1, 2]]), tensor([[3, 4]])]) // [[1, 2], [3, 4]]
 */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  const first = tensors[0];
  if (first === undefined) throw new RangeError('concat: needs at least one tensor');
  const ax = normalizeAxis('concat', axis, first.rank);
  let total = 0;
  for (const t of tensors) {
    const matches = t.rank === first.rank && t.shape.every((d, i) => i === ax || d === first.shape[i]);
    if (!matches) {
      throw new RangeError(
        `concat: shapes ${tensors.map((u) => formatShape(u.shape)).join(', ')} differ outside axis ${axis}` +
          ` / 축 ${axis} 밖의 크기가 서로 다릅니다`,
      );
    }
    total += t.shape[ax]!;
  }
  const shape = first.shape.slice();
  shape[ax] = total;
  const { outer, inner } = splitAtAxis(shape, ax);
  const out = new Float64Array(sizeOf(shape));
  const rowOut = total * inner; // one outer slice of the output
  let offset = 0; // where each tensor's block starts inside a slice
  const offsets: number[] = [];
  for (const t of tensors) {
    const block = t.shape[ax]! * inner;
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * block, (o + 1) * block), o * rowOut + offset);
    offsets.push(offset);
    offset += block;
  }
  return fromOp(out, shape, 'concat', tensors, (g) => {
    tensors.forEach((t, ti) => {
      if (!t.requiresGrad) return;
      const gt = gradData(t);
      const block = t.shape[ax]! * inner;
      for (let o = 0; o < outer; o++) {
        const src = o * rowOut + offsets[ti]!;
        for (let j = 0; j < block; j++) gt[o * block + j]! += g[src + j]!;
      }
    });
  });
}
