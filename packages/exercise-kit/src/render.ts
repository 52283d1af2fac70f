/**
 * Turning values into text for people, and numeric values (numbers, nested arrays, typed arrays,
 * tensors) into one flat form the judge helpers compare.
 *
 * Probes return plain data: a `Tensor` crossing the sandbox boundary arrives as a plain object
 * `{ data, shape, ... }` (structured clone drops the class), so everything here recognises that form.
 */

/** A number or an arbitrarily nested array of numbers (a tensor written out by hand). */
export type NestedArray = number | NestedArray[];

/** A numeric value in one flat, row-major form. */
export interface Numeric {
  shape: number[];
  values: ArrayLike<number>;
}

/** Elements shown per axis before `render` summarises an axis with `...` (numpy does the same). */
const EDGE_ITEMS = 4;
const MAX_ITEMS = 2 * EDGE_ITEMS + 2;
/** Beyond this, `render` cuts its text: a message should fit on a screen. */
const MAX_CHARS = 1200;
const MAX_DEPTH = 6;

/** A number with at most 8 significant digits: `0.21194155761708544` -> `"0.21194156"`, `1` -> `"1"`. */
export function renderNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Object.is(x, -0)) return '0';
  return String(Number(x.toPrecision(8)));
}

function isTypedNumberArray(value: unknown): value is ArrayLike<number> {
  return (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) &&
    !(value instanceof BigUint64Array)
  );
}

/** A tensor as it looks after crossing the sandbox: `{ shape: number[], data: ArrayLike<number> }`. */
function isTensorLike(value: unknown): value is { shape: readonly number[]; data: ArrayLike<number> } {
  if (typeof value !== 'object' || value === null) return false;
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return false;
  if (!(isTypedNumberArray(data) || (Array.isArray(data) && data.every((x) => typeof x === 'number'))))
    return false;
  return shape.reduce((a: number, b: number) => a * b, 1) === data.length;
}

/**
 * The flat form of a numeric value, or `null` when it is not one (a string, a ragged array, an
 * array holding a non-number, ...).
 *
 * @example
 * ```ts
 * toNumeric([[1, 2], [3, 4]]); // { shape: [2, 2], values: [1, 2, 3, 4] }
 * toNumeric(7);                // { shape: [], values: [7] }
 * ```
 */
export function toNumeric(value: unknown): Numeric | null {
  if (typeof value === 'number') return { shape: [], values: [value] };
  if (isTypedNumberArray(value)) return { shape: [value.length], values: value };
  if (isTensorLike(value)) return { shape: [...value.shape], values: value.data };
  if (!Array.isArray(value)) return null;
  // The first element at each depth gives the shape; `flatten` then demands every other one agrees.
  const shape: number[] = [];
  let node: unknown = value;
  while (Array.isArray(node) || isTypedNumberArray(node)) {
    shape.push(node.length);
    if (node.length === 0) break;
    node = node[0];
  }
  if (typeof node !== 'number' && shape.at(-1) !== 0) return null;
  const values: number[] = [];
  return flatten(value, shape, 0, values) ? { shape, values } : null;
}

function flatten(node: unknown, shape: readonly number[], depth: number, out: number[]): boolean {
  if (depth === shape.length) {
    if (typeof node !== 'number') return false;
    out.push(node);
    return true;
  }
  const items = Array.isArray(node) ? node : isTypedNumberArray(node) ? Array.from(node) : null;
  if (items === null || items.length !== shape[depth]) return false;
  return items.every((item) => flatten(item, shape, depth + 1, out));
}

/** The shape of a numeric value (`[]` for a number), or `null` when it is not numeric. */
export function shapeOf(value: unknown): number[] | null {
  return toNumeric(value)?.shape ?? null;
}

/** The row-major index `[i, j, ...]` of flat position `flat` in `shape`. */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis] ?? 1;
    index[axis] = size === 0 ? 0 : flat % size;
    flat = size === 0 ? 0 : Math.floor(flat / size);
  }
  return index;
}

function renderFlat(
  values: ArrayLike<number>,
  shape: readonly number[],
  offset: number,
  axis: number,
): string {
  if (axis === shape.length) return renderNumber(values[offset] ?? Number.NaN);
  const size = shape[axis] ?? 0;
  const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const parts: string[] = [];
  for (let i = 0; i < size; i++) {
    if (size > MAX_ITEMS && i === EDGE_ITEMS) {
      parts.push('...');
      i = size - EDGE_ITEMS - 1;
      continue;
    }
    parts.push(renderFlat(values, shape, offset + i * stride, axis + 1));
  }
  return `[${parts.join(', ')}]`;
}

function renderAny(value: unknown, depth: number, seen: Set<unknown>): string {
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value) || depth > MAX_DEPTH) return '...';
  const numeric = toNumeric(value);
  if (numeric) {
    const text = renderFlat(numeric.values, numeric.shape, 0, 0);
    return isTensorLike(value) ? `tensor(${text}, shape=[${numeric.shape.join(', ')}])` : text;
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((item) => renderAny(item, depth + 1, seen)).join(', ')}]`;
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${renderAny(v, depth + 1, seen)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  } finally {
    seen.delete(value);
  }
}

/**
 * A value as people read it in a message: numbers with 8 significant digits, arrays (also nested,
 * typed, or tensors) in brackets with long axes summarised by `...`, objects as `{ key: value }`.
 *
 * @example
 * ```ts
 * render([0.2119415576, 0.5761168847]); // "[0.21194156, 0.57611688]"
 * render({ loss: 0.5, epochs: 3 });     // "{ loss: 0.5, epochs: 3 }"
 * ```
 */
export function render(value: unknown): string {
  const text = renderAny(value, 0, new Set());
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 3)}...` : text;
}
