/**
 * Trajectory checks: the student's optimizer takes several steps on a small problem, the sandbox
 * computing each gradient from the parameters the student's previous step left behind; the judge
 * recomputes those gradients from the reported positions (same arithmetic, same numbers), replays
 * its own update rule, and compares every step to 1e-9. A mistake is reported at the first step,
 * parameter and index where it shows, with the values before that step.
 */
import { Rng, tensor } from '@gradschool/autograd';
import {
  type Check,
  fail,
  isClose,
  type Localized,
  pass,
  render,
  renderDifference,
  renderNumber,
  renderNumberPair,
  unravelIndex,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/optimizers.js';
import { gradientsAt, type Problem, randomQuadratic, randomRosenbrock, valueAt } from './problems.js';
import { DEFAULTS, type Hyper, type OptimizerName, ReferenceOptimizer } from './reference.js';
import { classOf } from './training.js';

/** What the judge hands the sandbox. `options: null` constructs the class with no argument. */
export interface TrajectoryInput {
  optimizer: OptimizerName;
  options: Hyper | null;
  problem: Problem;
  steps: number;
  /** Before this step the probe sets `optimizer.learningRate = value` (the interface allows it). */
  learningRateChange: { atStep: number; value: number } | null;
}

/** Positions after each step: `positions[t - 1][j]` = parameter j's values after step t. */
export type Trajectory = number[][][];

/**
 * What the probe reports: the trajectory, and what one extra step did to a parameter whose `grad`
 * is null (Keras skips it): left it alone, changed it, or threw (with the error's text).
 */
export interface TrajectoryOutput {
  positions: Trajectory;
  nullGrad: { outcome: 'skipped' | 'changed' | 'threw'; error?: string };
  /**
   * The first step after which a parameter's `data` was another array than before it (the README's
   * contract: update `param.data` in place), or null. Replacing it works in this check's loop, but
   * `data` is readonly in the engine's types, and reshaped views share the array.
   */
  replaced?: { step: number; param: number } | null;
}

const RTOL = 1e-9;
const ATOL = 1e-12;

/** Runs the student's optimizer on the problem; runs in the sandbox. */
export function runTrajectory(student: typeof Student, input: TrajectoryInput): TrajectoryOutput {
  const Class = classOf(student, input.optimizer);
  const make = () => (input.options === null ? new Class() : new Class(input.options));
  const optimizer = make();
  const params = input.problem.params.map((p) =>
    tensor(Float64Array.from(p.values), { shape: p.shape, requiresGrad: true }),
  );
  const positions: Trajectory = [];
  let replaced: TrajectoryOutput['replaced'] = null;
  for (let t = 1; t <= input.steps; t++) {
    const gradients = gradientsAt(
      input.problem,
      params.map((p) => Array.from(p.data)),
    );
    params.forEach((p, j) => {
      p.grad = tensor(Float64Array.from(gradients[j]!), { shape: [...p.shape] });
    });
    if (input.learningRateChange?.atStep === t) optimizer.learningRate = input.learningRateChange.value;
    const arrays = params.map((p) => p.data);
    optimizer.step(params);
    const param = params.findIndex((p, j) => p.data !== arrays[j]);
    if (param >= 0 && replaced === null) replaced = { step: t, param };
    positions.push(params.map((p) => Array.from(p.data)));
  }
  return { positions, nullGrad: stepWithNullGrad(make()), replaced };
}

/** One step of a fresh optimizer over a parameter without a gradient, then one with. */
function stepWithNullGrad(optimizer: { step(params: readonly ReturnType<typeof tensor>[]): void }) {
  const frozen = tensor([1, 2, 3], { requiresGrad: true });
  const live = tensor([1, 2, 3], { requiresGrad: true });
  live.grad = tensor([0.5, -0.5, 1]);
  try {
    optimizer.step([frozen, live]);
  } catch (error) {
    return { outcome: 'threw' as const, error: String(error) };
  }
  return {
    outcome: Array.from(frozen.data).join() === '1,2,3' ? ('skipped' as const) : ('changed' as const),
  };
}

const optionsText = (input: TrajectoryInput): string =>
  input.options === null ? '()' : `(${render(input.options)})`;

const problemName = (problem: Problem): Localized =>
  problem.kind === 'quadratic'
    ? { ko: '2차 함수', en: 'the quadratic' }
    : { ko: 'Rosenbrock 함수', en: 'Rosenbrock' };

/** `null` when `got` is a trajectory of the problem's shape, else what is wrong with it. */
function malformed(got: unknown, input: TrajectoryInput): Localized | null {
  const sizes = input.problem.params.map((p) => p.values.length);
  const ok =
    Array.isArray(got) &&
    got.length === input.steps &&
    got.every(
      (step) =>
        Array.isArray(step) &&
        step.length === sizes.length &&
        step.every(
          (w, j) => Array.isArray(w) && w.length === sizes[j] && w.every((x) => typeof x === 'number'),
        ),
    );
  if (ok) return null;
  return {
    ko: `${input.steps}번의 갱신마다 파라미터 ${sizes.length}개의 값(크기 ${sizes.join(', ')})을 기대했지만 다른 모양이 나왔습니다: ${render(got)}`,
    en: `expected, for each of ${input.steps} steps, the values of ${sizes.length} parameters (sizes ${sizes.join(', ')}); got something else: ${render(got)}`,
  };
}

/** What to look at, from where the first difference shows (step t, parameter j). */
function adviceFor(t: number, j: number, input: TrajectoryInput): Localized {
  if (j > 0)
    return {
      ko: `이 step에서 ${withParticle(`파라미터 0${j > 1 ? `–${j - 1}` : ''}`, '은')} 맞았습니다: 파라미터마다 상태를 따로 두는지, Adam이라면 t를 파라미터마다가 아니라 step마다 한 번 올리는지 확인하세요.`,
      en: `Parameter${j > 1 ? `s 0–${j - 1} were` : ' 0 was'} right at this step: check that every parameter keeps its own state and, for Adam, that t grows once per step, not once per parameter.`,
    };
  if (t === input.learningRateChange?.atStep)
    return {
      ko: '바로 이 step 전에 optimizer.learningRate를 바꿨습니다: 생성자에서 복사해 둔 값 대신 step마다 this.learningRate를 읽으세요.',
      en: 'optimizer.learningRate was changed just before this step: read this.learningRate in every step instead of a copy made in the constructor.',
    };
  if (t > 1)
    return {
      ko: `앞의 ${t - 1}번 갱신은 맞았으니, 상태(속도·누적값·모멘트)를 step 사이에 어떻게 이어 가는지 살펴보세요.`,
      en: `The first ${t - 1} step(s) were right: look at how the state (velocity, accumulator, moments) carries over between steps.`,
    };
  const formula = FIRST_STEP_ADVICE[input.optimizer];
  return {
    ko: `첫 step부터 다릅니다: 식과 기본값을 확인하세요. ${formula.ko}`,
    en: `The very first step differs: check the formula and the defaults. ${formula.en}`,
  };
}

/** Where each rule is most often written differently from Keras 3 (see the README's table). */
const FIRST_STEP_ADVICE: Record<OptimizerName, Localized> = {
  SGD: { ko: 'w ← w − η·g입니다.', en: 'It is w ← w − η·g.' },
  Momentum: {
    ko: 'v ← μ·v − η·g (η·g를 빼기), 그다음 w ← w + v입니다.',
    en: 'v ← μ·v − η·g (subtract η·g), then w ← w + v.',
  },
  Nesterov: {
    ko: 'v를 먼저 고치고, w ← w + μ·v − η·g에는 방금 고친 새 v를 씁니다.',
    en: 'Update v first; w ← w + μ·v − η·g uses the new v.',
  },
  Adagrad: {
    ko: '누적값 a는 0이 아니라 initialAccumulatorValue (기본 0.1)에서 시작하고, ε은 제곱근 안: √(a + ε).',
    en: 'The accumulator a starts at initialAccumulatorValue (0.1 by default), not 0, and ε goes inside the root: √(a + ε).',
  },
  RMSprop: {
    ko: 's ← ρ·s + (1 − ρ)·g², 그리고 ε은 제곱근 안: √(s + ε).',
    en: 's ← ρ·s + (1 − ρ)·g², and ε goes inside the root: √(s + ε).',
  },
  Adam: {
    ko: 't는 1부터, α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ), w ← w − α·m/(√v + ε). 교과서의 m̂/(√v̂ + ε)은 ε의 자리 때문에 아주 조금 다릅니다 (README).',
    en: "t starts at 1, α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ), w ← w − α·m/(√v + ε). The textbook's m̂/(√v̂ + ε) differs slightly because of where ε sits (see the README).",
  },
};

/** The positions first; once they are right, the step over a parameter without a gradient. */
export function judgeTrajectory(output: TrajectoryOutput | undefined, input: TrajectoryInput): Verdict {
  if (output?.replaced) return replacedData(output.replaced, input);
  const verdict = judgePositions(output?.positions, input);
  if (!verdict.pass || output === undefined || output.nullGrad?.outcome === 'skipped') return verdict;
  const call = `${input.optimizer}${optionsText(input)}`;
  const what =
    output.nullGrad.outcome === 'threw'
      ? { ko: `예외가 발생했습니다 (${output.nullGrad.error})`, en: `it threw (${output.nullGrad.error})` }
      : { ko: '그 값이 바뀌었습니다', en: 'its values changed' };
  return fail(
    {
      ko: `${call}: 궤적은 모두 맞았지만, grad가 null인 파라미터(기울기 없음)가 들어 있는 step에서 ${what.ko}. Keras처럼 if (param.grad === null) continue;로 건너뛰세요.`,
      en: `${call}: the trajectory is right, but in a step over a parameter whose grad is null (no gradient) ${what.en}. Skip it, as Keras does: if (param.grad === null) continue;`,
    },
    {
      expected: 'if (param.grad === null) continue;',
      got: output.nullGrad.outcome === 'threw' ? `throw ${output.nullGrad.error}` : 'param.data[i] = …',
    },
  );
}

/** The failure of a step that gave a parameter a new `data` array instead of updating it in place. */
function replacedData(at: { step: number; param: number }, input: TrajectoryInput): Verdict {
  const call = `${input.optimizer}${optionsText(input)}`;
  return fail(
    {
      ko: `${call}: ${at.step}번째 step에서 파라미터 ${at.param}의 param.data를 새 배열로 바꿔 넣었습니다 (param.data = …). param.data는 제자리에서 고쳐야 합니다: param.data[i] = … (또는 param.data[i] -= …). 엔진에서 data는 readonly이고 (TypeScript가 param.data = …를 오류로 알립니다), reshape로 만든 텐서는 그 배열을 함께 쓰므로 새 배열로 바꾸면 옛 값을 계속 봅니다.`,
      en: `${call}: at step ${at.step}, parameter ${at.param} got a new array as param.data (param.data = …). Update param.data in place instead: param.data[i] = … (or param.data[i] -= …). data is readonly in the engine (TypeScript reports param.data = … as an error), and tensors made from it with reshape share that array: after a swap they would keep seeing the old values.`,
    },
    {
      expected: 'param.data[i] = …',
      got: 'param.data = …',
    },
  );
}

/** The advice when a step left every parameter exactly as it was although it should have moved them. */
const NEVER_WROTE_BACK: Localized = {
  ko: '이 step은 파라미터를 하나도 바꾸지 않았습니다: 새 값을 계산만 하고 param.data에 써 넣지 않은 것 같습니다 (param.data[i] = 새 값).',
  en: 'This step left every parameter exactly as it was: it seems to compute the new values without writing them back into param.data (param.data[i] = new value).',
};

/** Compares the student's positions with the judge's replay, step by step. */
function judgePositions(got: Trajectory | undefined, input: TrajectoryInput): Verdict {
  const call = `${input.optimizer}${optionsText(input)}`;
  const where = problemName(input.problem);
  const shapeError = malformed(got, input);
  if (shapeError)
    return fail({
      ko: `${call}, ${where.ko}: ${shapeError.ko}`,
      en: `${call} on ${where.en}: ${shapeError.en}`,
    });

  const reference = new ReferenceOptimizer(input.optimizer, input.options ?? {});
  let before: number[][] = input.problem.params.map((p) => p.values);
  for (let t = 1; t <= input.steps; t++) {
    if (input.learningRateChange?.atStep === t) reference.setLearningRate(input.learningRateChange.value);
    const gradients = gradientsAt(input.problem, before);
    const expected = reference.step(before, gradients);
    const after = (got as Trajectory)[t - 1]!;
    for (let j = 0; j < expected.length; j++) {
      const i = expected[j]!.findIndex((e, k) => !isClose(after[j]![k]!, e, RTOL, ATOL));
      if (i < 0) continue;
      const shape = input.problem.params[j]!.shape;
      const index = `[${unravelIndex(i, shape).join(', ')}]`;
      const [e, g] = renderNumberPair(expected[j]![i]!, after[j]![i]!);
      const [w, dw] = [renderNumber(before[j]![i]!), renderNumber(gradients[j]![i]!)];
      const lr = renderNumber(reference.hyper.learningRate);
      const lrNote = input.learningRateChange && t >= input.learningRateChange.atStep;
      const untouched = after.every((w, k) => w.every((x, i2) => Object.is(x, before[k]![i2])));
      const advice = untouched ? NEVER_WROTE_BACK : adviceFor(t, j, input);
      return fail(
        {
          ko:
            `${call}, ${where.ko}, ${t}번째 step (t = ${t}), 파라미터 ${j} (모양 [${shape.join(', ')}]) 위치 ${index}: ` +
            `${withParticle(e, '이')} 되어야 하는데 ${withParticle(g, '이')} 되었습니다. 이 step 전의 값 ${w}, 기울기 ${dw}, 학습률 ${lr}` +
            `${lrNote ? ` (${input.learningRateChange!.atStep}번째 step부터 optimizer.learningRate를 바꿨습니다)` : ''}. ${advice.ko}`,
          en:
            `${call} on ${where.en}, step ${t} (t = ${t}), parameter ${j} (shape [${shape.join(', ')}]) at ${index}: ` +
            `expected ${e}, got ${g}. Before this step the value was ${w}, its gradient ${dw}, learning rate ${lr}` +
            `${lrNote ? ` (optimizer.learningRate was changed before step ${input.learningRateChange!.atStep})` : ''}. ${advice.en}`,
        },
        renderDifference(expected[j], after[j], {
          index: [i],
          expected: expected[j]![i]!,
          got: after[j]![i]!,
        }),
      );
    }
    before = after;
  }
  const start = renderNumber(
    valueAt(
      input.problem,
      input.problem.params.map((p) => p.values),
    ),
  );
  const end = renderNumber(valueAt(input.problem, before));
  return pass({
    ko: `${call}, ${where.ko}: ${input.steps}번의 갱신이 모두 기대값과 같습니다 (f: ${start} → ${end}).`,
    en: `${call} on ${where.en}: all ${input.steps} steps match (f: ${start} → ${end}).`,
  });
}

/** Options for the Rosenbrock runs: chosen so every hyperparameter changes the numbers visibly. */
const ROSENBROCK_OPTIONS: Record<OptimizerName, Hyper> = {
  SGD: { learningRate: 1e-4 },
  Momentum: { learningRate: 1e-4, momentum: 0.8 },
  Nesterov: { learningRate: 1e-4, momentum: 0.8 },
  Adagrad: { learningRate: 0.05, epsilon: 1e-3, initialAccumulatorValue: 1 },
  RMSprop: { learningRate: 0.01, rho: 0.8, epsilon: 1e-4 },
  Adam: { learningRate: 0.02, beta1: 0.8, beta2: 0.99, epsilon: 1e-4 },
};

const QUADRATIC_STEPS = 8;
const ROSENBROCK_STEPS = 12;

/** The two trajectory checks of one optimizer: slide defaults on a quadratic, given options on Rosenbrock. */
export function trajectoryChecks(
  name: OptimizerName,
): Check<typeof Student, TrajectoryInput, TrajectoryOutput>[] {
  const id = name.toLowerCase();
  return [
    {
      id: `${id}-quadratic`,
      title: {
        ko: `${name}: 2차 함수에서 ${QUADRATIC_STEPS}번 갱신 (슬라이드 기본값, 도중에 학습률 변경)`,
        en: `${name}: ${QUADRATIC_STEPS} steps on a quadratic (the slides' defaults, learning rate changed midway)`,
      },
      points: 2,
      input: (ctx) => ({
        optimizer: name,
        options: null,
        problem: randomQuadratic(new Rng(ctx.seed)),
        steps: QUADRATIC_STEPS,
        learningRateChange: { atStep: 6, value: DEFAULTS[name].learningRate / 2 },
      }),
      probe: runTrajectory,
      judge: judgeTrajectory,
    },
    {
      id: `${id}-rosenbrock`,
      title: {
        ko: `${name}: Rosenbrock 함수에서 ${ROSENBROCK_STEPS}번 갱신 (옵션 지정)`,
        en: `${name}: ${ROSENBROCK_STEPS} steps on Rosenbrock (given options)`,
      },
      points: 2,
      input: (ctx) => ({
        optimizer: name,
        options: ROSENBROCK_OPTIONS[name],
        problem: randomRosenbrock(new Rng(ctx.seed)),
        steps: ROSENBROCK_STEPS,
        learningRateChange: null,
      }),
      probe: runTrajectory,
      judge: judgeTrajectory,
    },
  ];
}
