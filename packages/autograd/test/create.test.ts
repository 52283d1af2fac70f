import { describe, expect, it } from 'vitest';
import { arange, full, ones, Tensor, tensor, zeros } from '../src/index.js';

describe('tensor()', () => {
  it('infers the shape of nested arrays and stores row-major float64', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(t.data).toBeInstanceOf(Float64Array);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.requiresGrad).toBe(false);
    expect(t.grad).toBeNull();
  });

  it('a number is a scalar of shape []', () => {
    const s = tensor(3.5, { requiresGrad: true });
    expect(s.shape).toEqual([]);
    expect(s.rank).toBe(0);
    expect(s.item()).toBe(3.5);
    expect(s.toArray()).toBe(3.5);
    expect(s.requiresGrad).toBe(true);
  });

  it('a Float64Array is copied, 1-D unless a shape is given', () => {
    const raw = new Float64Array([1, 2, 3, 4]);
    const t = tensor(raw, { shape: [2, 2] });
    raw[0] = 99;
    expect(t.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(tensor(raw).shape).toEqual([4]);
    expect(() => tensor(raw, { shape: [3] })).toThrow('tensor: 4 values do not fit shape [3] (3 values)');
  });

  it('rejects ragged arrays and non-numbers with the position', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(
      /ragged nested array — expected an array of length 2 at \[1\]/,
    );
    expect(() => tensor([1, 'x' as unknown as number])).toThrow(
      /expected a number at \[1\], got "x" \(a string\)/,
    );
    expect(() => tensor([[1], 2] as unknown as number[][])).toThrow(TypeError);
  });

  it('item() needs exactly one element', () => {
    expect(tensor([[7]]).item()).toBe(7);
    expect(() => tensor([1, 2]).item()).toThrow('item: needs exactly one element, the tensor has shape [2]');
  });

  it('the constructor checks the data length', () => {
    expect(() => new Tensor(new Float64Array(3), [2, 2])).toThrow(RangeError);
  });
});

describe('zeros, ones, full, arange', () => {
  it('fill a shape', () => {
    expect(zeros([2, 2]).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
    expect(full([1, 2], 7, { requiresGrad: true }).requiresGrad).toBe(true);
    expect(zeros([]).shape).toEqual([]);
    expect(() => zeros([2, -1])).toThrow(RangeError);
  });

  it('arange follows numpy: [start, stop) by step', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(5, 1, -2).toArray()).toEqual([5, 3]);
    expect(arange(3, 1).size).toBe(0);
    expect(() => arange(0, 1, 0)).toThrow(RangeError);
  });
});
