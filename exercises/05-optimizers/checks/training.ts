/**
 * Training checks: the student's optimizers train the lecture's XOR network (Dense(5, sigmoid) +
 * Dense(2, softmax), categorical cross-entropy) through `compile({ optimizer: new Adam() })`.
 * The thresholds come from measuring the reference formulas over hundreds of seeds (see the README).
 *
 * Judges trust data, never objects: the training runs in the sandbox, beside the student's code, which
 * may have patched `fit`, `evaluate` or the weights. So the probe sends the loss history and the final
 * weights, and the judge trains the same run itself (`referenceRun`: same seed and settings, the
 * trusted engine, the reference formulas of `checks/reference.ts`). The student's history must be the
 * judge's over the first `REPLAY_EPOCHS` epochs, tightly; the final weights must have about the
 * history's last loss; and what counts as learned is the judge's own run (`measureRun`). A reference
 * replay cannot be held to a whole honest run: it drifts away from one written in another rounding
 * order (RMSprop: 1e-13 per step grows to 1e-2 in the loss after 500 epochs, measured), which is why
 * the tight window is short and the step itself is judged by the trajectory checks.
 *
 * Cost (judges of the six XOR checks and the comparison, in a fresh process as the grader's main thread
 * meets them, on the course's shared 2-core machine): a run that leaves the reference inside the window
 * costs only the window's replays, 50–90 ms of CPU for the whole exercise. A run that matches costs the
 * judge's whole runs once per seed, 18 × 500 + 6 × 3000 epochs: 0.6–0.85 s of CPU the first time in a
 * process, most of it V8 compiling and warming the engine (the same work takes 0.24–0.28 s once warm),
 * then 10–15 ms on every regrade with the same seed (`referenceRun` caches it; the judges before the
 * replay took 30–45 ms).
 */
import { Dense, type Optimizer, Sequential, tensor } from '@gradschool/autograd';
import {
  type Chart,
  isClose,
  type Localized,
  render,
  renderNumber,
  type WeightData,
  withParticle,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/optimizers.js';
import type { Hyper, OptimizerName } from './reference.js';
import { ReferenceEngineOptimizer } from './replay.js';

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
export function xorModel(spec: RunSpec, optimizer: Optimizer | string): Sequential {
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
 * Epochs over which a run's loss history must be the judge's own replay, tightly (`REPLAY_RTOL`).
 * Measured (200 seeds × every optimizer, both the XOR checks' settings and the comparison's, each
 * replayed against the reference solution and against a student rewriting every formula in another
 * algebraically equal order): over the first 30 epochs the histories agree to 4e-14 relative at worst.
 * Later the rewrites drift away: RMSprop divides tiny, noisy gradients by their own running size, so a
 * rounding difference is amplified, and its first epoch beyond 1e-9 came as early as epoch 42; every
 * other optimizer stayed within 2e-13 for 500 epochs. 30 keeps a margin of 12 epochs and of 1e4 in
 * size, and a run that does not follow its optimizer's steps (weights written by hand, a made-up
 * history) shows by epoch 2.
 */
export const REPLAY_EPOCHS = 30;
export const REPLAY_RTOL = 1e-9;
export const REPLAY_ATOL = 1e-12;
/**
 * How far the final weights' loss may be from the history's last loss (one step earlier): measured
 * on honest runs at most 1.9e-4 after 500 epochs (XOR checks), 1.7e-3 after 3000 (Momentum in the
 * comparison), 2e-2 relative; so isClose with rtol 0.1, atol 0.01.
 */
export const FINAL_RTOL = 0.1;
export const FINAL_ATOL = 0.01;

/** The judge's own run of `spec`: every epoch's loss, and its final loss and accuracy. */
interface ReferenceRun {
  losses: number[];
  loss: number;
  accuracy: number;
}

/**
 * Reference runs already made in this grader process: a regrade (watch mode) asks for the same ones.
 * One grade of the exercise makes 48 (a window and a whole run for each of 18 XOR runs and 6
 * comparison runs), at most 3000 losses each.
 */
const referenceRuns = new Map<string, ReferenceRun>();
const MAX_CACHED_RUNS = 160;

/**
 * `spec` trained by the judge (grader): the lecture's model from the spec's seed, built and trained by
 * the trusted engine, every step taken by the reference formulas (`ReferenceEngineOptimizer`), then
 * evaluated. Cached per spec. Nearly all its cost is the engine's forward and backward passes (the
 * optimizer is a tenth of it): 5–8 µs per epoch once V8 has compiled the engine, so 2.5–4 ms for 500
 * epochs and 14–27 ms for 3000; see `measureRun` for what a whole grade costs.
 */
export function referenceRun(spec: RunSpec): ReferenceRun {
  const key = JSON.stringify([spec.optimizer, spec.options, spec.kernelInitializer, spec.epochs, spec.seed]);
  const cached = referenceRuns.get(key);
  if (cached) return cached;
  const model = xorModel(spec, new ReferenceEngineOptimizer(spec.optimizer, spec.options));
  const history = model.fit(XOR_X, XOR_Y, { epochs: spec.epochs, verbose: 0, seed: spec.seed });
  const final = model.evaluate(XOR_X, XOR_Y);
  const run = {
    losses: history.loss,
    loss: final.loss ?? Number.NaN,
    accuracy: final.accuracy ?? Number.NaN,
  };
  if (referenceRuns.size >= MAX_CACHED_RUNS) referenceRuns.delete(referenceRuns.keys().next().value!);
  referenceRuns.set(key, run);
  return run;
}

/**
 * A run as the judge takes it (grader). The history must hold `spec.epochs` numbers, and its first
 * `REPLAY_EPOCHS` must be those of the judge's own run of the spec (`referenceRun`): the loss at the
 * seed's initial weights, then after each reference step. The final weights, rebuilt on the lecture's
 * model with the trusted engine, must have about the history's last loss. What the run reached is then
 * the judge's own run's final loss and accuracy, not the student's claim: a run that follows the
 * reference for 30 epochs and then jumps elsewhere gains nothing. The result's `losses` are the
 * student's history (checked as above), for the chart.
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
  // The window first (30 epochs): a run that leaves it costs the judge no whole replay.
  const window = Math.min(REPLAY_EPOCHS, spec.epochs);
  const reference = referenceRun({ ...spec, epochs: window });
  const k = losses
    .slice(0, window)
    .findIndex((x, i) => !isClose(x, reference.losses[i]!, REPLAY_RTOL, REPLAY_ATOL));
  if (k === 0) {
    const [want, had] = [renderNumber(reference.losses[0]!), renderNumber(losses[0]!)];
    return {
      problem: {
        ko: `첫 Epoch의 손실은 new Sequential({ seed: ${spec.seed} })가 시작하는 가중치에서의 손실 ${want}이어야 하는데 ${had}입니다: 이 학습 기록은 이 모델의 것이 아닙니다 (fit을 바꾸지 마세요)`,
        en: `the first epoch's loss should be ${want}, the loss at the weights new Sequential({ seed: ${spec.seed} }) starts from, got ${had}: this loss history is not this model's (leave fit alone)`,
      },
    };
  }
  if (k > 0) {
    const [want, had] = [renderNumber(reference.losses[k]!), renderNumber(losses[k]!)];
    return {
      problem: {
        ko: `${k + 1}번째 Epoch의 손실로 ${withParticle(want, '을')} 기대했지만 ${withParticle(had, '이')} 나왔습니다 (채점기가 같은 시드에서 참고 식으로 다시 학습한 결과와 처음 ${window} Epoch 동안 상대오차 ${REPLAY_RTOL} 안에서 같아야 합니다). ${k}번째 step부터 가중치가 참고 식과 다르게 움직였습니다: 궤적 검사가 통과한다면 step이 모든 파라미터를 매번 한 번씩만 고치는지, 가중치나 fit을 따로 건드리지 않는지 확인하세요`,
        en: `the loss at epoch ${k + 1} should be ${want}, got ${had} (for the first ${window} epochs it must match, to ${REPLAY_RTOL} relative, the grader's own run from the same seed with the reference formulas). The weights moved differently from the reference from step ${k} on: if the trajectory checks pass, make sure step changes every parameter once per call and that nothing else touches the weights or fit`,
      },
    };
  }
  const model = xorModel(spec, 'sgd');
  try {
    model.setWeights(weights.map((w) => tensor(Float64Array.from(w.data), { shape: w.shape })));
  } catch (error) {
    return {
      problem: { ko: `가중치를 쓸 수 없습니다: ${String(error)}`, en: `unusable weights: ${String(error)}` },
    };
  }
  const final = model.evaluate(XOR_X, XOR_Y).loss ?? Number.NaN;
  const last = losses[spec.epochs - 1]!;
  if (!isClose(final, last, FINAL_RTOL, FINAL_ATOL)) {
    const [had, said] = [renderNumber(final), renderNumber(last)];
    return {
      problem: {
        ko: `학습 뒤 가중치에서의 손실이 ${had}인데 학습 기록의 마지막 Epoch는 ${withParticle(said, '이')}라고 합니다 (한 step 차이라 거의 같아야 합니다): 학습이 끝난 그대로의 가중치를 돌려주세요`,
        en: `the loss at the weights after training is ${had}, but the history's last epoch says ${said} (one step apart, they should be about equal): return the weights as training left them`,
      },
    };
  }
  const whole = referenceRun(spec);
  return { run: { losses, loss: whole.loss, accuracy: whole.accuracy } };
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
      ? { ko: 'Epoch별', en: 'per epoch' }
      : { ko: `${stride} Epoch마다`, en: `every ${stride} epochs` };
  return {
    title: { ko: `XOR 학습 손실 (${every.ko})`, en: `XOR training loss (${every.en})` },
    series: series.map((s) => ({ name: s.name, values: everyNth(s.losses, stride) })),
    // The epoch of each kept loss (1, 1 + stride, ..., and the last), for the chart's x axis.
    x: everyNth(
      Array.from({ length: Math.max(0, ...series.map((s) => s.losses.length)) }, (_, k) => k + 1),
      stride,
    ),
    xLabel: { ko: 'Epoch', en: 'epoch' },
  };
}
