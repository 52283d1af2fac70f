import { describe, expect, it } from 'vitest';
import { gradCheck, noGrad, Rng, randomNormal, tensor } from '../src/index.js';

describe('engine smoke test', () => {
  it('trains a tiny 2-4-1 MLP on XOR: the loss goes down', () => {
    const rng = new Rng(1);
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = tensor([[0], [1], [1], [0]]);
    const w1 = randomNormal([2, 4], { rng, requiresGrad: true });
    const b1 = tensor([0, 0, 0, 0], { requiresGrad: true });
    const w2 = randomNormal([4, 1], { rng, requiresGrad: true });
    const b2 = tensor([0], { requiresGrad: true });
    const params = [w1, b1, w2, b2];
    const lossOf = () => x.matmul(w1).add(b1).tanh().matmul(w2).add(b2).sigmoid().sub(y).pow(2).mean();
    const first = noGrad(lossOf).item();
    for (let epoch = 0; epoch < 500; epoch++) {
      const loss = lossOf();
      for (const p of params) p.zeroGrad();
      loss.backward();
      for (const p of params) for (let i = 0; i < p.size; i++) p.data[i]! -= 0.5 * p.grad!.data[i]!;
    }
    const last = noGrad(lossOf).item();
    expect(last).toBeLessThan(first / 4);
  });

  it('accumulates: y = x * x gives 2x, and twice gives 4x', () => {
    const x = tensor([3, -1], { requiresGrad: true });
    x.mul(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([6, -2]);
    x.mul(x).sum().backward();
    expect(x.grad!.toArray()).toEqual([12, -4]);
  });

  it('softmax and gradCheck agree on a broadcast expression', () => {
    const result = gradCheck(
      (a, b) => a.add(b).softmax().log(),
      [
        tensor([
          [1, 2, 3],
          [0, -1, 2],
        ]),
        tensor([0.5, 0, 1]),
      ],
    );
    expect(result.ok).toBe(true);
    expect(tensor([1, 1, 2]).softmax().toArray()).toEqual([
      expect.closeTo(0.21194156, 8),
      expect.closeTo(0.21194156, 8),
      expect.closeTo(0.57611688, 8),
    ]);
  });
});
