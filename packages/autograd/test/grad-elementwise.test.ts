/** Property tests: backward() of every elementwise op agrees with central differences. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Tensor } from '../src/index.js';
import {
  anyTensorArb,
  awayFromZeroArb,
  broadcastPairArb,
  expectGradientsMatch,
  RUNS,
  tensorArb,
  valuesArb,
} from './helpers.js';

type Values = (n: number) => fc.Arbitrary<number[]>;

/** A broadcastable pair of tensors, each with its own value range. */
const pairArb = (left: Values, right: Values) =>
  broadcastPairArb.chain(([sa, sb]) => fc.tuple(tensorArb(sa, left), tensorArb(sb, right)));

describe('binary ops with broadcasting: gradients match central differences', () => {
  const any: Values = (n) => valuesArb(n);
  const cases: [string, (a: Tensor, b: Tensor) => Tensor, Values, Values][] = [
    ['add', (a, b) => a.add(b), any, any],
    ['sub', (a, b) => a.sub(b), any, any],
    ['mul', (a, b) => a.mul(b), any, any],
    ['div', (a, b) => a.div(b), any, (n) => awayFromZeroArb(n, 0.5, 3)],
    ['pow', (a, b) => a.pow(b), (n) => valuesArb(n, 0.5, 2), (n) => valuesArb(n, -2, 2)],
  ];
  it.each(cases)('%s', (_, op, left, right) => {
    fc.assert(
      fc.property(pairArb(left, right), ([a, b]) => expectGradientsMatch(op, [a, b])),
      RUNS,
    );
  });

  it('the same tensor on both sides (x * x, x / x, x - x) counts both uses', () => {
    fc.assert(
      fc.property(
        anyTensorArb((n) => awayFromZeroArb(n)),
        (x) => {
          expectGradientsMatch((a) => a.mul(a), [x]);
          expectGradientsMatch((a) => a.div(a).add(a), [x]);
          expectGradientsMatch((a) => a.sub(a.mul(2)), [x]);
        },
      ),
      RUNS,
    );
  });

  it('with a plain number on one side', () => {
    fc.assert(
      fc.property(
        anyTensorArb((n) => valuesArb(n, 0.5, 2)),
        awayFromZeroArb(1, 0.1, 2),
        (x, [c]) => {
          expectGradientsMatch((a) => a.add(c!).mul(c!).sub(c!), [x]);
          expectGradientsMatch((a) => a.pow(c!), [x]);
          expectGradientsMatch((a) => a.pow(2).mul(c!), [x]);
          expectGradientsMatch((a) => a.div(c!), [x]);
        },
      ),
      RUNS,
    );
  });
});

describe('unary ops: gradients match central differences', () => {
  const cases: [string, (x: Tensor) => Tensor, Values][] = [
    ['neg', (x) => x.neg(), (n) => valuesArb(n)],
    ['square (pow 2, the fast path)', (x) => x.pow(2), (n) => valuesArb(n)],
    ['exp', (x) => x.exp(), (n) => valuesArb(n)],
    ['log', (x) => x.log(), (n) => valuesArb(n, 0.1, 5)],
    ['sqrt', (x) => x.sqrt(), (n) => valuesArb(n, 0.1, 5)],
    ['abs', (x) => x.abs(), (n) => awayFromZeroArb(n)],
    // values at least 0.01 away from both bounds, where the gradient jumps
    ['clip', (x) => x.clip(-1, 1), (n) => awayFromZeroArb(n, 0.01, 3).map((v) => v.map(awayFromBounds))],
  ];
  it.each(cases)('%s', (_, op, values) => {
    fc.assert(
      fc.property(anyTensorArb(values), (x) => expectGradientsMatch(op, [x])),
      RUNS,
    );
  });
});

/** Moves |v| off 1 by at least 0.01 so clip(-1, 1) is differentiable there. */
function awayFromBounds(v: number): number {
  return Math.abs(Math.abs(v) - 1) < 0.01 ? v * 1.5 : v;
}
