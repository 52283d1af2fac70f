/**
 * Judging the training experiments of exercise 04: XOR learned by the MLP, not by a single layer,
 * and the first layer's gradient vanishing in deep sigmoid stacks but not in ReLU ones.
 *
 * The probes send data only (the model's configuration and weights, `history.loss`, the norms). The
 * judge replays each training run with the trusted engine from the run's seed and compares it with
 * what came back, then measures accuracy on its own replay. Made-up numbers, hand-set weights or a
 * plain object pretending to be a model earn nothing. The gradient norms are judged here by their
 * shape only (the sigmoid's vanish with depth, ReLU's do not); their exact values are compared with
 * the judge's own by a hidden check (`checks/hidden/gradient-norms.ts`), which would be the answer.
 */
import * as engine from '@gradschool/autograd';
import {
  expectReplayed,
  fail,
  isClose,
  type Localized,
  type ModelData,
  pass,
  type Replay,
  readModelData,
  render,
  replayFit,
  type UnreadableModel,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/mlp.js';
import { argmaxRows, downsample, median, XOR_CLASS, XOR_X, XOR_Y } from './math.js';
import { MAX_REPLAY_EPOCHS, slideModelProblem } from './replay.js';

/** What a training probe sends: the seed, the trained model as data, and `history.loss`. */
export interface TrainProbe {
  seed: number;
  model: ModelData | UnreadableModel;
  loss: number[] | null;
}

const accuracyOf = (predictions: number[][]) =>
  argmaxRows(predictions).filter((c, i) => c === XOR_CLASS[i]).length / XOR_CLASS.length;

const predictionsOf = (replay: Replay) => replay.model.predict(XOR_X).toArray() as number[][];

const prefixed = (call: string, problem: Localized): Verdict =>
  fail({ ko: `${call}: ${problem.ko}`, en: `${call}: ${problem.en}` });

/**
 * The run replayed by the judge, or the verdict saying why it does not match what came back: the
 * model must be readable, the loss history finite and at most `MAX_REPLAY_EPOCHS` long, and the
 * judge's replay (same seed, same configuration, that many epochs) must give the same loss in every
 * epoch and the same final weights.
 */
function replayOf(
  run: TrainProbe,
  call: string,
  minEpochs: number,
): { data: ModelData; replay: Replay } | Verdict {
  const read = readModelData(run.model);
  if ('problem' in read) return prefixed(`${call}.model`, read.problem);
  const loss = run.loss;
  if (!Array.isArray(loss) || loss.length === 0 || !loss.every(Number.isFinite))
    return fail({
      ko: `${call}: history.loss가 Epoch마다 하나씩 유한한 숫자여야 하는데 ${withParticle(render(loss), '이')} 나왔습니다.`,
      en: `${call}: history.loss should hold one finite number per epoch, got ${render(loss)}.`,
    });
  if (loss.length < minEpochs || loss.length > MAX_REPLAY_EPOCHS)
    return fail({
      ko: `${call}: ${minEpochs}~${MAX_REPLAY_EPOCHS} Epoch 학습해야 하는데 ${loss.length} Epoch입니다${loss.length > MAX_REPLAY_EPOCHS ? ' (채점기가 학습을 똑같이 다시 해 보므로 상한이 있습니다)' : ''}.`,
      en: `${call}: train for ${minEpochs} to ${MAX_REPLAY_EPOCHS} epochs, got ${loss.length}${loss.length > MAX_REPLAY_EPOCHS ? ' (the grader replays your training, hence the cap)' : ''}.`,
    });
  return withReplay(read.data, run.seed, loss, call);
}

function withReplay(
  data: ModelData,
  seed: number,
  loss: number[],
  call: string,
): { data: ModelData; replay: Replay } | Verdict {
  const replay = replayFit(engine, data, { seed, x: XOR_X, y: XOR_Y, epochs: loss.length });
  if ('problem' in replay) return prefixed(call, replay.problem);
  const how = {
    ko: `setSeed(${seed}), 모델이 보고한 설정 그대로, fit(XOR_X, XOR_Y, { epochs: ${loss.length}, verbose: 0 })`,
    en: `setSeed(${seed}), the model's own configuration, fit(XOR_X, XOR_Y, { epochs: ${loss.length}, verbose: 0 })`,
  };
  const same = expectReplayed({ loss, weights: data.weights }, replay, { call, how, hints: REPLAY_HINTS });
  return same.pass ? { data, replay } : same;
}

const REPLAY_HINTS = {
  start: {
    ko: 'Epoch 1의 손실은 초기 가중치의 손실입니다: 모델을 만들기 전에 setSeed(seed)를 불렀나요?',
    en: "Epoch 1's loss is the loss of the initial weights: did you call setSeed(seed) before building the model?",
  },
  later: {
    ko: '모델을 fit 한 번으로, 기본 batch 크기로 학습했나요?',
    en: 'Did you train with one fit call, at the default batch size?',
  },
};

/** All four XOR inputs classified right, for every seed, by the judge's replay of each run. */
export function judgeTrainXor(runs: TrainProbe[]): Verdict {
  const losses = runs.map((r) => (Array.isArray(r.loss) ? r.loss : []));
  const chart = {
    title: { ko: 'XOR 학습: Epoch별 손실', en: 'Training on XOR: loss per epoch' },
    series: runs.map((r, i) => ({ name: `seed ${r.seed}`, values: downsample(losses[i]!) })),
    // The epoch of each point kept by downsample (the same indices for every run of that length).
    x: downsample(Array.from({ length: Math.max(0, ...losses.map((l) => l.length)) }, (_, k) => k + 1)),
    xLabel: { ko: 'Epoch', en: 'epoch' },
  };
  for (const run of runs) {
    const call = `trainXor(${run.seed})`;
    const read = readModelData(run.model);
    if ('problem' in read) return { ...prefixed(`${call}.model`, read.problem), chart };
    const wrong = slideModelProblem(read.data, `${call}.model`);
    if (wrong)
      return fail(
        {
          ko: `${wrong.ko} 슬라이드의 모델(파라미터 27개)을 학습해야 합니다: makeModel()을 쓰세요.`,
          en: `${wrong.en} Train the slide's model (27 parameters): use makeModel().`,
        },
        { chart },
      );
    const replayed = replayOf(run, call, 1);
    if (!('replay' in replayed)) return { ...replayed, chart };
    const predictions = predictionsOf(replayed.replay);
    const accuracy = accuracyOf(predictions);
    if (accuracy !== 1) {
      const epochs = replayed.replay.loss.length;
      const last = render(replayed.replay.loss.at(-1));
      return fail(
        {
          ko: `${call}: 정답률 1.0 (클래스 ${render(XOR_CLASS)})을 기대했지만 학습된 모델의 predict(XOR_X) = ${render(predictions)}의 정답률은 ${accuracy}입니다 (${epochs} Epoch, 마지막 손실 ${last}). ${epochs < 3000 ? 'Epoch를 3000 이상으로 늘려 보세요 (슬라이드의 1000으로는 시드에 따라 모자랍니다).' : 'makeModel()의 설정(Adam, categorical cross-entropy)을 그대로 쓰는지 확인하세요.'}`,
          en: `${call}: expected accuracy 1.0 (classes ${render(XOR_CLASS)}), but the trained model's predict(XOR_X) is ${render(predictions)}, accuracy ${accuracy} (${epochs} epochs, final loss ${last}). ${epochs < 3000 ? "Train for 3000 epochs or more (the slide's 1000 falls short for some seeds)." : 'Check that you train makeModel() as compiled (adam, categorical cross-entropy).'}`,
        },
        { chart },
      );
    }
  }
  const seeds = runs.map((r) => r.seed).join(', ');
  return pass(
    {
      ko: `시드 ${seeds} 모두 채점기가 똑같이 다시 학습해 본 결과와 같고, XOR 네 입력을 다 맞혔습니다 (정답률 1.0). 은닉층이 좌표 평면을 휘어 준 덕분입니다.`,
      en: `Seeds ${seeds}: each run matches the grader's replay and classifies the four XOR inputs right (accuracy 1.0): the hidden layer bends the plane.`,
    },
    { chart },
  );
}

export interface SingleLayerProbe extends TrainProbe {
  accuracy: number;
}

const MIN_SINGLE_LAYER_EPOCHS = 1000;

/** One Dense layer, trained for real (replayed), stays below 1.0: no straight line separates XOR. */
export function judgeSingleLayer(runs: SingleLayerProbe[]): Verdict {
  const accuracies: number[] = [];
  for (const run of runs) {
    const call = `singleLayerAccuracy(${run.seed})`;
    const read = readModelData(run.model);
    if ('problem' in read) return prefixed(`${call}.model`, read.problem);
    const shapes = read.data.weights.map((w) => w.shape);
    if (read.data.layers.length !== 1 || render(shapes) !== '[[2, 2], [2]]')
      return fail({
        ko: `${call}: Dense(2, inputDim 2) 층 하나 (가중치 모양 [[2, 2], [2]])여야 하는데 층 ${read.data.layers.length}개, 모양 ${render(shapes)}입니다.`,
        en: `${call}: should be one Dense(2, inputDim 2) layer (weight shapes [[2, 2], [2]]), got ${read.data.layers.length} layers, shapes ${render(shapes)}.`,
      });
    const replayed = replayOf(run, call, MIN_SINGLE_LAYER_EPOCHS);
    if (!('replay' in replayed)) return replayed;
    const predictions = predictionsOf(replayed.replay);
    const measured = accuracyOf(predictions);
    if (!isClose(run.accuracy, measured, 0, 1e-12))
      return fail({
        ko: `${call}: 반환한 정답률(${render(run.accuracy)})이 학습된 모델의 predict(XOR_X) ${withParticle(render(predictions), '로')} 잰 정답률(${measured})과 다릅니다: model.evaluate(XOR_X, XOR_Y).accuracy를 돌려주세요.`,
        en: `${call}: the returned accuracy ${render(run.accuracy)} differs from ${measured}, measured from the trained model's predict(XOR_X) = ${render(predictions)}: return model.evaluate(XOR_X, XOR_Y).accuracy.`,
      });
    if (measured >= 1)
      return fail({
        ko: `${call}: 단층 신경망의 정답률이 1.0입니다 — 은닉층이 숨어 있지 않나요? 층 모양: ${render(shapes)}.`,
        en: `${call}: a single layer reached accuracy 1.0 — is a hidden layer hiding somewhere? Layer shapes: ${render(shapes)}.`,
      });
    accuracies.push(measured);
  }
  return pass({
    ko: `단층 신경망의 정답률 (채점기가 다시 학습해 본 결과와 같음): ${accuracies.join(', ')}. 한 층의 결정 경계는 직선 하나인데, (0,1)·(1,0)과 (0,0)·(1,1)을 가르는 직선은 없으므로 4개 중 최대 3개(75%)까지만 맞힙니다.`,
    en: `Single-layer accuracy (matching the grader's replay): ${accuracies.join(', ')}. One layer's decision boundary is one straight line, and no line separates (0,1), (1,0) from (0,0), (1,1): at most 3 of 4 (75%).`,
  });
}

/** The gradient norms' probes: a deep stack per depth per seed, two activations (30 s in all). */
export const GRAD_NORM_TIME_LIMIT_MS = 30_000;

/** Five seeds from the check's seed, and the depths the README asks for. */
export function gradNormInput(seed: number): GradNormInput {
  const rng = new engine.Rng(seed);
  return { seeds: Array.from({ length: 5 }, () => rng.int(1_000_000)), depths: [1, 2, 4, 6, 8, 10] };
}

/** What the student's `firstLayerGradNorm` returns for every seed and depth, both activations. */
export function gradNormProbe(student: typeof Student, { seeds, depths }: GradNormInput): GradNormProbe[] {
  return seeds.map((seed) => ({
    seed,
    sigmoid: depths.map((d) => student.firstLayerGradNorm('sigmoid', d, seed)),
    relu: depths.map((d) => student.firstLayerGradNorm('relu', d, seed)),
  }));
}

export interface GradNormProbe {
  seed: number;
  sigmoid: number[];
  relu: number[];
}

export interface GradNormInput {
  seeds: number[];
  depths: number[];
}

const sci = (x: unknown) =>
  typeof x === 'number' ? (Number.isFinite(x) ? x.toExponential(2) : String(x)) : render(x);

/** Below this median ratio (deepest / shallowest) a gradient has vanished; above it, it has not. */
const VANISHED_RATIO = 1e-2;

/** A positive finite number: all a gradient norm can be. */
const isNorm = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * The norms' shape, without computing them: every one a positive number, the sigmoid's vanishing
 * with depth (median ratio deepest / shallowest below 1e-2; the README's networks give 2e-6–2e-4)
 * and ReLU's not (above 1e-2; they give 0.06–13). The exact values are a hidden check's.
 */
export function judgeGradientVanishing(runs: GradNormProbe[], { seeds, depths }: GradNormInput): Verdict {
  const table = {
    head: ['depth (층 수)', `sigmoid (seed ${seeds[0]})`, `relu (seed ${seeds[0]})`],
    rows: depths.map((d, i) => [d, sci(runs[0]?.sigmoid?.[i]), sci(runs[0]?.relu?.[i])]),
  };
  const ratios = { sigmoid: [] as number[], relu: [] as number[] };
  for (const [s, seed] of seeds.entries()) {
    for (const activation of ['sigmoid', 'relu'] as const) {
      const values: unknown[] = runs[s]?.[activation] ?? [];
      const bad = depths.findIndex((_, i) => !isNorm(values[i]));
      if (bad >= 0) {
        const call = `firstLayerGradNorm('${activation}', ${depths[bad]}, ${seed})`;
        const got = sci(values[bad]);
        return fail(
          {
            ko: `${call}: 기울기의 크기는 0보다 큰 유한한 숫자인데 ${withParticle(got, '이')} 나왔습니다. Tensor라면 .item()으로 숫자를 꺼내세요.`,
            en: `${call}: a gradient norm is a positive finite number, got ${got}. If it is a Tensor, take the number out with .item().`,
          },
          { table, got },
        );
      }
      ratios[activation].push((values.at(-1) as number) / (values[0] as number));
    }
  }
  const [shallow, deep] = [depths[0]!, depths.at(-1)!];
  const [sigmoid, relu] = [median(ratios.sigmoid), median(ratios.relu)];
  const measured = `depth ${deep} / depth ${shallow}: sigmoid ${sci(sigmoid)}, relu ${sci(relu)}`;
  if (!(sigmoid < VANISHED_RATIO))
    return fail(
      {
        ko: `sigmoid 신경망의 첫 층 기울기가 깊어져도 줄지 않습니다 (${measured}, 기대: sigmoid < ${VANISHED_RATIO}). 마지막 층이 아니라 첫 번째 kernel의 .grad를 쓰세요.`,
        en: `The sigmoid network's first-layer gradient does not shrink with depth (${measured}; expected sigmoid < ${VANISHED_RATIO}). Take the FIRST kernel's .grad, not the last layer's.`,
      },
      { table },
    );
  if (!(relu > VANISHED_RATIO))
    return fail(
      {
        ko: `ReLU 신경망의 첫 층 기울기도 사라집니다 (${measured}, 기대: relu > ${VANISHED_RATIO}). 층마다 활성화 함수가 'relu'인지, 커널이 heUniform인지 확인하세요.`,
        en: `The ReLU network's first-layer gradient vanishes too (${measured}; expected relu > ${VANISHED_RATIO}). Check that every layer's activation is 'relu' and the kernels are He-uniform.`,
      },
      { table },
    );
  return pass(
    {
      ko: `첫 층 기울기의 비율 (깊이 ${deep} ÷ 깊이 ${shallow}, 시드 ${seeds.length}개의 중앙값): sigmoid ${sci(sigmoid)}, relu ${sci(relu)}. sigmoid의 미분은 최대 0.25라서 층을 지날 때마다 기울기가 줄어 첫 층에는 거의 오지 않습니다 (Gradient Vanishing). ReLU의 미분은 양수 입력에서 1이라(음수 입력에서는 0) 활성화된 노드를 지나는 기울기는 줄지 않고 전달됩니다. 정확한 값은 제출 후 비공개 검사가 확인합니다.`,
      en: `Ratio of the first layer's gradient norm (depth ${deep} / depth ${shallow}, median over ${seeds.length} seeds): sigmoid ${sci(sigmoid)}, relu ${sci(relu)}. The sigmoid's derivative is at most 0.25, so every layer shrinks the gradient until almost nothing reaches the first layer (gradient vanishing); ReLU's derivative is 1 for positive inputs (0 for negative ones), so the gradient passes through active units undiminished. A hidden check compares the exact values once you submit.`,
    },
    { table },
  );
}
