import { Adagrad, Adam, type Optimizer, RMSprop, Rng, SGD, tensor } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import { gradientsAt, randomQuadratic, randomRosenbrock } from '../checks/problems.js';
import { type Hyper, type OptimizerName, ReferenceOptimizer } from '../checks/reference.js';
import { ReferenceEngineOptimizer } from '../checks/replay.js';

// The judge's formulas must be right independently of the reference solution: pin them to numbers
// worked out by hand, and to the engine's own (Keras 3) optimizers, written by someone else.
describe("exercise 05's reference formulas", () => {
  const oneStep = (name: OptimizerName, options: Hyper, w: number, g: number): number =>
    new ReferenceOptimizer(name, options).step([[w]], [[g]])[0]![0]!;

  it('takes the first step of each optimizer as worked out by hand', () => {
    expect(oneStep('SGD', {}, 0.5, 2)).toBeCloseTo(0.3, 15); // 0.5 − 0.1·2
    expect(oneStep('Momentum', {}, 0.5, 2)).toBeCloseTo(0.3, 15); // v = −0.2
    expect(oneStep('Nesterov', {}, 0.5, 2)).toBeCloseTo(0.12, 15); // 0.5 + 0.9·(−0.2) − 0.2
    // a = 0.1 + 4 = 4.1; 0.5 − 0.01·2/√(4.1 + 1e-6)
    expect(oneStep('Adagrad', {}, 0.5, 2)).toBeCloseTo(0.5 - 0.02 / Math.sqrt(4.100001), 15);
    // s = 0.1·4 = 0.4; 0.5 − 0.001·2/√(0.4 + 1e-8)
    expect(oneStep('RMSprop', {}, 0.5, 2)).toBeCloseTo(0.5 - 0.002 / Math.sqrt(0.40000001), 15);
    // Adam's first step is η·sign(g), up to ε: m = 0.2, v = 0.004, α·m/(√v + ε) ≈ 0.001.
    expect(oneStep('Adam', {}, 0.5, 2)).toBeCloseTo(0.499, 9);
    expect(oneStep('Adam', {}, 0.5, -300)).toBeCloseTo(0.501, 9);
  });

  it('carries momentum over two steps', () => {
    const ref = new ReferenceOptimizer('Momentum', { learningRate: 0.1, momentum: 0.9 });
    const w1 = ref.step([[1]], [[1]]); // v = −0.1, w = 0.9
    const w2 = ref.step(w1, [[1]]); // v = −0.09 − 0.1 = −0.19, w = 0.71
    expect(w2[0]![0]).toBeCloseTo(0.71, 14);
  });

  const engine: Record<OptimizerName, (h: Required<Hyper>) => Optimizer> = {
    SGD: (h) => new SGD({ learningRate: h.learningRate }),
    Momentum: (h) => new SGD({ learningRate: h.learningRate, momentum: h.momentum }),
    Nesterov: (h) => new SGD({ learningRate: h.learningRate, momentum: h.momentum, nesterov: true }),
    Adagrad: (h) =>
      new Adagrad({
        learningRate: h.learningRate,
        epsilon: h.epsilon,
        initialAccumulatorValue: h.initialAccumulatorValue,
      }),
    RMSprop: (h) => new RMSprop({ learningRate: h.learningRate, rho: h.rho, epsilon: h.epsilon }),
    Adam: (h) =>
      new Adam({ learningRate: h.learningRate, beta1: h.beta1, beta2: h.beta2, epsilon: h.epsilon }),
  };

  for (const name of Object.keys(engine) as OptimizerName[]) {
    it(`agrees with the engine's ${name} (and the XOR replays' optimizer) over 20 steps on two problems`, () => {
      for (const problem of [randomQuadratic(new Rng(3)), randomRosenbrock(new Rng(4))]) {
        const options: Hyper = problem.kind === 'rosenbrock' ? { learningRate: 1e-4 } : {};
        const ref = new ReferenceOptimizer(name, options);
        const opt = engine[name](ref.hyper);
        const replayed = new ReferenceEngineOptimizer(name, options);
        const replayedParams = problem.params.map((p) =>
          tensor(Float64Array.from(p.values), { shape: p.shape }),
        );
        const params = problem.params.map((p) => tensor(Float64Array.from(p.values), { shape: p.shape }));
        let mine = problem.params.map((p) => p.values);
        for (let t = 0; t < 20; t++) {
          const grads = gradientsAt(problem, mine);
          params.forEach((p, j) => {
            p.grad = tensor(Float64Array.from(grads[j]!), { shape: [...p.shape] });
          });
          replayedParams.forEach((p, j) => {
            p.grad = tensor(Float64Array.from(grads[j]!), { shape: [...p.shape] });
          });
          opt.step(params);
          replayed.step(replayedParams);
          mine = ref.step(mine, grads);
          // The XOR replays' optimizer (checks/replay.ts) is the same formulas, to the last bit.
          expect(replayedParams.map((p) => Array.from(p.data))).toEqual(mine);
          params.forEach((p, j) => {
            p.data.forEach((x, i) => {
              expect(x).toBeCloseTo(mine[j]![i]!, 12);
            });
          });
        }
      }
    });
  }
});
