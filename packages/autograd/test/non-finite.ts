/**
 * Shared by the `non-finite-*` property tests: values that mix ordinary numbers with 0, −0, NaN and
 * ±Infinity, and a comparison with a plain reference that treats them as numpy does.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Runs per non-finite property (the special values come up often, so fewer runs suffice). */
export const RUNS = { numRuns: 60 };

/** The special values: each appears in roughly one draw out of twelve. */
export const SPECIALS = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] as const;

/** One number: ordinary in [-3, 3] (both zeros included) or one of `SPECIALS`. */
export const specialArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
);

/** `n` numbers from `specialArb`. */
export const specialValuesArb = (n: number): fc.Arbitrary<number[]> =>
  fc.array(specialArb, { minLength: n, maxLength: n });

/** `n` numbers, mostly zeros (matmul's zero skipping), with the special values among them. */
export const sparseSpecialValuesArb = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: specialArb }), {
    minLength: n,
    maxLength: n,
  });

/** Options of `expectSameNumbers`. */
export interface SameOptions {
  /** relative tolerance for finite values (sums in another order round differently); default 1e-12 */
  rtol?: number;
  /** compare zeros with `Object.is` (only where numpy defines the sign of a zero result) */
  signedZero?: boolean;
}

/**
 * Asserts `got` and `want` hold the same numbers: NaN where the other has NaN, the same infinities,
 * finite values equal up to `rtol`, and with `signedZero` the same sign of zero.
 */
export function expectSameNumbers(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  opts: SameOptions = {},
): void {
  const rtol = opts.rtol ?? 1e-12;
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    const same =
      Number.isNaN(w) || !Number.isFinite(w)
        ? Object.is(g, w)
        : w === 0 && opts.signedZero
          ? Object.is(g, w)
          : Math.abs(g - w) <= rtol * Math.max(1, Math.abs(w));
    if (!same)
      expect.fail(`index ${i}: got ${Object.is(g, -0) ? '-0' : g}, want ${Object.is(w, -0) ? '-0' : w}`);
  }
}
