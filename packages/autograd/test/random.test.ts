import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRng, Rng, randomNormal, randomUniform, setDefaultRng } from '../src/index.js';

describe('Rng (sfc32 seeded by splitmix32)', () => {
  it('gives the golden sequence for seed 42', () => {
    const rng = new Rng(42);
    const raw = Array.from({ length: 5 }, () => rng.nextUint32());
    expect(raw).toEqual(GOLDEN_UINT32_SEED_42);
  });

  it('maps raw outputs to [0, 1) by dividing by 2^32', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.nextUint32() / 2 ** 32);
  });

  it('is deterministic per seed, and different seeds differ', () => {
    const seq = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
  });

  it('normal() has mean ~0 and variance ~1; normal(m, s) scales', () => {
    const rng = new Rng(123);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.01); // standard error is 1/sqrt(n) ≈ 0.0022
    expect(Math.abs(sumSq / n - mean * mean - 1)).toBeLessThan(0.02);
    const scaled = new Rng(5);
    let s2 = 0;
    for (let i = 0; i < 20_000; i++) s2 += scaled.normal(10, 0.5);
    expect(s2 / 20_000).toBeCloseTo(10, 1);
  });

  it('uniform(lo, hi) stays in range and int(n) covers 0..n-1 evenly', () => {
    const rng = new Rng(9);
    const counts = new Array(6).fill(0);
    let outside = 0;
    for (let i = 0; i < 60_000; i++) {
      const u = rng.uniform(-2, 3);
      if (!(u >= -2 && u < 3)) outside++;
      counts[rng.int(6)]++;
    }
    expect(outside).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
  });

  it('shuffle is in place and a permutation; permutation(n) holds 0..n-1 once each', () => {
    const rng = new Rng(3);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const same = rng.shuffle(items);
    expect(same).toBe(items);
    expect([...items].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const p = rng.permutation(50);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(new Rng(3).permutation(10)).toEqual(new Rng(3).permutation(10));
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => new Rng(Number.NaN)).toThrow(TypeError);
  });
});

describe('random tensors', () => {
  it('draw from the given rng, reproducibly', () => {
    const a = randomNormal([3, 4], { rng: new Rng(1), mean: 2, std: 0.1 });
    const b = randomNormal([3, 4], { rng: new Rng(1), mean: 2, std: 0.1 });
    expect(a.shape).toEqual([3, 4]);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const r = new Rng(1);
    expect(a.data[0]).toBe(r.normal(2, 0.1));
    const u = randomUniform([1000], { rng: new Rng(2), min: -0.05, max: 0.05 });
    expect(Math.min(...u.data)).toBeGreaterThanOrEqual(-0.05);
    expect(Math.max(...u.data)).toBeLessThan(0.05);
  });

  it('use the shared default generator when no rng is given', () => {
    const saved = defaultRng();
    try {
      setDefaultRng(new Rng(11));
      const a = randomUniform([5]);
      setDefaultRng(new Rng(11));
      expect(Array.from(randomUniform([5]).data)).toEqual(Array.from(a.data));
    } finally {
      setDefaultRng(saved);
    }
  });
});

describe('no Math.random in the engine', () => {
  it('appears in no source file', () => {
    const root = join(import.meta.dirname, '..', 'src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /Math\s*\.\s*random\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

// Cross-checked against an independent Python implementation of splitmix32 + sfc32.
const GOLDEN_UINT32_SEED_42 = [3730666837, 1786513705, 1450338100, 2191736338, 3785014133];
