/**
 * Keras 3's initializers constant, identity, orthogonal, truncatedNormal and the variance-scaling
 * family. Expected values are ported from keras/src/initializers/constant_initializers_test.py and
 * random_initializers_test.py (test named above each); their statistical checks are kept, and made
 * tighter with larger samples where Keras' tolerance (atol 0.1 on a standard deviation) would let a
 * wrong formula pass.
 */
import { describe, expect, it } from 'vitest';
import { Dense, getInitializer, initializers, Rng, Sequential } from '../src/index.js';

const maxAbs = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const std = (v: Float64Array) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
};

describe('constant initializers (constant_initializers_test.py)', () => {
  it('test_constant_initializer: value 6 everywhere; by name, value 0', () => {
    expect(Array.from(initializers.constant({ value: 6 })(9, 3, 3, new Rng(1)))).toEqual(
      new Array(9).fill(6),
    );
    expect(Array.from(getInitializer('constant')(4, 2, 2, new Rng(1)))).toEqual([0, 0, 0, 0]);
  });

  it('test_identity_initializer: (3, 3), gain 2 → 2·eye(3); by name gain 1; rectangular eye', () => {
    expect(Array.from(initializers.identity({ gain: 2 })(9, 3, 3, new Rng(1)))).toEqual([
      2, 0, 0, 0, 2, 0, 0, 0, 2,
    ]);
    expect(Array.from(getInitializer('identity')(6, 2, 3, new Rng(1)))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(() => getInitializer('identity')(3, 3, 3, new Rng(1))).toThrow(/matrices only/);
    // test_identity_initializer: Keras' class name is accepted too
    expect(getInitializer('IdentityInitializer')).toBe(getInitializer('identity'));
    expect(getInitializer('GlorotUniform')).toBe(getInitializer('glorot_uniform'));
  });
});

describe('orthogonal (random_initializers_test.py: test_orthogonal_initializer)', () => {
  function columns(values: Float64Array, rows: number, cols: number): number[][] {
    return Array.from({ length: cols }, (_, j) =>
      Array.from({ length: rows }, (_, i) => values[i * cols + j]!),
    );
  }
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

  it('(5, 5), gain 2: every column has norm 2, every pair is orthogonal', () => {
    const cols = columns(initializers.orthogonal({ gain: 2 })(25, 5, 5, new Rng(1234)), 5, 5);
    for (const c of cols) expect(Math.sqrt(dot(c, c))).toBeCloseTo(2, 12);
    for (let i = 0; i < 5; i++)
      for (let j = i + 1; j < 5; j++) expect(dot(cols[i]!, cols[j]!)).toBeCloseTo(0, 12);
  });

  it('tall (6 × 3): orthonormal columns; wide (3 × 6): orthonormal rows', () => {
    const tall = columns(getInitializer('orthogonal')(18, 6, 3, new Rng(2)), 6, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(dot(tall[i]!, tall[j]!)).toBeCloseTo(i === j ? 1 : 0, 12);
    const wide = getInitializer('orthogonal')(18, 3, 6, new Rng(2));
    const rows = Array.from({ length: 3 }, (_, i) => Array.from(wide.slice(i * 6, i * 6 + 6)));
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(dot(rows[i]!, rows[j]!)).toBeCloseTo(i === j ? 1 : 0, 12);
  });

  it('is seeded: the same Rng seed gives the same matrix, another seed another', () => {
    const a = getInitializer('orthogonal')(16, 4, 4, new Rng(9));
    expect(Array.from(getInitializer('orthogonal')(16, 4, 4, new Rng(9)))).toEqual(Array.from(a));
    expect(Array.from(getInitializer('orthogonal')(16, 4, 4, new Rng(10)))).not.toEqual(Array.from(a));
  });
});

describe('random initializers (random_initializers_test.py)', () => {
  it('test_variance_scaling: (25, 20), scale 2: std ≈ sqrt(2/25) with fanIn, sqrt(2/20) with fanOut', () => {
    const fanIn = initializers.varianceScaling({ scale: 2, mode: 'fanIn' })(500, 25, 20, new Rng(1234));
    const fanOut = initializers.varianceScaling({ scale: 2, mode: 'fanOut' })(500, 25, 20, new Rng(1234));
    expect(Math.abs(std(fanIn) - Math.sqrt(2 / 25))).toBeLessThan(0.1);
    expect(Math.abs(std(fanOut) - Math.sqrt(2 / 20))).toBeLessThan(0.1);
  });

  // Keras' formulas for the variance-scaling family, checked on 200 000 draws (std within 1.5%)
  const N = 200_000;
  const cases: [string, number][] = [
    ['heNormal', Math.sqrt(2 / 400)],
    ['heUniform', Math.sqrt(2 / 400)],
    ['lecunNormal', Math.sqrt(1 / 400)],
    ['lecunUniform', Math.sqrt(1 / 400)],
    ['glorotNormal', Math.sqrt(2 / (400 + 500))],
    ['glorotUniform', Math.sqrt(2 / (400 + 500))],
  ];
  for (const [name, want] of cases) {
    it(`${name}: fanIn 400, fanOut 500 → std ${want.toFixed(4)}`, () => {
      const v = getInitializer(name)(N, 400, 500, new Rng(3));
      expect(Math.abs(std(v) / want - 1)).toBeLessThan(0.015);
      if (name.endsWith('Normal')) {
        // truncated at 2 standard deviations of the underlying normal, sqrt(scale / n) / 0.8796
        expect(maxAbs(v)).toBeLessThanOrEqual((2 * want) / 0.87962566103423978);
      }
    });
  }

  it('truncatedNormal: mean and stddev as given, nothing beyond 2 stddev; by name stddev 0.05', () => {
    const v = initializers.truncatedNormal({ mean: 1, stddev: 0.5 })(N, 1, 1, new Rng(4));
    expect(maxAbs(v.map((x) => x - 1))).toBeLessThanOrEqual(1);
    // the std of a standard normal truncated to [−2, 2] is 0.8796
    expect(Math.abs(std(v) / (0.5 * 0.8796) - 1)).toBeLessThan(0.015);
    expect(maxAbs(getInitializer('truncated_normal')(1000, 1, 1, new Rng(5)))).toBeLessThanOrEqual(0.1);
  });

  it('options are checked', () => {
    expect(() => initializers.orthogonal({ gian: 2 } as never)).toThrow(/gian/);
    expect(() => initializers.varianceScaling({ mode: 'fan_in' as never })).toThrow(/mode must be/);
  });
});

describe('in Dense, by name', () => {
  it("kernelInitializer 'orthogonal' / 'identity' / 'constant', drawn from the model's seed", () => {
    const build = (kernelInitializer: string) => {
      const model = new Sequential({ seed: 11 });
      model.add(new Dense(3, { inputDim: 3, kernelInitializer, biasInitializer: 'constant' }));
      return model.getWeights();
    };
    const [k] = build('identity');
    expect(Array.from(k!.data)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const [a, bias] = build('orthogonal');
    const [b] = build('orthogonal');
    expect(Array.from(a!.data)).toEqual(Array.from(b!.data));
    expect(Array.from(bias!.data)).toEqual([0, 0, 0]);
  });
});
