/**
 * Reductions: sum, mean, max over some axes (or all), with `keepDims`; and argmax.
 * Every reduction is planned once as "which output element does input element i feed": an index table
 * built with plain loops for one axis or with the broadcasting odometer for several; no table at all
 * when everything feeds one scalar (a loss).
 */
import { fromOp, gradData } from './autograd.js';
import { allocFloats } from './kernels/alloc.js';
import { broadcastIndexMap, normalizeAxis, sizeOf, splitAtAxis } from './shape.js';
import { Tensor } from './tensor.js';

interface Plan {
  /** shape of the result as returned (without the reduced axes unless keepDims) */
  shape: number[];
  outSize: number;
  /** how many inputs feed each output */
  count: number;
  /** for every input element, its output element; null when all feed element 0 */
  target: Int32Array | null;
}

function plan(op: string, x: Tensor, axis: number | readonly number[] | undefined, keepDims: boolean): Plan {
  const axes =
    axis === undefined
      ? x.shape.map((_, i) => i)
      : (typeof axis === 'number' ? [axis] : axis).map((a) => normalizeAxis(op, a, x.rank));
  const reduced = new Set(axes);
  const kept = x.shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const shape = keepDims ? kept : x.shape.filter((_, i) => !reduced.has(i));
  const outSize = sizeOf(kept);
  const count = outSize === 0 ? 0 : x.size / outSize;
  let target: Int32Array | null = null;
  if (outSize === 1) {
    // everything feeds element 0
  } else if (reduced.size === 1) {
    const { outer, n, inner } = splitAtAxis(x.shape, axes[0]!);
    target = new Int32Array(x.size);
    for (let o = 0, i = 0; o < outer; o++) {
      for (let j = 0; j < n; j++) for (let k = 0; k < inner; k++) target[i++] = o * inner + k;
    }
  } else {
    target = broadcastIndexMap(kept, x.shape);
  }
  return { shape, outSize, count, target };
}

function sumScaled(op: string, x: Tensor, p: Plan, scale: number): Tensor {
  const { target, outSize } = p;
  const xd = x.data;
  const n = x.size;
  const out = allocFloats(outSize);
  if (target === null) {
    let total = 0;
    for (let i = 0; i < n; i++) total += xd[i]!;
    out[0] = total;
  } else {
    for (let i = 0; i < n; i++) out[target[i]!]! += xd[i]!;
  }
  if (scale !== 1) for (let o = 0; o < outSize; o++) out[o]! *= scale;
  return fromOp(out, p.shape, op, [x], (g) => {
    // every input contributed `scale` times itself to its output
    const gx = gradData(x);
    if (target === null) {
      const g0 = g[0]! * scale;
      for (let i = 0; i < n; i++) gx[i]! += g0;
    } else {
      for (let i = 0; i < n; i++) gx[i]! += g[target[i]!]! * scale;
    }
  });
}

/**
 * Sum over `axis` (a number, a list, or all axes when omitted -> a scalar of shape `[]`).
 * @example sum(tensor([[1, 2], [3, 4]]), 0) // [4, 6]
 * @example sum(tensor([[1, 2], [3, 4]]), 1, true) // [[3], [7]]
 */
export function sum(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  return sumScaled('sum', x, plan('sum', x, axis, keepDims), 1);
}

/** Mean over `axis` (or all axes). @example mean(tensor([1, 2, 3, 4])) // 2.5 */
export function mean(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const p = plan('mean', x, axis, keepDims);
  return sumScaled('mean', x, p, 1 / p.count);
}

/**
 * Maximum over `axis` (or all axes). A NaN wins, as in numpy (`max` propagates NaN). The gradient
 * flows to the first position holding the maximum (or the first NaN).
 * @example max(tensor([[1, 5], [7, 2]]), 1) // [5, 7]
 */
export function max(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const p = plan('max', x, axis, keepDims);
  if (x.size === 0) throw new RangeError('max: the tensor is empty');
  const { target, outSize } = p;
  const xd = x.data;
  const out = allocFloats(outSize).fill(Number.NEGATIVE_INFINITY);
  const winner = new Int32Array(outSize).fill(-1); // input index holding each maximum
  for (let i = 0; i < x.size; i++) {
    const o = target === null ? 0 : target[i]!;
    const v = xd[i]!;
    const best = out[o]!;
    if (v > best || winner[o] === -1 || (Number.isNaN(v) && !Number.isNaN(best))) {
      out[o] = v;
      winner[o] = i;
    }
  }
  return fromOp(out, p.shape, 'max', [x], (g) => {
    const gx = gradData(x);
    for (let o = 0; o < outSize; o++) gx[winner[o]!]! += g[o]!;
  });
}

/**
 * Index of the largest value along `axis` (default -1, the last), as numbers; ties pick the first,
 * and the first NaN wins (as numpy's `argmax`). Not differentiable: the result never requires grad.
 * @example argmax(tensor([[0.1, 0.7, 0.2], [0.9, 0.05, 0.05]])) // [1, 0]
 */
export function argmax(x: Tensor, axis = -1): Tensor {
  const ax = normalizeAxis('argmax', axis, x.rank);
  const { outer, n, inner } = splitAtAxis(x.shape, ax);
  if (n === 0) throw new RangeError('argmax: the axis is empty');
  const xd = x.data;
  const out = allocFloats(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const base = o * n * inner + k;
      let best = 0;
      let top = xd[base]!;
      for (let j = 1; j < n && !Number.isNaN(top); j++) {
        const v = xd[base + j * inner]!;
        if (v > top || Number.isNaN(v)) {
          best = j;
          top = v;
        }
      }
      out[o * inner + k] = best;
    }
  }
  return new Tensor(
    out,
    x.shape.filter((_, i) => i !== ax),
  );
}
