/**
 * Compact data: `fit`, `predict` and `evaluate` on rows kept as bytes (`ByteRows`) or any
 * `RowSource` train exactly as on the same numbers given as a tensor, and never ask for more rows
 * at once than a batch (so all of MNIST is never held as float64).
 */
import { describe, expect, it } from 'vitest';
import {
  ByteRows,
  Dense,
  Flatten,
  Rng,
  type RowSource,
  Sequential,
  type Tensor,
  tensor,
} from '../src/index.js';

const ROWS = 40;
const rng = new Rng(5);
const bytes = Uint8Array.from({ length: ROWS * 6 }, () => rng.int(256));
const labels = Array.from({ length: ROWS }, (_, i) => (bytes[i * 6]! > 127 ? [0, 1] : [1, 0]));

function model(): Sequential {
  const m = new Sequential(
    [
      new Flatten({ inputShape: [2, 3] }),
      new Dense(4, { activation: 'relu' }),
      new Dense(2, { activation: 'softmax' }),
    ],
    {
      seed: 9,
    },
  );
  m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}

/** The same numbers as `ByteRows` gives, as one tensor. */
const asTensor = (): Tensor =>
  tensor(
    Float64Array.from(bytes, (b) => b / 255),
    { shape: [ROWS, 2, 3] },
  );

/** A source that records how many rows each request asked for. */
function recording(): RowSource & { requests: number[] } {
  const inner = new ByteRows(bytes, [2, 3]);
  const requests: number[] = [];
  return {
    length: inner.length,
    rowShape: inner.rowShape,
    requests,
    take: (indices) => {
      requests.push(indices.length);
      return inner.take(indices);
    },
  };
}

describe('ByteRows and RowSource', () => {
  it('converts bytes / divisor, row by row, in the order asked', () => {
    const rows = new ByteRows(Uint8Array.of(0, 255, 51, 102), [2]);
    expect(rows.length).toBe(2);
    expect(rows.take([1, 0]).toArray()).toEqual([
      [0.2, 0.4],
      [0, 1],
    ]);
    expect(() => new ByteRows(Uint8Array.of(1, 2, 3), [2])).toThrow(/not whole rows of shape \[2\]/);
    expect(() => rows.take([2])).toThrow(/row 2 is outside 0…1/);
    expect(new ByteRows(Uint8Array.of(6), [1], 2).take([0]).item()).toBe(3);
  });

  it('fit on bytes trains exactly as fit on the same numbers as a tensor', () => {
    const a = model();
    const b = model();
    const opts = { epochs: 5, batchSize: 8, verbose: 0 as const, validationSplit: 0.25 };
    const ha = a.fit(new ByteRows(bytes, [2, 3]), labels, opts);
    const hb = b.fit(asTensor(), labels, opts);
    expect(ha.history).toEqual(hb.history);
    expect(a.getWeights().map((w) => Array.from(w.data))).toEqual(
      b.getWeights().map((w) => Array.from(w.data)),
    );
    expect(Array.from(a.predict(new ByteRows(bytes, [2, 3]), { batchSize: 7 }).data)).toEqual(
      Array.from(a.predict(asTensor()).data),
    );
    expect(a.evaluate(new ByteRows(bytes, [2, 3]), labels)).toEqual(a.evaluate(asTensor(), labels));
  });

  it('never asks for more than a batch of rows at once', () => {
    const source = recording();
    model().fit(source, labels, { epochs: 2, batchSize: 8, verbose: 0 });
    expect(Math.max(...source.requests)).toBe(8);
    const predicted = recording();
    model().predict(predicted, { batchSize: 16 });
    expect(predicted.requests).toEqual([16, 16, 8]);
  });
});
