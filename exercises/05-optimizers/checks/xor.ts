/**
 * One check per optimizer: it trains XOR through `compile({ optimizer: new Student[name](...) })`.
 *
 * The lecture's start (`'normal'`, stddev 0.05) sits on a plateau where the loss stays at ln 2 for
 * thousands of epochs unless the optimizer adapts its step (the comparison check shows it); so these
 * checks start from Dense's default initializer (glorotUniform) and give each optimizer a learning
 * rate that suits it ("lr만 적절히 조절하면 됩니다", the Adagrad slide's note). With the reference
 * formulas every one of 500 seeds reached accuracy 1 and a loss under 0.03 in 500 epochs; the check
 * asks for accuracy 1 and a loss under 0.1.
 */
import { type Check, fail, pass, renderNumber, type Verdict } from '@gradschool/exercise-kit';
import type * as Student from '../src/optimizers.js';
import type { Hyper, OptimizerName } from './reference.js';
import {
  firstNonFinite,
  lossChart,
  malformedRun,
  type RunResult,
  type RunSpec,
  trainXor,
} from './training.js';

/** The learning rate each optimizer trains XOR with; every other option keeps the slides' default. */
export const XOR_OPTIONS: Record<OptimizerName, Hyper> = {
  SGD: { learningRate: 2 },
  Momentum: { learningRate: 0.3 },
  Nesterov: { learningRate: 0.3 },
  Adagrad: { learningRate: 1 },
  RMSprop: { learningRate: 0.01 },
  Adam: { learningRate: 0.03 },
};

export const XOR_EPOCHS = 500;
export const XOR_MAX_LOSS = 0.1;

const callOf = (spec: RunSpec): string => `${spec.optimizer}({ learningRate: ${spec.options.learningRate} })`;

/** Judges one training run: finite losses, accuracy 1, final loss under `XOR_MAX_LOSS`. */
export function judgeXor(got: RunResult, spec: RunSpec): Verdict {
  const call = callOf(spec);
  const setting = `${spec.epochs} epochs, glorotUniform, seed ${spec.seed}`;
  const shape = malformedRun(got, spec.epochs);
  if (shape) return fail({ ko: `${call}, ${setting}: ${shape}`, en: `${call}, ${setting}: ${shape}` });
  const chart = lossChart([{ name: spec.optimizer, losses: got.losses }]);
  const bad = firstNonFinite(got.losses);
  if (bad > 0 || !Number.isFinite(got.loss)) {
    const epoch = bad > 0 ? bad : spec.epochs;
    return fail(
      {
        ko: `${call}로 XOR을 학습(${setting})하는 중 ${epoch}번째 epoch에서 손실이 ${renderNumber(got.losses[epoch - 1] ?? got.loss)}이(가) 되었습니다. 유한한 손실을 기대했습니다: 0으로 나누기나 부호를 확인하세요.`,
        en: `Training XOR with ${call} (${setting}), the loss became ${renderNumber(got.losses[epoch - 1] ?? got.loss)} at epoch ${epoch}; expected a finite loss. Look for a division by zero or a sign error.`,
      },
      { chart },
    );
  }
  const first = renderNumber(got.losses[0]!);
  const [loss, accuracy] = [renderNumber(got.loss), renderNumber(got.accuracy)];
  if (got.accuracy === 1 && got.loss < XOR_MAX_LOSS) {
    return pass(
      {
        ko: `${call}로 XOR을 학습했습니다 (${setting}): 손실 ${first} → ${loss}, 정답률 ${accuracy}.`,
        en: `${call} learned XOR (${setting}): loss ${first} → ${loss}, accuracy ${accuracy}.`,
      },
      { chart },
    );
  }
  return fail(
    {
      ko: `${call}로 XOR을 학습(${setting})한 뒤 정답률 1과 손실 ${XOR_MAX_LOSS} 미만을 기대했지만, 정답률 ${accuracy}, 손실 ${loss}(첫 epoch ${first})입니다. 궤적 검사가 통과했다면 step이 모든 파라미터(커널과 편향)를 고치는지 확인하세요.`,
      en: `After training XOR with ${call} (${setting}) expected accuracy 1 and a loss under ${XOR_MAX_LOSS}; got accuracy ${accuracy} and loss ${loss} (first epoch ${first}). If the trajectory checks pass, make sure step updates every parameter (kernels and biases).`,
    },
    { chart, expected: `accuracy 1, loss < ${XOR_MAX_LOSS}`, got: `accuracy ${accuracy}, loss ${loss}` },
  );
}

/** The XOR training check of one optimizer. */
export function xorCheck(name: OptimizerName): Check<typeof Student, RunSpec, RunResult> {
  return {
    id: `${name.toLowerCase()}-xor`,
    title: {
      ko: `${name}: compile()로 XOR 학습 (${XOR_EPOCHS} epochs)`,
      en: `${name}: trains XOR through compile() (${XOR_EPOCHS} epochs)`,
    },
    points: 2,
    timeLimitMs: 60_000,
    input: (ctx) => ({
      optimizer: name,
      options: XOR_OPTIONS[name],
      kernelInitializer: 'glorotUniform',
      epochs: XOR_EPOCHS,
      seed: ctx.seed,
    }),
    probe: trainXor,
    judge: judgeXor,
  };
}
