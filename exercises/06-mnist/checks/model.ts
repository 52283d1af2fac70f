/**
 * Judging exercise 06's model from data (`modelData`), in the grader: its structure within the
 * README's limits, and the trained model's accuracy on test images the student's code never
 * received, measured on the judge's own rebuild with the trusted engine. Parameter counts,
 * predictions, the confusion matrix and the pictures of the worst mistakes all come from that
 * rebuild, never from the student's objects.
 */
import * as engine from '@gradschool/autograd';
import {
  buildModel,
  type Chart,
  describeCompile,
  fail,
  type Localized,
  type ModelData,
  type Picture,
  pass,
  readModelData,
  render,
  type Table,
  type UnreadableModel,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import { PICTURE_COUNT, TEST_COUNT, testSubset } from './data.js';
import { confusion, measure, mistakes } from './reference.js';

/** The README's limits on the student's own model. */
export const LIMITS = { minHidden: 1, maxHidden: 2, minUnits: 16, maxUnits: 256, maxEpochs: 5 } as const;
const HIDDEN_ACTIVATIONS = ['relu', 'sigmoid', 'tanh'];
/** The accuracy the trained model must reach on the judge's test images. */
export const MIN_ACCURACY = 0.95;

const at = (call: string, problem: Localized): Localized => ({
  ko: `${call}: ${problem.ko}`,
  en: `${call}: ${problem.en}`,
});

/**
 * What makes `data` fall outside the README's limits (784 inputs, 1–2 hidden Dense layers of 16–256
 * units with relu, sigmoid or tanh, then Dense(10, softmax)), as a message about `call`; null within.
 */
export function structureProblem(data: ModelData, call: string): Localized | null {
  const layers = data.layers;
  const notDense = layers.findIndex((l) => l.className !== 'Dense');
  if (notDense >= 0)
    return at(call, {
      ko: `${notDense + 1}번째 층이 ${withParticle(render(layers[notDense]!.className), '이')}어서는 안 되고 Dense여야 합니다.`,
      en: `layer ${notDense + 1} is ${render(layers[notDense]!.className)}; every layer should be Dense.`,
    });
  const hidden = layers.length - 1;
  if (hidden < LIMITS.minHidden || hidden > LIMITS.maxHidden)
    return at(call, {
      ko: `은닉층이 ${LIMITS.minHidden}~${LIMITS.maxHidden}개(층 ${LIMITS.minHidden + 1}~${LIMITS.maxHidden + 1}개)여야 하는데 층이 ${layers.length}개입니다 (슬라이드의 모델: Dense(128, relu) → Dense(10, softmax)).`,
      en: `it should have ${LIMITS.minHidden} to ${LIMITS.maxHidden} hidden layers (${LIMITS.minHidden + 1} to ${LIMITS.maxHidden + 1} layers), it has ${layers.length} layers (the lecture's model: Dense(128, relu) → Dense(10, softmax)).`,
    });
  const input = layers[0]!.inputShape ?? data.weights[0]?.shape.slice(0, 1);
  if (render(input) !== '[784]')
    return at(call, {
      ko: `첫 층의 입력 모양이 [784] (28 × 28 이미지를 펼친 한 행)여야 하는데 ${render(input)}입니다. inputShape: [784]를 주세요.`,
      en: `the first layer's input shape should be [784] (a 28 × 28 image flattened into one row), got ${render(input)}. Give it inputShape: [784].`,
    });
  for (const [k, layer] of layers.slice(0, -1).entries()) {
    const units = layer.units ?? 0;
    if (
      units < LIMITS.minUnits ||
      units > LIMITS.maxUnits ||
      !HIDDEN_ACTIVATIONS.includes(String(layer.activation))
    )
      return at(call, {
        ko: `${k + 1}번째 층 (은닉층)은 노드 ${LIMITS.minUnits}~${LIMITS.maxUnits}개, 활성화 함수 relu, sigmoid, tanh 중 하나여야 하는데 Dense(${render(layer.units)}, ${render(layer.activation)})입니다.`,
        en: `layer ${k + 1} (hidden) should have ${LIMITS.minUnits} to ${LIMITS.maxUnits} units and relu, sigmoid or tanh, got Dense(${render(layer.units)}, ${render(layer.activation)}).`,
      });
  }
  const last = layers.at(-1)!;
  if (last.units !== 10 || last.activation !== 'softmax')
    return at(call, {
      ko: `마지막 층은 Dense(10, softmax) (숫자 0~9의 확률 10개)여야 하는데 Dense(${render(last.units)}, ${render(last.activation)})입니다.`,
      en: `the last layer should be Dense(10, softmax) (ten probabilities, digits 0 to 9), got Dense(${render(last.units)}, ${render(last.activation)}).`,
    });
  return null;
}

/** The model data within the limits, rebuilt by the judge, or the verdict saying why not. */
function rebuilt(
  got: ModelData | UnreadableModel,
  call: string,
): { data: ModelData; model: engine.Sequential } | Verdict {
  const read = readModelData(got);
  if ('problem' in read) return fail(at(call, read.problem));
  const wrong = structureProblem(read.data, call);
  if (wrong) return fail(wrong);
  const built = buildModel(engine, read.data);
  if ('problem' in built) return fail(at(call, built.problem));
  return { data: read.data, model: built.model };
}

/** `100,480 + 1,290 = 101,770`: each layer's parameters (weights + biases) and their sum. */
function paramText(model: engine.Sequential): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${model.layers.map((l) => n(l.countParams())).join(' + ')} = ${n(model.countParams())}`;
}

const layersText = (data: ModelData) =>
  data.layers.map((l) => `Dense(${l.units}, ${l.activation})`).join(' → ');

/** `makeModel()`'s structure, and its parameter count from the judge's rebuild. */
export function judgeStructure(got: ModelData | UnreadableModel, seed: number): Verdict {
  const call = `setSeed(${seed}); makeModel()`;
  const model = rebuilt(got, call);
  if (!('model' in model)) return model;
  const params = paramText(model.model);
  const slide = model.model.countParams() === 101_770 && model.data.layers.length === 2;
  return pass({
    ko: `784 → ${layersText(model.data)}, 파라미터 ${params}개 (채점기가 엔진으로 다시 만든 모델)${slide ? ': 입력 784 × 은닉 128 + 편향 128, 은닉 128 × 출력 10 + 편향 10, Keras의 summary()와 같습니다.' : '.'}`,
    en: `784 → ${layersText(model.data)}, ${params} parameters (the grader's rebuild with the engine)${slide ? ": 784 × 128 weights + 128 biases, then 128 × 10 + 10, as Keras's summary() counts them." : '.'}`,
  });
}

/** What the training probe sends: the seed, the trained model as data, and the history's series. */
export interface TrainProbe {
  seed: number;
  model: ModelData | UnreadableModel;
  loss: number[] | null;
  accuracy: number[] | null;
}

const canonical = (name: unknown): string => String(name).replaceAll('_', '').toLowerCase();

/** What is wrong with the compile settings and the history, or null: adam, cross-entropy, 1–5 epochs. */
function trainingProblem(run: TrainProbe, data: ModelData, call: string): Localized | null {
  const compile = data.compile;
  if (compile === null)
    return at(call, {
      ko: "모델이 compile되지 않았습니다. train 안에서 model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] })를 부르세요.",
      en: "the model was never compiled. Call model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] }) in train.",
    });
  if (
    canonical(compile.optimizer.className) !== 'adam' ||
    canonical(compile.loss) !== 'categoricalcrossentropy'
  )
    return at(call, {
      ko: `compile의 \`optimizer\`는 'adam', \`loss\`는 'categorical_crossentropy'여야 하는데 ${withParticle(describeCompile(compile), '이')} 나왔습니다.`,
      en: `compile's optimizer should be 'adam' and its loss 'categorical_crossentropy', got ${describeCompile(compile)}.`,
    });
  const loss = run.loss;
  if (!Array.isArray(loss) || loss.length === 0 || !loss.every(Number.isFinite))
    return at(call, {
      ko: `history.loss가 Epoch마다 하나씩 유한한 숫자여야 하는데 ${withParticle(render(loss), '이')} 나왔습니다. model.fit이 돌려준 History를 반환하세요.`,
      en: `history.loss should hold one finite number per epoch, got ${render(loss)}. Return the History that model.fit returns.`,
    });
  if (loss.length > LIMITS.maxEpochs)
    return at(call, {
      ko: `Epoch는 ${LIMITS.maxEpochs} 이하여야 하는데 ${loss.length}입니다 (검사의 시간 제한 안에 끝나야 합니다).`,
      en: `train for at most ${LIMITS.maxEpochs} epochs, got ${loss.length} (training must finish within the check's time limit).`,
    });
  return null;
}

/** Loss and accuracy per epoch, as the student's History recorded them. */
function chartOf(run: TrainProbe): Chart {
  const finite = (xs: number[] | null) => (Array.isArray(xs) ? xs.filter(Number.isFinite) : []);
  const series = [{ name: 'loss', values: finite(run.loss) }];
  const accuracy = finite(run.accuracy);
  if (accuracy.length > 0) series.push({ name: 'accuracy', values: accuracy });
  return {
    title: { ko: 'MNIST 학습: Epoch별 손실과 정답률', en: 'Training on MNIST: loss and accuracy per epoch' },
    series,
    xLabel: { ko: 'Epoch', en: 'epoch' },
  };
}

/** The judge's confusion matrix as a table whose diagonal (the right answers) the UI highlights. */
export function confusionTable(matrix: number[][]): Table {
  return {
    head: ['정답\\예측', ...matrix.map((_, k) => String(k))],
    rows: matrix.map((row, t) => [String(t), ...row]),
    diagonal: true,
  };
}

/** A test image the model got wrong, drawn with its true and predicted label and the confidence. */
export function mistakePicture(
  images: Uint8Array,
  size: number,
  m: { index: number; label: number; predicted: number; confidence: number },
): Picture {
  const percent = `${(100 * m.confidence).toFixed(1)}%`;
  return {
    caption: {
      ko: `정답 ${m.label} → 예측 ${m.predicted} (${percent})`,
      en: `true ${m.label} → predicted ${m.predicted} (${percent})`,
    },
    width: size,
    height: size,
    pixels: Array.from(images.subarray(m.index * size * size, (m.index + 1) * size * size)),
  };
}

/**
 * The trained model, rebuilt from its weights, measured on `TEST_COUNT` test images drawn with
 * `testSeed` (never sent to the sandbox): accuracy at least `MIN_ACCURACY`. The verdict carries the
 * loss and accuracy chart, the confusion matrix and the pictures of the surest mistakes.
 */
export function judgeTraining(run: TrainProbe, testSeed: number): Verdict {
  const call = `train(makeModel(), digits, ${run.seed})`;
  const chart = chartOf(run);
  const model = rebuilt(run.model, call);
  if (!('model' in model)) return { ...model, chart };
  const wrong = trainingProblem(run, model.data, call);
  if (wrong) return fail(wrong, { chart });
  const test = testSubset(testSeed);
  const measured = measure(model.model, test);
  const size = test.shape[1];
  const table = confusionTable(confusion(test.labels, measured.predicted));
  const pictures = mistakes(measured.probabilities, test.labels, PICTURE_COUNT).map((m) =>
    mistakePicture(test.images, size, m),
  );
  const percent = `${(100 * measured.accuracy).toFixed(2)}%`;
  const epochs = run.loss?.length ?? 0;
  const extra = { chart, table, pictures };
  if (measured.accuracy < MIN_ACCURACY)
    return fail(
      {
        ko: `${call}: 채점기가 가중치로 다시 만든 모델이 처음 보는 테스트 이미지 ${TEST_COUNT.toLocaleString('en-US')}장에서 ${percent}를 맞혔습니다 (기대: ${100 * MIN_ACCURACY}% 이상, ${epochs} Epoch). 입력을 255로 나눴는지 (테스트 이미지도 0~1로 들어갑니다), 학습 데이터 전체로 Epoch 3~5번 학습했는지 확인하세요.`,
        en: `${call}: the model the grader rebuilt from the weights classifies ${percent} of ${TEST_COUNT.toLocaleString('en-US')} unseen test images right (expected at least ${100 * MIN_ACCURACY}%, after ${epochs} epochs). Check that the inputs are divided by 255 (the test images come in as 0 to 1) and that you train on all the images for 3 to 5 epochs.`,
      },
      extra,
    );
  return pass(
    {
      ko: `처음 보는 테스트 이미지 ${TEST_COUNT.toLocaleString('en-US')}장의 ${percent}를 맞혔습니다 (채점기가 가중치로 다시 만든 모델, ${epochs} Epoch). 아래: 혼동 행렬 (행 = 정답, 열 = 예측, [ ] = 맞힌 수)과 가장 자신 있게 틀린 숫자들.`,
      en: `${percent} of ${TEST_COUNT.toLocaleString('en-US')} unseen test images right (the grader's rebuild from your weights, ${epochs} epochs). Below: the confusion matrix (rows true, columns predicted, [ ] = right) and the surest mistakes.`,
    },
    extra,
  );
}
