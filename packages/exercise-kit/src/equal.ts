/**
 * `expectEqual`: exact, deep equality for results that are not floating-point approximations
 * (labels, counts, booleans, shapes, one-hot vectors of integers).
 */

import { about } from './about.js';
import { fail, type JudgeOptions, pass } from './judge.js';
import { Budget, problemMessage, type WalkProblem } from './limits.js';
import { withParticle } from './particle.js';
import type { Verdict } from './protocol.js';
import { render, renderBrief, renderDifference, renderNumberPair } from './render.js';
import { type Step, Trail } from './trail.js';

interface Mismatch {
  kind: 'difference';
  /** Where, e.g. `[1].label` (empty at the top). */
  path: string;
  expected: unknown;
  got: unknown;
}

const isList = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

const tagOf = (v: object) => Object.prototype.toString.call(v);

const own = (v: object, key: string): unknown =>
  Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;

/**
 * The walk behind `expectEqual`: `got` and `expected` side by side, led by `expected` (which the
 * check built, so it is small), within a budget, reporting a cycle in `got` instead of following it.
 */
class Comparison {
  private readonly trail = new Trail();

  constructor(private readonly budget: Budget) {}

  /** Null when equal. Numbers by value (NaN equals NaN, 0 equals -0); lists by their elements. */
  visit(got: unknown, expected: unknown): Mismatch | WalkProblem | null {
    if (typeof expected === 'number' && typeof got === 'number')
      return got === expected || (Number.isNaN(got) && Number.isNaN(expected))
        ? null
        : this.differ(got, expected);
    if (typeof expected !== 'object' || expected === null)
      return Object.is(got, expected) ? null : this.differ(got, expected);
    if (typeof got !== 'object' || got === null) return this.differ(got, expected);
    const stop = this.trail.enter(got);
    if (stop === 'cycle') return { kind: 'cycle', path: this.trail.path() };
    if (stop === 'too-deep') return { kind: 'too-deep', limit: this.trail.maxDepth, path: this.trail.path() };
    try {
      return this.inside(got, expected);
    } finally {
      this.trail.leave(got);
    }
  }

  private tooLarge(): WalkProblem {
    return { kind: 'too-large', limit: this.budget.limit };
  }

  private differ(got: unknown, expected: unknown): Mismatch {
    return { kind: 'difference', path: this.trail.path(), expected, got };
  }

  private step(step: Step, got: unknown, expected: unknown): Mismatch | WalkProblem | null {
    this.trail.down(step);
    try {
      return this.visit(got, expected);
    } finally {
      this.trail.up();
    }
  }

  private inside(got: object, expected: object): Mismatch | WalkProblem | null {
    if (isList(expected)) {
      if (!isList(got) || got.length !== expected.length) return this.differ(got, expected);
      if (!this.budget.spend(got.length)) return this.tooLarge();
      for (let i = 0; i < expected.length; i++) {
        const found = this.step(i, got[i], expected[i]);
        if (found) return found;
      }
      return null;
    }
    if (isList(got) || tagOf(got) !== tagOf(expected)) return this.differ(got, expected);
    if (expected instanceof Date || expected instanceof Number || expected instanceof Boolean)
      return Object.is(got.valueOf(), expected.valueOf()) ? null : this.differ(got, expected);
    if (expected instanceof String || expected instanceof RegExp)
      return String(got) === String(expected) ? null : this.differ(got, expected);
    if (expected instanceof ArrayBuffer && got instanceof ArrayBuffer)
      return this.visit(new Uint8Array(got), new Uint8Array(expected));
    if ((expected instanceof Map && got instanceof Map) || (expected instanceof Set && got instanceof Set)) {
      if (got.size !== expected.size) return this.differ(got, expected);
      if (!this.budget.spend(got.size)) return this.tooLarge();
      // In insertion order: a Map or Set built the same way lists its entries the same way.
      const raw = expected instanceof Map ? '.entries()' : '.values()';
      return this.step({ raw }, Array.from(got), Array.from(expected));
    }
    const keys = Object.keys(expected);
    const gotKeys = Object.keys(got);
    if (!this.budget.spend(Math.max(keys.length, gotKeys.length))) return this.tooLarge();
    for (const key of keys) {
      const found = this.step(key, own(got, key), own(expected, key));
      if (found) return found;
    }
    for (const key of gotKeys) {
      if (Object.hasOwn(expected, key)) continue;
      const found = this.step(key, own(got, key), undefined);
      if (found) return found;
    }
    return null;
  }
}

/**
 * Passes when `got` deeply equals `expected`; otherwise the message names the first place that
 * differs (e.g. `[2]`), with expected vs got, and `what`. Arrays and typed arrays compare by their
 * elements, Maps and Sets by their entries in insertion order, Dates by their time.
 *
 * Any answer gets a verdict, never an exception: a cycle in `got`, or more than `budget.limit`
 * elements looked at (default `MAX_ELEMENTS`), is a fail that says so.
 *
 * @example
 * ```ts
 * expectEqual(got, [0, 0, 0, 1], { what: { ko: 'AND 진리표', en: 'the AND truth table' } });
 * ```
 */
export function expectEqual(got: unknown, expected: unknown, opts: JudgeOptions = {}): Verdict {
  const rendered = { expected: render(expected), got: render(got) };
  const found = new Comparison(opts.budget ?? new Budget()).visit(got, expected);
  if (!found) return pass(about(opts.what, '기대한 값과 정확히 같습니다.', 'exactly as expected.'), rendered);
  if (found.kind !== 'difference') {
    const message = problemMessage(found);
    const shown = found.kind === 'cycle' ? rendered.got : renderBrief(got);
    return fail(about(opts.what, message.ko, message.en), { ...rendered, got: shown });
  }
  const where = found.path ? { ko: `위치 ${found.path}에서 `, en: `at ${found.path} ` } : { ko: '', en: '' };
  const top = found.path === '';
  let [e, g] = top ? [rendered.expected, rendered.got] : [render(found.expected), render(found.got)];
  if (typeof found.expected === 'number' && typeof found.got === 'number' && e === g) {
    // Two numbers that print alike at 8 digits (0.30000000000000004 and 0.3): show the digits that differ.
    [e, g] = renderNumberPair(found.expected, found.got);
    Object.assign(rendered, renderDifference(expected, got, { expected: found.expected, got: found.got }));
  }
  return fail(
    about(
      opts.what,
      `${where.ko}${withParticle(e, '을')} 기대했지만 ${withParticle(g, '이')} 나왔습니다.`,
      `${where.en}expected ${e}, got ${g}.`,
    ),
    rendered,
  );
}
