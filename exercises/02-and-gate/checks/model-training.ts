/**
 * The "학습 해보기" slide: the model trained to accuracy 1.0. The engine's numbers cannot be replayed
 * here, so the judge recomputes the accuracy from the student's predictions (Keras' binary accuracy:
 * every output on the right side of 0.5) and checks that one seed always gives the same model.
 */
import { Rng } from '@gradschool/autograd';
import { allOf, check, expectClose, fail, pass, render, withParticle } from '@gradschool/exercise-kit';
import type * as Student from '../src/and-gate.js';

const c = check<typeof Student>();

/** The slide's inputs and one-hot targets (0 → [1, 0], 1 → [0, 1]). */
const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [
  [1, 0],
  [1, 0],
  [1, 0],
  [0, 1],
];

/** Keras' binary accuracy of one prediction table against the one-hot targets. */
export function binaryAccuracy(pred: number[][]): number {
  let right = 0;
  for (const [i, row] of Y.entries())
    for (const [j, t] of row.entries()) if ((pred[i]?.[j] ?? Number.NaN) > 0.5 === (t === 1)) right++;
  return right / 8;
}

const trainedCheck = c({
  id: 'model-trained',
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
    seeds.map((seed) => {
      const { model, history } = student.trainModel(seed);
      return { pred: model.predict(X).toArray() as number[][], loss: [...(history?.loss ?? [])] };
    }),
  judge: (got, seeds) => {
    const verdicts = got.slice(0, 2).map((run, i) => {
      const what = {
        ko: `trainModel(${seeds[i]})의 model.predict(x)`,
        en: `model.predict(x) after trainModel(${seeds[i]})`,
      };
      const shape = expectClose(run?.pred?.length, 4, {
        what: { ko: `${what.ko}의 행 수`, en: `the rows of ${what.en}` },
      });
      if (!shape.pass) return shape;
      const acc = binaryAccuracy(run.pred);
      if (acc === 1) return pass();
      const epochs = run.loss?.length ?? 0;
      const advice =
        epochs < 1000
          ? {
              ko: `${epochs} Epoch 학습했습니다: 1000 Epoch까지 늘려 보세요 (슬라이드의 100은 겨우 경계에 닿습니다).`,
              en: `It trained for ${epochs} epochs: train for 1000 (the slide's 100 barely reaches the boundary).`,
            }
          : {
              ko: `${epochs} Epoch 학습했는데도 그렇다면, makeModel(seed)가 compile한 설정(adam, binary cross entropy) 그대로 fit 하는지 확인하세요.`,
              en: `After ${epochs} epochs: check that you fit makeModel(seed) as it was compiled (adam, binary cross-entropy).`,
            };
      return fail(
        {
          ko: `${what.ko} = ${render(run.pred)}: 정답률(binary accuracy, 0.5 기준)이 1.0이어야 하는데 ${render(acc)}입니다 (목표값 ${render(Y)}). ${advice.ko}`,
          en: `${what.en} = ${render(run.pred)}: the (binary, threshold 0.5) accuracy should be 1.0, got ${render(acc)} (targets ${render(Y)}). ${advice.en}`,
        },
        { expected: '정답률 / accuracy 1.0', got: `정답률 / accuracy ${render(acc)}` },
      );
    });
    verdicts.push(
      expectClose(got[2]?.pred, got[0]?.pred ?? [], {
        rtol: 1e-9,
        what: {
          ko: `${withParticle(`trainModel(${seeds[0]})`, '을')} 두 번 부른 결과 (난수는 seed에서만 얻으세요: new Sequential({ seed }))`,
          en: `trainModel(${seeds[0]}) called twice (take randomness only from the seed: new Sequential({ seed }))`,
        },
      }),
    );
    const verdict = allOf(verdicts);
    const ok = {
      ko: `두 시드 모두 정답률 1.0, 같은 시드는 같은 결과입니다. 예측: ${render(got[0]?.pred)}`,
      en: `Both seeds reach accuracy 1.0 and one seed gives one result. Predictions: ${render(got[0]?.pred)}`,
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
