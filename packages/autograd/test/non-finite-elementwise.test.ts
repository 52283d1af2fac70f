/**
 * Binary (broadcast) and unary elementwise ops with NaN, ±Infinity and −0 against plain per-element
 * references with numpy's semantics: IEEE arithmetic, NaN propagates, C's `pow` for `pow`. Where numpy
 * defines the sign of a zero result (every op here but `clip` at a −0 bound) it is compared with
 * `Object.is`. Gradients: a NaN or an Infinity in the upstream gradient or in the other operand
 * reaches the input gradient as the chain rule's product says (summed over broadcast axes).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type Tensor, tensor } from '../src/index.js';
import { broadcastPairArb, shapeArb } from './helpers.js';
import { expectSameNumbers, RUNS, specialArb, specialValuesArb } from './non-finite.js';

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

const make = (values: number[], shape: readonly number[], requiresGrad = false): Tensor =>
  tensor(Float64Array.from(values), { shape: shape.slice(), requiresGrad });

/** The broadcast shape of a and b, and for each output element the element of a and of b it reads. */
function broadcastPlan(as: readonly number[], bs: readonly number[]) {
  const rank = Math.max(as.length, bs.length);
  const pa = [...Array(rank - as.length).fill(1), ...as] as number[];
  const pb = [...Array(rank - bs.length).fill(1), ...bs] as number[];
  const out = pa.map((d, i) => Math.max(d, pb[i]!));
  const ia: number[] = [];
  const ib: number[] = [];
  for (let flat = 0; flat < size(out); flat++) {
    let rest = flat;
    let offA = 0;
    let offB = 0;
    let strideA = 1;
    let strideB = 1;
    for (let ax = rank - 1; ax >= 0; ax--) {
      const idx = rest % out[ax]!;
      rest = Math.floor(rest / out[ax]!);
      if (pa[ax] !== 1) offA += idx * strideA;
      if (pb[ax] !== 1) offB += idx * strideB;
      strideA *= pa[ax]!;
      strideB *= pb[ax]!;
    }
    ia.push(offA);
    ib.push(offB);
  }
  return { out, ia, ib };
}

/** C's pow (numpy's `power`): `**` except pow(1, y) = 1 and pow(-1, ±Inf) = 1. */
function cPow(a: number, b: number): number {
  if (a === 1 || (a === -1 && !Number.isFinite(b) && !Number.isNaN(b))) return 1;
  return a ** b;
}

type Binary = 'add' | 'sub' | 'mul' | 'div' | 'pow';
const BINARY: Record<Binary, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: cPow,
};
/**
 * What an upstream g adds to a's and b's gradients, from the calculus (not copied from the engine);
 * quotients are written as divisions, so a subnormal b does not overflow 1/b or underflow b².
 */
const PARTIALS: Record<Exclude<Binary, 'pow'>, (g: number, a: number, b: number) => [number, number]> = {
  add: (g) => [g, g],
  sub: (g) => [g, -g],
  mul: (g, a, b) => [g * b, g * a],
  div: (g, a, b) => [g / b, -((g * (a / b)) / b)],
};

const pairArb = broadcastPairArb.chain(([sa, sb]) =>
  fc.record({
    sa: fc.constant(sa),
    sb: fc.constant(sb),
    a: specialValuesArb(size(sa)),
    b: specialValuesArb(size(sb)),
  }),
);

describe('binary ops with NaN, ±Infinity and −0', () => {
  for (const op of Object.keys(BINARY) as Binary[]) {
    it(`${op}: forward matches numpy's ${op === 'pow' ? 'power' : op}, signs of zero included`, () => {
      fc.assert(
        fc.property(pairArb, ({ sa, sb, a, b }) => {
          const got = make(a, sa)[op](make(b, sb));
          const { ia, ib } = broadcastPlan(sa, sb);
          const want = ia.map((i, k) => BINARY[op](a[i]!, b[ib[k]!]!));
          expectSameNumbers(got.data, want, { signedZero: true, rtol: 0 });
        }),
        RUNS,
      );
    });
  }

  it('pow: the three cases where JavaScript and C disagree', () => {
    const got = make([1, 1, -1, -1, 1], [5]).pow(
      make(
        [Number.NaN, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2],
        [5],
      ),
    );
    expectSameNumbers(got.data, [1, 1, 1, 1, 1]);
  });

  it('pow with a scalar exponent 2 (the squaring shortcut) matches x * x, NaN and −0 included', () => {
    fc.assert(
      fc.property(specialValuesArb(6), (a) => {
        expectSameNumbers(
          make(a, [6]).pow(2).data,
          a.map((x) => cPow(x, 2)),
          { signedZero: true, rtol: 0 },
        );
      }),
      RUNS,
    );
  });

  for (const op of Object.keys(PARTIALS) as (keyof typeof PARTIALS)[]) {
    it(`${op}: gradients carry NaN/Inf from the upstream gradient and the operands, summed over broadcasts`, () => {
      fc.assert(
        fc.property(
          pairArb.chain((c) =>
            fc.record({ c: fc.constant(c), g: specialValuesArb(size(broadcastPlan(c.sa, c.sb).out)) }),
          ),
          ({ c: { sa, sb, a, b }, g }) => {
            const ta = make(a, sa, true);
            const tb = make(b, sb, true);
            const { out, ia, ib } = broadcastPlan(sa, sb);
            ta[op](tb).backward(make(g, out));
            const wantA = new Array<number>(a.length).fill(0);
            const wantB = new Array<number>(b.length).fill(0);
            ia.forEach((i, k) => {
              const [ga, gb] = PARTIALS[op](g[k]!, a[i]!, b[ib[k]!]!);
              wantA[i]! += ga;
              wantB[ib[k]!]! += gb;
            });
            expectSameNumbers(ta.grad!.data, wantA, { rtol: 1e-9 });
            expectSameNumbers(tb.grad!.data, wantB, { rtol: 1e-9 });
          },
        ),
        RUNS,
      );
    });
  }
});

type Unary = 'neg' | 'exp' | 'log' | 'sqrt' | 'abs';
/** numpy's negative, exp, log, sqrt, absolute: C's math library, which Math follows. */
const UNARY: Record<Unary, { f: (x: number) => number; d: ((g: number, x: number) => number) | null }> = {
  neg: { f: (x) => -x, d: (g) => -g },
  exp: { f: Math.exp, d: (g, x) => g * Math.exp(x) },
  log: { f: Math.log, d: (g, x) => g / x },
  sqrt: { f: Math.sqrt, d: (g, x) => g / (2 * Math.sqrt(x)) },
  // abs's gradient is a selection (sign(x), 0 at 0), not a product: a NaN upstream stays where x = 0
  abs: { f: Math.abs, d: null },
};

const unaryArb = shapeArb().chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    x: specialValuesArb(size(shape)),
    g: specialValuesArb(size(shape)),
  }),
);

describe('unary ops with NaN, ±Infinity and −0', () => {
  for (const op of Object.keys(UNARY) as Unary[]) {
    const { f, d } = UNARY[op];
    it(`${op}: forward matches numpy, signs of zero included (log(−0) = −Inf, sqrt(−0) = −0)`, () => {
      fc.assert(
        fc.property(unaryArb, ({ shape, x }) => {
          expectSameNumbers(make(x, shape)[op]().data, x.map(f), { signedZero: true, rtol: 0 });
        }),
        RUNS,
      );
    });
    if (d === null) continue;
    it(`${op}: the gradient is g · f'(x) (a quotient where f' is one), NaN/Inf included`, () => {
      fc.assert(
        fc.property(unaryArb, ({ shape, x, g }) => {
          const t = make(x, shape, true);
          t[op]().backward(make(g, shape));
          expectSameNumbers(
            t.grad!.data,
            x.map((v, i) => d(g[i]!, v)),
            { rtol: 1e-12 },
          );
        }),
        RUNS,
      );
    });
  }

  it('abs: the gradient is sign(x)·g, and 0 at x = 0 even for a NaN g (a selection, not a product)', () => {
    fc.assert(
      fc.property(unaryArb, ({ shape, x, g }) => {
        const t = make(x, shape, true);
        t.abs().backward(make(g, shape));
        expectSameNumbers(
          t.grad!.data,
          x.map((v, i) => (v > 0 ? g[i]! : v < 0 ? -g[i]! : 0)),
        );
      }),
      RUNS,
    );
  });

  it("clip: forward matches numpy's clip (NaN stays NaN, ±Inf goes to the bounds)", () => {
    // bounds without −0: numpy's clip then returns whichever zero comes second in its max/min
    const bound = fc.oneof(
      fc.constantFrom(0, 1e-7, 1 - 1e-7, 1, -1),
      specialArb.filter(Number.isFinite).filter((v) => !Object.is(v, -0)),
    );
    fc.assert(
      fc.property(unaryArb, bound, bound, ({ shape, x }, b1, b2) => {
        const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
        // numpy: minimum(maximum(x, lo), hi), where maximum/minimum keep NaN
        const want = x.map((v) => (Number.isNaN(v) ? v : Math.min(Math.max(v, lo), hi)));
        expectSameNumbers(make(x, shape).clip(lo, hi).data, want, { signedZero: true, rtol: 0 });
      }),
      RUNS,
    );
  });
});
