/**
 * Judging the training experiments of exercise 04: XOR learned by the MLP, not by a single layer,
 * and the first layer's gradient vanishing in deep sigmoid stacks but not in ReLU ones.
 */
import { fail, type Localized, pass, render, type Verdict, withParticle } from '@gradschool/exercise-kit';
import { argmaxRows, downsample, median, XOR_CLASS } from './math.js';

export interface TrainProbe {
  seed: number;
  countParams: number;
  predictions: number[][];
  loss: number[];
}

const accuracyOf = (predictions: number[][]) =>
  argmaxRows(predictions).filter((c, i) => c === XOR_CLASS[i]).length / XOR_CLASS.length;

/** All four XOR inputs classified right, for every seed; the loss curves go on the verdict's chart. */
export function judgeTrainXor(runs: TrainProbe[]): Verdict {
  const chart = {
    title: { ko: 'XOR 학습: Epoch별 loss', en: 'Training on XOR: loss per epoch' },
    series: runs.map((r) => ({ name: `seed ${r.seed}`, values: downsample(r.loss) })),
    // The epoch of each point kept by downsample (the same indices for every run of that length).
    x: downsample(Array.from({ length: Math.max(0, ...runs.map((r) => r.loss.length)) }, (_, k) => k + 1)),
    xLabel: { ko: 'epoch', en: 'epoch' },
  };
  for (const run of runs) {
    const what = { ko: `trainXor(${run.seed})`, en: `trainXor(${run.seed})` };
    if (run.countParams !== 27) {
      return fail(
        {
          ko: `${what.ko}: 슬라이드의 모델(파라미터 27개)을 학습해야 하는데 파라미터가 ${run.countParams}개입니다. makeModel()을 쓰세요.`,
          en: `${what.en}: should train the slide's model (27 parameters), got ${run.countParams} parameters. Use makeModel().`,
        },
        { chart },
      );
    }
    const finite = run.loss.length > 0 && run.loss.every(Number.isFinite);
    if (!finite || run.loss.at(-1)! >= run.loss[0]!) {
      return fail(
        {
          ko: `${what.ko}: loss 기록이 유한하고 줄어들어야 하는데 ${render(run.loss)}입니다.`,
          en: `${what.en}: the loss history should be finite and decrease, got ${render(run.loss)}.`,
        },
        { chart },
      );
    }
    const accuracy = accuracyOf(run.predictions);
    if (accuracy !== 1) {
      return fail(
        {
          ko: `${what.ko}: 정답률 1.0 (클래스 ${render(XOR_CLASS)})을 기대했지만 predict 결과 ${render(run.predictions)}의 정답률은 ${accuracy}입니다 (${run.loss.length} Epoch, 마지막 loss ${render(run.loss.at(-1))}). ${run.loss.length < 3000 ? 'Epoch를 3000 이상으로 늘려 보세요 (슬라이드의 1000으로는 seed에 따라 모자랍니다).' : 'makeModel()의 설정(adam, categorical cross-entropy)을 그대로 쓰는지, setSeed(seed)를 불렀는지 확인하세요.'}`,
          en: `${what.en}: expected accuracy 1.0 (classes ${render(XOR_CLASS)}), but predict gives ${render(run.predictions)}, accuracy ${accuracy} (${run.loss.length} epochs, final loss ${render(run.loss.at(-1))}). ${run.loss.length < 3000 ? "Train for 3000 epochs or more (the slide's 1000 falls short for some seeds)." : 'Check that you train makeModel() as compiled (adam, categorical cross-entropy) after setSeed(seed).'}`,
        },
        { chart },
      );
    }
  }
  const seeds = runs.map((r) => r.seed).join(', ');
  return pass(
    {
      ko: `seed ${seeds} 모두 XOR 네 입력을 다 맞혔습니다 (정답률 1.0). 은닉층이 좌표 평면을 휘어 준 덕분입니다.`,
      en: `Seeds ${seeds} all classify the four XOR inputs right (accuracy 1.0): the hidden layer bends the plane.`,
    },
    { chart },
  );
}

export interface SingleLayerProbe {
  seed: number;
  accuracy: number;
  layers: number[][];
  predictions: number[][];
  epochs: number;
}

const MIN_SINGLE_LAYER_EPOCHS = 1000;

/** One Dense layer, trained for real, stays below 1.0: no straight line separates XOR's classes. */
export function judgeSingleLayer(runs: SingleLayerProbe[]): Verdict {
  for (const run of runs) {
    const what = `singleLayerAccuracy(${run.seed})`;
    if (run.layers.length !== 2 || render(run.layers[0]) !== '[2, 2]') {
      return fail({
        ko: `${what}: Dense(2, inputDim 2) 층 하나 (weights 모양 [[2, 2], [2]])여야 하는데 ${render(run.layers)}입니다.`,
        en: `${what}: should be one Dense(2, inputDim 2) layer (weight shapes [[2, 2], [2]]), got ${render(run.layers)}.`,
      });
    }
    if (run.epochs < MIN_SINGLE_LAYER_EPOCHS) {
      return fail({
        ko: `${what}: "못 푼다"를 보이려면 충분히 학습해야 합니다: ${MIN_SINGLE_LAYER_EPOCHS} Epoch 이상을 기대했지만 ${run.epochs} Epoch입니다.`,
        en: `${what}: to show it cannot, train long enough: expected at least ${MIN_SINGLE_LAYER_EPOCHS} epochs, got ${run.epochs}.`,
      });
    }
    const measured = accuracyOf(run.predictions);
    if (run.accuracy !== measured) {
      return fail({
        ko: `${what}: 반환한 정답률(${render(run.accuracy)})이 이 모델의 predict ${withParticle(render(run.predictions), '로')} 잰 정답률(${measured})과 다릅니다.`,
        en: `${what}: the returned accuracy ${render(run.accuracy)} differs from ${measured}, measured from the model's predictions ${render(run.predictions)}.`,
      });
    }
    if (measured >= 1) {
      return fail({
        ko: `${what}: 단층 신경망의 정답률이 1.0입니다 — 은닉층이 숨어 있지 않나요? 층 모양: ${render(run.layers)}.`,
        en: `${what}: a single layer reached accuracy 1.0 — is a hidden layer hiding somewhere? Layer shapes: ${render(run.layers)}.`,
      });
    }
  }
  const accuracies = runs.map((r) => r.accuracy).join(', ');
  return pass({
    ko: `단층 신경망의 정답률: ${accuracies}. 한 층의 결정 경계는 직선 하나인데, (0,1)·(1,0)과 (0,0)·(1,1)을 가르는 직선은 없으므로 4개 중 최대 3개(75%)까지만 맞힙니다.`,
    en: `Single-layer accuracy: ${accuracies}. One layer's decision boundary is one straight line, and no line separates (0,1), (1,0) from (0,0), (1,1): at most 3 of 4 (75%).`,
  });
}

export interface GradNormProbe {
  seed: number;
  sigmoid: number[];
  relu: number[];
}

/** sigmoid: the first layer's gradient at the deepest depth over the shallowest must be below this. */
const SIGMOID_MAX_RATIO = 1e-3;
/** ReLU: the same ratio must stay above this. */
const RELU_MIN_RATIO = 1e-2;

const sci = (x: unknown) =>
  typeof x === 'number' ? (Number.isFinite(x) ? x.toExponential(2) : String(x)) : render(x);

/** Deep sigmoid stacks lose orders of magnitude of the first layer's gradient; ReLU stacks don't. */
export function judgeGradientVanishing(runs: GradNormProbe[], depths: number[]): Verdict {
  const first = runs[0]!;
  const notNumber = runs
    .flatMap((r) =>
      depths.flatMap((d, i) => [
        { r, d, a: 'sigmoid', v: r.sigmoid[i] as unknown },
        { r, d, a: 'relu', v: r.relu[i] as unknown },
      ]),
    )
    .find(({ v }) => typeof v !== 'number');
  if (notNumber) {
    const call = `firstLayerGradNorm('${notNumber.a}', ${notNumber.d}, ${notNumber.r.seed})`;
    return fail(
      {
        ko: `${call}: 숫자(number)를 기대했지만 ${withParticle(render(notNumber.v), '이')} 나왔습니다. Tensor라면 .item()으로 숫자를 꺼내세요.`,
        en: `${call}: expected a number, got ${render(notNumber.v)}. If it is a Tensor, take the number out with .item().`,
      },
      { expected: '숫자 / a number', got: render(notNumber.v) },
    );
  }
  const table = {
    head: ['depth (층 수)', `sigmoid (seed ${first.seed})`, `relu (seed ${first.seed})`],
    rows: depths.map((d, i) => [d, sci(first.sigmoid[i]!), sci(first.relu[i]!)]),
  };
  // A deep ReLU stack can die (every unit inactive for every input) and give exactly 0: allowed.
  const bad = runs.find(
    (r) =>
      [...r.sigmoid, ...r.relu].some((v) => !Number.isFinite(v) || v < 0) ||
      !(r.sigmoid[0]! > 0 && r.relu[0]! > 0),
  );
  if (bad) {
    return fail(
      {
        ko: `firstLayerGradNorm의 결과는 0 이상의 유한한 수 (depth 1에서는 양수)여야 하는데 seed ${bad.seed}에서 sigmoid ${render(bad.sigmoid)}, relu ${render(bad.relu)} (depth ${render(depths)})입니다.`,
        en: `firstLayerGradNorm should return finite numbers ≥ 0 (positive at depth 1), got sigmoid ${render(bad.sigmoid)}, relu ${render(bad.relu)} for depths ${render(depths)}, seed ${bad.seed}.`,
      },
      { table },
    );
  }
  const ratio = (values: number[]) => values.at(-1)! / values[0]!;
  const sigmoidRatio = median(runs.map((r) => ratio(r.sigmoid)));
  const reluRatio = median(runs.map((r) => ratio(r.relu)));
  const [shallow, deep] = [depths[0]!, depths.at(-1)!];
  const summary: Localized = {
    ko: `첫 층 기울기의 비율 (depth ${deep} / depth ${shallow}, seed ${runs.length}개의 중앙값): sigmoid ${sci(sigmoidRatio)}, relu ${sci(reluRatio)}.`,
    en: `Ratio of the first layer's gradient norm (depth ${deep} / depth ${shallow}, median over ${runs.length} seeds): sigmoid ${sci(sigmoidRatio)}, relu ${sci(reluRatio)}.`,
  };
  if (!(sigmoidRatio < SIGMOID_MAX_RATIO)) {
    return fail(
      {
        ko: `${summary.ko} sigmoid는 ${SIGMOID_MAX_RATIO}보다 작아야 합니다 (층마다 sigmoid 미분 ≤ 0.25가 곱해짐). 마지막 층이 아니라 첫 번째 층의 기울기인가요?`,
        en: `${summary.en} The sigmoid ratio should be below ${SIGMOID_MAX_RATIO} (each layer multiplies by σ' ≤ 0.25). Is it the FIRST layer's gradient, not the last one's?`,
      },
      { table },
    );
  }
  if (!(reluRatio > RELU_MIN_RATIO)) {
    return fail(
      {
        ko: `${summary.ko} ReLU는 ${RELU_MIN_RATIO}보다 커야 합니다 (양수 구간의 미분은 1). He-uniform 초기화 (±√(6 / fanIn))와 relu()를 썼나요?`,
        en: `${summary.en} The ReLU ratio should be above ${RELU_MIN_RATIO} (its derivative is 1 where it is active). Did you use He-uniform (±√(6 / fanIn)) and relu()?`,
      },
      { table },
    );
  }
  return pass(
    {
      ko: `${summary.ko} sigmoid의 미분은 최대 0.25라서 층을 지날 때마다 기울기가 줄어 첫 층에는 거의 오지 않습니다 (Gradient Vanishing). ReLU는 미분이 1이라 그대로 전달됩니다.`,
      en: `${summary.en} The sigmoid's derivative is at most 0.25, so every layer shrinks the gradient until almost nothing reaches the first layer (gradient vanishing); ReLU's derivative is 1 and passes it on.`,
    },
    { table },
  );
}
