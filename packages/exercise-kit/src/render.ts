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

/** A number with at most 8 significant digits: `0.21194155761708544` -> `"0.21194156"`, `1` -> `"1"`. */
export function renderNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Object.is(x, -0)) return '0';
  return String(Number(x.toPrecision(8)));
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
function wordOf(value: unknown): string | undefined {
  if (typeof value === 'number') return renderNumber(value);
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

class Renderer {
  private readonly text: Text;
  private readonly trail: Trail;

  constructor(
    private readonly budget: Budget,
    depth = RENDER_DEPTH,
    chars = MAX_CHARS,
  ) {
    this.text = new Text(chars);
    this.trail = new Trail(depth);
  }

  private spend(n: number): boolean {
    if (this.budget.spend(n)) return true;
    this.text.full = true;
    return false;
  }

  any(value: unknown): void {
    if (this.text.full) return;
    const word = wordOf(value);
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

  /** `n` items as `[a, b, ..., y, z]`, item `i` drawn by `each(i)`. */
  private list(n: number, each: (i: number) => void): void {
    if (!this.spend(Math.min(n, MAX_ITEMS))) return;
    this.text.add('[');
    for (let i = 0; i < n && !this.text.full; i++) {
      if (i > 0) this.text.add(', ');
      if (n > MAX_ITEMS && i === EDGE_ITEMS) {
        this.text.add('...');
        i = n - EDGE_ITEMS - 1;
      } else each(i);
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
      each(item);
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
 * `render` cut short (3 levels, 200 characters): the `got` of a verdict on an answer too large or too
 * deep to judge, where the form of the answer is what helps (`[[[[...], [...]], ...`), not its bulk.
 */
export function renderBrief(value: unknown): string {
  const renderer = new Renderer(new Budget(), BRIEF_DEPTH, BRIEF_CHARS);
  renderer.any(value);
  return renderer.toString();
}
