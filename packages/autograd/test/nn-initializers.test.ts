import { describe, expect, it } from 'vitest';
import { Dense, getInitializer, Rng, Sequential } from '../src/index.js';

function stats(values: Float64Array): { mean: number; std: number; min: number; max: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return { mean, std, min: Math.min(...values), max: Math.max(...values) };
}

describe('initializers (Keras 3 defaults)', () => {
  it("'uniform' is RandomUniform(−0.05, 0.05); 'normal' is RandomNormal(0, 0.05)", () => {
    const u = stats(getInitializer('uniform')(20000, 1, 1, new Rng(1)));
    expect(u.min).toBeGreaterThanOrEqual(-0.05);
    expect(u.max).toBeLessThan(0.05);
    expect(u.max).toBeGreaterThan(0.0499);
    const n = stats(getInitializer('normal')(20000, 1, 1, new Rng(1)));
    expect(n.std).toBeGreaterThan(0.049);
    expect(n.std).toBeLessThan(0.051);
  });

  it('glorotUniform draws from ±sqrt(6 / (fanIn + fanOut))', () => {
    const limit = Math.sqrt(6 / (30 + 20));
    const g = stats(getInitializer('glorotUniform')(30 * 20 * 20, 30, 20, new Rng(2)));
    expect(g.min).toBeGreaterThanOrEqual(-limit);
    expect(g.max).toBeLessThan(limit);
    expect(g.max).toBeGreaterThan(limit * 0.99);
  });

  it('heNormal and glorotNormal are truncated at 2 standard deviations of sqrt(scale)/0.8796', () => {
    const std = Math.sqrt(2 / 50) / 0.87962566103423978;
    const h = stats(getInitializer('he_normal')(20000, 50, 10, new Rng(3)));
    expect(h.max).toBeLessThanOrEqual(2 * std);
    expect(h.min).toBeGreaterThanOrEqual(-2 * std);
    expect(h.std).toBeGreaterThan(Math.sqrt(2 / 50) * 0.97); // truncation brings it back to ≈ sqrt(scale)
    expect(h.std).toBeLessThan(Math.sqrt(2 / 50) * 1.03);
    const g = stats(getInitializer('glorotNormal')(20000, 30, 20, new Rng(3)));
    expect(g.std).toBeGreaterThan(Math.sqrt(2 / 50) * 0.97);
    expect(g.std).toBeLessThan(Math.sqrt(2 / 50) * 1.03);
  });

  it('snake_case and camelCase name the same initializer; zeros and ones are constant', () => {
    expect(getInitializer('glorot_uniform')).toBe(getInitializer('glorotUniform'));
    expect(getInitializer('random_normal')).toBe(getInitializer('normal'));
    expect(Array.from(getInitializer('ones')(3, 1, 1, new Rng(0)))).toEqual([1, 1, 1]);
    expect(Array.from(getInitializer('zeros')(2, 1, 1, new Rng(0)))).toEqual([0, 0]);
    expect(() => getInitializer('xavier')).toThrow(/unknown initializer 'xavier'/);
  });

  it('Dense defaults: glorotUniform kernel, zeros bias; the kernel is drawn before the bias', () => {
    const model = new Sequential({ seed: 9 });
    model.add(new Dense(4, { inputDim: 3, biasInitializer: 'uniform' }));
    const [kernel, bias] = model.getWeights();
    const rng = new Rng(9);
    expect(Array.from(kernel!.data)).toEqual(Array.from(getInitializer('glorotUniform')(12, 3, 4, rng)));
    expect(Array.from(bias!.data)).toEqual(Array.from(getInitializer('uniform')(4, 4, 4, rng)));
    const plain = new Dense(2);
    expect([plain.kernelInitializer, plain.biasInitializer]).toEqual(['glorotUniform', 'zeros']);
  });
});
