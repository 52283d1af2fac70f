/**
 * The judges' own parts: the moment tolerances must pass a correct sampler for every seed and fail
 * a wrong one, and the replayed perceptron must meet the bounds the checks promise.
 */
import { Rng } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import { judgeSamples, normalTarget, uniformTarget } from '../checks/moments.js';
import { GATES, initOf, trainOf } from '../checks/replay.js';
import { MAX_ROUNDS } from '../checks/training.js';

const N = 20000;
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('judgeSamples', () => {
  it('passes correct uniform and normal samplers for many seeds', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rng = new Rng(seed);
      const u = draw(N, () => rng.uniform(-3, 2));
      expect(judgeSamples(u, N, uniformTarget(-3, 2), 'uniform').pass).toBe(true);
      const z = draw(N, () => rng.normal(1.5, 2));
      expect(judgeSamples(z, N, normalTarget(1.5, 2), 'normal').pass).toBe(true);
    }
  });

  it('fails a wrong mean, a wrong variance, a wrong shape and values out of range', () => {
    const rng = new Rng(7);
    const shifted = draw(N, () => rng.normal(0.1, 1));
    expect(judgeSamples(shifted, N, normalTarget(0, 1), 'normal').pass).toBe(false);
    const wide = draw(N, () => rng.normal(0, 1.1));
    expect(judgeSamples(wide, N, normalTarget(0, 1), 'normal').pass).toBe(false);
    // A uniform with the normal's mean and variance: only the kurtosis tells them apart.
    const flat = draw(N, () => rng.uniform(-Math.sqrt(3), Math.sqrt(3)));
    const verdict = judgeSamples(flat, N, normalTarget(0, 1), 'normal');
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toContain('kurtosis');
    const outside = draw(N, () => rng.uniform(0, 1));
    expect(judgeSamples(outside, N, uniformTarget(0, 0.999), 'uniform').pass).toBe(false);
    expect(judgeSamples([1, 2], N, uniformTarget(0, 1), 'uniform').pass).toBe(false);
  });
});

describe('the replayed perceptron', () => {
  it('draws w first and b last, each in [-1, 1)', () => {
    const draws = [0, 0.5, 0.75];
    let i = 0;
    expect(initOf(2, () => draws[i++]!)).toEqual({ w: [-1, 0], b: 0.5 });
  });

  it(`learns AND and OR within ${MAX_ROUNDS} rounds and never XOR`, () => {
    for (let seed = 1; seed <= 2000; seed++) {
      for (const gate of ['AND', 'OR'] as const) {
        const rng = new Rng(seed);
        const { accuracy } = trainOf(GATES[gate], 0.05, MAX_ROUNDS, () => rng.next());
        expect(accuracy.at(-1), `${gate} seed ${seed}`).toBe(1);
      }
      const rng = new Rng(seed);
      expect(Math.max(...trainOf(GATES.XOR, 0.05, 20, () => rng.next()).accuracy)).toBeLessThan(1);
    }
  });
});
