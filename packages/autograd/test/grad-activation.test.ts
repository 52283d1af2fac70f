/** Property tests: backward() of every activation agrees with central differences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradCheck, type Tensor } from '../src/index.js';
import {
  anyTensorArb,
  awayFromZeroArb,
  expectGradientsMatch,
  RUNS,
  shapeArb,
  tensorArb,
  valuesArb,
} from './helpers.js';

describe('activations: gradients match central differences', () => {
  const cases: [string, (x: Tensor) => Tensor, (n: number) => fc.Arbitrary<number[]>][] = [
    ['sigmoid', (x) => x.sigmoid(), (n) => valuesArb(n, -8, 8)],
    ['tanh', (x) => x.tanh(), (n) => valuesArb(n)],
    ['relu', (x) => x.relu(), (n) => awayFromZeroArb(n)],
    ['leakyRelu (0.2)', (x) => x.leakyRelu(), (n) => awayFromZeroArb(n)],
    ['leakyRelu (0.01)', (x) => x.leakyRelu(0.01), (n) => awayFromZeroArb(n)],
  ];
  it.each(cases)('%s', (_, op, values) => {
    fc.assert(
      fc.property(anyTensorArb(values), (x) => expectGradientsMatch(op, [x])),
      RUNS,
    );
  });

  it('step has a zero gradient everywhere', () => {
    fc.assert(
      fc.property(
        anyTensorArb((n) => awayFromZeroArb(n)),
        (x) => {
          const r = gradCheck((a) => a.step(), [x]);
          expect(r.ok).toBe(true);
          expect(r.analytic[0]!.every((g) => g === 0)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  const softmaxCases: [string, (x: Tensor, axis: number) => Tensor][] = [
    ['softmax', (x, axis) => x.softmax(axis)],
    ['logSoftmax', (x, axis) => x.logSoftmax(axis)],
  ];
  it.each(softmaxCases)('%s along every axis (negative and positive)', (_, op) => {
    const arb = shapeArb(1, 3).chain((shape) =>
      fc.tuple(
        tensorArb(shape, (n) => valuesArb(n, -5, 5)),
        fc.integer({ min: -shape.length, max: shape.length - 1 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([x, axis]) => expectGradientsMatch((a) => op(a, axis), [x])),
      RUNS,
    );
  });
});
