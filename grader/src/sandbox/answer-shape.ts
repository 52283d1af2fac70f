/**
 * Whether an answer is safe for a judge to walk. An answer crosses the wire as structured-clone
 * data, which keeps shared references: forty nested `[v, v]` are 41 small arrays on the wire, but
 * 2^40 numbers to a judge that walks them (the kit's `toNumeric` flattens, `render` prints), and an
 * array that holds itself never ends. Judges run in the grader's own process, so either would hang
 * or abort the grader, not the child.
 *
 * So before judging, the answer is measured as a judge sees it: a shared part counted every time it
 * is reached (its size is remembered, so the walk is no longer than the message), an array by its
 * length (holes too), a typed array by its elements. It is refused when it contains itself, nests
 * deeper than {@link MAX_ANSWER_DEPTH}, or stands for more values than the largest frame has bytes —
 * which an answer without shared parts cannot do (every value takes at least one byte on the wire).
 */
import { MAX_FRAME_BYTES } from './channel.js';

/** Most values an answer may stand for, shared parts counted each time they are reached. */
export const MAX_ANSWER_VALUES = MAX_FRAME_BYTES;
/** Deepest nesting of arrays and objects an answer may have (a tensor has a handful of axes). */
export const MAX_ANSWER_DEPTH = 1000;

/** Why an answer cannot be judged. */
export type AnswerShapeProblem = 'cycle' | 'expands' | 'deep';

class Refused {
  constructor(readonly why: AnswerShapeProblem) {}
}

/**
 * Null when `value` (a deserialized answer) is safe to judge, else why not.
 *
 * @example
 * ```ts
 * let v: unknown = 1;
 * for (let i = 0; i < 40; i++) v = [v, v];
 * answerShapeProblem(v); // 'expands'
 * ```
 */
export function answerShapeProblem(value: unknown, max = MAX_ANSWER_VALUES): AnswerShapeProblem | null {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const measure = (v: unknown, depth: number): number => {
    if (typeof v !== 'object' || v === null) return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (open.has(v)) throw new Refused('cycle');
    if (depth > MAX_ANSWER_DEPTH) throw new Refused('deep');
    open.add(v);
    let n = 1;
    const add = (item: unknown) => {
      n += measure(item, depth + 1);
      if (n > max) throw new Refused('expands');
    };
    if (ArrayBuffer.isView(v)) n += 'length' in v ? Number(v.length) : v.byteLength;
    else if (Array.isArray(v)) {
      // Every element counts at least once: a long sparse array is refused without walking its holes.
      if (v.length > max) throw new Refused('expands');
      for (let i = 0; i < v.length; i++) add(v[i]);
    } else if (v instanceof Map)
      for (const [key, item] of v) {
        add(key);
        add(item);
      }
    else if (v instanceof Set) for (const item of v) add(item);
    else for (const key of Object.keys(v)) add((v as Record<string, unknown>)[key]);
    if (n > max) throw new Refused('expands');
    open.delete(v);
    sizes.set(v, n);
    return n;
  };
  try {
    measure(value, 0);
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.why;
    throw error;
  }
}
