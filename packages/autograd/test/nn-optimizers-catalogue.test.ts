/**
 * Keras 3's other optimizers (Adamax, Nadam, Adadelta, AdamW, Lion) and what every Keras 3 optimizer
 * has (weight decay, clipnorm, clipvalue, globalClipnorm). Expected numbers are ported from
 * keras/src/optimizers/<name>_test.py and optimizer_test.py (file and test named above each).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  type BaseOptimizer,
  Dense,
  getOptimizer,
  Lion,
  loadModel,
  type ModelJson,
  Nadam,
  type Optimizer,
  RMSprop,
  Sequential,
  SGD,
  tensor,
} from '../src/index.js';

/** `optimizer.apply_gradients(zip([grads], [vars]))` for one variable. */
function apply(opt: Optimizer, w: ReturnType<typeof tensor>, g: number[]): void {
  w.grad = tensor(g);
  opt.step([w]);
}

function expectClose(got: ArrayLike<number>, want: number[], tol: number): void {
  expect(got.length).toBe(want.length);
  for (const [i, v] of want.entries()) {
    expect(Math.abs(got[i]! - v), `[${i}] ${got[i]} vs ${v}`).toBeLessThanOrEqual(tol + tol * Math.abs(v));
  }
}

/**
 * The `test_correctness_with_golden` protocol of every Keras optimizer test: x = ones(10), one step
 * with gradients 0.01, then five times: compare x with the golden row, step with arange(0.1, 1.1, 0.1).
 */
function golden(opt: Optimizer, rows: number[][]): void {
  const x = tensor(new Array(10).fill(1), { requiresGrad: true });
  const grads = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);
  apply(opt, x, new Array(10).fill(0.01));
  for (const row of rows) {
    expectClose(x.data, row, 5e-4); // Keras: rtol=5e-4, atol=5e-4
    apply(opt, x, grads);
  }
}

const tile = (values: number[]) => values.map((v) => new Array(10).fill(v));

describe('Keras 3 golden values: test_correctness_with_golden', () => {
  it('adamax_test.py', () => {
    golden(new Adamax({ learningRate: 0.2, beta1: 0.85, beta2: 0.95, epsilon: 1e-6 }), [
      [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8],
      [0.6827, 0.6873, 0.6888, 0.6896, 0.6901, 0.6904, 0.6906, 0.6908, 0.6909, 0.691],
      [0.5333, 0.5407, 0.5431, 0.5444, 0.5451, 0.5456, 0.546, 0.5462, 0.5464, 0.5466],
      [0.368, 0.3773, 0.3804, 0.382, 0.3829, 0.3835, 0.384, 0.3843, 0.3846, 0.3848],
      [0.1933, 0.204, 0.2076, 0.2094, 0.2105, 0.2112, 0.2117, 0.2121, 0.2124, 0.2126],
    ]);
  });

  it('nadam_test.py', () => {
    golden(new Nadam({ learningRate: 0.5, beta1: 0.5, beta2: 0.67, epsilon: 1e-5 }), [
      [0.4281, 0.4281, 0.4281, 0.4281, 0.4281, 0.4281, 0.4281, 0.4281, 0.4281, 0.4281],
      [-0.1738, -0.1731, -0.1726, -0.1723, -0.1721, -0.172, -0.1719, -0.1718, -0.1718, -0.1717],
      [-0.7115, -0.7103, -0.7096, -0.7092, -0.709, -0.7088, -0.7086, -0.7085, -0.7085, -0.7084],
      [-1.2335, -1.2322, -1.2313, -1.2309, -1.2306, -1.2304, -1.2302, -1.2301, -1.23, -1.2299],
      [-1.7492, -1.7478, -1.7469, -1.7464, -1.7461, -1.7459, -1.7457, -1.7456, -1.7455, -1.7454],
    ]);
  });

  it('adadelta_test.py', () => {
    golden(
      new Adadelta({ learningRate: 1, rho: 0.8, epsilon: 1e-6 }),
      tile([0.9978, 0.9947, 0.9915, 0.9882, 0.9849]),
    );
  });

  it('adamw_test.py', () => {
    golden(new AdamW({ learningRate: 1, weightDecay: 0.5, epsilon: 2 }), [
      [0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998, 0.4998],
      [0.2486, 0.2475, 0.2463, 0.2451, 0.244, 0.2428, 0.2417, 0.2405, 0.2394, 0.2382],
      [0.1223, 0.1198, 0.1174, 0.1149, 0.1124, 0.11, 0.1075, 0.1051, 0.1027, 0.1003],
      [0.0586, 0.0549, 0.0512, 0.0475, 0.0439, 0.0402, 0.0366, 0.033, 0.0294, 0.0258],
      [0.0263, 0.0215, 0.0167, 0.012, 0.0073, 0.0026, -0.0021, -0.0067, -0.0113, -0.0159],
    ]);
  });

  it('lion_test.py (Keras defaults)', () => {
    golden(new Lion(), tile([0.999, 0.998, 0.997, 0.996, 0.995]));
  });

  it('sgd_test.py (nesterov=True)', () => {
    golden(new SGD({ nesterov: true }), [
      [0.9999, 0.9999, 0.9999, 0.9999, 0.9999, 0.9999, 0.9999, 0.9999, 0.9999, 0.9999],
      [0.9989, 0.9979, 0.9969, 0.9959, 0.9949, 0.9939, 0.9929, 0.9919, 0.9909, 0.9899],
      [0.9979, 0.9959, 0.9939, 0.9919, 0.9899, 0.9879, 0.9859, 0.9839, 0.9819, 0.9799],
      [0.9969, 0.9939, 0.9909, 0.9879, 0.9849, 0.9819, 0.9789, 0.9759, 0.9729, 0.9699],
      [0.9959, 0.9919, 0.9879, 0.9839, 0.9799, 0.9759, 0.9719, 0.9679, 0.9639, 0.9599],
    ]);
  });
});

describe('Keras 3 golden values: test_single_step (learning rate 0.5, grads [1, 6, 7, 2])', () => {
  const cases: [string, Optimizer, number[]][] = [
    ['adamax_test.py', new Adamax({ learningRate: 0.5 }), [0.5, 1.5, 2.5, 3.5]],
    ['nadam_test.py', new Nadam({ learningRate: 0.5 }), [0.4686, 1.4686, 2.4686, 3.4686]],
    ['adadelta_test.py', new Adadelta({ learningRate: 0.5 }), [0.9993, 1.9993, 2.9993, 3.9993]],
    ['adamw_test.py', new AdamW({ learningRate: 0.5 }), [0.498, 1.496, 2.494, 3.492]],
    ['lion_test.py', new Lion({ learningRate: 0.5 }), [0.5, 1.5, 2.5, 3.5]],
    ['sgd_test.py', new SGD({ learningRate: 0.5 }), [0.5, -1, -0.5, 3]],
  ];
  for (const [file, opt, want] of cases) {
    it(file, () => {
      const w = tensor([1, 2, 3, 4], { requiresGrad: true });
      apply(opt, w, [1, 6, 7, 2]);
      expectClose(w.data, want, 1e-4); // Keras: rtol=1e-4, atol=1e-4
    });
  }
});

describe('weight decay, on every optimizer (each <name>_test.py: test_weight_decay)', () => {
  const makers: [string, (o: { learningRate: number; weightDecay: number }) => BaseOptimizer][] = [
    ['SGD', (o) => new SGD(o)],
    ['Adagrad', (o) => new Adagrad(o)],
    ['RMSprop', (o) => new RMSprop(o)],
    ['Adam', (o) => new Adam(o)],
    ['Adamax', (o) => new Adamax(o)],
    ['Nadam', (o) => new Nadam(o)],
    ['Adadelta', (o) => new Adadelta(o)],
    ['AdamW', (o) => new AdamW(o)],
    ['Lion', (o) => new Lion(o)],
  ];
  for (const [name, make] of makers) {
    it(`${name}: three optimizers, one zero-gradient step each: 2·(1 − 0.004)³ = 1.9760959`, () => {
      const w = tensor([2], { requiresGrad: true });
      for (let k = 0; k < 3; k++) apply(make({ learningRate: 1, weightDecay: 0.004 }), w, [0]);
      expect(w.data[0]).toBeCloseTo(1.9760959, 6);
    });
  }

  it('AdamW defaults to weightDecay 0.004 and refuses a null one (adamw_test.py: test_weight_decay_is_none)', () => {
    expect(new AdamW().weightDecay).toBe(0.004);
    expect(() => new AdamW({ learningRate: 1, weightDecay: null as never })).toThrow(/weightDecay/);
  });
});

describe('gradient clipping (optimizer_test.py and each <name>_test.py)', () => {
  const everyClass = [SGD, Adagrad, RMSprop, Adam, Adamax, Nadam, Adadelta, AdamW, Lion];

  it('test_clip_norm: [100, 100] with clipnorm 1 → [√2/2, √2/2], on every optimizer', () => {
    for (const Make of everyClass) {
      const [g] = new Make({ clipnorm: 1 }).clipGradients([Float64Array.from([100, 100])]);
      expectClose(g!, [Math.SQRT1_2, Math.SQRT1_2], 1e-12);
    }
  });

  it('test_clip_value: [100, 100] with clipvalue 1 → [1, 1], on every optimizer', () => {
    for (const Make of everyClass) {
      const [g] = new Make({ clipvalue: 1 }).clipGradients([Float64Array.from([100, 100])]);
      expectClose(g!, [1, 1], 0);
    }
  });

  it('test_global_clip_norm: [50, 100] with globalClipnorm 1 → g / ‖g‖', () => {
    const [g] = new SGD({ globalClipnorm: 1 }).clipGradients([Float64Array.from([50, 100])]);
    const n = Math.hypot(50, 100);
    expectClose(g!, [50 / n, 100 / n], 1e-12);
  });

  it('test_clip_args: at most one of clipnorm, clipvalue, globalClipnorm', () => {
    expect(new SGD({ learningRate: 1, clipnorm: 0.1 }).clipnorm).toBe(0.1);
    expect(() => new SGD({ learningRate: 1, clipnorm: 0.1, clipvalue: 0.1 })).toThrow(
      /only one of clipnorm, clipvalue and globalClipnorm/,
    );
    expect(() => new Adam({ clipnorm: 0.1, globalClipnorm: 0.1 })).toThrow(/only one of/);
  });

  it('a step uses the clipped gradient and leaves param.grad as it was', () => {
    const w = tensor([0, 0], { requiresGrad: true });
    apply(new SGD({ learningRate: 1, clipvalue: 0.5 }), w, [2, -3]);
    expectClose(w.data, [-0.5, 0.5], 0);
    expect(Array.from(w.grad!.data)).toEqual([2, -3]);
  });

  it('globalClipnorm scales all parameters together; clipnorm each on its own', () => {
    const a = tensor([0, 0], { requiresGrad: true });
    const b = tensor([0], { requiresGrad: true });
    a.grad = tensor([3, 0]);
    b.grad = tensor([4]);
    new SGD({ learningRate: 1, globalClipnorm: 1 }).step([a, b]);
    expectClose([...a.data, ...b.data], [-0.6, 0, -0.8], 1e-15);
    a.data.fill(0);
    b.data.fill(0);
    new SGD({ learningRate: 1, clipnorm: 1 }).step([a, b]);
    expectClose([...a.data, ...b.data], [-1, 0, -1], 1e-15);
  });
});

describe('options and names', () => {
  it('Lion refuses beta1 outside (0, 1] with Keras’ message (lion_test.py: test_invalid_beta_1)', () => {
    for (const beta1 of [-0.1, 0, 1.1]) {
      expect(() => new Lion({ beta1 })).toThrow(
        new RegExp(
          `beta1 must be in the \\[0, 1\\] range. Otherwise, the optimizer degenerates to SignSGD. Received: beta1=${beta1}`,
        ),
      );
    }
  });

  it('unknown options throw, naming the optimizer (Keras 2 spellings included)', () => {
    expect(() => new Nadam({ lr: 0.1 } as never)).toThrow(/Nadam.*lr/);
    expect(() => new Adamax({ beta_1: 0.8 } as never)).toThrow(/Adamax.*beta_1/);
    expect(() => new AdamW({ weight_decay: 0.1 } as never)).toThrow(/AdamW.*weight_decay/);
    expect(() => new SGD({ clipnorm: -1 })).toThrow(/clipnorm/);
  });

  it('getOptimizer knows the new names (optimizer_test.py: test_get_method)', () => {
    expect(getOptimizer('adamw')).toBeInstanceOf(AdamW);
    expect(getOptimizer('Nadam')).toBeInstanceOf(Nadam);
    expect(getOptimizer('adamax')).toBeInstanceOf(Adamax);
    expect(getOptimizer('adadelta')).toBeInstanceOf(Adadelta);
    expect(getOptimizer('lion')).toBeInstanceOf(Lion);
    expect(() => getOptimizer('constructor')).toThrow(/unknown optimizer 'constructor'/);
  });

  it('iterations counts the steps (optimizer_test.py: test_iterations_counter)', () => {
    const opt = new Nadam({ learningRate: 1 });
    const w = tensor([1, 2], { requiresGrad: true });
    expect(opt.iterations).toBe(0);
    apply(opt, w, [1, 1]);
    apply(opt, w, [1, 1]);
    expect(opt.iterations).toBe(2);
  });
});

describe('save / loadModel keep every optimizer and its settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradschool-opt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const x = [
    [0, 1],
    [1, 0],
  ];
  const y = [[1], [0]];

  const optimizers: Optimizer[] = [
    new Adamax({ learningRate: 0.01, beta2: 0.9 }),
    new Nadam({ epsilon: 1e-6, clipnorm: 2 }),
    new Adadelta({ learningRate: 1, rho: 0.9 }),
    new AdamW({ weightDecay: 0.01, amsgrad: true }),
    new Lion({ learningRate: 0.003, globalClipnorm: 1 }),
    new SGD({ learningRate: 0.1, momentum: 0.9, weightDecay: 0.001, clipvalue: 0.5 }),
  ];
  for (const opt of optimizers) {
    const { className } = opt as BaseOptimizer;
    it(`${className}: written with its config, rebuilt equal, trains the same`, () => {
      const model = new Sequential({ seed: 1 });
      model.add(new Dense(1, { inputDim: 2, activation: 'sigmoid' }));
      model.compile({ optimizer: opt, loss: 'binary_crossentropy' });
      const path = join(dir, `${className}.json`);
      model.save(path);
      const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
      expect(json.compile?.optimizer).toEqual({ className, config: (opt as BaseOptimizer).getConfig() });
      const again = loadModel(path);
      const rebuilt = again.compiled!.optimizer as BaseOptimizer;
      expect(rebuilt).toBeInstanceOf(opt.constructor);
      expect(rebuilt.getConfig()).toEqual((opt as BaseOptimizer).getConfig());
      model.fit(x, y, { epochs: 3, verbose: 0, shuffle: false });
      again.fit(x, y, { epochs: 3, verbose: 0, shuffle: false });
      expect(Array.from(again.predict(x).data)).toEqual(Array.from(model.predict(x).data));
    });
  }
});
