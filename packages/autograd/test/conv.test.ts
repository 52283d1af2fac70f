/**
 * conv2d, maxPool2d, avgPool2d and flatten against the plain loops of `conv-reference.ts` on random
 * geometries (strides, both paddings, windows larger than the stride and smaller), forward and
 * backward, on both matmul kernels; plus `gradCheck` on a few, and the errors a student meets.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  avgPool2d,
  type Conv2dOptions,
  conv2d,
  flatten,
  gradCheck,
  maxPool2d,
  noGrad,
  Rng,
  relu,
  type Tensor,
  tensor,
  zeros,
} from '../src/index.js';
import { type MatmulKernel, setMatmulKernel } from '../src/tensor/kernels/matmul-dispatch.js';
import { axis, type Geometry, geometryArb, naiveConv, naiveConvGrads, naivePool } from './conv-reference.js';

const RUNS = { numRuns: 60 };

const geometries = geometryArb({ batch: 3, kernel: 4, stride: 3, channels: 3, extra: 5 });

function random(shape: number[], rng: Rng, distinct = false): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Float64Array.from({ length: n }, (_, i) => (distinct ? i * 0.37 : 0) + rng.normal());
  if (distinct) {
    // a shuffle of well-separated values: no ties for max pooling's gradient to choose between
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
  }
  return tensor(values, { shape, requiresGrad: true });
}

function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-10): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    if (Math.abs(actual[i]! - e) > tol * (1 + Math.abs(e))) {
      expect.fail(`element ${i}: ${actual[i]} vs ${e}`);
    }
  }
}

/** Σ w·out with fixed weights, so the backward pass gets a non-uniform upstream gradient. */
function weightedSum(out: Tensor, rng: Rng): { loss: Tensor; w: Float64Array } {
  const w = Float64Array.from({ length: out.size }, () => rng.uniform(-1, 1));
  return { loss: out.mul(tensor(w, { shape: out.shape.slice() })).sum(), w };
}

describe.each(['typescript', 'wasm'] as MatmulKernel[])('conv2d on the %s kernel', (kernel) => {
  let previous: MatmulKernel;
  afterEach(() => setMatmulKernel(previous));

  it('matches the six-deep loop, forward and backward, on random geometries', () => {
    previous = setMatmulKernel(kernel);
    fc.assert(
      fc.property(geometries, fc.integer({ min: 1, max: 4 }), fc.integer(), (g, filters, seed) => {
        const rng = new Rng(seed);
        const x = random([g.batch, g.height, g.width, g.channels], rng);
        const k = random([g.kh, g.kw, g.channels, filters], rng);
        const out = conv2d(x, k, { strides: [g.sh, g.sw], padding: g.padding });
        const expected = naiveConv(x.data, k.data, g, filters);
        expect(out.shape).toEqual(expected.shape);
        expectAllClose(out.data, expected.out);
        const { loss, w } = weightedSum(out, rng);
        loss.backward();
        const grads = naiveConvGrads(x.data, k.data, w, g, filters);
        expectAllClose(x.grad!.data, grads.dx);
        expectAllClose(k.grad!.data, grads.dk);
      }),
      RUNS,
    );
  });
});

describe('conv2d', () => {
  it('passes gradCheck with strides, both paddings and a 1×1 kernel', () => {
    const rng = new Rng(7);
    const cases: [number[], number[], Parameters<typeof conv2d>[2]][] = [
      [[2, 5, 5, 2], [3, 3, 2, 3], { padding: 'valid' }],
      [[1, 6, 5, 1], [3, 2, 1, 2], { padding: 'same', strides: 2 }],
      [[2, 4, 4, 3], [1, 1, 3, 2], {}],
      [[1, 7, 7, 2], [4, 4, 2, 1], { padding: 'same', strides: [3, 2] }],
    ];
    for (const [xs, ks, options] of cases) {
      const result = gradCheck((x, k) => conv2d(x!, k!, options), [random(xs, rng), random(ks, rng)]);
      expect(
        result.ok,
        `conv2d ${JSON.stringify({ xs, ks, options })}: max error ${result.maxAbsError}`,
      ).toBe(true);
    }
  });

  /**
   * What the op does inside against the same thing done by separate ops: numbers and gradients (to
   * `tol`, or exactly), and gradCheck, on a 'valid', a strided 'same' and a pointwise geometry.
   */
  const fusions = [
    {
      name: 'adds a bias inside the op: the numbers and gradients of conv2d(x, k).add(bias)',
      seed: 11,
      fused: { bias: true },
      separate: (x: Tensor, k: Tensor, b: Tensor, o: Conv2dOptions) => conv2d(x, k, o).add(b),
      tol: 1e-12, // the bias is added to the sum, not the sum built on the bias
    },
    {
      name: 'applies a ReLU inside the op: the numbers and gradients of relu(conv2d(x, k, { bias }))',
      seed: 12,
      fused: { bias: true, activation: 'relu' as const },
      separate: (x: Tensor, k: Tensor, b: Tensor, o: Conv2dOptions) => relu(conv2d(x, k, { ...o, bias: b })),
      tol: 0, // the same additions, then the same max
    },
  ];
  it.each(fusions)('$name', ({ seed, fused: what, separate, tol }) => {
    const rng = new Rng(seed);
    for (const [xs, ks, options] of [
      [[2, 6, 5, 3], [3, 2, 3, 4], { padding: 'valid' }],
      [[1, 7, 7, 2], [4, 4, 2, 3], { padding: 'same', strides: [3, 2] }],
      [[2, 4, 4, 3], [1, 1, 3, 2], {}], // the pointwise path
    ] as [number[], number[], Conv2dOptions][]) {
      const [x, k, b] = [random(xs, rng), random(ks, rng), random([ks[3]!], rng)];
      const inside = (xx?: Tensor, kk?: Tensor, bb?: Tensor) =>
        conv2d(xx!, kk!, { ...options, ...what, bias: bb! });
      const fused = inside(x, k, b);
      if (what.activation)
        expect(fused.data.some((v) => v === 0) && fused.data.some((v) => v > 0)).toBe(true);
      const { loss, w } = weightedSum(fused, rng);
      loss.backward();
      const grads = [x, k, b].map((t) => [...t.grad!.data]);
      for (const t of [x, k, b]) t.zeroGrad();
      const plain = separate(x, k, b, options);
      expectAllClose(fused.data, plain.data, tol);
      plain
        .mul(tensor(w, { shape: plain.shape.slice() }))
        .sum()
        .backward();
      for (const [i, t] of [x, k, b].entries()) expectAllClose(grads[i]!, t.grad!.data, tol);
      expect(gradCheck(inside, [x, k, b]).ok).toBe(true);
    }
  });

  it('names a bias of the wrong shape and an activation it cannot apply inside', () => {
    const rng = new Rng(13);
    const [x, k] = [random([1, 3, 3, 1], rng), random([2, 2, 1, 2], rng)];
    expect(() => conv2d(x, k, { bias: random([3], rng) })).toThrow(/the bias must have shape \[2\].*편향/);
    expect(() => conv2d(x, k, { activation: 'sigmoid' as 'relu' })).toThrow(/activation/);
  });

  it('keeps NaN where relu keeps it: in the output, not in the gradient of a closed unit', () => {
    // the image's NaN reaches every output whose window holds it; relu passes NaN on (max(NaN, 0)
    // is NaN), and a NaN output is not > 0, so no gradient flows back through it, as with relu()
    const x = tensor(
      [
        [
          [[1], [Number.NaN], [2]],
          [[3], [4], [5]],
        ],
      ],
      { requiresGrad: true },
    );
    const k = tensor([[[[1]], [[1]]]], { requiresGrad: true }); // 1×2: x[i][j] + x[i][j+1]
    const fused = conv2d(x, k, { activation: 'relu' });
    const plain = relu(conv2d(x, k));
    expect([...fused.data]).toEqual([...plain.data]);
    expect([...fused.data]).toEqual([Number.NaN, Number.NaN, 7, 9]);
    fused.sum().backward();
    const fusedGrads = [[...x.grad!.data], [...k.grad!.data]];
    x.zeroGrad();
    k.zeroGrad();
    plain.sum().backward();
    expect(fusedGrads).toEqual([[...x.grad!.data], [...k.grad!.data]]);
  });

  it('convolves a large batch a few images at a time, with the same numbers', () => {
    // 3 images of 64×64 with a 3×3×20 window: ~2.2 million im2col numbers, over the 2^21 budget
    const g: Geometry = {
      batch: 3,
      height: 64,
      width: 64,
      channels: 20,
      kh: 3,
      kw: 3,
      sh: 1,
      sw: 1,
      padding: 'same',
    };
    const rng = new Rng(3);
    const x = random([3, 64, 64, 20], rng);
    const k = random([3, 3, 20, 2], rng);
    const out = conv2d(x, k, { padding: 'same' });
    expectAllClose(out.data, naiveConv(x.data, k.data, g, 2).out);
    const { loss, w } = weightedSum(out, rng);
    loss.backward();
    const grads = naiveConvGrads(x.data, k.data, w, g, 2);
    expectAllClose(x.grad!.data, grads.dx);
    expectAllClose(k.grad!.data, grads.dk);
  });

  it("reads each call's own windows in backward when one kernel convolves several batches first", () => {
    // The forward pass keeps its windows for backward, one array per kernel: a second forward with
    // the same kernel (weight sharing; a no-grad predict between them) must not lend its windows to
    // the first call's backward pass.
    const g: Geometry = {
      batch: 2,
      height: 6,
      width: 5,
      channels: 3,
      kh: 3,
      kw: 2,
      sh: 1,
      sw: 1,
      padding: 'valid',
    };
    const rng = new Rng(11);
    const k = random([3, 2, 3, 4], rng);
    const x1 = random([2, 6, 5, 3], rng);
    const x2 = random([2, 6, 5, 3], rng);
    const out1 = conv2d(x1, k, { activation: 'relu' });
    const out2 = conv2d(x2, k);
    noGrad(() => conv2d(random([2, 6, 5, 3], rng), k)); // fills nothing kept
    const sum1 = weightedSum(out1, rng);
    const sum2 = weightedSum(out2, rng);
    sum1.loss.add(sum2.loss).backward();
    // The first output went through a ReLU: its upstream gradient is w where the output is positive.
    const w1 = sum1.w.map((w, i) => (out1.data[i]! > 0 ? w : 0));
    const grads1 = naiveConvGrads(x1.data, k.data, w1, g, 4);
    const grads2 = naiveConvGrads(x2.data, k.data, sum2.w, g, 4);
    expectAllClose(x1.grad!.data, grads1.dx);
    expectAllClose(x2.grad!.data, grads2.dx);
    expectAllClose(
      k.grad!.data,
      grads1.dk.map((d, i) => d + grads2.dk[i]!),
    );
    // And the same kernel trained step after step (the kept array reused): each step's own gradient.
    for (let step = 0; step < 3; step++) {
      k.grad = null;
      const x = random([2, 6, 5, 3], rng);
      const { loss, w } = weightedSum(conv2d(x, k), rng);
      loss.backward();
      expectAllClose(k.grad!.data, naiveConvGrads(x.data, k.data, w, g, 4).dk);
    }
  });

  it("splits odd 'same' padding as TensorFlow: the extra row and column go after", () => {
    // 4×4 image of ones, 2×2 kernel of ones, stride 1: padding 1 in all, 0 before and 1 after
    const out = conv2d(
      tensor(new Float64Array(16).fill(1), { shape: [1, 4, 4, 1] }),
      tensor([
        [[[1]], [[1]]],
        [[[1]], [[1]]],
      ]),
      {
        padding: 'same',
      },
    );
    expect(out.toArray()).toEqual([
      [
        [[4], [4], [4], [2]],
        [[4], [4], [4], [2]],
        [[4], [4], [4], [2]],
        [[2], [2], [2], [1]],
      ],
    ]);
    expect(axis(4, 2, 1, 'same')).toEqual([4, 0]);
  });

  it('says which shapes do not fit, in both languages', () => {
    const x = zeros([1, 5, 5, 3]);
    expect(() => conv2d(x, zeros([3, 3, 2, 4]))).toThrow(/3 channels.*expects 2.*채널/);
    expect(() => conv2d(zeros([5, 5, 3]), zeros([3, 3, 3, 4]))).toThrow(
      /\[batch, height, width, channels\].*\[5, ?5, ?3\]/,
    );
    expect(() => conv2d(x, zeros([3, 3, 3]))).toThrow(/kernel must be \[kernelHeight/);
    expect(() => conv2d(x, zeros([6, 6, 3, 1]))).toThrow(/6-wide window does not fit.*'same'/);
    expect(() => conv2d(x, zeros([3, 3, 3, 1]), { strides: 0 })).toThrow(
      /strides must be a positive integer/,
    );
    // @ts-expect-error: a student's typo, caught at run time too
    expect(() => conv2d(x, zeros([3, 3, 3, 1]), { padding: 'SAME' })).toThrow(
      /padding must be one of 'valid', 'same'/,
    );
  });
});

describe.each(['max', 'avg'] as const)('%sPool2d', (kind) => {
  const pool = kind === 'max' ? maxPool2d : avgPool2d;

  it('matches the plain loops, forward and backward, on random geometries', () => {
    fc.assert(
      fc.property(geometries, fc.integer(), (g, seed) => {
        const rng = new Rng(seed);
        const x = random([g.batch, g.height, g.width, g.channels], rng, true);
        const out = pool(x, { poolSize: [g.kh, g.kw], strides: [g.sh, g.sw], padding: g.padding });
        const expected = naivePool(kind, x.data, g);
        expect(out.shape).toEqual(expected.shape);
        expectAllClose(out.data, expected.out, 1e-14);
        const { loss, w } = weightedSum(out, rng);
        loss.backward();
        const dx = new Array<number>(x.size).fill(0);
        expected.from.forEach((read, o) => {
          if (kind === 'avg') for (const i of read) dx[i]! += w[o]! / read.length;
          else dx[read.reduce((best, i) => (x.data[i]! > x.data[best]! ? i : best))]! += w[o]!;
        });
        expectAllClose(x.grad!.data, dx, 1e-14);
      }),
      RUNS,
    );
  });

  it('passes gradCheck', () => {
    const x = random([2, 5, 4, 2], new Rng(11), true);
    const result = gradCheck((t) => pool(t!, { poolSize: 2, strides: 1, padding: 'same' }), [x]);
    expect(result.ok).toBe(true);
  });

  it('defaults to Keras: 2×2 windows, strides equal to the pool size, no padding', () => {
    expect(pool(zeros([1, 5, 7, 3])).shape).toEqual([1, 2, 3, 3]);
  });
});

describe('pooling edges', () => {
  it("averages only the positions inside the image with 'same' padding (TensorFlow's rule)", () => {
    const x = tensor([[[[1], [2], [3]]]]); // 1×3 image
    expect(avgPool2d(x, { poolSize: [1, 2], padding: 'same' }).toArray()).toEqual([[[[1.5], [3]]]]);
    expect(
      maxPool2d(tensor([[[[-1], [-2], [-3]]]]), { poolSize: [1, 2], padding: 'same' }).toArray(),
    ).toEqual([[[[-1], [-3]]]]);
  });

  it('lets a NaN win a max window, as max does', () => {
    const out = maxPool2d(
      tensor([
        [
          [[1], [Number.NaN]],
          [[3], [4]],
        ],
      ]),
    );
    expect(Number.isNaN(out.data[0])).toBe(true);
  });
});

describe('flatten', () => {
  it("keeps the batch axis and lays the rest out row-major, as Keras's Flatten", () => {
    const x = tensor([[[[1, 2]], [[3, 4]]]], { requiresGrad: true }); // [1, 2, 1, 2]
    const f = flatten(x);
    expect(f.toArray()).toEqual([[1, 2, 3, 4]]);
    f.mul(tensor([[1, 2, 3, 4]]))
      .sum()
      .backward();
    expect(x.grad!.toArray()).toEqual([[[[1, 2]], [[3, 4]]]]);
    expect(flatten(zeros([32, 5, 5, 64])).shape).toEqual([32, 1600]);
    expect(flatten(zeros([4])).shape).toEqual([4, 1]);
    expect(() => flatten(tensor(1))).toThrow(/batch axis/);
  });
});
