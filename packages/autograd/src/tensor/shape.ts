/** Shape arithmetic shared by the ops: sizes, strides, axes and numpy broadcasting rules. */

/** Number of elements of a shape (1 for the scalar shape `[]`). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides: `stridesOf([2, 3, 4])` is `[12, 4, 1]`. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** `[4,2]`: the way error messages write shapes. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/** True when both shapes have the same rank and sizes. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Turns a possibly negative axis into 0..rank-1, or throws a RangeError naming the op. */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(axis) || a < 0 || a >= rank) {
    throw new RangeError(
      `${op}: axis ${axis} is out of range for a tensor of rank ${rank} / 축 ${axis}은(는) ${rank}차원 텐서의 범위 밖입니다`,
    );
  }
  return a;
}

/**
 * numpy broadcasting: align shapes on the right; each pair of sizes must be equal or one of them 1.
 * @example broadcastShapes('add', [4, 1, 3], [2, 1]) // [4, 2, 3]
 * @throws RangeError `add: shapes [2,3] and [4] cannot be broadcast — sizes 3 and 4 differ at axis -1`
 */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 1; i <= rank; i++) {
    const da = a.length - i >= 0 ? a[a.length - i]! : 1;
    const db = b.length - i >= 0 ? b[b.length - i]! : 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast — ` +
          `sizes ${da} and ${db} differ at axis -${i} / 두 모양은 브로드캐스트할 수 없습니다 (축 -${i}의 크기 ${da}, ${db})`,
      );
    }
    out[rank - i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * For every element of `to` (row-major), the flat index of the element of `from` that broadcasts onto it.
 * `from` must broadcast to `to`. The general (slow) path of broadcasting; callers try fast paths first.
 */
export function broadcastIndexMap(from: readonly number[], to: readonly number[]): Int32Array {
  const rank = to.length;
  const offset = rank - from.length;
  const fromStrides = stridesOf(from);
  // stride of each output axis inside `from`: 0 where `from` is broadcast (size 1 or missing)
  const step = new Array<number>(rank).fill(0);
  for (let i = 0; i < from.length; i++) if (from[i] !== 1) step[i + offset] = fromStrides[i]!;
  const size = sizeOf(to);
  const map = new Int32Array(size);
  const counter = new Array<number>(rank).fill(0);
  let src = 0;
  for (let i = 0; i < size; i++) {
    map[i] = src;
    // odometer: advance the last axis, carry into earlier ones
    for (let ax = rank - 1; ax >= 0; ax--) {
      counter[ax]!++;
      src += step[ax]!;
      if (counter[ax]! < to[ax]!) break;
      src -= step[ax]! * counter[ax]!;
      counter[ax] = 0;
    }
  }
  return map;
}

/**
 * True when `from` is the trailing part of `to` (ignoring leading 1s of `from`), so `from`'s data
 * repeats as whole rows: a bias `[C]` added to `[N, C]`. Broadcasting then needs no index map.
 */
export function isTrailingRow(from: readonly number[], to: readonly number[]): boolean {
  let start = 0;
  while (start < from.length && from[start] === 1) start++;
  const n = from.length - start;
  if (n > to.length) return false;
  for (let i = 0; i < n; i++) if (from[start + i] !== to[to.length - n + i]) return false;
  return true;
}

/**
 * Views a shape as `[outer, n, inner]` around one axis: element (o, j, i) sits at `(o * n + j) * inner + i`.
 * Lets reductions and softmax walk any axis with plain loops.
 */
export function splitAtAxis(
  shape: readonly number[],
  axis: number,
): { outer: number; n: number; inner: number } {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  return { outer, n: shape[axis]!, inner };
}
