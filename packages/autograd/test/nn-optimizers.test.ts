import { describe, expect, it } from 'vitest';
import {
  Adagrad,
  Adam,
  getOptimizer,
  type Optimizer,
  RMSprop,
  SGD,
  type Tensor,
  tensor,
} from '../src/index.js';

// Expected values were computed by hand from Keras 3's update formulas (optimizers/*.py), in double
// precision, for w0 = [1, -2] and the gradients below, one step per gradient.
const GRADIENTS = [
  [0.5, -1],
  [0.1, 0.3],
  [-0.2, 0.05],
];

/** Runs `opt` over GRADIENTS, returning w after each step. */
function run(opt: Optimizer, w0 = [1, -2], gradients = GRADIENTS): number[][] {
  const w = tensor(w0, { requiresGrad: true });
  const steps: number[][] = [];
  for (const g of gradients) {
    w.grad = tensor(g);
    opt.step([w]);
    steps.push(Array.from(w.data));
  }
  return steps;
}

function expectSteps(got: number[][], expected: number[][]): void {
  expect(got.length).toBe(expected.length);
  for (const [i, row] of got.entries()) {
    for (const [j, v] of row.entries()) {
      const want = expected[i]![j]!;
      expect(Math.abs(v - want)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
    }
  }
}

describe('SGD', () => {
  it('plain: w ← w − η·g (0.95 = 1 − 0.1·0.5)', () => {
    expectSteps(run(new SGD({ learningRate: 0.1 })), [
      [0.95, -1.9],
      [0.94, -1.93],
      [0.96, -1.935],
    ]);
  });
  it('momentum: v ← μv − ηg; w ← w + v', () => {
    expectSteps(run(new SGD({ learningRate: 0.1, momentum: 0.9 })), [
      [0.95, -1.9],
      [0.895, -1.84],
      [0.8655, -1.791],
    ]);
  });
  it('nesterov: w ← w + μv − ηg with the new v (0.905 = 1 + 0.9·(−0.05) − 0.05)', () => {
    expectSteps(run(new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true })), [
      [0.905, -1.81],
      [0.8455, -1.786],
      [0.83895, -1.7469],
    ]);
  });
  it('has the Keras defaults and rejects a momentum outside [0, 1]', () => {
    const sgd = new SGD();
    expect([sgd.learningRate, sgd.momentum, sgd.nesterov]).toEqual([0.01, 0, false]);
    expect(() => new SGD({ momentum: 1.5 })).toThrow(/momentum/);
  });
});

describe('Adagrad', () => {
  it('defaults (η 0.001, accumulator 0.1, ε 1e-7): a ← a + g²; w ← w − ηg/sqrt(a + ε)', () => {
    expectSteps(run(new Adagrad()), [
      [0.9991548458660078, -1.9990465374540936],
      [0.9989881792224893, -1.999321546991647],
      [0.9993044069489777, -1.9993673338443767],
    ]);
  });
  it('η 0.1: the first step is 0.1·0.5/sqrt(0.35 + 1e-7)', () => {
    const got = run(new Adagrad({ learningRate: 0.1 }));
    expect(got[0]![0]).toBeCloseTo(1 - (0.1 * 0.5) / Math.sqrt(0.1 + 0.25 + 1e-7), 14);
    expectSteps(got, [
      [0.9154845866007779, -1.9046537454093613],
      [0.8988179222489255, -1.9321546991647054],
      [0.930440694897763, -1.9367333844376833],
    ]);
  });
});

describe('RMSprop', () => {
  it('defaults (η 0.001, ρ 0.9, ε 1e-7 inside the sqrt)', () => {
    expectSteps(run(new RMSprop()), [
      [0.9968377286643679, -1.9968377239209694],
      [0.9961854019792421, -1.9977911860286686],
      [0.9974465327942651, -1.9979584577333587],
    ]);
  });
  it('centered with momentum 0.5 (η 0.01)', () => {
    expectSteps(run(new RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true })), [
      [0.9666667407404939, -1.9666666851851697],
      [0.9430115625986264, -1.9597128813107345],
      [0.9440193022568385, -1.9579316342329134],
    ]);
  });
});

describe('Adam', () => {
  it('defaults: α = η·sqrt(1−β2ᵗ)/(1−β1ᵗ), ε 1e-7 — the first step is about η·sign(g)', () => {
    expectSteps(run(new Adam()), [
      [0.9990000063245154, -1.9990000031622677],
      [0.9981969703286983, -1.9985721558672702],
      [0.9978526185621205, -1.998272395780431],
    ]);
  });
  it('η 0.1', () => {
    expectSteps(run(new Adam({ learningRate: 0.1 })), [
      [0.9000006324515321, -1.900000316226766],
      [0.819697032869824, -1.8572155867270155],
      [0.7852618562120453, -1.8272395780430875],
    ]);
  });
  it('amsgrad keeps the largest second moment (differs once v shrinks)', () => {
    const gradients = [[1], [0.01], [0.01]];
    expectSteps(run(new Adam({ learningRate: 0.1 }), [1], gradients), [
      [0.900000316226766],
      [0.8322535866253747],
      [0.7792484045758781],
    ]);
    expectSteps(run(new Adam({ learningRate: 0.1, amsgrad: true }), [1], gradients), [
      [0.900000316226766],
      [0.8322840794197135],
      [0.7793265994958323],
    ]);
  });
  it('counts one iteration per step, shared by all parameters', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const adam = new Adam({ learningRate: 0.1 });
    a.grad = tensor([1]);
    b.grad = tensor([1]);
    adam.step([a, b]);
    expect(adam.iterations).toBe(1);
    expect(a.data[0]).toBe(b.data[0]);
  });
});

describe('all optimizers', () => {
  const all = (): [string, Optimizer][] => [
    ['sgd', new SGD({ momentum: 0.9 })],
    ['adagrad', new Adagrad()],
    ['rmsprop', new RMSprop()],
    ['adam', new Adam()],
  ];
  it.each(all())('%s keeps separate state per parameter and skips parameters without grad', (_, opt) => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([1, 2], { requiresGrad: true });
    const c = tensor([5], { requiresGrad: true });
    a.grad = tensor([0.5, -1]);
    b.grad = tensor([0.5, -1]);
    opt.step([a, b, c]);
    a.grad = tensor([0.5, -1]);
    opt.step([a]); // b's state must not advance
    b.grad = tensor([0.5, -1]);
    opt.step([b]);
    if (!(opt instanceof Adam)) expect(Array.from(b.data)).toEqual(Array.from(a.data));
    expect(Array.from(c.data)).toEqual([5]);
  });
  it('learningRate can be changed between steps', () => {
    const w: Tensor = tensor([1], { requiresGrad: true });
    const sgd = new SGD({ learningRate: 0.1 });
    w.grad = tensor([1]);
    sgd.step([w]);
    sgd.learningRate = 0.5;
    sgd.step([w]);
    expect(w.data[0]).toBeCloseTo(0.4, 15);
  });
});

describe('getOptimizer', () => {
  it('maps Keras names (any case) to fresh instances with Keras defaults', () => {
    expect(getOptimizer('sgd')).toBeInstanceOf(SGD);
    expect(getOptimizer('Adagrad')).toBeInstanceOf(Adagrad);
    expect(getOptimizer('rmsprop')).toBeInstanceOf(RMSprop);
    const adam = getOptimizer('adam') as Adam;
    expect(adam).toBeInstanceOf(Adam);
    expect([adam.learningRate, adam.beta1, adam.beta2, adam.epsilon]).toEqual([0.001, 0.9, 0.999, 1e-7]);
    expect(getOptimizer('adam')).not.toBe(getOptimizer('adam'));
  });
  it('returns an instance unchanged and names the known ones for a typo', () => {
    const own: Optimizer = { learningRate: 1, step: () => {} };
    expect(getOptimizer(own)).toBe(own);
    expect(() => getOptimizer('adafactor')).toThrow(
      /unknown optimizer 'adafactor'.*sgd, adagrad, rmsprop, adam/,
    );
  });
});
