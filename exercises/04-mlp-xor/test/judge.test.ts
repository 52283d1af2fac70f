import { Rng } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import { judgeGradientVanishing, judgeTrainXor } from '../checks/engine-verdicts.js';
import {
  downsample,
  kerasMlpPredict,
  mlpForward,
  numericGradients,
  type Params,
  randomParams,
  randomSample,
} from '../checks/math.js';
import { adamFirstStep } from '../checks/model-verdicts.js';

/** Back propagation written out for the test only, to confirm the judge's central differences. */
function analytic(p: Params, x: number[], t: number[]): Params {
  const { n, y } = mlpForward(p, x);
  const dz2 = y.map((v, k) => v - t[k]!);
  const dz1 = n.map((nj, j) => dz2.reduce((a, d, k) => a + p.W2[j]![k]! * d, 0) * nj * (1 - nj));
  return {
    W1: dz1.map((d) => x.map((xi) => d * xi)),
    B1: dz1,
    W2: n.map((nj) => dz2.map((d) => nj * d)),
    B2: dz2,
  };
}

const flat = (p: Params) => [...p.W1.flat(), ...p.B1, ...p.W2.flat(), ...p.B2];

describe("exercise 04's judge math", () => {
  it('computes the README example', () => {
    const p = {
      W1: [
        [1, -1],
        [-1, 1],
      ],
      B1: [0, 0],
      W2: [
        [1, -1],
        [-1, 1],
      ],
      B2: [0, 0],
    };
    const { n, y } = mlpForward(p, [1, 0]);
    expect(n[0]).toBeCloseTo(0.73105858, 8);
    expect(y[0]).toBeCloseTo(0.71590409, 8);
  });

  it('has central differences equal to back propagation on random networks', () => {
    const rng = new Rng(11);
    for (const [input, hidden, output] of [
      [2, 2, 2],
      [3, 5, 2],
      [2, 4, 3],
    ] as const) {
      const p = randomParams(rng, input, hidden, output);
      const { x, target } = randomSample(rng, input, output);
      const numeric = flat(numericGradients(p, x, target));
      flat(analytic(p, x, target)).forEach((g, i) => {
        expect(Math.abs(g - numeric[i]!)).toBeLessThan(1e-7);
      });
    }
  });

  it("predicts from Keras-layout weights (kernel = W1ᵀ, then W2) like the slides' forward pass", () => {
    const p = randomParams(new Rng(3), 2, 5, 2);
    const k1 = { shape: [2, 5], data: [0, 1].flatMap((i) => p.W1.map((row) => row[i]!)) };
    const weights = [
      k1,
      { shape: [5], data: p.B1 },
      { shape: [5, 2], data: p.W2.flat() },
      { shape: [2], data: p.B2 },
    ];
    const [got] = kerasMlpPredict(weights, [[0.5, -1]]);
    mlpForward(p, [0.5, -1]).y.forEach((v, k) => {
      expect(got![k]).toBeCloseTo(v, 12);
    });
  });

  it('downsamples a long curve keeping both ends', () => {
    const curve = Array.from({ length: 3000 }, (_, i) => i);
    const small = downsample(curve);
    expect(small).toHaveLength(200);
    expect([small[0], small.at(-1)]).toEqual([0, 2999]);
  });
});

describe("exercise 04's verdicts", () => {
  it("expects Adam's first step to be about lr, whatever the gradient's size", () => {
    expect(adamFirstStep(2)).toBeCloseTo(-0.001, 8);
    expect(adamFirstStep(-0.001)).toBeCloseTo(0.001 * (0.001 / (0.001 + 1e-7 / Math.sqrt(0.001))), 12);
    expect(Math.abs(adamFirstStep(0))).toBe(0);
  });

  it('fails a training run that misclassifies an input, and charts the loss', () => {
    const run = {
      seed: 1,
      countParams: 27,
      loss: [0.7, 0.5],
      predictions: [
        [0.9, 0.1],
        [0.2, 0.8],
        [0.3, 0.7],
        [0.4, 0.6],
      ],
    };
    const verdict = judgeTrainXor([run]);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toContain('accuracy 0.75');
    expect(verdict.chart?.series[0]?.values).toEqual([0.7, 0.5]);
    const right = {
      ...run,
      predictions: [
        [0.9, 0.1],
        [0.2, 0.8],
        [0.3, 0.7],
        [0.6, 0.4],
      ],
    };
    expect(judgeTrainXor([right]).pass).toBe(true);
  });

  it('fails gradient norms that do not vanish for the sigmoid', () => {
    const depths = [1, 10];
    const flatNorms = [{ seed: 1, sigmoid: [0.1, 0.05], relu: [0.1, 0.1] }];
    expect(judgeGradientVanishing(flatNorms, depths).pass).toBe(false);
    const vanishing = [{ seed: 1, sigmoid: [0.1, 1e-6], relu: [0.1, 0.08] }];
    const verdict = judgeGradientVanishing(vanishing, depths);
    expect(verdict.pass).toBe(true);
    expect(verdict.table?.rows).toHaveLength(2);
  });
});
