/**
 * conv2d (plain, with its bias, with its fused ReLU), maxPool2d and avgPool2d with NaN, ±Infinity
 * and −0 against the plain loops of `conv-reference.ts`, forward and backward, on both matmul
 * kernels. The reference pads as numpy does (`np.pad` with zeros, then the sums): a padding zero
 * times an infinite weight is NaN, so the zero skipping of the matmul kernels must not hide it.
 * Max pooling follows `max`: a NaN in a window wins, and the gradient goes to the first position
 * holding the window's value.
 */
import fc from 'fast-check';
import { afterEach, describe, it } from 'vitest';
import { avgPool2d, conv2d, maxPool2d, relu, type Tensor, tensor } from '../src/index.js';
import { type MatmulKernel, setMatmulKernel } from '../src/tensor/kernels/matmul-dispatch.js';
import { type Geometry, geometryArb, naiveConv, naiveConvGrads, naivePool } from './conv-reference.js';
import { expectSameNumbers, RUNS, sparseSpecialValuesArb, specialValuesArb } from './non-finite.js';

const geometries = geometryArb({ batch: 2, kernel: 3, stride: 2, channels: 3, extra: 3 });

const imageShape = (g: Geometry) => [g.batch, g.height, g.width, g.channels];
const count = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const make = (values: number[], shape: number[], requiresGrad = true): Tensor =>
  tensor(Float64Array.from(values), { shape, requiresGrad });

/** A geometry, its images (mostly zeros, as after a ReLU), a kernel, a bias and an upstream gradient. */
const convCaseArb = fc
  .record({ g: geometries, filters: fc.integer({ min: 1, max: 3 }) })
  .chain(({ g, filters }) => {
    const outShape = naiveConv([], [], { ...g, batch: 0 }, filters).shape; // [0, oh, ow, filters]
    const outSize = g.batch * count(outShape.slice(1));
    return fc.record({
      g: fc.constant(g),
      filters: fc.constant(filters),
      x: sparseSpecialValuesArb(count(imageShape(g))),
      k: specialValuesArb(g.kh * g.kw * g.channels * filters),
      bias: specialValuesArb(filters),
      upstream: specialValuesArb(outSize),
    });
  });

/** relu as `relu()` computes it: NaN passes, everything not above 0 becomes 0. */
const reluOf = (v: number) => (v > 0 || Number.isNaN(v) ? v : 0);

describe.each(['typescript', 'wasm'] as MatmulKernel[])(
  'conv2d with NaN, ±Infinity and −0 on the %s kernel',
  (kernel) => {
    let previous: MatmulKernel;
    afterEach(() => {
      setMatmulKernel(previous);
    });

    it('gives the padded reference its numbers and gradients, plain, biased and rectified', () => {
      previous = setMatmulKernel(kernel);
      fc.assert(
        fc.property(convCaseArb, fc.constantFrom('plain', 'bias', 'relu'), (c, kind) => {
          const { g, filters } = c;
          const x = make(c.x, imageShape(g));
          const k = make(c.k, [g.kh, g.kw, g.channels, filters]);
          const b = make(c.bias, [filters]);
          const out = conv2d(x, k, {
            padding: g.padding,
            strides: [g.sh, g.sw],
            ...(kind === 'plain' ? {} : { bias: b }),
            ...(kind === 'relu' ? { activation: 'relu' as const } : {}),
          });
          const sums = naiveConv(c.x, c.k, g, filters, true).out;
          const z = kind === 'plain' ? sums : sums.map((s, i) => s + c.bias[i % filters]!);
          const want = kind === 'relu' ? z.map(reluOf) : z;
          expectSameNumbers(out.data, want);

          out.backward(make(c.upstream, out.shape.slice(), false));
          // before the ReLU, the gradient flows only where the output is positive (relu's backward)
          const w = kind === 'relu' ? c.upstream.map((u, i) => (z[i]! > 0 ? u : 0)) : c.upstream;
          const { dx, dk } = naiveConvGrads(c.x, c.k, w, g, filters, true);
          expectSameNumbers(x.grad!.data, dx);
          expectSameNumbers(k.grad!.data, dk);
          if (kind !== 'plain') {
            const db = new Array<number>(filters).fill(0);
            w.forEach((v, i) => {
              db[i % filters]! += v;
            });
            expectSameNumbers(b.grad!.data, db);
          }
        }),
        RUNS,
      );
    });

    it('equals relu(conv2d(...)) on the same values, for the fused ReLU', () => {
      previous = setMatmulKernel(kernel);
      fc.assert(
        fc.property(convCaseArb, (c) => {
          const { g, filters } = c;
          const options = { padding: g.padding, strides: [g.sh, g.sw] as [number, number] };
          const run = (fused: boolean) => {
            const x = make(c.x, imageShape(g));
            const k = make(c.k, [g.kh, g.kw, g.channels, filters]);
            const b = make(c.bias, [filters]);
            const out = fused
              ? conv2d(x, k, { ...options, bias: b, activation: 'relu' })
              : relu(conv2d(x, k, { ...options, bias: b }));
            out.backward(make(c.upstream, out.shape.slice(), false));
            return [out.data, x.grad!.data, k.grad!.data, b.grad!.data];
          };
          const [fused, separate] = [run(true), run(false)];
          for (let i = 0; i < fused.length; i++) expectSameNumbers(fused[i]!, separate[i]!, { rtol: 0 });
        }),
        RUNS,
      );
    });
  },
);

describe('pooling with NaN, ±Infinity and −0', () => {
  const poolCaseArb = geometries.chain((g) => {
    const outSize = count(naivePool('max', [], { ...g, batch: 1 }).shape) * g.batch;
    return fc.record({
      g: fc.constant(g),
      x: specialValuesArb(count(imageShape(g))),
      upstream: specialValuesArb(outSize),
    });
  });

  /** Where each output's upstream gradient goes: `[input index, divided by]` pairs per output. */
  type Route = (read: number[], o: number, values: number[], want: number[]) => [number, number][];
  const pools: { name: string; pool: typeof maxPool2d; kind: 'max' | 'avg'; route: Route; rtol?: number }[] =
    [
      {
        name: 'maxPool2d: a NaN wins its window; the gradient goes to the first position holding the result',
        pool: maxPool2d,
        kind: 'max',
        route: (read, o, values, want) => [
          [read.find((n) => Object.is(values[n], want[o]) || values[n] === want[o])!, 1],
        ],
        rtol: 0,
      },
      {
        name: 'avgPool2d: the mean of the positions inside the image, and its gradient shared among them',
        pool: avgPool2d,
        kind: 'avg',
        route: (read) => read.map((n) => [n, read.length]),
      },
    ];

  it.each(pools)('$name', ({ pool, kind, route, rtol }) => {
    fc.assert(
      fc.property(poolCaseArb, ({ g, x: values, upstream }) => {
        const x = make(values, imageShape(g));
        const out = pool(x, { poolSize: [g.kh, g.kw], strides: [g.sh, g.sw], padding: g.padding });
        const { out: want, from } = naivePool(kind, values, g);
        expectSameNumbers(out.data, want, { rtol });
        out.backward(make(upstream, out.shape.slice(), false));
        const dx = new Array<number>(values.length).fill(0);
        from.forEach((read, o) => {
          for (const [n, divisor] of route(read, o, values, want)) dx[n]! += upstream[o]! / divisor;
        });
        expectSameNumbers(x.grad!.data, dx, { rtol });
      }),
      RUNS,
    );
  });
});
