/**
 * Keras 3's activations (keras/src/activations/activations.py): values against the reference
 * functions of Keras' own tests (keras/src/activations/activations_test.py, ported to fixed inputs:
 * Keras draws its inputs at random and compares with these same numpy formulas), gradients against
 * central differences, and every name usable in a Dense layer and in a saved model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { activations, Dense, getActivation, gradCheck, loadModel, Sequential, tensor } from '../src/index.js';
import { ACTIVATION_NAMES } from '../src/nn/activations.js';
import { TOLERANCE } from './helpers.js';

/** Inputs away from every kink (0, ±3, 6) so that central differences are exact enough. */
const XS = [-10, -5.5, -2.5, -1, -0.3, 0.2, 0.7, 1.5, 4, 9];

function expectValues(got: Float64Array, want: number[], rtol = 1e-12): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    expect(Math.abs(got[i]! - w)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(w)));
  });
}

// The reference functions of activations_test.py (_ref_softplus, _ref_silu, _ref_hard_sigmoid,
// _ref_hard_silu, _ref_softsign, _ref_relu6, _ref_leaky_relu), and test_mish / test_elu /
// test_exponential / test_gelu's inline formulas.
const ref = {
  softplus: (x: number) => Math.log(1 + Math.exp(x)),
  softsign: (x: number) => x / (1 + Math.abs(x)),
  silu: (x: number) => x / (1 + Math.exp(-x)),
  hardSigmoid: (x: number) => {
    const v = x / 6 + 0.5;
    return v <= 0 ? 0 : Math.min(v, 1);
  },
  hardSilu: (x: number) => (x * Math.min(Math.max(0, x + 3), 6)) / 6,
  relu6: (x: number) => Math.min(Math.max(0, x), 6),
  leakyRelu: (alpha: number) => (x: number) => (x > 0 ? x : alpha * x),
  mish: (x: number) => x * Math.tanh(Math.log(1 + Math.exp(x))),
  elu: (x: number) => (x > 0 ? x : Math.exp(x) - 1),
  exponential: Math.exp,
  geluApproximate: (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
};

describe('activations: values of Keras 3 (activations_test.py)', () => {
  const x = tensor(XS);
  const cases: [string, (t: typeof x) => typeof x, (v: number) => number][] = [
    ['softplus (test_softplus)', activations.softplus, ref.softplus],
    ['softsign (test_softsign)', activations.softsign, ref.softsign],
    ['silu (test_silu)', activations.silu, ref.silu],
    ['swish = silu', activations.swish, ref.silu],
    ['hardSigmoid (test_hard_sigmoid)', activations.hardSigmoid, ref.hardSigmoid],
    ['hardSilu (test_hard_silu)', activations.hardSilu, ref.hardSilu],
    ['relu6 (test_relu6)', activations.relu6, ref.relu6],
    ['leakyRelu, default slope 0.2 (test_leaky_relu)', (t) => activations.leakyRelu(t), ref.leakyRelu(0.2)],
    ['leakyRelu, slope 0.01', (t) => activations.leakyRelu(t, { negativeSlope: 0.01 }), ref.leakyRelu(0.01)],
    ['mish (test_mish)', activations.mish, ref.mish],
    ['elu (test_elu)', (t) => activations.elu(t), ref.elu],
    ['exponential (test_exponential)', activations.exponential, ref.exponential],
    ['gelu approximate (test_gelu)', (t) => activations.gelu(t, { approximate: true }), ref.geluApproximate],
  ];
  for (const [name, fn, f] of cases) {
    it(name, () => expectValues(fn(x).data, XS.map(f)));
  }

  it('selu (test_selu): scale·x above 0, scale·alpha·(eˣ − 1) below', () => {
    const alpha = 1.6732632423543772;
    const scale = 1.0507009873554805;
    expectValues(activations.selu(tensor([1, 2])).data, [scale, 2 * scale]);
    expectValues(
      activations.selu(tensor([-1, -2])).data,
      [-1, -2].map((v) => (Math.exp(v) - 1) * scale * alpha),
    );
  });

  it("gelu exact (test_gelu, Keras 3's default): x·Φ(x) with scipy's norm.cdf values", () => {
    // scipy.stats.norm.cdf at 1, −1, 0.5, 2, −3
    const cdf = [
      0.8413447460685429, 0.15865525393145707, 0.6914624612740131, 0.9772498680518208, 0.0013498980316301035,
    ];
    const xs = [1, -1, 0.5, 2, -3];
    expectValues(
      activations.gelu(tensor(xs)).data,
      xs.map((v, i) => v * cdf[i]!),
      1e-14,
    );
    expect(getActivation('gelu')(tensor([1])).item()).toBeCloseTo(0.8413447460685429, 15);
  });

  it('relu with Keras 3 options (test_relu_negative_slope, _max_value, _threshold, _combined_*, _to_trigger_relu6)', () => {
    const x5 = tensor([-10, -5, 0, 5, 10]);
    expectValues(activations.relu(x5, { negativeSlope: 0.5 }).data, [-5, -2.5, 0, 5, 10]);
    expectValues(activations.relu(x5, { maxValue: 5 }).data, [0, 0, 0, 5, 5]);
    expectValues(activations.relu(x5, { threshold: 5 }).data, [0, 0, 0, 0, 10]);
    expectValues(activations.relu(x5, { threshold: 5, maxValue: 5 }).data, [0, 0, 0, 0, 5]);
    expectValues(
      activations.relu(x5, { negativeSlope: 0.5, maxValue: 5, threshold: 5 }).data,
      [-7.5, -5, -2.5, 0, 5],
    );
    expectValues(activations.relu(tensor([-10, -5, 0, 5, 10, 12]), { maxValue: 6 }).data, [0, 0, 0, 5, 6, 6]);
    expectValues(activations.relu(x5).data, [0, 0, 0, 5, 10]);
  });

  it('softmax and logSoftmax take an axis (test_softmax_2d_axis_0, test_log_softmax_2d_axis_0)', () => {
    const m = tensor([
      [1, 2, 3],
      [4, 6, 8],
    ]);
    const col = (a: number, b: number) => [
      Math.exp(a) / (Math.exp(a) + Math.exp(b)),
      Math.exp(b) / (Math.exp(a) + Math.exp(b)),
    ];
    const [a0, b0] = col(1, 4);
    expect(activations.softmax(m, { axis: 0 }).data[0]).toBeCloseTo(a0!, 14);
    expect(activations.softmax(m, { axis: 0 }).data[3]).toBeCloseTo(b0!, 14);
    expect(activations.logSoftmax(m, { axis: 0 }).data[0]).toBeCloseTo(Math.log(a0!), 14);
  });

  it('large inputs stay finite where the formula allows (softplus, mish, sigmoid-based)', () => {
    const big = tensor([-1000, 1000]);
    expectValues(activations.softplus(big).data, [0, 1000]);
    expectValues(activations.mish(big).data, [-0, 1000]);
    expectValues(activations.silu(big).data, [-0, 1000]);
  });
});

describe('activations: backward agrees with central differences', () => {
  const fns: [string, (t: ReturnType<typeof tensor>) => ReturnType<typeof tensor>][] = [
    ['elu', (t) => activations.elu(t, { alpha: 0.7 })],
    ['selu', activations.selu],
    ['softplus', activations.softplus],
    ['softsign', activations.softsign],
    ['silu', activations.silu],
    ['gelu (exact)', (t) => activations.gelu(t)],
    ['gelu (approximate)', (t) => activations.gelu(t, { approximate: true })],
    ['hardSigmoid', activations.hardSigmoid],
    ['hardSilu', activations.hardSilu],
    ['exponential', activations.exponential],
    ['leakyRelu', (t) => activations.leakyRelu(t, { negativeSlope: 0.1 })],
    ['relu6', activations.relu6],
    ['mish', activations.mish],
    ['relu with options', (t) => activations.relu(t, { negativeSlope: 0.3, maxValue: 5, threshold: 1 })],
  ];
  // no input at the kinks: 0, ±3, 1 (the threshold above), 5 and 6
  const inputs = tensor([-4.2, -2.5, -1.3, -0.4, 0.3, 0.9, 1.7, 2.6, 4.4, 5.5, 7]);
  for (const [name, fn] of fns) {
    it(name, () => {
      const result = gradCheck((x) => fn(x), [inputs], TOLERANCE);
      expect(result.ok, `${name}: max abs error ${result.maxAbsError}`).toBe(true);
    });
  }
});

describe('activations by name, as Dense takes them', () => {
  it('every name (camelCase and snake_case) builds a layer and runs', () => {
    for (const name of ACTIVATION_NAMES) {
      const model = new Sequential({ seed: 1 });
      model.add(new Dense(3, { inputDim: 2, activation: name }));
      expect(model.predict([[0.5, -0.25]]).data.every(Number.isFinite), name).toBe(true);
    }
  });

  it('snake_case and camelCase names are the same function', () => {
    const x = tensor(XS);
    expectValues(getActivation('leaky_relu')(x).data, Array.from(getActivation('leakyRelu')(x).data));
    expectValues(getActivation('hard_swish')(x).data, XS.map(ref.hardSilu));
    expectValues(getActivation('log_softmax')(tensor([[1, 2]])).data, [
      1 - Math.log(Math.exp(1) + Math.exp(2)),
      2 - Math.log(Math.exp(1) + Math.exp(2)),
    ]);
  });

  it('an unknown name lists the known ones', () => {
    expect(() => getActivation('gelu_new' as never)).toThrow(/unknown activation 'gelu_new'.*mish/);
  });

  it('options are checked: an unknown key throws', () => {
    expect(() => activations.gelu(tensor([1]), { approximated: true } as never)).toThrow(/approximated/);
    expect(() => activations.relu(tensor([1]), { max_value: 6 } as never)).toThrow(/max_value/);
  });
});

describe('save / loadModel keep the new activations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradschool-act-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a model of gelu, leaky_relu, mish and log_softmax layers predicts the same after loading', () => {
    const model = new Sequential({ seed: 5 });
    model.add(new Dense(4, { inputDim: 3, activation: 'gelu' }));
    model.add(new Dense(4, { activation: 'leaky_relu' }));
    model.add(new Dense(4, { activation: 'mish' }));
    model.add(new Dense(2, { activation: 'log_softmax' }));
    const x = [
      [0.1, -0.4, 2],
      [1, 1, -1],
    ];
    const path = join(dir, 'activations.json');
    model.save(path);
    const again = loadModel(path);
    expect(Array.from(again.predict(x).data)).toEqual(Array.from(model.predict(x).data));
  });
});
