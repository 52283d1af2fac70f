/**
 * Broadcasting in both directions, with fast paths before the general strided one:
 * - `expand`: forward, copies a smaller operand's data out to the full output shape;
 * - `addReduced`: backward, sums a full-shape gradient over the broadcast axes into a smaller one.
 * Fast paths: same size (no work), a single element, and whole trailing rows (a bias `[C]` on `[N, C]`).
 */
import { allocFloats } from './kernels/alloc.js';
import { broadcastIndexMap, isTrailingRow, sizeOf } from './shape.js';

/** `data` (of shape `from`) broadcast to shape `to`; returns `data` itself when nothing is repeated. */
export function expand(data: Float64Array, from: readonly number[], to: readonly number[]): Float64Array {
  const size = sizeOf(to);
  if (data.length === size) return data;
  const out = allocFloats(size);
  if (data.length === 1) return out.fill(data[0]!);
  if (isTrailingRow(from, to)) {
    for (let start = 0; start < size; start += data.length) out.set(data, start);
    return out;
  }
  const map = broadcastIndexMap(from, to);
  for (let i = 0; i < size; i++) out[i] = data[map[i]!]!;
  return out;
}

/**
 * Adds `scale · grad` (`grad` of the broadcast shape `from`) into `target` (of the smaller shape `to`),
 * summing over every axis that broadcasting repeated: the chain rule for a value that was used many times.
 */
export function addReduced(
  target: Float64Array,
  to: readonly number[],
  grad: Float64Array,
  from: readonly number[],
  scale = 1,
): void {
  const n = target.length;
  if (grad.length === n) {
    for (let i = 0; i < n; i++) target[i]! += scale * grad[i]!;
    return;
  }
  if (n === 1) {
    let s = 0;
    for (let i = 0; i < grad.length; i++) s += grad[i]!;
    target[0]! += scale * s;
    return;
  }
  if (isTrailingRow(to, from)) {
    for (let start = 0; start < grad.length; start += n) {
      for (let j = 0; j < n; j++) target[j]! += scale * grad[start + j]!;
    }
    return;
  }
  const map = broadcastIndexMap(to, from);
  for (let i = 0; i < grad.length; i++) target[map[i]!]! += scale * grad[i]!;
}
