/**
 * Training checks: the student's optimizers train the lecture's XOR network (Dense(5, sigmoid) +
 * Dense(2, softmax), categorical cross-entropy) through `compile({ optimizer: new Adam() })`.
 * The thresholds come from measuring the reference formulas over hundreds of seeds (see the README).
 *
 * Judges trust data, never objects: the training runs in the sandbox, beside the student's code, which
 * may have patched `fit` or `evaluate`. So the probe sends the loss history and the final weights, and
 * the judge measures the final loss and accuracy itself, on the lecture's model rebuilt with the
 * trusted engine (`measureRun`); the history's first loss must be that model's loss at the seed's
 * initial weights, which the first epoch computes before any step. The judge does not replay the whole
 * run: the student's optimizer decides every step, and a reference replay drifts away from an honest
 * one (RMSprop: a 1e-13 difference per step grows to 1e-2 in the loss after 500 epochs, measured), so
 * the step itself is judged by the trajectory checks. Cost: two evaluations per run, well under 1 ms.
 */
import { Dense, type Optimizer, Sequential, tensor } from '@gradschool/autograd';
import {
  type Chart,
  isClose,
  type Localized,
  render,
  renderNumber,
  type WeightData,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/optimizers.js';
import type { Hyper, OptimizerName } from './reference.js';

/** The four XOR inputs and their one-hot targets, as on the "모델 학습 및 테스트" slide. */
export const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

/** One training run: which optimizer, its options, the kernels' initializer, how long, which seed. */
export interface RunSpec {
  optimizer: OptimizerName;
  options: Hyper;
  /** `'normal'` as on the slide (RandomNormal, stddev 0.05), or `'glorotUniform'` (Dense's default). */
  kernelInitializer: 'normal' | 'glorotUniform';
  epochs: number;
  seed: number;
}

/** What a run sends from the sandbox, as data: the loss of every epoch and the final weights. */
export interface RunProbe {
  losses: number[];
  weights: WeightData[];
}

/** What the judge makes of a run: the loss of every epoch and its own evaluation of the final weights. */
export interface RunResult {
  losses: number[];
  loss: number;
  accuracy: number;
}

/** A student's optimizer class, constructed with its options (or none: the slides' defaults). */
export type OptimizerClass = new (options?: Hyper) => Optimizer;

/** The class `name` from the student's module, or an error saying it is missing (sandbox). */
export function classOf(student: typeof Student, name: OptimizerName): OptimizerClass {
  const Class = (student as unknown as Record<string, unknown>)[name];
  if (typeof Class !== 'function') {
    throw new TypeError(
      `src/optimizers.ts에서 ${name} 클래스를 export해야 합니다 / src/optimizers.ts must export a class named ${name}`,
    );
  }
  return Class as OptimizerClass;
}

/** The lecture's XOR model for `spec`: seeded, the spec's initializer, compiled with `optimizer`. */
function xorModel(spec: RunSpec, optimizer: Optimizer | string): Sequential {
  const model = new Sequential({ seed: spec.seed });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: spec.kernelInitializer, activation: 'sigmoid' }));
  model.add(new Dense(2, { kernelInitializer: spec.kernelInitializer, activation: 'softmax' }));
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** Builds the lecture's XOR model with the student's optimizer and trains it (sandbox). */
export function trainXor(student: typeof Student, spec: RunSpec): RunProbe {
  const model = xorModel(spec, new (classOf(student, spec.optimizer))(spec.options));
  const history = model.fit(XOR_X, XOR_Y, { epochs: spec.epochs, verbose: 0, seed: spec.seed });
  return {
    losses: [...history.loss],
    weights: model.getWeights().map((w) => ({ shape: [...w.shape], data: Array.from(w.data) })),
  };
}

const XOR_SHAPES = '[[2, 5], [5], [5, 2], [2]]';

/**
 * A run as the judge measures it (grader): the history must hold `spec.epochs` numbers starting at the
 * loss of the seed's initial weights, and the final weights must fit the lecture's model; their loss
 * and accuracy are then evaluated on that model, rebuilt with the trusted engine.
 */
export function measureRun(got: unknown, spec: RunSpec): { run: RunResult } | { problem: Localized } {
  const run = got as Partial<RunProbe> | null;
  const losses = run?.losses;
  const weights = run?.weights;
  const shape = `{ losses: number[${spec.epochs}], weights: ${XOR_SHAPES} }`;
  const wellFormed =
    Array.isArray(losses) &&
    losses.length === spec.epochs &&
    losses.every((x) => typeof x === 'number') &&
    Array.isArray(weights) &&
    render(weights.map((w) => w?.shape)) === XOR_SHAPES &&
    weights.every((w) => Array.isArray(w.data) && w.data.every((x) => typeof x === 'number'));
  if (!wellFormed) return { problem: { ko: `${shape} 모양의 결과를 기대했습니다`, en: `expected ${shape}` } };
  const model = xorModel(spec, 'sgd');
  const start = model.evaluate(XOR_X, XOR_Y).loss ?? Number.NaN;
  if (!isClose(losses[0]!, start, 1e-9, 1e-12)) {
    const [want, had] = [renderNumber(start), renderNumber(losses[0]!)];
    return {
      problem: {
        ko: `첫 epoch의 손실은 new Sequential({ seed: ${spec.seed} })가 시작하는 가중치에서의 손실 ${want}이어야 하는데 ${had}입니다: 이 학습 기록은 이 모델의 것이 아닙니다 (fit을 바꾸지 마세요)`,
        en: `the first epoch's loss should be ${want}, the loss at the weights new Sequential({ seed: ${spec.seed} }) starts from, got ${had}: this loss history is not this model's (leave fit alone)`,
      },
    };
  }
  try {
    model.setWeights(weights.map((w) => tensor(Float64Array.from(w.data), { shape: w.shape })));
  } catch (error) {
    return {
      problem: { ko: `가중치를 쓸 수 없습니다: ${String(error)}`, en: `unusable weights: ${String(error)}` },
    };
  }
  const final = model.evaluate(XOR_X, XOR_Y);
  return { run: { losses, loss: final.loss ?? Number.NaN, accuracy: final.accuracy ?? Number.NaN } };
}

/** `null` when `got` looks like a `RunResult` of `epochs` epochs, else a description of it. */
export function malformedRun(got: unknown, epochs: number): Localized | null {
  const run = got as Partial<RunResult> | null;
  const ok =
    typeof run === 'object' &&
    run !== null &&
    Array.isArray(run.losses) &&
    run.losses.length === epochs &&
    run.losses.every((x) => typeof x === 'number') &&
    typeof run.loss === 'number' &&
    typeof run.accuracy === 'number';
  const shape = `{ losses: number[${epochs}], loss, accuracy }`;
  return ok ? null : { ko: `${shape} 모양의 결과를 기대했습니다`, en: `expected ${shape}` };
}

/** The first epoch (1-based) whose loss is NaN or infinite, or 0 when all are finite. */
export function firstNonFinite(losses: readonly number[]): number {
  return losses.findIndex((x) => !Number.isFinite(x)) + 1;
}

/** How many epochs apart the chart's points are, so that a curve has at most about 100 points. */
export function chartStride(epochs: number): number {
  return Math.max(1, Math.ceil(epochs / 100));
}

/** Every `stride`-th value (epochs 1, 1 + stride, ...), and always the last one. */
export function everyNth(values: readonly number[], stride: number): number[] {
  const out = values.filter((_, k) => k % stride === 0);
  if ((values.length - 1) % stride !== 0 && values.length > 0) out.push(values[values.length - 1]!);
  return out;
}

/** A chart of loss curves, one series per run; the title says how far apart the points are. */
export function lossChart(series: { name: string; losses: readonly number[] }[]): Chart {
  const stride = chartStride(Math.max(0, ...series.map((s) => s.losses.length)));
  const every =
    stride === 1
      ? { ko: 'epoch별', en: 'per epoch' }
      : { ko: `${stride} epoch마다`, en: `every ${stride} epochs` };
  return {
    title: { ko: `XOR 학습 손실 (${every.ko})`, en: `XOR training loss (${every.en})` },
    series: series.map((s) => ({ name: s.name, values: everyNth(s.losses, stride) })),
    // The epoch of each kept loss (1, 1 + stride, ..., and the last), for the chart's x axis.
    x: everyNth(
      Array.from({ length: Math.max(0, ...series.map((s) => s.losses.length)) }, (_, k) => k + 1),
      stride,
    ),
    xLabel: { ko: 'epoch', en: 'epoch' },
  };
}
