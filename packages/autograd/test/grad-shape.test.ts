/** matmul and the shape ops: values against naive references, gradients against central differences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, type Tensor, tensor } from '../src/index.js';
import { broadcastableTo, expectGradientsMatch, RUNS, shapeArb, tensorArb } from './helpers.js';

const dim = fc.integer({ min: 1, max: 5 });

/** Naive C = A·B for 2-D tensors. */
function naiveMatmul(a: Tensor, b: Tensor): number[][] {
  const [m, k] = a.shape as [number, number];
  const n = b.shape[1]!;
  return Array.from({ length: m }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let p = 0; p < k; p++) s += a.data[i * k + p]! * b.data[p * n + j]!;
      return s;
    }),
  );
}

describe('matmul', () => {
  const matrices = fc
    .tuple(dim, dim, dim)
    .chain(([m, k, n]) => fc.tuple(tensorArb([m, k]), tensorArb([k, n])));

  it('2-D: values equal the naive triple loop (including 4+ rows, the blocked path)', () => {
    const big = fc
      .tuple(fc.integer({ min: 1, max: 11 }), dim, dim)
      .chain(([m, k, n]) => fc.tuple(tensorArb([m, k]), tensorArb([k, n])));
    fc.assert(
      fc.property(big, ([a, b]) => {
        const c = a.matmul(b);
        const want = naiveMatmul(a, b);
        expect(c.shape).toEqual([a.shape[0], b.shape[1]]);
        const got = c.toArray() as number[][];
        for (let i = 0; i < got.length; i++) {
          for (let j = 0; j < got[i]!.length; j++) expect(got[i]![j]).toBeCloseTo(want[i]![j]!, 12);
        }
      }),
      RUNS,
    );
  });

  it('2-D: gradients for both operands (with zeros in A, which the kernels skip)', () => {
    fc.assert(
      fc.property(matrices, ([a, b]) => {
        a.data[0] = 0;
        expectGradientsMatch((x, y) => x.matmul(y), [a, b]);
      }),
      RUNS,
    );
    const tall = fc
      .tuple(fc.integer({ min: 4, max: 9 }), dim, dim)
      .chain(([m, k, n]) => fc.tuple(tensorArb([m, k]), tensorArb([k, n])));
    fc.assert(
      fc.property(tall, ([a, b]) => expectGradientsMatch((x, y) => x.matmul(y), [a, b])),
      { numRuns: 15 },
    );
  });

  it('sparse inputs: the skipped all-zero blocks change nothing (sizes around the 4x4 blocks)', () => {
    const arb = fc
      .tuple(fc.integer({ min: 4, max: 10 }), fc.integer({ min: 4, max: 10 }), dim)
      .chain(([m, k, n]) =>
        fc.tuple(
          // whole zero columns (like the blank border of an image) make all-zero 4x4 blocks
          fc
            .tuple(tensorArb([m, k]), fc.array(fc.boolean(), { minLength: k, maxLength: k }))
            .map(([t, zeroColumn]) => {
              for (let i = 0; i < t.size; i++) if (zeroColumn[i % k]) t.data[i] = 0;
              return t;
            }),
          tensorArb([k, n]),
        ),
      );
    fc.assert(
      fc.property(arb, ([a, b]) => {
        const want = naiveMatmul(a, b);
        const got = a.matmul(b).toArray() as number[][];
        for (let i = 0; i < got.length; i++) {
          for (let j = 0; j < got[i]!.length; j++) expect(got[i]![j]).toBeCloseTo(want[i]![j]!, 12);
        }
        expectGradientsMatch((x, y) => x.matmul(y), [a, b]);
      }),
      { numRuns: 20 },
    );
  });

  it('batched, with broadcast batch axes', () => {
    const arb = fc
      .tuple(shapeArb(0, 2), dim, dim, dim)
      .chain(([batch, m, k, n]) =>
        fc
          .tuple(broadcastableTo(batch), broadcastableTo(batch))
          .chain(([ba, bb]) => fc.tuple(tensorArb([...ba, m, k]), tensorArb([...bb, k, n]))),
      );
    fc.assert(
      fc.property(arb, ([a, b]) => {
        const c = a.matmul(b);
        expect(c.shape.slice(-2)).toEqual([a.shape.at(-2), b.shape.at(-1)]);
        expectGradientsMatch((x, y) => x.matmul(y), [a, b]);
      }),
      { numRuns: 25 },
    );
  });

  it('batched values: each batch entry is its own matrix product', () => {
    const a = tensor([[[1, 2]], [[3, 4]]]); // [2,1,2]
    const b = tensor([[5], [6]]); // [2,1], broadcast over the batch
    expect(a.matmul(b).toArray()).toEqual([[[17]], [[39]]]);
  });

  it('1-D operands act as row / column vectors and lose that axis', () => {
    const v = tensor([1, 2]);
    const m = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(v.matmul(m).toArray()).toEqual([9, 12, 15]);
    expect(m.transpose().matmul(v).toArray()).toEqual([9, 12, 15]);
    expect(v.matmul(v).shape).toEqual([]);
    expect(v.matmul(v).item()).toBe(5);
    expectGradientsMatch((x, y) => x.matmul(y), [v, m]);
  });

  it('names both shapes when the inner sizes differ', () => {
    const a = tensor(new Float64Array(8), { shape: [4, 2] });
    const b = tensor(new Float64Array(15), { shape: [3, 5] });
    expect(() => a.matmul(b)).toThrow(RangeError);
    expect(() => a.matmul(b)).toThrow('matmul: [4,2] x [3,5] — inner sizes 2 and 3 differ');
    expect(() => tensor(2).matmul(a)).toThrow(RangeError);
  });
});

describe('transpose', () => {
  it('default reverses the axes; values move to the permuted positions', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.transpose().toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    const y = tensor([[[1, 2]], [[3, 4]], [[5, 6]]]); // [3,1,2]
    expect(y.transpose([2, 0, 1]).shape).toEqual([2, 3, 1]);
    expect(y.transpose([2, 0, 1]).toArray()).toEqual([
      [[1], [3], [5]],
      [[2], [4], [6]],
    ]);
    expect(() => x.transpose([0, 0])).toThrow(RangeError);
  });

  it('gradients for any permutation', () => {
    const arb = shapeArb(1, 3).chain((shape) =>
      fc.tuple(
        tensorArb(shape),
        fc.shuffledSubarray(
          shape.map((_, i) => i),
          { minLength: shape.length, maxLength: shape.length },
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([x, perm]) => {
        const t = x.transpose(perm);
        perm.forEach((p, i) => {
          expect(t.shape[i]).toBe(x.shape[p]);
        });
        expectGradientsMatch((a) => a.transpose(perm), [x]);
      }),
      RUNS,
    );
  });
});

describe('reshape', () => {
  it('keeps row-major order, infers one -1, rejects bad shapes', () => {
    const x = tensor([1, 2, 3, 4, 5, 6]);
    expect(x.reshape([2, -1]).toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.reshape([3, 2]).reshape([-1]).toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => x.reshape([4, -1])).toThrow('reshape: cannot reshape [6] into [4,-1]');
    expect(() => x.reshape([-1, -1])).toThrow(RangeError);
    expect(() => x.reshape([5])).toThrow(RangeError);
  });

  it('gradients flow back in the original shape', () => {
    fc.assert(
      fc.property(shapeArb(), (shape) => {
        const x = tensor(
          Float64Array.from(
            shape.length ? Array.from({ length: shape.reduce((a, b) => a * b) }, (_, i) => i) : [1],
          ),
          {
            shape,
          },
        );
        expectGradientsMatch((a) => a.reshape([-1]).mul(a.reshape([-1])), [x]);
      }),
      RUNS,
    );
  });
});

describe('gather (rows along axis 0)', () => {
  it('picks rows in order, repeats allowed, and adds gradients back into repeated rows', () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { requiresGrad: true },
    );
    const g = x.gather([2, 0, 2]);
    expect(g.toArray()).toEqual([
      [5, 6],
      [1, 2],
      [5, 6],
    ]);
    g.sum().backward();
    expect(x.grad!.toArray()).toEqual([
      [1, 1],
      [0, 0],
      [2, 2],
    ]);
    expect(x.gather(new Int32Array([1])).toArray()).toEqual([[3, 4]]);
    expect(() => x.gather([3])).toThrow('gather: index 3 is out of range for 3 rows (shape [3,2])');
    expect(() => x.gather([0.5])).toThrow(RangeError);
  });

  it('gradients match central differences', () => {
    const arb = shapeArb(1, 3).chain((shape) =>
      fc.tuple(tensorArb(shape), fc.array(fc.integer({ min: 0, max: shape[0]! - 1 }), { maxLength: 6 })),
    );
    fc.assert(
      fc.property(arb, ([x, idx]) => expectGradientsMatch((a) => a.gather(idx), [x])),
      RUNS,
    );
  });
});

describe('concat', () => {
  it('joins along an axis and checks the other sizes', () => {
    const a = tensor([[1, 2]]);
    const b = tensor([[3, 4]]);
    expect(concat([a, b]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(concat([a, b], 1).toArray()).toEqual([[1, 2, 3, 4]]);
    expect(concat([a, b], -1).toArray()).toEqual([[1, 2, 3, 4]]);
    expect(() => concat([a, tensor([[1, 2, 3]])])).toThrow(
      'concat: shapes [1,2], [1,3] differ outside axis 0',
    );
    expect(() => concat([])).toThrow(RangeError);
  });

  it('gradients flow to every piece', () => {
    const arb = fc
      .tuple(shapeArb(1, 3), fc.array(dim, { minLength: 1, maxLength: 3 }))
      .chain(([shape, sizes]) =>
        fc
          .integer({ min: 0, max: shape.length - 1 })
          .chain((axis) =>
            fc.tuple(
              fc.constant(axis),
              fc.tuple(...sizes.map((s) => tensorArb(shape.map((d, i) => (i === axis ? s : d))))),
            ),
          ),
      );
    fc.assert(
      fc.property(arb, ([axis, pieces]) => expectGradientsMatch((...xs) => concat(xs, axis), pieces)),
      RUNS,
    );
  });
});
