/** fast-check arbitraries and checks shared by the engine's property tests. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { gradCheck, type Tensor, tensor } from '../src/index.js';

/** Float64 gradient checks: tight, but above central differences' own rounding error. */
export const TOLERANCE = { eps: 1e-5, rtol: 1e-6, atol: 1e-7 };

/** Runs per property: enough to cover ranks 0..3 and the broadcast cases, fast on 2 shared cores. */
export const RUNS = { numRuns: 80 };

export const shapeArb = (minRank = 0, maxRank = 3): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: 4 }), { minLength: minRank, maxLength: maxRank });

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Values in [min, max]. */
export const valuesArb = (n: number, min = -3, max = 3): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n });

/** Values whose magnitude is in [lo, hi], either sign: keeps kinks (0 for abs, relu) out of reach. */
export const awayFromZeroArb = (n: number, lo = 0.1, hi = 3): fc.Arbitrary<number[]> =>
  fc.array(
    fc.tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.boolean()).map(([m, neg]) => (neg ? -m : m)),
    { minLength: n, maxLength: n },
  );

/** Pairwise-distinct values (steps of 0.01), for ops with kinks at ties such as max. */
export const distinctArb = (n: number): fc.Arbitrary<number[]> =>
  fc
    .uniqueArray(fc.integer({ min: -300, max: 300 }), { minLength: n, maxLength: n })
    .map((v) => v.map((x) => x / 100));

export const tensorArb = (
  shape: readonly number[],
  values: (n: number) => fc.Arbitrary<number[]> = (n) => valuesArb(n),
): fc.Arbitrary<Tensor> =>
  values(size(shape)).map((v) => tensor(Float64Array.from(v), { shape: shape.slice() }));

/** A random tensor of random shape (rank 0..3). */
export const anyTensorArb = (values?: (n: number) => fc.Arbitrary<number[]>): fc.Arbitrary<Tensor> =>
  shapeArb().chain((s) => tensorArb(s, values));

/** A shape that broadcasts to `out`: some leading axes dropped, some sizes replaced by 1. */
export const broadcastableTo = (out: readonly number[]): fc.Arbitrary<number[]> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: out.length }),
      fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
    )
    .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)));

/** Two shapes that broadcast together (each possibly smaller than the result). */
export const broadcastPairArb: fc.Arbitrary<[number[], number[]]> = shapeArb().chain((out) =>
  fc.tuple(broadcastableTo(out), broadcastableTo(out)),
);

/** Asserts that `fn`'s backward() matches central differences on `inputs`. */
export function expectGradientsMatch(fn: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const r = gradCheck(fn, inputs, TOLERANCE);
  if (!r.ok) {
    const shapes = inputs.map((t) => `[${t.shape.join(',')}]`).join(', ');
    const detail = r.analytic.map(
      (a, i) => `analytic ${Array.from(a)}\nnumeric  ${Array.from(r.numeric[i]!)}`,
    );
    expect.fail(
      `gradients differ for inputs ${shapes} (max abs error ${r.maxAbsError})\n${detail.join('\n')}`,
    );
  }
}

/** Naive reference: the flat index in `from` of output element `i` under numpy broadcasting. */
export function naiveBroadcastIndex(i: number, from: readonly number[], to: readonly number[]): number {
  const coords: number[] = [];
  let rest = i;
  for (let ax = to.length - 1; ax >= 0; ax--) {
    coords.unshift(rest % to[ax]!);
    rest = Math.floor(rest / to[ax]!);
  }
  let idx = 0;
  const offset = to.length - from.length;
  for (let ax = 0; ax < from.length; ax++) {
    idx = idx * from[ax]! + (from[ax] === 1 ? 0 : coords[ax + offset]!);
  }
  return idx;
}
