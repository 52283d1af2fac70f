import { describe, expect, it } from 'vitest';
import { render, renderNumber, shapeOf, toNumeric, unravelIndex } from '../src/index.js';

describe('renderNumber', () => {
  it('keeps 8 significant digits and drops trailing zeros', () => {
    expect(renderNumber(0.21194155761708544)).toBe('0.21194156');
    expect(renderNumber(1)).toBe('1');
    expect(renderNumber(-0)).toBe('0');
    expect(renderNumber(1e-12)).toBe('1e-12');
    expect(renderNumber(Number.NaN)).toBe('NaN');
    expect(renderNumber(-Infinity)).toBe('-Infinity');
  });
});

describe('toNumeric / shapeOf', () => {
  it('flattens numbers, nested arrays, typed arrays and tensors that crossed structured clone', () => {
    expect(toNumeric(7)).toEqual({ shape: [], values: [7] });
    expect(
      toNumeric([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ shape: [2, 2], values: [1, 2, 3, 4] });
    expect(shapeOf(new Float64Array(3))).toEqual([3]);
    expect(shapeOf([new Float64Array(2), new Float64Array(2)])).toEqual([2, 2]);
    expect(shapeOf({ shape: [2, 1], data: new Float64Array([1, 2]) })).toEqual([2, 1]);
    expect(shapeOf([])).toEqual([0]);
  });

  it('rejects ragged arrays and non-numbers', () => {
    expect(toNumeric([[1, 2], [3]])).toBeNull();
    expect(toNumeric([1, [2]])).toBeNull();
    expect(toNumeric([[1], 2])).toBeNull();
    expect(toNumeric(['1'])).toBeNull();
    expect(toNumeric('1')).toBeNull();
    expect(toNumeric(undefined)).toBeNull();
    expect(toNumeric({ shape: [3], data: [1, 2] })).toBeNull();
  });

  it('unravels row-major indices', () => {
    expect(unravelIndex(5, [2, 3])).toEqual([1, 2]);
    expect(unravelIndex(0, [])).toEqual([]);
  });
});

describe('render', () => {
  it('renders arrays, nested arrays, tensors and objects', () => {
    expect(render([0.2119415576, 0.5761168847])).toBe('[0.21194156, 0.57611688]');
    expect(
      render([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('[[1, 2], [3, 4]]');
    expect(render({ shape: [2], data: new Float64Array([1, 2]) })).toBe('tensor([1, 2], shape=[2])');
    expect(render({ loss: 0.5, names: ['a'] })).toBe('{ loss: 0.5, names: ["a"] }');
    expect(render(undefined)).toBe('undefined');
    expect(render(new RangeError('bad'))).toBe('RangeError: bad');
  });

  it('summarises long axes and survives cycles', () => {
    const long = Array.from({ length: 100 }, (_, i) => i);
    expect(render(long)).toBe('[0, 1, 2, 3, ..., 96, 97, 98, 99]');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(render(cyclic)).toBe('{ a: 1, self: ... }');
    expect(render('x'.repeat(5000)).length).toBeLessThanOrEqual(1200);
  });
});
