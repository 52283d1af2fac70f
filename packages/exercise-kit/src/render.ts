/**
 * Turning values into text for people: the `expected` and `got` of a verdict, values inside messages.
 *
 * A value to show may be anything a probe returned, so `render` stays brief and quick whatever it
 * is: long axes and objects are summarised by `...`, nesting past `RENDER_DEPTH` levels is shown as
 * `[...]`, a cycle as `<cycle>`, and the text stops at `MAX_CHARS`. Its work is bounded by that text
 * and by a `Budget` (object keys and tensor data count against it), not by the value's size.
 */

import { Budget } from './limits.js';
import { tensorParts } from './numeric.js';
import { Trail } from './trail.js';

/** Elements shown per axis before `render` summarises an axis with `...` (numpy does the same). */
const EDGE_ITEMS = 4;
const MAX_ITEMS = 2 * EDGE_ITEMS + 2;
/** Beyond this, `render` cuts its text: a message should fit on a screen. */
const MAX_CHARS = 1200;
/** Levels of nesting shown; deeper arrays and objects become `[...]` and `{...}`. */
const RENDER_DEPTH = 7;
/** The same for `renderBrief`: enough to show the form of an answer too large to judge. */
const BRIEF_DEPTH = 3;
const BRIEF_CHARS = 200;
/** BigInts longer than this many hex digits are described, not printed (their decimal text is slow). */
const MAX_BIGINT_HEX = 1000;

/**
 * A number with at most `digits` significant digits (8 unless told): `0.21194155761708544` ->
 * `"0.21194156"`, `1` -> `"1"`.
 */
export function renderNumber(x: number, digits = 8): string {
  if (!Number.isFinite(x)) return String(x);
  if (Object.is(x, -0)) return '0';
  return String(Number(x.toPrecision(digits)));
}

/**
 * The fewest significant digits, 8 at least and 17 at most (enough for any double), at which `a` and
 * `b` round to different numbers: `digitsToTell(2.30822223991683, 2.3082222442504)` is 10
 * (2.308222240 against 2.308222244), where 8 digits show 2.3082222 twice.
 */
export function digitsToTell(a: number, b: number): number {
  for (let digits = 8; digits < 17; digits++)
    if (Number(a.toPrecision(digits)) !== Number(b.toPrecision(digits))) return digits;
  return 17;
}

function renderBigInt(x: bigint): string {
  const hex = (x < 0n ? -x : x).toString(16);
  if (hex.length <= MAX_BIGINT_HEX) return `${x}n`;
  const bits = (hex.length - 1) * 4 + Number.parseInt(hex.slice(0, 1), 16).toString(2).length;
  return `<BigInt of about ${Math.floor((bits - 1) * Math.log10(2)) + 1} digits>`;
}

const isList = (value: object): value is ArrayLike<unknown> =>
  Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));

/** The text of a value drawn in one piece (a number, a string, a date, ...); `undefined` for containers. */
function wordOf(value: unknown, digits = 8): string | undefined {
  if (typeof value === 'number') return renderNumber(value, digits);
  if (typeof value === 'string')
    return JSON.stringify(value.length > MAX_CHARS ? value.slice(0, MAX_CHARS) : value);
  if (typeof value === 'bigint') return renderBigInt(value);
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Error) return `${String(value.name)}: ${String(value.message)}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  if (value instanceof DataView) return `DataView(${value.byteLength})`;
  if (value instanceof Number) return `Number(${renderNumber(value.valueOf())})`;
  if (value instanceof String) return `String(${wordOf(value.valueOf())})`;
  if (value instanceof Boolean) return `Boolean(${value.valueOf()})`;
  return undefined;
}

/** The text being built; it takes nothing more once it is full (or the budget ran out). */
class Text {
  private readonly parts: string[] = [];
  private length = 0;
  /** True once more text was offered than fits: the result ends in `...`. */
  full = false;

  constructor(private readonly maxChars: number) {}

  add(part: string): void {
    if (this.full) return;
    const room = this.maxChars - this.length;
    if (part.length > room) {
      this.parts.push(part.slice(0, room));
      this.full = true;
    } else this.parts.push(part);
    this.length += Math.min(part.length, room);
  }

  toString(): string {
    const text = this.parts.join('');
    return this.full ? `${text.slice(0, this.maxChars - 3)}...` : text;
  }
}

/** How `renderDifference` draws: more digits, and one element marked. */
interface Emphasis {
  digits: number;
  /** The index of the element to mark (`>>x<<`), kept in view even where an axis is summarised. */
  mark?: readonly number[];
}

class Renderer {
  private readonly text: Text;
  private readonly trail: Trail;
  /** The indexes from the value drawn down to the element being drawn (-1 inside objects). */
  private readonly path: number[] = [];

  constructor(
    private readonly budget: Budget,
    depth = RENDER_DEPTH,
    chars = MAX_CHARS,
    private readonly emphasis?: Emphasis,
  ) {
    this.text = new Text(chars);
    this.trail = new Trail(depth);
  }

  /** The marked index at the current axis, when the path so far leads to the marked element. */
  private markedHere(): number | undefined {
    const mark = this.emphasis?.mark;
    if (!mark || this.path.length >= mark.length) return undefined;
    return this.path.every((i, axis) => i === mark[axis]) ? mark[this.path.length] : undefined;
  }

  /** The element being drawn is the marked one (or, with an empty mark, the lone number drawn). */
  private isMarked(): boolean {
    const mark = this.emphasis?.mark;
    return !!mark && mark.length === this.path.length && this.path.every((i, axis) => i === mark[axis]);
  }

  private spend(n: number): boolean {
    if (this.budget.spend(n)) return true;
    this.text.full = true;
    return false;
  }

  any(value: unknown): void {
    if (this.text.full) return;
    if (typeof value === 'number' && this.emphasis && this.isMarked()) {
      // Past 8 digits both rows show the element with the same digits, trailing zeros kept, so
      // they line up: 2.308222240 over 2.308222244.
      const { digits, mark = [] } = this.emphasis;
      const word = precise(value, digits);
      this.text.add(mark.length > 0 ? `>>${word}<<` : word);
      return;
    }
    const word = wordOf(value, this.emphasis?.digits);
    if (word !== undefined) this.text.add(word);
    else if (this.spend(1)) this.container(value as object);
  }

  private container(value: object): void {
    const stop = this.trail.enter(value);
    if (stop) {
      this.text.add(stop === 'cycle' ? '<cycle>' : isList(value) ? '[...]' : '{...}');
      return;
    }
    try {
      this.object(value);
    } finally {
      this.trail.leave(value);
    }
  }

  /**
   * `n` items as `[a, b, ..., y, z]`, item `i` drawn by `each(i)`; a marked item in the middle stays
   * in view with its neighbours: `[a, b, c, d, ..., l, >>m<<, n, ..., y, z]`.
   */
  private list(n: number, each: (i: number) => void): void {
    if (!this.spend(Math.min(n, MAX_ITEMS))) return;
    const shown = new Set<number>();
    const show = (from: number, to: number) => {
      for (let i = Math.max(0, from); i < Math.min(n, to); i++) shown.add(i);
    };
    if (n <= MAX_ITEMS) show(0, n);
    else {
      show(0, EDGE_ITEMS);
      show(n - EDGE_ITEMS, n);
      const marked = this.markedHere();
      if (marked !== undefined) show(marked - 1, marked + 2);
    }
    this.text.add('[');
    let previous = -1;
    for (const i of [...shown].sort((a, b) => a - b)) {
      if (this.text.full) break;
      if (previous >= 0) this.text.add(', ');
      if (i > previous + 1 && previous >= 0) this.text.add('..., ');
      this.path.push(i);
      each(i);
      this.path.pop();
      previous = i;
    }
    this.text.add(']');
  }

  /** A tensor's flat `data`, drawn as nested arrays of `shape` from `offset` along `axis`. */
  private flat(data: ArrayLike<unknown>, shape: readonly number[], offset: number, axis: number): void {
    if (axis === shape.length) {
      this.any(data[offset]);
      return;
    }
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    this.list(shape[axis] ?? 0, (i) => this.flat(data, shape, offset + i * stride, axis + 1));
  }

  /** `{ a, b, ... }` with the first items of an iterable (keys, a Map's entries, a Set's values). */
  private some<T>(items: Iterable<T>, size: number, each: (item: T) => void, prefix: string): void {
    if (!this.spend(Math.min(size, MAX_ITEMS))) return;
    this.text.add(size === 0 ? `${prefix}{}` : `${prefix}{ `);
    let shown = 0;
    for (const item of items) {
      if (this.text.full) return;
      if (shown > 0) this.text.add(', ');
      if (size > MAX_ITEMS && shown === MAX_ITEMS - 2) {
        this.text.add('...');
        break;
      }
      this.path.push(-1);
      each(item);
      this.path.pop();
      shown++;
    }
    if (size > 0) this.text.add(' }');
  }

  private object(value: object): void {
    if (isList(value)) {
      this.list(value.length, (i) => this.any(value[i]));
      return;
    }
    // Data too long to check within the budget is shown as the plain object it also is.
    const tensor = tensorParts(value, (data) => {
      if (data.length > this.budget.left || !this.spend(data.length)) return false;
      for (let i = 0; i < data.length; i++) if (typeof data[i] !== 'number') return false;
      return true;
    });
    if (tensor) {
      this.text.add('tensor(');
      this.flat(tensor.data, tensor.shape, 0, 0);
      this.text.add(`, shape=[${tensor.shape.join(', ')}])`);
    } else if (value instanceof Map) {
      const entry = ([k, v]: [unknown, unknown]) => {
        this.any(k);
        this.text.add(' => ');
        this.any(v);
      };
      this.some(value, value.size, entry, `Map(${value.size}) `);
    } else if (value instanceof Set) {
      this.some(value, value.size, (v) => this.any(v), `Set(${value.size}) `);
    } else {
      const keys = Object.keys(value);
      if (!this.spend(keys.length)) return;
      const show = (key: string) => {
        this.text.add(`${key}: `);
        this.any((value as Record<string, unknown>)[key]);
      };
      this.some(keys, keys.length, show, '');
    }
  }

  toString(): string {
    return this.text.toString();
  }
}

/**
 * A value as people read it in a message: numbers with 8 significant digits, arrays (also nested,
 * typed, or tensors) in brackets with long axes summarised by `...`, objects as `{ key: value }`.
 * Safe on any answer: a cycle shows as `<cycle>`, deep nesting as `[...]`, and the text is at most
 * 1200 characters, however large the value (`budget` bounds the work; see `Budget`).
 *
 * @example
 * ```ts
 * render([0.2119415576, 0.5761168847]); // "[0.21194156, 0.57611688]"
 * render({ loss: 0.5, epochs: 3 });     // "{ loss: 0.5, epochs: 3 }"
 * const a: unknown[] = [1];
 * a.push(a);
 * render(a);                            // "[1, <cycle>]"
 * ```
 */
export function render(value: unknown, budget: Budget = new Budget()): string {
  const renderer = new Renderer(budget);
  renderer.any(value);
  return renderer.toString();
}

/**
 * Two numbers as text that tells them apart: 8 significant digits, or as many as it takes
 * (`digitsToTell`), then with trailing zeros kept so they line up.
 *
 * @example
 * ```ts
 * renderNumberPair(0.5, 0.25);                          // ["0.5", "0.25"]
 * renderNumberPair(2.30822223991683, 2.3082222442504);  // ["2.308222240", "2.308222244"]
 * ```
 */
export function renderNumberPair(a: number, b: number): [string, string] {
  const digits = digitsToTell(a, b);
  return [precise(a, digits), precise(b, digits)];
}

/**
 * `x` with `digits` significant digits, trailing zeros kept past 8; at 17, JavaScript's own shortest
 * text that reads back as `x` (`0.3`, not `0.29999999999999999`).
 */
function precise(x: number, digits: number): string {
  if (digits <= 8 || !Number.isFinite(x)) return renderNumber(x, digits);
  return digits >= 17 ? String(x) : x.toPrecision(digits);
}

/**
 * `expected` and `got` drawn to be compared, given where they first differ (`firstDifference`; without
 * `index`, nothing is marked): with
 * as many digits as it takes to tell that element apart (`digitsToTell`: 8 unless more are needed,
 * for every number of both rows), and the element marked `>>x<<` in both (a lone number is not marked),
 * kept in view where a long axis is summarised.
 *
 * @example
 * ```ts
 * renderDifference([2.30822223991683, 1], [2.3082222442504, 1], { index: [0], expected: 2.30822223991683, got: 2.3082222442504 });
 * // { expected: "[>>2.308222240<<, 1]", got: "[>>2.308222244<<, 1]" }
 * ```
 */
export function renderDifference(
  expected: unknown,
  got: unknown,
  at: { index?: readonly number[]; expected: number; got: number },
): { expected: string; got: string } {
  const emphasis = { digits: digitsToTell(at.expected, at.got), ...(at.index ? { mark: at.index } : {}) };
  const draw = (value: unknown) => {
    const renderer = new Renderer(new Budget(), RENDER_DEPTH, MAX_CHARS, emphasis);
    renderer.any(value);
    return renderer.toString();
  };
  return { expected: draw(expected), got: draw(got) };
}

/**
 * `render` cut short (3 levels, 200 characters): the `got` of a verdict on an answer too large or too
 * deep to judge, where the form of the answer is what helps (`[[[[...], [...]], ...`), not its bulk.
 */
export function renderBrief(value: unknown): string {
  const renderer = new Renderer(new Budget(), BRIEF_DEPTH, BRIEF_CHARS);
  renderer.any(value);
  return renderer.toString();
}
