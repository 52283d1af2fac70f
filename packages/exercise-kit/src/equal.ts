/**
 * `expectEqual`: exact, deep equality for results that are not floating-point approximations
 * (labels, counts, booleans, shapes, one-hot vectors of integers).
 */

import { about } from './about.js';
import { fail, pass, type WhatOption } from './judge.js';
import { withParticle } from './particle.js';
import type { Verdict } from './protocol.js';
import { render } from './render.js';

interface Difference {
  /** Where, e.g. `[1].label` (empty at the top). */
  path: string;
  expected: unknown;
  got: unknown;
}

const isList = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

/** Numbers by value (NaN equals NaN, 0 equals -0); arrays and typed arrays alike by their elements. */
function firstInequality(got: unknown, expected: unknown, path: string): Difference | null {
  if (typeof expected === 'number' && typeof got === 'number')
    return got === expected || (Number.isNaN(got) && Number.isNaN(expected)) ? null : { path, expected, got };
  if (isList(expected)) {
    if (!isList(got) || got.length !== expected.length) return { path, expected, got };
    for (let i = 0; i < expected.length; i++) {
      const d = firstInequality(got[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof got !== 'object' || got === null || isList(got)) return { path, expected, got };
    const keys = new Set([...Object.keys(expected), ...Object.keys(got)]);
    for (const key of keys) {
      const d = firstInequality(
        (got as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (d) return d;
    }
    return null;
  }
  return Object.is(got, expected) ? null : { path, expected, got };
}

/**
 * Passes when `got` deeply equals `expected`; otherwise the message names the first place that
 * differs (e.g. `[2]`), with expected vs got, and `what`.
 *
 * @example
 * ```ts
 * expectEqual(got, [0, 0, 0, 1], { what: { ko: 'AND 진리표', en: 'the AND truth table' } });
 * ```
 */
export function expectEqual(got: unknown, expected: unknown, opts: WhatOption = {}): Verdict {
  const rendered = { expected: render(expected), got: render(got) };
  const diff = firstInequality(got, expected, '');
  if (!diff) return pass(about(opts.what, '기대한 값과 정확히 같습니다.', 'exactly as expected.'), rendered);
  const where = diff.path ? { ko: `위치 ${diff.path}에서 `, en: `at ${diff.path} ` } : { ko: '', en: '' };
  const [e, g] = [render(diff.expected), render(diff.got)];
  return fail(
    about(
      opts.what,
      `${where.ko}${withParticle(e, '을')} 기대했지만 ${withParticle(g, '이')} 나왔습니다.`,
      `${where.en}expected ${e}, got ${g}.`,
    ),
    rendered,
  );
}
