/**
 * Memory recycling in training (`trainingBackward`, `kernels/alloc.ts`): handing an intermediate
 * array back too early would make the next op write over numbers still to be read, so these tests
 * train the same graph with and without recycling and ask for the very same numbers, step after
 * step (later steps run on recycled memory). The graph has every case the recycler must count: a
 * view of an intermediate (`flatten`), a value used twice, an input and a mask outside the graph,
 * and arrays large enough to be recycled (≥ MIN_RECYCLED numbers).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ByteRows,
  Conv2D,
  conv2d,
  Dense,
  Flatten,
  flatten,
  Input,
  MaxPooling2D,
  maxPool2d,
  noGrad,
  Rng,
  Sequential,
  type Tensor,
  tensor,
} from '../src/index.js';
import { endRecycling, trainingBackward } from '../src/tensor/autograd.js';
import { allocFloats, MIN_RECYCLED, recycleFloats } from '../src/tensor/kernels/alloc.js';

afterEach(() => endRecycling());

interface Weights {
  kernel: Tensor;
  bias: Tensor;
  dense: Tensor;
}

function weights(): Weights {
  const rng = new Rng(7);
  const param = (shape: number[], scale: number) =>
    tensor(
      Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal() * scale),
      { shape, requiresGrad: true },
    );
  return { kernel: param([3, 3, 2, 8], 0.3), bias: param([8], 0.1), dense: param([8 * 13 * 13, 32], 0.05) };
}

/**
 * One step's loss: conv (+bias) → sigmoid → seen through a reshape (sigmoid's backward reads its output
 * after the view's) → a value used twice → pool → flatten (a view) → dense through views of the
 * weight itself.
 */
function loss(w: Weights, step: number): Tensor {
  const rng = new Rng(100 + step);
  const x = tensor(
    Float64Array.from({ length: 30 * 28 * 28 * 2 }, () => rng.uniform(-1, 1)),
    {
      shape: [30, 28, 28, 2],
    },
  );
  const mask = tensor(
    Float64Array.from({ length: 30 * 26 * 26 * 8 }, () => (rng.uniform(0, 1) < 0.8 ? 1.25 : 0)),
    {
      shape: [30, 26, 26, 8],
    },
  );
  const act = conv2d(x, w.kernel, { bias: w.bias }).sigmoid(); // 162,240 numbers; pooled 40,560: recycled
  const h = act.reshape([30, 26 * 26, 8]).reshape([30, 26, 26, 8]);
  const both = h.mul(mask).add(h.mul(h)); // h read by two ops
  const pooled = maxPool2d(both, { poolSize: 2 });
  const dense = w.dense.reshape([32, 8 * 13 * 13]).reshape([8 * 13 * 13, 32]); // views of a weight
  const logits = flatten(pooled).matmul(dense);
  return logits.mul(logits).mean();
}

/** Trains `steps` plain SGD steps; returns every loss and the final weights' numbers. */
function train(steps: number, backward: (l: Tensor) => void): { losses: number[]; final: number[][] } {
  const w = weights();
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const l = loss(w, s);
    losses.push(l.item());
    backward(l);
    for (const p of [w.kernel, w.bias, w.dense]) {
      for (let i = 0; i < p.size; i++) p.data[i]! -= 0.05 * p.grad!.data[i]!;
      p.grad!.data.fill(0);
    }
  }
  return { losses, final: [w.kernel, w.bias, w.dense].map((p) => [...p.data]) };
}

describe('training with recycled memory', () => {
  it('gives exactly the numbers of plain backward(), step after step', () => {
    const plain = train(4, (l) => l.backward());
    const recycled = train(4, (l) => trainingBackward(l));
    expect(recycled.losses).toEqual(plain.losses);
    expect(recycled.final).toEqual(plain.final);
    expect(new Set(plain.losses).size).toBe(4); // the steps did move the weights
  });

  it('hands back intermediate arrays, which the next allocation gets zeroed', () => {
    const w = weights();
    const l = loss(w, 0);
    trainingBackward(l);
    const again = allocFloats(30 * 26 * 26 * 8);
    expect(again.every((v) => v === 0)).toBe(true);
    // recycled, so not a new array: the pool gave it (a fresh one would be a different buffer anyway,
    // so check the pool by handing one back and asking again)
    again.fill(3);
    recycleFloats(again);
    expect(allocFloats(again.length)).toBe(again);
  });

  it('never recycles a view, a small array, or after endRecycling', () => {
    const big = new Float64Array(2 * MIN_RECYCLED);
    recycleFloats(big.subarray(0, MIN_RECYCLED)); // a view into a bigger buffer
    expect(allocFloats(MIN_RECYCLED)).not.toBe(big.subarray(0, MIN_RECYCLED));
    const small = new Float64Array(MIN_RECYCLED - 1);
    recycleFloats(small);
    expect(allocFloats(small.length)).not.toBe(small);
    const whole = new Float64Array(MIN_RECYCLED);
    recycleFloats(whole);
    endRecycling();
    expect(allocFloats(whole.length)).not.toBe(whole);
  });

  it('keeps the weights and their gradients, and the inputs outside the graph', () => {
    const w = weights();
    const before = [...w.dense.data];
    const l = loss(w, 0);
    trainingBackward(l);
    const grad = [...w.dense.grad!.data];
    for (let i = 0; i < 5; i++) allocFloats(w.dense.size).fill(9); // would overwrite a recycled array
    expect([...w.dense.data]).toEqual(before);
    expect([...w.dense.grad!.data]).toEqual(grad);
  });
});

describe('predict and evaluate with recycled memory', () => {
  // 16 filters: a batch of 16 gives conv outputs of 173,056 numbers and pooled ones of 43,264, both
  // recycled; Flatten's output is a view of the pooled one, and the Dense layer after it asks for an
  // array of that very size while it still reads the view.
  const model = new Sequential(
    [
      new Input({ shape: [28, 28, 1] }),
      new Conv2D(16, [3, 3], { activation: 'relu' }),
      new MaxPooling2D({ poolSize: [2, 2] }),
      new Flatten(),
      new Dense(13 * 13 * 16, { activation: 'relu' }),
      new Dense(10, { activation: 'softmax' }),
    ],
    { seed: 3 },
  );
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const rng = new Rng(5);
  const rows = 40;
  const images = Uint8Array.from({ length: rows * 784 }, () =>
    rng.next() < 0.2 ? Math.floor(rng.next() * 256) : 0,
  );
  const labels = Array.from({ length: rows }, (_, i) => i % 10);
  const y = tensor(
    labels.flatMap((l) => Array.from({ length: 10 }, (_, k) => (k === l ? 1 : 0))),
    { shape: [rows, 10] },
  );
  /** The same rows as one float tensor, run through the layers in one plain pass. */
  const plain = () =>
    noGrad(() =>
      model.call(
        tensor(
          Float64Array.from(images, (b) => b / 255),
          { shape: [rows, 28, 28, 1] },
        ),
      ),
    );

  it('predicts batch by batch the numbers of one plain pass', () => {
    const expected = [...plain().data];
    for (let round = 0; round < 3; round++) {
      // later rounds run on memory the earlier ones handed back
      expect([...model.predict(new ByteRows(images, [28, 28, 1]), { batchSize: 16 }).data]).toEqual(expected);
    }
  });

  it('evaluates batch by batch as the plain pass says', () => {
    const probabilities = plain();
    let correct = 0;
    for (let r = 0; r < rows; r++) {
      const row = [...probabilities.data.subarray(r * 10, r * 10 + 10)];
      if (row.indexOf(Math.max(...row)) === labels[r]) correct++;
    }
    for (let round = 0; round < 2; round++) {
      const { accuracy } = model.evaluate(new ByteRows(images, [28, 28, 1]), y, { batchSize: 16 });
      expect(accuracy).toBeCloseTo(correct / rows, 12);
    }
  });
});

describe('predict on a tensor', () => {
  it("never hands back the caller's tensor, even when a later layer asks for its size", () => {
    // 48 × 784 = 37,632 numbers: large enough to be recycled, the size of both Dense outputs
    const model = new Sequential(
      [new Dense(784, { inputDim: 784, activation: 'relu' }), new Dense(784), new Dense(10)],
      {
        seed: 4,
      },
    );
    const rng = new Rng(9);
    const x = tensor(
      Float64Array.from({ length: 48 * 784 }, () => rng.uniform(0, 1)),
      { shape: [48, 784] },
    );
    const before = [...x.data];
    const expected = [...noGrad(() => model.call(x)).data];
    expect([...model.predict(x).data]).toEqual(expected);
    expect([...x.data]).toEqual(before);
  });
});
