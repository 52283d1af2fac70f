/**
 * `add` has a fast path for a row repeated down a tensor (a Dense layer's bias): same values and
 * gradients as adding the explicitly repeated row through the general path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, randomNormal, type Tensor, tensor } from '../src/index.js';

function repeatRows(row: Tensor, times: number): Tensor {
  const out = new Float64Array(row.size * times);
  for (let t = 0; t < times; t++) out.set(row.data, t * row.size);
  return tensor(out, { shape: [times, ...row.shape], requiresGrad: true });
}

describe('add: a row repeated down a tensor', () => {
  it('matches the general path in values and in both gradients', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 1, max: 10_000 }),
        (rows, rowShape, seed) => {
          const rng = new Rng(seed);
          const a = randomNormal([rows, ...rowShape], { rng });
          a.requiresGrad = true;
          const row = randomNormal(rowShape, { rng });
          row.requiresGrad = true;
          const upstream = randomNormal(a.shape.slice(), { rng });
          const fast = a.add(row);
          fast.backward(upstream);
          const aGrad = [...a.grad!.data];
          const rowGrad = [...row.grad!.data];
          a.zeroGrad();
          const repeated = repeatRows(row, rows);
          const general = a.add(repeated);
          general.backward(upstream);
          expect([...fast.data]).toEqual([...general.data]);
          expect(aGrad).toEqual([...a.grad!.data]);
          const summed = new Float64Array(row.size);
          for (let i = 0; i < repeated.size; i++) summed[i % row.size]! += repeated.grad!.data[i]!;
          for (const [i, g] of rowGrad.entries()) expect(g).toBeCloseTo(summed[i]!, 12);
        },
      ),
    );
  });

  it('keeps the general path for a row of higher rank (the output gains an axis)', () => {
    const out = tensor([[1, 2]]).add(tensor([[[10, 20]]]));
    expect(out.shape).toEqual([1, 1, 2]);
    expect(out.toArray()).toEqual([[[11, 22]]]);
  });
});
