import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, broadcastShapes, div, mul, pow, sub, type Tensor, tensor } from '../src/index.js';
import { broadcastPairArb, naiveBroadcastIndex, RUNS, tensorArb } from './helpers.js';

describe('numpy broadcasting rules', () => {
  const table: [number[], number[], number[]][] = [
    [[], [], []],
    [[3], [], [3]],
    [[], [2, 3], [2, 3]],
    [[2, 3], [3], [2, 3]],
    [
      [2, 3],
      [1, 3],
      [2, 3],
    ],
    [
      [2, 3],
      [2, 1],
      [2, 3],
    ],
    [
      [4, 1, 3],
      [2, 1],
      [4, 2, 3],
    ],
    [[1], [5, 4], [5, 4]],
    [
      [8, 1, 6, 1],
      [7, 1, 5],
      [8, 7, 6, 5],
    ],
    [[5, 4], [1], [5, 4]],
    [
      [15, 3, 5],
      [15, 1, 5],
      [15, 3, 5],
    ],
    [
      [15, 3, 5],
      [3, 1],
      [15, 3, 5],
    ],
    [[0, 3], [3], [0, 3]],
    [
      [1, 0],
      [4, 1],
      [4, 0],
    ],
  ];
  it.each(table)('%j with %j gives %j', (a, b, out) => {
    expect(broadcastShapes('add', a, b)).toEqual(out);
    expect(broadcastShapes('add', b, a)).toEqual(out);
  });

  const failures: [number[], number[], string][] = [
    [[3], [4], 'add: shapes [3] and [4] cannot be broadcast — sizes 3 and 4 differ at axis -1'],
    [
      [2, 1],
      [8, 4, 3],
      'add: shapes [2,1] and [8,4,3] cannot be broadcast — sizes 2 and 4 differ at axis -2',
    ],
    [[2, 3], [3, 2], 'add: shapes [2,3] and [3,2] cannot be broadcast — sizes 3 and 2 differ at axis -1'],
    [[4, 3], [4], 'add: shapes [4,3] and [4] cannot be broadcast — sizes 3 and 4 differ at axis -1'],
    [[0], [2], 'add: shapes [0] and [2] cannot be broadcast — sizes 0 and 2 differ at axis -1'],
  ];
  it.each(failures)('%j with %j fails', (a, b, message) => {
    expect(() => broadcastShapes('add', a, b)).toThrow(RangeError);
    expect(() => broadcastShapes('add', a, b)).toThrow(message);
  });

  it('every binary op names itself and both shapes when shapes do not broadcast', () => {
    const a = tensor([[1, 2, 3]]);
    const b = tensor([1, 2]);
    for (const [name, op] of [
      ['add', add],
      ['sub', sub],
      ['mul', mul],
      ['div', div],
      ['pow', pow],
    ] as const) {
      expect(() => op(a, b)).toThrow(`${name}: shapes [1,3] and [2]`);
    }
  });
});

describe('broadcast forward values match a naive index computation', () => {
  const ops: [string, (a: Tensor, b: Tensor) => Tensor, (x: number, y: number) => number][] = [
    ['add', (a, b) => a.add(b), (x, y) => x + y],
    ['sub', (a, b) => a.sub(b), (x, y) => x - y],
    ['mul', (a, b) => a.mul(b), (x, y) => x * y],
    ['div', (a, b) => a.div(b), (x, y) => x / y],
  ];
  it.each(ops)('%s', (_, op, scalar) => {
    const arb = broadcastPairArb.chain(([sa, sb]) => fc.tuple(tensorArb(sa), tensorArb(sb)));
    fc.assert(
      fc.property(arb, ([a, b]) => {
        const out = op(a, b);
        const shape = broadcastShapes('op', a.shape, b.shape);
        expect(out.shape).toEqual(shape);
        for (let i = 0; i < out.size; i++) {
          const x = a.data[naiveBroadcastIndex(i, a.shape, shape)]!;
          const y = b.data[naiveBroadcastIndex(i, b.shape, shape)]!;
          expect(out.data[i]).toBe(scalar(x, y));
        }
      }),
      RUNS,
    );
  });

  it('accepts plain numbers on either side', () => {
    expect(tensor([1, 2]).add(10).toArray()).toEqual([11, 12]);
    expect(sub(10, tensor([1, 2])).toArray()).toEqual([9, 8]);
    expect(tensor([[1, 2]]).mul(3).shape).toEqual([1, 2]);
    expect(
      tensor(2)
        .pow(tensor([1, 2, 3]))
        .toArray(),
    ).toEqual([2, 4, 8]);
  });

  it('the bias-add fast path equals the general path', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.add(tensor([10, 20, 30])).toArray()).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
    expect(x.add(tensor([[10], [20]])).toArray()).toEqual([
      [11, 12, 13],
      [24, 25, 26],
    ]);
  });
});
