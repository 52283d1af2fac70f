import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { arange, tensor, zeros } from '../src/index.js';

describe('toString / print', () => {
  it('softmax output reads like PyTorch: four decimals', () => {
    expect(
      tensor([[1, 1, 2]])
        .softmax()
        .toString(),
    ).toBe('tensor([[0.2119, 0.2119, 0.5761]])');
  });

  it('aligns columns and indents rows under the first', () => {
    expect(
      tensor([
        [1, -2.5],
        [3, 400],
      ]).toString(),
    ).toBe('tensor([[  1.0000,  -2.5000],\n        [  3.0000, 400.0000]])');
  });

  it('whole numbers print without decimals; 3-D blocks are separated by a blank line', () => {
    expect(arange(8).reshape([2, 2, 2]).toString()).toBe(
      'tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]])',
    );
  });

  it('scalars, empty tensors, special values, scientific notation', () => {
    expect(tensor(1.23456).toString()).toBe('tensor(1.2346)');
    expect(tensor(2).toString()).toBe('tensor(2)');
    expect(zeros([0]).toString()).toBe('tensor([])');
    expect(tensor([Number.NaN, Number.POSITIVE_INFINITY, -1]).toString()).toBe('tensor([nan, inf,  -1])');
    expect(tensor([1e-5, 1]).toString()).toBe('tensor([1.0000e-05, 1.0000e+00])');
  });

  it('summarizes more than 1000 values with ...', () => {
    const s = arange(2000).toString();
    expect(s).toBe('tensor([   0,    1,    2, ..., 1997, 1998, 1999])');
  });

  it('wraps long rows at 80 characters', () => {
    const lines = arange(40).mul(1.5).toString().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[1]!.startsWith('        ')).toBe(true);
  });

  it('console.log (util.inspect) and JSON.stringify show the values', () => {
    const t = tensor([[1, 2.5]]);
    expect(inspect(t)).toBe('tensor([[1.0000, 2.5000]])');
    expect(JSON.stringify({ t })).toBe('{"t":[[1,2.5]]}');
  });

  it('print() writes toString() to the console', () => {
    const logged: unknown[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => logged.push(...args);
    try {
      tensor([1, 2]).print();
    } finally {
      console.log = original;
    }
    expect(logged).toEqual(['tensor([1, 2])']);
  });
});
