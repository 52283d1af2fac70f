/**
 * Judging `train`: the model comes back as data, the judge rebuilds it with the trusted engine and
 * measures its accuracy on test images the student's code never received, then trains 06's MLP
 * (784-128-10, relu/softmax, adam) itself on the same training images for the comparison table. The
 * first convolution's filters and what they make of one test digit are attached as pictures.
 */
import * as engine from '@gradschool/autograd';
import {
  buildModel,
  type Chart,
  fail,
  type ModelData,
  type Picture,
  pass,
  render,
  type Table,
  type UnreadableModel,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import { SIDE, type TrainInput, testImages } from './data.js';
import { readConvnet } from './model.js';

/** What the training probe sends: the trained model as data and `history.loss` / `history.accuracy`. */
export interface TrainProbe {
  model: ModelData | UnreadableModel;
  loss: number[] | null;
  accuracy: number[] | null;
}

/**
 * The bar on unseen test images, the 96%: the README's training (5,000 images × 2 epochs at
 * batch 8, Adam's rate falling from 0.003 to 0) reaches 96.75–97.65% (see `TRAIN_COUNT`).
 */
export const REQUIRED_ACCURACY = 0.96;

/** The MLP's epochs in the comparison: more than the convnet's, as an MLP needs them and costs little. */
export const MLP_EPOCHS = 10;

/** How many of the first convolution's filters are drawn (each with its feature map, plus the digit: 15 pictures). */
export const FILTERS_SHOWN = 7;

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The index of the largest value of each row of `[n, 10]` probabilities. */
function argmaxRows(probs: engine.Tensor): number[] {
  const [n, k] = probs.shape as [number, number];
  return Array.from({ length: n }, (_, i) => {
    let best = 0;
    for (let j = 1; j < k; j++) if (probs.data[i * k + j]! > probs.data[i * k + best]!) best = j;
    return best;
  });
}

/**
 * Batches of 32 (Keras's default): the same predictions as larger ones, and the convnet's buffers stay
 * small enough to be reused; batches of 256 took 1.5–2 s for 1,000 images, 32 take 0.6 s (measured).
 */
function accuracyOn(model: engine.Sequential, rows: engine.ByteRows, labels: Uint8Array): number {
  const predicted = argmaxRows(model.predict(rows, { batchSize: 32 }) as engine.Tensor);
  return predicted.filter((p, i) => p === labels[i]).length / labels.length;
}

/**
 * The MLP's accuracies already measured, by training input: the comparison depends on the grader's
 * input only, never on the student's answer, so the students of a `--batch` class (and `pnpm verify`'s
 * mutants) graded under the same seed share one training instead of a second of it each.
 */
const mlpAccuracies = new Map<string, number>();

/** A short fingerprint of bytes (FNV-1a, 32 bits): with the seeds, it tells training inputs apart. */
function fingerprint(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** 06's MLP, trained by the judge on the same images (784 bytes per row): its test accuracy. */
export function mlpAccuracy(input: TrainInput, test: { images: Uint8Array; labels: Uint8Array }): number {
  const { data } = input;
  const key = [input.seed, input.testSeed, fingerprint(data.images), fingerprint(data.labels)].join(':');
  let accuracy = mlpAccuracies.get(key);
  if (accuracy === undefined) {
    accuracy = trainMlp(input, test);
    mlpAccuracies.set(key, accuracy);
  }
  return accuracy;
}

function trainMlp(input: TrainInput, test: { images: Uint8Array; labels: Uint8Array }): number {
  const model = new engine.Sequential({ seed: input.seed });
  model.add(new engine.Dense(128, { activation: 'relu', inputShape: [SIDE * SIDE] }));
  model.add(new engine.Dense(10, { activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
  const { images, labels, count } = input.data;
  const y = new Float64Array(count * 10);
  labels.forEach((label, i) => {
    y[i * 10 + label] = 1;
  });
  model.fit(new engine.ByteRows(images, [SIDE * SIDE]), engine.tensor(y, { shape: [count, 10] }), {
    epochs: MLP_EPOCHS,
    batchSize: 32,
    verbose: 0,
  });
  return accuracyOn(model, new engine.ByteRows(test.images, [SIDE * SIDE]), test.labels);
}

/** `values` scaled linearly so their smallest becomes 0 and their largest 255 (all 0 when flat). */
export function toGrey(values: ArrayLike<number>, from = Math.min(...Array.from(values))): number[] {
  const top = Math.max(...Array.from(values));
  const span = top - from;
  return Array.from(values, (v) => (span > 0 ? Math.round((255 * (v - from)) / span) : 0));
}

/**
 * The test digit, then for each of the first `FILTERS_SHOWN` filters of the first Conv2D: the 3 × 3
 * filter (smallest weight dark, largest bright) and its feature map on the digit (26 × 26, relu of
 * the convolution plus bias, 0 dark, the map's largest value bright), computed by the engine.
 */
export function firstLayerPictures(model: engine.Sequential, digit: Uint8Array, label: number): Picture[] {
  const [kernel, bias] = model.layers[0]!.getWeights() as [engine.Tensor, engine.Tensor];
  const [kh, kw, , filters] = kernel.shape as [number, number, number, number];
  const x = engine.tensor(
    Float64Array.from(digit, (b) => b / 255),
    { shape: [1, SIDE, SIDE, 1] },
  );
  const maps = engine.conv2d(x, kernel).add(bias).relu();
  const [, mh, mw] = maps.shape as [number, number, number, number];
  const pictures: Picture[] = [
    {
      caption: { ko: `테스트 이미지 (정답 ${label})`, en: `test image (label ${label})` },
      width: SIDE,
      height: SIDE,
      pixels: Array.from(digit),
    },
  ];
  for (let f = 0; f < Math.min(FILTERS_SHOWN, filters); f++) {
    const weights = Array.from({ length: kh * kw }, (_, i) => kernel.data[i * filters + f]!);
    const map = Array.from({ length: mh * mw }, (_, i) => maps.data[i * filters + f]!);
    pictures.push(
      {
        caption: { ko: `필터 ${f + 1} (${kh}×${kw})`, en: `filter ${f + 1} (${kh}×${kw})` },
        width: kw,
        height: kh,
        pixels: toGrey(weights),
      },
      {
        caption: { ko: `특성 맵 ${f + 1} (${mh}×${mw})`, en: `feature map ${f + 1} (${mh}×${mw})` },
        width: mw,
        height: mh,
        pixels: toGrey(map, 0),
      },
    );
  }
  return pictures;
}

const finite = (xs: unknown): xs is number[] =>
  Array.isArray(xs) && xs.length > 0 && xs.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Loss and accuracy on the training images, per epoch, as `history` reported them. */
function historyChart(got: TrainProbe): Chart {
  const loss = finite(got.loss) ? got.loss : [];
  const accuracy = finite(got.accuracy) ? got.accuracy : [];
  return {
    title: {
      ko: '학습: Epoch별 손실과 정답률 (학습 이미지)',
      en: 'Training: loss and accuracy per epoch (training images)',
    },
    series: [
      { name: 'loss', values: loss },
      { name: 'accuracy', values: accuracy },
    ],
    x: Array.from({ length: Math.max(loss.length, accuracy.length) }, (_, k) => k + 1),
    xLabel: { ko: 'Epoch', en: 'epoch' },
  };
}

/**
 * The trained model is mnist_convnet, its history a finite loss per epoch, and the judge's rebuild
 * classifies at least `REQUIRED_ACCURACY` of the unseen test images right; the MLP's accuracy on the
 * same images sits beside it in the table.
 */
export function judgeTrain(got: TrainProbe, input: TrainInput): Verdict {
  const call = `train(${input.data.count} images, ${input.seed})`;
  const chart = historyChart(got);
  const model = readConvnet(got.model, `${call}.model`);
  if (!('data' in model)) return { ...model, chart };
  if (!finite(got.loss))
    return fail(
      {
        ko: `${call}: history.loss가 Epoch마다 하나씩 유한한 숫자여야 하는데 ${withParticle(render(got.loss), '이')} 나왔습니다. model.fit이 돌려준 history를 그대로 돌려주세요.`,
        en: `${call}: history.loss should hold one finite number per epoch, got ${render(got.loss)}. Return the history model.fit returned.`,
      },
      { chart },
    );
  const rebuilt = buildModel(engine, model.data);
  if ('problem' in rebuilt)
    return fail({ ko: `${call}: ${rebuilt.problem.ko}`, en: `${call}: ${rebuilt.problem.en}` }, { chart });
  const test = testImages(input.testSeed);
  const conv = accuracyOn(rebuilt.model, new engine.ByteRows(test.images, [SIDE, SIDE, 1]), test.labels);
  const mlp = mlpAccuracy(input, test);
  const epochs = got.loss.length;
  const table: Table = {
    head: ['model', 'parameters', 'epochs', `test accuracy (${test.labels.length})`],
    rows: [
      ['CNN mnist_convnet (07)', 34_826, epochs, percent(conv)],
      ['MLP 784-128-10 (06)', 101_770, MLP_EPOCHS, percent(mlp)],
    ],
  };
  const pictures = firstLayerPictures(rebuilt.model, test.images.subarray(0, SIDE * SIDE), test.labels[0]!);
  const seen = `${input.data.count}장으로 ${epochs} Epoch 학습한 모델이 처음 보는 테스트 이미지 ${test.labels.length}장 중 ${percent(conv)}`;
  const seenEn = `trained on ${input.data.count} images for ${epochs} epochs, the model classifies ${percent(conv)} of ${test.labels.length} unseen test images right`;
  if (conv < REQUIRED_ACCURACY)
    return fail(
      {
        ko: `${call}: ${seen}를 맞혔습니다 (기준 ${percent(REQUIRED_ACCURACY)}, 채점기가 엔진으로 다시 만든 모델). 이미지를 255로 나눴는지 (ByteRows), 레이블을 원-핫으로 바꿨는지, README의 Epoch 수와 batch 크기, 학습률 스케줄 (0.003에서 0으로 줄어드는 PolynomialDecay)로 학습했는지 확인하세요.`,
        en: `${call}: ${seenEn} (the bar is ${percent(REQUIRED_ACCURACY)}; the grader's rebuild with the engine). Check that the images are divided by 255 (ByteRows), the labels one-hot, and that you train for the README's epochs at its batch size with its learning-rate schedule (a PolynomialDecay from 0.003 to 0).`,
      },
      { chart, table, pictures },
    );
  return pass(
    {
      ko: `${seen}를 맞혔습니다 (같은 이미지로 채점기가 학습한 06의 MLP: ${percent(mlp)}). 합성곱은 가까운 픽셀끼리의 모양(획, 모서리)을 위치와 상관없이 같은 필터로 찾기 때문에 파라미터가 MLP의 3분의 1인데도 더 잘 맞힙니다. 아래 그림: 첫 합성곱 층의 필터와, 테스트 이미지에 그 필터를 적용한 특성 맵.`,
      en: `${seenEn} (06's MLP, trained by the grader on the same images: ${percent(mlp)}). A convolution looks for the same local shapes (strokes, corners) everywhere in the image with one filter, so it does better with a third of the MLP's parameters. Below: the first convolution's filters and their feature maps on a test image.`,
    },
    { chart, table, pictures },
  );
}
