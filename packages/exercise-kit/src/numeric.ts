/**
 * Numeric values (numbers, nested arrays, typed arrays, tensors) in one flat, row-major form that the
 * judge helpers compare, read within a `Budget` (see `limits.ts`).
 *
 * Probes return plain data: a `Tensor` crossing the sandbox boundary arrives as a plain object
 * `{ data, shape, ... }` (structured clone drops the class), so everything here recognises that form.
 */

import { Budget, MAX_DEPTH, type WalkProblem } from './limits.js';

/** A number or an arbitrarily nested array of numbers (a tensor written out by hand). */
export type NestedArray = number | NestedArray[];

/**
 * A numeric value in one flat, row-major form. `values` is a Float64Array for nested arrays, the
 * value itself for a typed array or a tensor's `data`; NaN, infinities and -0 are kept as they are.
 */
export interface Numeric {
  shape: number[];
  values: ArrayLike<number>;
}

/**
 * What `readNumeric` found: numbers (with their shape), something that is not numeric (a string, a
 * ragged array, an array holding a non-number, ...), or a reason it stopped early (`WalkProblem`).
 */
export type NumericReading = ({ kind: 'numeric' } & Numeric) | { kind: 'not-numeric' } | WalkProblem;

/** A typed array of numbers (not of BigInts, not a DataView). */
export function isTypedNumberArray(value: unknown): value is ArrayLike<number> {
  return (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) &&
    !(value instanceof BigUint64Array)
  );
}

/** `shape`'s number of elements, or `Infinity` when it is not a list of sizes (or an absurd one). */
function sizeOfShape(shape: unknown): number {
  if (!Array.isArray(shape) || shape.length > MAX_DEPTH) return Number.POSITIVE_INFINITY;
  let size = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) return Number.POSITIVE_INFINITY;
    size *= d;
  }
  return size;
}

/**
 * The `{ shape, data }` of a tensor as it looks after crossing the sandbox, or `null` when `value` is
 * not one: `shape` a list of sizes, `data` a typed array, or an array whose `checkData` holds (the
 * caller decides how much of `data` it needs to see), with as many elements as `shape` says.
 */
export function tensorParts(
  value: unknown,
  checkData: (data: unknown[]) => boolean,
): { shape: number[]; data: ArrayLike<unknown> } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  const size = sizeOfShape(shape);
  if (!(isTypedNumberArray(data) || Array.isArray(data)) || data.length !== size) return null;
  if (Array.isArray(data) && !checkData(data)) return null;
  return { shape: shape as number[], data };
}

const reading = (shape: number[], values: ArrayLike<number>): NumericReading => ({
  kind: 'numeric',
  shape,
  values,
});
const notNumeric: NumericReading = { kind: 'not-numeric' };

/**
 * Reads `value` as numbers within `budget`: numbers with their shape, `not-numeric`, or why it
 * stopped (`cycle`, `too-large`, `too-deep`). Never throws, and never looks at more than
 * `budget.limit` elements (a shared row counts each time it appears), whatever the value.
 *
 * @example
 * ```ts
 * readNumeric([[1, 2], [3, 4]]); // { kind: 'numeric', shape: [2, 2], values: Float64Array [1, 2, 3, 4] }
 * const a: unknown[] = [];
 * a.push(a);
 * readNumeric(a);                // { kind: 'cycle', path: '[0]' }
 * ```
 */
export function readNumeric(value: unknown, budget: Budget = new Budget()): NumericReading {
  const tooLarge: WalkProblem = { kind: 'too-large', limit: budget.limit };
  if (typeof value === 'number') return reading([], [value]);
  if (isTypedNumberArray(value))
    return budget.spend(value.length) ? reading([value.length], value) : tooLarge;
  if (!Array.isArray(value)) {
    let afforded = true;
    const tensor = tensorParts(value, (data) => {
      afforded = budget.spend(data.length);
      // A loop, not `every`: `every` skips the holes of a sparse array.
      for (let i = 0; afforded && i < data.length; i++) if (typeof data[i] !== 'number') return false;
      return afforded;
    });
    if (!afforded) return tooLarge;
    if (!tensor) return notNumeric;
    return budget.spend(isTypedNumberArray(tensor.data) ? tensor.data.length : 0)
      ? reading([...tensor.shape], tensor.data as ArrayLike<number>)
      : tooLarge;
  }
  // The first element at each depth gives the shape; `Flatten` then demands every other one agrees.
  const shape: number[] = [];
  const chain = new Set<unknown>();
  let node: unknown = value;
  while (Array.isArray(node) || isTypedNumberArray(node)) {
    if (chain.has(node)) return { kind: 'cycle', path: '[0]'.repeat(shape.length) };
    if (shape.length === MAX_DEPTH)
      return { kind: 'too-deep', limit: MAX_DEPTH, path: '[0]'.repeat(MAX_DEPTH) };
    chain.add(node);
    shape.push(node.length);
    if (node.length === 0) break;
    node = node[0];
  }
  if (typeof node !== 'number' && shape.at(-1) !== 0) return notNumeric;
  // The shape says how many elements a walk will see at most (rows included): pay for them up front.
  let size = 1;
  let elements = 0;
  for (const d of shape) {
    size *= d;
    elements += size;
  }
  if (!budget.spend(elements)) return tooLarge;
  const flatten = new Flatten(shape, size);
  if (flatten.visit(value, 0)) return reading(shape, flatten.values);
  return cycleOn(value, flatten.index, flatten.failedAt) ?? notNumeric;
}

/**
 * The row-major walk behind `readNumeric`, once the shape is known; internal. Its inner loop does
 * no bookkeeping beyond `index` (the path to the current node), so it costs about as much as copying
 * the numbers: cycles are looked for only on the way to a failure (see `cycleOn`).
 */
class Flatten {
  /** A typed array, not `push`: the size is known, and growing an array of millions costs 3x more. */
  readonly values: Float64Array;
  /** The path to the current node; after a failure, `index[0..failedAt)` is the path to the culprit. */
  readonly index: number[];
  failedAt = 0;
  private n = 0;

  constructor(
    private readonly shape: readonly number[],
    size: number,
  ) {
    this.values = new Float64Array(size);
    this.index = new Array<number>(shape.length).fill(0);
  }

  /** True when `node` (at `depth`) has the shape's tail and holds only numbers. */
  visit(node: unknown, depth: number): boolean {
    if (!(Array.isArray(node) || isTypedNumberArray(node)) || node.length !== this.shape[depth]) {
      this.failedAt = depth;
      return false;
    }
    if (depth === this.shape.length - 1) {
      for (let i = 0; i < node.length; i++) {
        const x: unknown = node[i];
        if (typeof x !== 'number') {
          this.index[depth] = i;
          this.failedAt = depth + 1;
          return false;
        }
        this.values[this.n++] = x;
      }
      return true;
    }
    for (let i = 0; i < node.length; i++) {
      this.index[depth] = i;
      if (!this.visit(node[i], depth + 1)) return false;
    }
    return true;
  }
}

/**
 * A cycle on the path `index[0..length)` from `root`, if the walk failed because of one: every cycle
 * makes `Flatten` fail (an enclosing array turns up where a number or a shorter row belongs), so
 * looking only there finds them all, at no cost to answers without one.
 */
function cycleOn(root: unknown, index: readonly number[], length: number): WalkProblem | null {
  const nodes: unknown[] = [root];
  for (let j = 0; j < length; j++) {
    const next = (nodes[j] as ArrayLike<unknown>)[index[j] as number];
    if (typeof next === 'object' && next !== null && nodes.includes(next))
      return {
        kind: 'cycle',
        path: index
          .slice(0, j + 1)
          .map((i) => `[${i}]`)
          .join(''),
      };
    nodes.push(next);
  }
  return null;
}

/**
 * The flat form of a numeric value, or `null` when it is not one (a string, a ragged array, an
 * array holding a non-number, a cycle, more than `budget.limit` elements: `readNumeric` says which).
 *
 * @example
 * ```ts
 * toNumeric([[1, 2], [3, 4]]); // { shape: [2, 2], values: Float64Array [1, 2, 3, 4] }
 * toNumeric(7);                // { shape: [], values: [7] }
 * toNumeric(['1']);            // null
 * ```
 */
export function toNumeric(value: unknown, budget?: Budget): Numeric | null {
  const r = readNumeric(value, budget);
  return r.kind === 'numeric' ? { shape: r.shape, values: r.values } : null;
}

/** The shape of a numeric value (`[]` for a number), or `null` when `toNumeric` gives `null`. */
export function shapeOf(value: unknown, budget?: Budget): number[] | null {
  return toNumeric(value, budget)?.shape ?? null;
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
