import { categoricalCrossentropy, Dense, Rng, Sequential, setSeed, tensor } from '@gradschool/autograd';
import { lossHistory, type ModelData, modelData } from '@gradschool/exercise-kit';
import { describe, expect, it } from 'vitest';
import { judgeGradientVanishing, judgeTrainXor, type TrainProbe } from '../checks/engine-verdicts.js';
import { gradNormsOf, judgeGradientNorms, type SoftmaxWay } from '../checks/hidden/gradient-norms.js';
import {
  adamFirstStep,
  downsample,
  kerasBatchGradients,
  kerasMlpPredict,
  mlpForward,
  numericGradients,
  type Params,
  randomParams,
  randomSample,
  XOR_X,
  XOR_Y,
} from '../checks/math.js';

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
  /** A real run, trained as the README says, read as the probe reads it. */
  function realRun(seed: number, epochs: number): TrainProbe {
    setSeed(seed);
    const model = new Sequential();
    model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
    model.add(new Dense(2, { kernelInitializer: 'normal', activation: 'softmax' }));
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const history = model.fit(XOR_X, XOR_Y, { epochs, verbose: 0 });
    return { seed, model: modelData(model), loss: lossHistory(history) };
  }

  it("moves every weight by Adam's first step in the engine the judge trusts (the judge's own math)", () => {
    expect(adamFirstStep(2)).toBeCloseTo(-0.001, 8);
    expect(adamFirstStep(-0.001)).toBeCloseTo(0.001 * (0.001 / (0.001 + 1e-7 / Math.sqrt(0.001))), 12);
    const model = new Sequential({ seed: 5 });
    model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
    model.add(new Dense(2, { kernelInitializer: 'normal', activation: 'softmax' }));
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
    const before = model.getWeights().map((t) => ({ shape: [...t.shape], data: Array.from(t.data) }));
    model.fit(XOR_X, XOR_Y, { epochs: 1, batchSize: 4, verbose: 0 });
    const steps = model.getWeights().flatMap((t, i) => Array.from(t.data, (v, j) => v - before[i]!.data[j]!));
    kerasBatchGradients(before).forEach((g, i) => {
      expect(Math.abs(steps[i]! - adamFirstStep(g))).toBeLessThan(1e-7 + 1e-3 * Math.abs(adamFirstStep(g)));
    });
  });

  it('passes a real run whose replay matches, and names the epochs of one that falls short', () => {
    const verdict = judgeTrainXor([realRun(3, 3000)]);
    expect(verdict.pass, verdict.message.en).toBe(true);
    expect(verdict.chart?.series[0]?.values).toHaveLength(200);
    const short = judgeTrainXor([realRun(3, 50)]);
    expect(short.pass).toBe(false);
    expect(short.message.en).toMatch(/accuracy 0\.\d+ \(50 epochs.*3000 epochs or more/);
  });

  it('fails made-up loss histories and hand-set weights, saying how the replay differs', () => {
    const run = realRun(4, 100);
    const madeUp = { ...run, loss: run.loss!.map((l) => l / 2) };
    expect(judgeTrainXor([madeUp]).message.en).toContain('history.loss at epoch 1 should be');
    const data = run.model as ModelData;
    const handSet = {
      ...run,
      model: { ...data, weights: data.weights.map((w) => ({ ...w, data: w.data.map((v) => v * 2) })) },
    };
    const verdict = judgeTrainXor([handSet]);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(/the weights after trainXor\(4\).*getWeights\(\)\[0\]/);
  });

  it('fails a model it cannot read, or one that is not the slide’s', () => {
    const notModel = judgeTrainXor([{ seed: 1, model: { unreadable: 'it has no layers' }, loss: [0.5] }]);
    expect(notModel.message.en).toContain(
      'trainXor(1).model: it cannot be read as a model (it has no layers)',
    );
    const run = realRun(1, 10);
    const data = run.model as ModelData;
    const oneLayer = { ...run, model: { ...data, layers: data.layers.slice(0, 1) } };
    expect(judgeTrainXor([oneLayer]).message.en).toContain('expected 2 layers');
  });

  it("(hidden) accepts the judge's own gradient norms, either softmax, and fails others with a hint", () => {
    const input = { seeds: [11, 248], depths: [1, 4, 10] }; // seed 248, relu, depth 4: the two softmaxes differ
    const norms = (way: SoftmaxWay, pick: 'first' | 'last' = 'first') =>
      input.seeds.map((seed) => ({
        seed,
        sigmoid: input.depths.map((d) => gradNormsOf('sigmoid', d, seed, way)[pick]),
        relu: input.depths.map((d) => gradNormsOf('relu', d, seed, way)[pick]),
      }));
    const right = judgeGradientNorms(norms('tensor'), input);
    expect(right.pass, right.message.en).toBe(true);
    expect(right.table?.rows).toHaveLength(3);
    // ReLU's derivative is 1 only for positive inputs: the public judge's explanation must not claim more.
    const shape = judgeGradientVanishing(norms('tensor'), input);
    expect(shape.message.ko).toContain('ReLU의 미분은 양수 입력에서 1이라(음수 입력에서는 0)');
    expect(shape.message.en).toContain("ReLU's derivative is 1 for positive inputs (0 for negative ones)");
    expect(judgeGradientNorms(norms('dense'), input).pass).toBe(true);
    const last = judgeGradientNorms(norms('tensor', 'last'), input);
    expect(last.message.en).toContain("LAST layer's gradient");
    const madeUp = input.seeds.map((seed) => ({ seed, sigmoid: [0.1, 1e-3, 1e-9], relu: [0.1, 0.1, 0.1] }));
    expect(judgeGradientNorms(madeUp, input).message.en).toContain("firstLayerGradNorm('sigmoid', 1, 11)");
  });

  it('(public) judges the norms by their shape only: the sigmoid vanishes, ReLU does not', () => {
    const input = { seeds: [11, 248], depths: [1, 4, 10] };
    const norms = (pick: 'first' | 'last') =>
      input.seeds.map((seed) => ({
        seed,
        sigmoid: input.depths.map((d) => gradNormsOf('sigmoid', d, seed)[pick]),
        relu: input.depths.map((d) => gradNormsOf('relu', d, seed)[pick]),
      }));
    const right = judgeGradientVanishing(norms('first'), input);
    expect(right.pass, right.message.en).toBe(true);
    expect(right.message.en).toContain('A hidden check compares the exact values');
    expect(right.table?.rows).toHaveLength(3);
    // The last layer's gradient never vanishes: the public judge catches that without the reference.
    const last = judgeGradientVanishing(norms('last'), input);
    expect(last.pass).toBe(false);
    expect(last.message.en).toContain("Take the FIRST kernel's .grad");
    const flat = input.seeds.map((seed) => ({ seed, sigmoid: [0.1, 0.1, 0.1], relu: [0.1, 1e-6, 1e-9] }));
    expect(judgeGradientVanishing(flat, input).message.en).toContain('does not shrink with depth');
    const reluGone = input.seeds.map((seed) => ({
      seed,
      sigmoid: [0.1, 1e-4, 1e-8],
      relu: [0.1, 1e-4, 1e-8],
    }));
    expect(judgeGradientVanishing(reluGone, input).message.en).toContain('vanishes too');
    const tensor = input.seeds.map((seed) => ({ seed, sigmoid: [{ data: [1] }], relu: [0.1, 0.1, 0.1] }));
    expect(judgeGradientVanishing(tensor as never, input).message.en).toMatch(
      /^firstLayerGradNorm\('sigmoid', 1, 11\): a gradient norm is a positive finite number/,
    );
    // Made-up numbers of the right shape pass here: the hidden check is what catches them.
    const madeUp = input.seeds.map((seed) => ({ seed, sigmoid: [0.1, 1e-3, 1e-9], relu: [0.1, 0.1, 0.1] }));
    expect(judgeGradientVanishing(madeUp, input).pass).toBe(true);
    expect(judgeGradientNorms(madeUp, input).pass).toBe(false);
  });

  it("computes the README's norms both ways: the Dense-layer way equals a Sequential of Dense layers", () => {
    for (const activation of ['sigmoid', 'relu'] as const) {
      for (const seed of [1, 2, 3]) {
        const model = new Sequential({ seed });
        for (let i = 0; i < 4; i++)
          model.add(
            new Dense(16, {
              activation,
              kernelInitializer: 'heUniform',
              useBias: false,
              ...(i === 0 ? { inputDim: 2 } : {}),
            }),
          );
        model.add(new Dense(2, { activation: 'softmax', kernelInitializer: 'heUniform', useBias: false }));
        categoricalCrossentropy(tensor(XOR_Y), model.call(tensor(XOR_X))).backward();
        const g = model.trainableWeights[0]!.grad!.data;
        const norm = Math.sqrt(g.reduce((a, v) => a + v * v, 0));
        expect(gradNormsOf(activation, 4, seed, 'dense').first).toBeCloseTo(norm, 14);
      }
    }
  });
});
