/**
 * Turning a probe's return value into something structured clone can carry. A `Tensor` holds
 * closures for autodiff, so it cannot cross as it is: anything shaped like a tensor (`shape` array
 * plus `data` typed array) becomes `{ shape, data }`, which the kit's helpers understand.
 */

function isTensorLike(value: object): value is { shape: readonly number[]; data: ArrayLike<number> } {
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  return Array.isArray(shape) && ArrayBuffer.isView(data) && !(data instanceof DataView);
}

/** A copy of `value` with tensors replaced by `{ shape, data }`; everything else is kept. */
export function toPlain(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (isTensorLike(value)) {
    const plain = { shape: [...value.shape], data: Float64Array.from(value.data) };
    seen.set(value, plain);
    return plain;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(toPlain(item, seen));
    return copy;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // Map, Date, typed arrays, ...: clone as is
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = toPlain(item, seen);
  return copy;
}
