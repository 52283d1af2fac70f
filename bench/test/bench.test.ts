/**
 * The bench's own correctness (never its timings): both engines start the XOR model from the same
 * weights and agree on its loss, the synthetic MNIST data has the promised shape, and the flags and
 * the median behave.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.js';
import { median } from '../src/measure.js';
import { type Row, speedup } from '../src/rows.js';
import { tf, useBackend } from '../src/tf-backends.js';
import { syntheticMnist } from '../src/workloads/mnist.js';
import { ourXorModel, tfLoss, tfXorModel, XOR_X, XOR_Y } from '../src/workloads/xor.js';

describe('XOR on both engines', () => {
  it('starts from the same weights with the same loss, and one training step moves both alike', async () => {
    await useBackend('cpu');
    const ours = ourXorModel(3);
    const theirs = tfXorModel(ours.getWeights());
    const xs = tf.tensor2d(XOR_X);
    const ys = tf.tensor2d(XOR_Y);
    const before = ours.evaluate(XOR_X, XOR_Y).loss!;
    expect(await tfLoss(theirs, xs, ys)).toBeCloseTo(before, 5);
    ours.fit(XOR_X, XOR_Y, { epochs: 5, batchSize: 4, verbose: 0 });
    await theirs.fit(xs, ys, { epochs: 5, batchSize: 4, verbose: 0 });
    const after = ours.evaluate(XOR_X, XOR_Y).loss!;
    expect(after).not.toBeCloseTo(before, 6);
    expect(await tfLoss(theirs, xs, ys)).toBeCloseTo(after, 5);
    theirs.dispose();
    tf.dispose([xs, ys]);
  });
});

describe('synthetic MNIST', () => {
  it('has one-hot labels and about 150 lit pixels per MNIST-like sample', () => {
    const { x, y } = syntheticMnist(20, 1, false);
    expect(x.length).toBe(20 * 784);
    for (let s = 0; s < 20; s++) {
      expect(y.subarray(s * 10, s * 10 + 10).reduce((a, b) => a + b, 0)).toBe(1);
      expect(x.subarray(s * 784, (s + 1) * 784).filter((v) => v !== 0).length).toBe(150);
    }
    const dense = syntheticMnist(2, 1, true).x;
    expect(dense.filter((v) => v === 0).length).toBeLessThan(5);
  });
});

describe('flags and statistics', () => {
  it('parses a subset, quick mode and repetitions; writes results only for a full run', () => {
    expect(parseArgs([], 'R.md')).toMatchObject({
      only: ['xor', 'mnist', 'matmul', 'conv', 'lecture4', 'grader', 'exercise', 'batch'],
      reps: 5,
      write: true,
      exercises: ['06-mnist', '07-cnn'],
    });
    expect(parseArgs(['--only=exercise', '--exercise', '06-mnist, 07-cnn'], 'R.md')).toMatchObject({
      only: ['exercise'],
      exercises: ['06-mnist', '07-cnn'],
      write: false,
    });
    expect(() => parseArgs(['--exercise', '06-mnist;rm'], 'R.md')).toThrow(/--exercise needs exercise ids/);
    expect(() => parseArgs(['--exercise', ''], 'R.md')).toThrow(/--exercise needs exercise ids/);
    expect(parseArgs(['--only', 'xor,matmul', '--quick'], 'R.md')).toMatchObject({
      only: ['xor', 'matmul'],
      quick: true,
      reps: 2,
      write: false,
    });
    expect(parseArgs(['--reps=3', '--write', '--only=grader'], 'R.md')).toMatchObject({
      reps: 3,
      write: true,
    });
    expect(() => parseArgs(['--only', 'gpu'], 'R.md')).toThrow(/unknown workload 'gpu'/);
    // node:util's parseArgs words it; the usage follows
    expect(() => parseArgs(['--fast'], 'R.md')).toThrow(/Unknown option '--fast'[\s\S]*pnpm bench \[--only/);
  });

  it('takes every flag in both spellings, -h, a stray --, and the last of --write / --no-write', () => {
    expect(parseArgs(['--seed', '7', '--out=x.md', '--reps', '4'], 'R.md')).toMatchObject({
      seed: 7,
      out: 'x.md',
      reps: 4,
    });
    expect(parseArgs(['-h'], 'R.md').help).toBe(true);
    expect(parseArgs(['--help'], 'R.md').help).toBe(true);
    expect(parseArgs(['--', '--quick'], 'R.md')).toMatchObject({ quick: true, out: 'R.md', seed: 42 });
    expect(parseArgs(['--write', '--no-write'], 'R.md').write).toBe(false);
    expect(parseArgs(['--no-write', '--write', '--quick'], 'R.md').write).toBe(true);
    expect(parseArgs(['--no-write'], 'R.md').write).toBe(false);
  });

  it('rejects bad values: a missing value, a non-positive count, a stray word', () => {
    expect(() => parseArgs(['--reps'], 'R.md')).toThrow(/--reps/);
    expect(() => parseArgs(['--reps', '0'], 'R.md')).toThrow(/--reps needs a positive integer, got 0/);
    expect(() => parseArgs(['--seed=x'], 'R.md')).toThrow(/--seed needs a positive integer/);
    expect(() => parseArgs(['mnist'], 'R.md')).toThrow(RangeError);
  });

  it('takes medians and ratios in the right direction', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const time: Row = { workload: 'w', metric: 'm', unit: 'ms', better: 'lower', ours: 10 };
    const rate: Row = { ...time, unit: 'samples/s', better: 'higher' };
    expect(speedup(time, 500)).toBe(50);
    expect(speedup(rate, 5)).toBe(2);
  });
});

describe('the generated class (batch workload)', () => {
  it('mixes correct, partial, mutant, broken, starter, empty and hanging submissions, the same each time', async () => {
    const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { makeClass } = await import('../src/workloads/batch.js');
    const [a, b] = [
      mkdtempSync(join(tmpdir(), 'bench-class-a-')),
      mkdtempSync(join(tmpdir(), 'bench-class-b-')),
    ];
    try {
      expect(await makeClass(a, 20)).toEqual({
        correct: 7,
        partial: 4,
        mutant: 4,
        syntax: 2,
        starter: 1,
        empty: 1,
        hangs: 1,
      });
      await makeClass(b, 20);
      const files = (dir: string): string[] =>
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort();
      const inA = files(a);
      expect(inA.map((f) => f.slice(a.length))).toEqual(files(b).map((f) => f.slice(b.length)));
      for (const file of inA)
        expect(readFileSync(file, 'utf8')).toBe(readFileSync(b + file.slice(a.length), 'utf8'));
      expect(readdirSync(join(a, 's011-empty'))).toEqual([]);
      // A mutant differs from the solution in exactly one file.
      const mutant = inA.filter((f) => f.includes('s003-mutant'));
      const changed = mutant.filter((f) => {
        const [, id, , name] = f.slice(join(a, 's003-mutant').length + 1).split('/');
        return (
          readFileSync(f, 'utf8') !==
          readFileSync(new URL(`../../exercises/${id}/solution/${name}`, import.meta.url), 'utf8')
        );
      });
      expect(changed).toHaveLength(1);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
    // Loading the grader's modules and the course's mutants took over a minute on the loaded machine.
  }, 300_000);
});
