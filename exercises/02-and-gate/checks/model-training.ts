/**
 * The "학습 해보기" slide: the model trained to accuracy 1.0. Judges trust data, never objects: the
 * probe sends the trained model as data (`modelData`) and `history.loss`; the judge replays the
 * training with the engine from the seed (`makeModel(seed)` is `new Sequential({ seed })`, `fit` draws
 * nothing more with one batch) and wants the same loss in every epoch and the same final weights, then
 * measures the accuracy (Keras' binary accuracy: every output on the right side of 0.5) on its replay.
 *
 * Cost, measured as CPU time in full `pnpm grade --solutions` runs on the course's 2-core machine
 * (shared, load average 14–20): 0.23–0.30 s for the two replays of 1000 epochs, nearly all of it V8
 * compiling the engine in the grader process (this is usually its first engine-heavy judge); warm,
 * 10–20 ms. The 5000-epoch cap bounds the replay at five times that.
 */
import * as engine from '@gradschool/autograd';
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  check,
  expectReplayed,
  expectWeights,
  fail,
  type Localized,
  lossHistory,
  type ModelData,
  modelData,
  pass,
  readModelData,
  render,
  replayFit,
  type UnreadableModel,
  type Verdict,
  weightsOf,
  withParticle,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/and-gate.js';

const c = check<typeof Student>();

/** The slide's inputs and one-hot targets (0 → [1, 0], 1 → [0, 1]). */
export const KERAS_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const KERAS_Y = [
  [1, 0],
  [1, 0],
  [1, 0],
  [0, 1],
];

/** Training runs longer than this are not replayed (the README says so): a judge's work stays small. */
export const MAX_REPLAY_EPOCHS = 5000;

/** Keras' binary accuracy of one prediction table against the one-hot targets. */
export function binaryAccuracy(pred: number[][]): number {
  let right = 0;
  for (const [i, row] of KERAS_Y.entries())
    for (const [j, t] of row.entries()) if ((pred[i]?.[j] ?? Number.NaN) > 0.5 === (t === 1)) right++;
  return right / 8;
}

/** What the probe sends for one call of `trainModel(seed)`. */
export interface TrainedProbe {
  model: ModelData | UnreadableModel;
  loss: number[] | null;
}

const prefixed = (call: string, problem: Localized): Verdict =>
  fail({ ko: `${call}: ${problem.ko}`, en: `${call}: ${problem.en}` });

const HINTS = {
  start: {
    ko: 'Epoch 1의 손실은 초기 가중치의 손실입니다: makeModel(seed)가 new Sequential({ seed })로 만드나요?',
    en: "Epoch 1's loss is the loss of the initial weights: does makeModel(seed) build new Sequential({ seed })?",
  },
  later: {
    ko: 'makeModel(seed)를 fit(KERAS_X, KERAS_Y, { epochs: 1000, verbose: 0, seed }) 한 번으로 학습했나요?',
    en: 'Did you train makeModel(seed) with one fit(KERAS_X, KERAS_Y, { epochs: 1000, verbose: 0, seed })?',
  },
};

/** One run: readable, replayed with the same losses and weights, then accuracy 1.0 on the replay. */
function judgeRun(
  run: TrainedProbe | undefined,
  seed: number,
): { verdict: Verdict; weights?: ModelData['weights'] } {
  const call = `trainModel(${seed})`;
  const read = readModelData(run?.model);
  if ('problem' in read) return { verdict: prefixed(`${call}.model`, read.problem) };
  const loss = run?.loss;
  if (
    !Array.isArray(loss) ||
    loss.length === 0 ||
    loss.length > MAX_REPLAY_EPOCHS ||
    !loss.every(Number.isFinite)
  )
    return {
      verdict: fail({
        ko: `${call}: history.loss가 Epoch마다 하나씩 (최대 ${MAX_REPLAY_EPOCHS} Epoch: 채점기가 학습을 똑같이 다시 해 봅니다) 유한한 숫자여야 하는데 ${withParticle(render(loss), '이')} 나왔습니다.`,
        en: `${call}: history.loss should hold one finite number per epoch (at most ${MAX_REPLAY_EPOCHS} epochs: the grader replays the training), got ${render(loss)}.`,
      }),
    };
  const replay = replayFit(engine, read.data, { seed, x: KERAS_X, y: KERAS_Y, epochs: loss.length });
  if ('problem' in replay) return { verdict: prefixed(call, replay.problem) };
  const how = {
    ko: `new Sequential({ seed: ${seed} }), 모델이 보고한 설정 그대로, fit(KERAS_X, KERAS_Y, { epochs: ${loss.length} })`,
    en: `new Sequential({ seed: ${seed} }), the model's own configuration, fit(KERAS_X, KERAS_Y, { epochs: ${loss.length} })`,
  };
  const same = expectReplayed({ loss, weights: read.data.weights }, replay, { call, how, hints: HINTS });
  if (!same.pass) return { verdict: same };
  const pred = replay.model.predict(KERAS_X).toArray() as number[][];
  const acc = binaryAccuracy(pred);
  if (acc === 1) return { verdict: pass(), weights: weightsOf(replay.model) };
  const advice =
    loss.length < 1000
      ? {
          ko: `${loss.length} Epoch 학습했습니다: 1000 Epoch까지 늘려 보세요 (슬라이드의 100은 겨우 경계에 닿습니다).`,
          en: `It trained for ${loss.length} epochs: train for 1000 (the slide's 100 barely reaches the boundary).`,
        }
      : {
          ko: `${loss.length} Epoch 학습했는데도 그렇다면, makeModel(seed)가 compile한 설정(Adam, binary cross entropy) 그대로 fit 하는지 확인하세요.`,
          en: `After ${loss.length} epochs: check that you fit makeModel(seed) as it was compiled (adam, binary cross-entropy).`,
        };
  return {
    verdict: fail(
      {
        ko: `${call}: 학습된 모델의 predict(KERAS_X) = ${render(pred)}: 정답률(Keras의 binary_accuracy, 0.5 기준)이 1.0이어야 하는데 ${render(acc)}입니다 (목표값 ${render(KERAS_Y)}). ${advice.ko}`,
        en: `${call}: the trained model's predict(KERAS_X) = ${render(pred)}: the (binary, threshold 0.5) accuracy should be 1.0, got ${render(acc)} (targets ${render(KERAS_Y)}). ${advice.en}`,
      },
      { expected: 'accuracy = 1', got: `accuracy = ${render(acc)}` },
    ),
  };
}

const trainedCheck = c({
  id: 'model-trained',
  // Its outcome depends on randomness: graded with the run's seed and two derived from it.
  seeds: 3,
  title: {
    ko: 'trainModel(seed): 학습 후 정답률 1.0 (시드 2개), 같은 시드면 같은 결과',
    en: 'trainModel(seed): accuracy 1.0 after training (2 seeds), same seed, same result',
  },
  points: 4,
  timeLimitMs: 120_000,
  input: (ctx) => {
    const rng = new Rng(ctx.seed);
    const a = rng.int(2 ** 31);
    return [a, rng.int(2 ** 31), a];
  },
  probe: (student, seeds) =>
    seeds.map((seed): TrainedProbe => {
      const { model, history } = student.trainModel(seed);
      return { model: modelData(model), loss: lossHistory(history) };
    }),
  judge: (got, seeds) => {
    const runs = seeds.slice(0, 2).map((seed, i) => judgeRun(got[i], seed));
    const verdicts = runs.map((r) => r.verdict);
    const first = runs[0]?.weights;
    if (first) {
      const again = readModelData(got[2]?.model);
      const what = {
        ko: `${withParticle(`trainModel(${seeds[0]})`, '을')} 두 번 부른 결과의 가중치 (난수는 시드에서만 얻으세요: new Sequential({ seed }))`,
        en: `the weights of trainModel(${seeds[0]}) called twice (take randomness only from the seed: new Sequential({ seed }))`,
      };
      verdicts.push(
        'problem' in again
          ? prefixed(`trainModel(${seeds[0]}).model`, again.problem)
          : expectWeights(again.data.weights, first, { rtol: 1e-9, what }),
      );
    }
    const verdict = allOf(verdicts);
    const ok = {
      ko: `두 시드 모두 채점기가 똑같이 다시 학습한 결과와 같고 정답률 1.0, 같은 시드는 같은 결과입니다.`,
      en: `Both seeds match the grader's replay and reach accuracy 1.0, and one seed gives one result.`,
    };
    return {
      ...verdict,
      ...(verdict.pass ? { message: ok } : {}),
      chart: {
        title: { ko: 'Epoch별 손실 (binary cross entropy)', en: 'Loss per epoch (binary cross-entropy)' },
        series: got.slice(0, 2).map((run, i) => ({ name: `seed ${seeds[i]}`, values: run?.loss ?? [] })),
      },
    };
  },
});

/** The check of the trained model. */
export const modelTrainingChecks = [trainedCheck];
