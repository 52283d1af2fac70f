/**
 * conv2d and pooling against TensorFlow.js itself (its CPU backend, float32), forward and gradients,
 * on random shapes, strides and both paddings: the reference Keras's layers run on. TF.js is a
 * devDependency of these tests only; the engine never loads it.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { avgPool2d, conv2d, maxPool2d, Rng, type Tensor, tensor } from '../src/index.js';

/** float32 against float64: relative 1e-4 of the largest magnitude involved. */
function expectCloseToTf(ours: Tensor, theirs: tf.Tensor, what: string): void {
  expect(ours.shape, `${what}: shape`).toEqual(theirs.shape);
  const expected = theirs.dataSync();
  const scale = Math.max(1, ...Array.from(expected, Math.abs));
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(ours.data[i]! - expected[i]!);
    if (diff > 1e-4 * scale) expect.fail(`${what}: element ${i}: ${ours.data[i]} vs TF.js ${expected[i]}`);
  }
}

function randomPair(shape: number[], rng: Rng, distinct = false): [Tensor, tf.Tensor] {
  const n = shape.reduce((a, b) => a * b, 1);
  // float32-exact values, so both engines start from the very same numbers
  const values = Float64Array.from({ length: n }, (_, i) =>
    Math.fround(distinct ? i / 8 + rng.next() / 16 : rng.normal()),
  );
  if (distinct)
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
  return [tensor(values, { shape, requiresGrad: true }), tf.tensor(Float32Array.from(values), shape)];
}

interface Case {
  batch: number;
  size: [number, number];
  channels: number;
  window: [number, number];
  strides: [number, number];
  padding: 'valid' | 'same';
}

function randomCases(count: number, seed: number): Case[] {
  const rng = new Rng(seed);
  const pick = (lo: number, hi: number) => lo + rng.int(hi - lo + 1);
  return Array.from({ length: count }, () => {
    const window: [number, number] = [pick(1, 4), pick(1, 4)];
    return {
      batch: pick(1, 3),
      size: [window[0] + pick(0, 6), window[1] + pick(0, 6)],
      channels: pick(1, 4),
      window,
      strides: [pick(1, 3), pick(1, 3)],
      padding: rng.next() < 0.5 ? 'valid' : 'same',
    };
  });
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('against TensorFlow.js', () => {
  it.each(randomCases(25, 1))('conv2d %j', (c) => {
    const rng = new Rng(c.batch * 1000 + c.size[0] * 10 + c.size[1]);
    const filters = 1 + rng.int(4);
    const [x, tx] = randomPair([c.batch, ...c.size, c.channels], rng);
    const [k, tk] = randomPair([...c.window, c.channels, filters], rng);
    const out = conv2d(x, k, { strides: c.strides, padding: c.padding });
    const tOut = tf.conv2d(tx as tf.Tensor4D, tk as tf.Tensor4D, c.strides, c.padding);
    expectCloseToTf(out, tOut, 'forward');
    // a non-uniform upstream gradient: that of Σ out·sin(out)
    const loss = (o: tf.Tensor) => o.mul(o.sin()).sum();
    const [gx, gk] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      loss(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.padding)),
    )([tx, tk]);
    const upstream = tf.grad(loss)(tOut);
    out.backward(tensor(Float64Array.from(upstream.dataSync()), { shape: out.shape.slice() }));
    expectCloseToTf(x.grad!, gx!, 'dx');
    expectCloseToTf(k.grad!, gk!, 'dkernel');
  });

  it.each(randomCases(25, 2))('maxPool2d and avgPool2d %j', (c) => {
    const rng = new Rng(c.batch * 977 + c.channels);
    for (const [ours, theirs] of [
      [maxPool2d, tf.maxPool],
      [avgPool2d, tf.avgPool],
    ] as const) {
      const [x, tx] = randomPair([c.batch, ...c.size, c.channels], rng, true);
      const out = ours(x, { poolSize: c.window, strides: c.strides, padding: c.padding });
      const run = (a: tf.Tensor) => theirs(a as tf.Tensor4D, c.window, c.strides, c.padding);
      expectCloseToTf(out, run(tx), `${ours.name} forward`);
      const [ux] = randomPair(out.shape.slice(), rng);
      const gx = tf.grad((a: tf.Tensor) =>
        run(a)
          .mul(tf.tensor(Float32Array.from(ux.data), out.shape.slice()))
          .sum(),
      )(tx);
      out.backward(ux);
      // TF.js's CPU AvgPoolGrad divides every window by its full area (tfjs-backend-cpu 4.22,
      // src/kernels/AvgPoolGrad.ts: `avgMultiplier = 1 / (filterHeight * filterWidth)`), while its
      // forward pass divides the edge windows of 'same' padding by the positions inside the image: its
      // gradient is not the gradient of its own forward there. TensorFlow's AvgPoolGrad (what Keras
      // runs) divides by the same count as the forward, as ours does (gradCheck in conv.test.ts).
      if (ours === avgPool2d && c.padding === 'same') continue;
      expectCloseToTf(x.grad!, gx, `${ours.name} dx`);
    }
  });
});
