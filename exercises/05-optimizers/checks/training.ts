/**
 * Training checks: the student's optimizers train the lecture's XOR network (Dense(5, sigmoid) +
 * Dense(2, softmax), categorical cross-entropy) through `compile({ optimizer: new Adam() })`.
 * The judge cannot replay a whole training run, so it judges what the numbers must show: XOR
 * learned, or (in the comparison) the lecture's point that Adam gets furthest at the slides' defaults.
 * The thresholds come from measuring the reference formulas over hundreds of seeds (see the README).
 */
import { Dense, type Optimizer, Sequential } from '@gradschool/autograd';
import type { Chart, Localized } from '@gradschool/exercise-kit';
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

/** What a run reports: the loss of every epoch (Keras' `history.loss`) and the final evaluation. */
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

/** Builds the lecture's XOR model with the student's optimizer, trains it and evaluates it (sandbox). */
export function trainXor(student: typeof Student, spec: RunSpec): RunResult {
  const Class = classOf(student, spec.optimizer);
  const model = new Sequential({ seed: spec.seed });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: spec.kernelInitializer, activation: 'sigmoid' }));
  model.add(new Dense(2, { kernelInitializer: spec.kernelInitializer, activation: 'softmax' }));
  model.compile({
    optimizer: new Class(spec.options),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  const history = model.fit(XOR_X, XOR_Y, { epochs: spec.epochs, verbose: 0, seed: spec.seed });
  const final = model.evaluate(XOR_X, XOR_Y);
  return {
    losses: [...history.loss],
    loss: final.loss ?? Number.NaN,
    accuracy: final.accuracy ?? Number.NaN,
  };
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
