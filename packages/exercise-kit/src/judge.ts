/**
 * Helpers for `judge`: they compare what the student's code returned with what the check computed
 * and build a `Verdict` whose message says, in Korean and English, what was expected, what came back,
 * and for which input.
 *
 * @example
 * ```ts
 * judge: (got, { x }) =>
 *   expectClose(got, softmaxOf(x), { atol: 1e-6, what: { ko: `softmax(${render(x)})`, en: `softmax(${render(x)})` } }),
 * ```
 */
import { about } from './about.js';
import { Budget, problemMessage, type WalkProblem } from './limits.js';
import { type NestedArray, type Numeric, type NumericReading, readNumeric, unravelIndex } from './numeric.js';
import { withParticle } from './particle.js';
import type { Localized, Verdict } from './protocol.js';
import { render, renderBrief, renderDifference, renderNumberPair } from './render.js';

/** Names the input a verdict is about, e.g. `{ ko: 'softmax([1, 1, 2])', en: 'softmax([1, 1, 2])' }`. */
export interface WhatOption {
  what?: Localized;
}

/** Options of the `expect*` helpers: `what`, and how much of the answer they may look at. */
export interface JudgeOptions extends WhatOption {
  /**
   * Counts the elements of the answer looked at; past its `limit` the verdict is a fail "too large
   * to judge". Defaults to a fresh `new Budget()` (`MAX_ELEMENTS`). Pass a larger one for a check
   * whose answer is legitimately bigger, or keep a reference to read `budget.used` afterwards.
   */
  budget?: Budget;
}

/** Tolerances of `expectClose`: `|got - expected| <= atol + rtol * |expected|` (numpy's `isclose`). */
export interface CloseOptions extends JudgeOptions {
  rtol?: number;
  atol?: number;
}

const DEFAULT_RTOL = 1e-6;
const DEFAULT_ATOL = 1e-9;

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/**
 * A tolerance as people write it: `1e-6`, `1e-9`, `0.01`, `5e-7` (not `0.000001`).
 *
 * @example
 * ```ts
 * formatTolerance(0.000001); // '1e-6'
 * ```
 */
export function formatTolerance(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4) return String(value);
  return value.toExponential().replace('e+', 'e');
}

/** ` (rtol=1e-6, atol=1e-9)`, leaving out a zero tolerance, and nothing for an exact comparison. */
function toleranceText(rtol: number, atol: number): string {
  const parts = [
    ...(rtol !== 0 ? [`rtol=${formatTolerance(rtol)}`] : []),
    ...(atol !== 0 ? [`atol=${formatTolerance(atol)}`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * A passing verdict. The message defaults to "passed".
 *
 * @example
 * ```ts
 * return pass({ ko: '세 입력 모두 맞았습니다', en: 'All three inputs are right' });
 * ```
 */
export function pass(message?: Localized, extra?: Partial<Verdict>): Verdict {
  return { ...extra, pass: true, message: message ?? { ko: '통과했습니다.', en: 'Passed.' } };
}

/**
 * A failing verdict with a message saying what was expected, what came back, and for which input.
 *
 * @example
 * ```ts
 * return fail({ ko: `step(0)은 1이어야 하는데 ${render(got)}`, en: `step(0) should be 1, got ${render(got)}` });
 * ```
 */
export function fail(message: Localized, extra?: Partial<Verdict>): Verdict {
  return { ...extra, pass: false, message };
}

/**
 * True when `a` (what came back) is close to `b` (what was expected):
 * `|a - b| <= atol + rtol * |b|`. Equal infinities are close; NaN is close only to NaN.
 */
export function isClose(a: number, b: number, rtol = DEFAULT_RTOL, atol = DEFAULT_ATOL): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

/** Where `got` and `expected` first differ (row-major `index`), as `firstDifference` reports it. */
export interface Difference {
  index: number[];
  got: number;
  expected: number;
}

/** Why `firstDifference` could not compare `got`: it is not numeric, or reading it stopped early. */
export type Unreadable = { kind: 'not-numeric' } | WalkProblem;

/** `expected` as numbers; it comes from the check, so anything else is the author's mistake. */
function readExpected(expected: unknown, who: string): Numeric {
  const r = readNumeric(expected);
  if (r.kind === 'numeric') return r;
  throw new TypeError(`${who}: \`expected\` must be a number or a (nested) array of numbers (${r.kind})`);
}

function differenceIn(g: Numeric, e: Numeric, rtol: number, atol: number): Difference | null {
  // Past the shorter one, the side that lacks a position reads NaN: the first missing one differs.
  const length = Math.max(g.values.length, e.values.length);
  const shape = e.values.length >= g.values.length ? e.shape : g.shape;
  for (let i = 0; i < length; i++) {
    const a = i < g.values.length ? (g.values[i] as number) : Number.NaN;
    const b = i < e.values.length ? (e.values[i] as number) : Number.NaN;
    if (!isClose(a, b, rtol, atol)) return { index: unravelIndex(i, shape), got: a, expected: b };
  }
  return null;
}

/**
 * The first position (row-major) where `got` and `expected` are not close, or `null` when they all
 * are. Both are numbers, (nested/typed) arrays or tensors; when their sizes differ the first missing
 * position is reported with `NaN` on the side that lacks it. When `got` cannot be read as numbers
 * (not numeric, a cycle, more than `budget.limit` elements) it says why (`{ kind: ... }`) instead.
 * Throws `TypeError` only when `expected` is not numeric (a mistake in the check, not the answer).
 *
 * @example
 * ```ts
 * firstDifference([[1, 2], [3, 4]], [[1, 2], [3, 5]], 1e-6, 1e-9); // { index: [1, 1], got: 4, expected: 5 }
 * firstDifference('four', [4]);                                     // { kind: 'not-numeric' }
 * ```
 */
export function firstDifference(
  got: unknown,
  expected: unknown,
  rtol = DEFAULT_RTOL,
  atol = DEFAULT_ATOL,
  budget: Budget = new Budget(),
): Difference | Unreadable | null {
  const e = readExpected(expected, 'firstDifference');
  const g = readNumeric(got, budget);
  return g.kind === 'numeric' ? differenceIn(g, e, rtol, atol) : g;
}

/** `이어야` after a consonant, `여야` after a vowel (`[4, 3]이어야`, `[4, 2]여야`). */
function copulaMust(word: string): string {
  return withParticle(word, '이').endsWith('이') ? '이어야' : '여야';
}

function describeType(value: unknown): Localized {
  if (value === undefined) return { ko: 'undefined(반환값 없음)', en: 'undefined (nothing returned)' };
  if (value === null) return { ko: 'null', en: 'null' };
  if (Array.isArray(value))
    return {
      ko: '모양이 고르지 않거나 숫자가 아닌 값이 든 배열',
      en: 'an array that is ragged or holds non-numbers',
    };
  const type = typeof value;
  return { ko: `${type} 값`, en: `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}` };
}

/**
 * `null` when `got` is numeric with shape `shape` (`[]` for a plain number); otherwise a failing
 * verdict saying which shape was expected and which came back, or why the answer cannot be judged
 * (a cycle, more than `budget.limit` elements: see `JudgeOptions`).
 *
 * @example
 * ```ts
 * const wrong = expectShape(got, [4, 2], { what });
 * if (wrong) return wrong;
 * ```
 */
export function expectShape(got: unknown, shape: readonly number[], opts: JudgeOptions = {}): Verdict | null {
  return checkShape(got, readNumeric(got, opts.budget ?? new Budget()), () => render(got), shape, opts);
}

/** The verdict of `expectShape` on what `readNumeric` made of `got` (`show` renders `got`). */
function checkShape(
  got: unknown,
  reading: NumericReading,
  show: () => string,
  shape: readonly number[],
  opts: WhatOption,
): Verdict | null {
  if (reading.kind === 'not-numeric') {
    const [type, shown] = [describeType(got), show()];
    return fail(
      about(
        opts.what,
        `모양 ${shapeText(shape)}의 숫자 값을 기대했지만 ${withParticle(type.ko, '이')} 나왔습니다: ${shown}`,
        `expected numbers of shape ${shapeText(shape)}, got ${type.en}: ${shown}`,
      ),
      { got: shown },
    );
  }
  if (reading.kind !== 'numeric') {
    const message = problemMessage(reading, shape);
    // A cycle is best seen in full (`[[1, 2], [3, <cycle>]]`); a huge answer by its form.
    const shown = reading.kind === 'cycle' ? show() : renderBrief(got);
    return fail(about(opts.what, message.ko, message.en), {
      expected: `shape ${shapeText(shape)}`,
      got: shown,
    });
  }
  const same = reading.shape.length === shape.length && reading.shape.every((d, i) => d === shape[i]);
  if (same) return null;
  return fail(
    about(
      opts.what,
      `모양이 ${shapeText(shape)}${copulaMust(shapeText(shape))} 하는데 ${shapeText(reading.shape)}입니다.`,
      `expected shape ${shapeText(shape)}, got shape ${shapeText(reading.shape)}.`,
    ),
    { expected: `shape ${shapeText(shape)}`, got: `shape ${shapeText(reading.shape)}: ${show()}` },
  );
}

/**
 * Passes when `got` has `expected`'s shape and every value is within tolerance. Checks, in order:
 * that `got` is numeric, its shape, NaN, then the values; the failure message names the first
 * differing index with expected vs got, and `what`. Fills the verdict's `expected` and `got`.
 * Any answer gets a verdict, never an exception: a cycle or a too large answer is a fail that says so
 * (a huge answer of the wrong type fails at its first element, without reading the rest).
 *
 * @example
 * ```ts
 * expectClose(got, [0.21194156, 0.21194156, 0.57611688], { atol: 1e-6, what: { ko: 'softmax([1, 1, 2])', en: 'softmax([1, 1, 2])' } });
 * ```
 */
export function expectClose(
  got: unknown,
  expected: number | NestedArray | ArrayLike<number>,
  opts: CloseOptions = {},
): Verdict {
  const rtol = opts.rtol ?? DEFAULT_RTOL;
  const atol = opts.atol ?? DEFAULT_ATOL;
  const want = readExpected(expected, 'expectClose');
  let rendered = { expected: render(expected), got: render(got) };
  const reading = readNumeric(got, opts.budget ?? new Budget());
  const wrongShape = checkShape(got, reading, () => rendered.got, want.shape, opts);
  if (wrongShape) return { ...wrongShape, expected: rendered.expected };
  // Numeric here (checkShape fails everything else); the check is for the type system.
  const diff = reading.kind === 'numeric' ? differenceIn(reading, want, rtol, atol) : null;
  if (!diff) {
    const n = want.values.length;
    const message =
      want.shape.length === 0
        ? about(
            opts.what,
            `${withParticle(rendered.got, '으로')} 맞습니다.`,
            `got ${rendered.got}, as expected.`,
          )
        : about(
            opts.what,
            `${n}개 값이 모두 허용 오차 안에서 맞습니다.`,
            `all ${n} values match within tolerance.`,
          );
    return pass(message, rendered);
  }
  const index = want.shape.length === 0 ? '' : `[${diff.index.join(', ')}]`;
  const where = { ko: index ? `위치 ${index}에서 ` : '', en: index ? `at ${index} ` : '' };
  const [e, g] = renderNumberPair(diff.expected, diff.got);
  // Rows that could print alike (2.3082222 twice) show the digits that differ, the element marked.
  rendered = renderDifference(expected, got, diff);
  if (Number.isNaN(diff.got)) {
    return fail(
      about(
        opts.what,
        `${where.ko}NaN이 나왔습니다 (기대값 ${e}). 0으로 나누기, log(0), 너무 큰 exp가 없는지 확인하세요.`,
        `got NaN ${where.en}(expected ${e}). Look for a division by zero, log(0) or an overflowing exp.`,
      ),
      rendered,
    );
  }
  return fail(
    about(
      opts.what,
      `${where.ko}${withParticle(e, '을')} 기대했지만 ${withParticle(g, '이')} 나왔습니다${toleranceText(rtol, atol)}.`,
      `${where.en}expected ${e}, got ${g}${toleranceText(rtol, atol)}.`,
    ),
    rendered,
  );
}

/**
 * Combines several verdicts of one check (e.g. one per input): the first failure wins, else a pass
 * with the last verdict's message. With `partial: true` a failure still earns the fraction of the
 * check's points that passed (`fraction`).
 *
 * @example
 * ```ts
 * judge: (outs, inputs) => allOf(outs.map((got, i) => expectClose(got, expectedFor(inputs[i]), { what: ... })))
 * ```
 */
export function allOf(verdicts: readonly Verdict[], opts: { partial?: boolean } = {}): Verdict {
  const failed = verdicts.filter((v) => !v.pass);
  const first = failed[0];
  if (!first) {
    if (verdicts.length === 1 && verdicts[0]) return verdicts[0];
    const n = verdicts.length;
    return pass({ ko: `${n}개 경우가 모두 맞았습니다.`, en: `All ${n} cases are right.` });
  }
  const summary = {
    ko: ` (${verdicts.length}개 중 ${verdicts.length - failed.length}개 맞음)`,
    en: ` (${verdicts.length - failed.length} of ${verdicts.length} cases right)`,
  };
  const message = { ko: first.message.ko + summary.ko, en: first.message.en + summary.en };
  const fraction = opts.partial ? (verdicts.length - failed.length) / verdicts.length : undefined;
  return fail(message, { ...first, ...(fraction !== undefined ? { fraction } : {}) });
}
