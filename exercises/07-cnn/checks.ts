/**
 * Checks of exercise 07 (convolution by loops, Conv2D and MaxPooling2D shapes, mnist_convnet, its
 * training on real MNIST). Trusted code: `input` and `judge` run in the grader, `probe` in the sandbox.
 * Expected values come from the trusted engine (its `conv2d`, its layers' `outputShape` and
 * `countParams`, its rebuild of the trained model), never from `solution/`. The model comes back as
 * data (`modelData`): judges trust data, never objects.
 */
import { Rng, setSeed } from '@gradschool/autograd';
import {
  allOf,
  check,
  defineChecks,
  expectClose,
  expectReturn,
  fail,
  lossHistory,
  modelData,
  pass,
  render,
  returning,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import { type ConvCase, convCases, expectedConv } from './checks/conv.js';
import { trainInput } from './checks/data.js';
import { judgeConvModel } from './checks/model.js';
import { CONVNET_CASES, describeCase, engineFacts, type LayerCase, randomCases } from './checks/shapes.js';
import { judgeTrain, REQUIRED_ACCURACY, type TrainProbe } from './checks/training.js';
import type * as Student from './src/cnn.js';

/** Each call on its own line: `conv2dNaive(image 3×3, kernel 2×2, bias 0)` and the values. */
const convWhat = ({ image, kernel, bias }: ConvCase) => {
  const text = `conv2dNaive(image ${image.length}×${image[0]!.length} = ${render(image)}, kernel ${kernel.length}×${kernel[0]!.length} = ${render(kernel)}, ${bias})`;
  return { ko: text, en: text };
};

/** `outputShape` against the engine's layer, case by case; the first wrong one is named. */
function judgeShapes(got: unknown[], cases: LayerCase[]): Verdict {
  for (const [i, c] of cases.entries()) {
    const broken = expectReturn(got[i], 'outputShape', { type: 'array', length: 3 });
    if (broken) return broken;
    const want = engineFacts(c).shape;
    if (render(got[i]) !== render(want)) {
      const why =
        c.layer.padding === 'same'
          ? { ko: "'same'은 ⌈입력 / 보폭⌉", en: "'same' gives ⌈input / stride⌉" }
          : { ko: "'valid'는 ⌊(입력 − 창) / 보폭⌋ + 1", en: "'valid' gives ⌊(input − window) / stride⌋ + 1" };
      return fail(
        {
          ko: `outputShape(${describeCase(c)}): ${withParticle(render(want), '을')} 기대했지만 ${withParticle(render(got[i]), '이')} 나왔습니다 (${why.ko}, 채널은 합성곱이면 필터 수, 풀링이면 그대로).`,
          en: `outputShape(${describeCase(c)}): expected ${render(want)}, got ${render(got[i])} (${why.en}; the channels are the filters for a convolution, unchanged by pooling).`,
        },
        { expected: render(want), got: render(got[i]) },
      );
    }
  }
  return pass({
    ko: `${cases.length}개 층 모두 엔진의 outputShape와 같습니다.`,
    en: `All ${cases.length} layers agree with the engine's outputShape.`,
  });
}

/** `paramCount` against the engine's `countParams`, case by case. */
function judgeParams(got: unknown[], cases: LayerCase[]): Verdict {
  for (const [i, c] of cases.entries()) {
    const broken = expectReturn(got[i], 'paramCount', { type: 'number' });
    if (broken) return broken;
    const want = engineFacts(c).params;
    if (got[i] !== want)
      return fail(
        {
          ko: `paramCount(${describeCase(c)}): ${want}개를 기대했지만 ${render(got[i])}개가 나왔습니다 (합성곱: 창 높이 × 창 너비 × 입력 채널 × 필터 수 + 편향(필터마다 1개), 풀링: 0).`,
          en: `paramCount(${describeCase(c)}): expected ${want}, got ${render(got[i])} (a convolution: window height × window width × input channels × filters + one bias per filter; pooling: 0).`,
        },
        { expected: String(want), got: render(got[i]) },
      );
  }
  return pass({
    ko: `${cases.length}개 층 모두 엔진의 countParams()와 같습니다.`,
    en: `All ${cases.length} layers agree with the engine's countParams().`,
  });
}

/**
 * The training probe's time limit per seed: 5,000 images × 2 epochs take ~15 s quiet, and a training
 * runs about as many times slower as the machine is overloaded (2,000 × 2 once took 2 min at load 17).
 */
const TRAIN_TIME_LIMIT_MS = 180_000;

const c = check<typeof Student>();

export default defineChecks<typeof Student>([
  returning(
    'conv2dNaive',
    (cases: ConvCase[], i) => ({
      type: 'matrix',
      rows: cases[i]!.image.length - cases[i]!.kernel.length + 1,
      cols: cases[i]!.image[0]!.length - cases[i]!.kernel[0]!.length + 1,
    }),
    c({
      id: 'conv2d-naive',
      title: {
        ko: "합성곱을 반복문으로: 이미지 하나, 필터 하나, 'valid'",
        en: "Convolution by loops: one image, one filter, 'valid'",
      },
      points: 3,
      input: (ctx) => convCases(ctx.seed),
      probe: (student, cases) => cases.map((k) => student.conv2dNaive(k.image, k.kernel, k.bias)),
      judge: (got, cases) =>
        allOf(cases.map((k, i) => expectClose(got[i], expectedConv(k), { what: convWhat(k) }))),
    }),
    { each: true },
  ),
  c({
    id: 'output-shape',
    title: {
      ko: 'Conv2D와 MaxPooling2D의 출력 모양 (무작위 설정)',
      en: 'Output shapes of Conv2D and MaxPooling2D (random settings)',
    },
    points: 2,
    input: (ctx) => [...CONVNET_CASES, ...randomCases(ctx.seed)],
    probe: (student, cases) => cases.map(({ layer, input }) => student.outputShape(layer, input)),
    judge: (got, cases) => judgeShapes(got, cases),
  }),
  c({
    id: 'param-count',
    title: {
      ko: 'Conv2D와 MaxPooling2D의 파라미터 수 (무작위 설정)',
      en: 'Parameter counts of Conv2D and MaxPooling2D (random settings)',
    },
    points: 2,
    input: (ctx) => [...CONVNET_CASES, ...randomCases(ctx.seed + 1)],
    probe: (student, cases) => cases.map(({ layer, input }) => student.paramCount(layer, input)),
    judge: (got, cases) => judgeParams(got, cases),
  }),
  c({
    id: 'make-conv-model',
    title: {
      ko: 'mnist_convnet: 구조, 파라미터 34,826개, compile',
      en: 'mnist_convnet: structure, 34,826 parameters, compile',
    },
    points: 3,
    timeLimitMs: 20_000,
    input: (ctx) => new Rng(ctx.seed).int(1_000_000),
    probe: (student, seed) => {
      setSeed(seed);
      return modelData(student.makeConvModel());
    },
    judge: (got) => judgeConvModel(got),
  }),
  c({
    id: 'train-mnist',
    // Its outcome depends on randomness: graded with the run's seed and one derived from it (a
    // training run takes ~15 s on the quiet course machine, several times that when busy: two seeds, not three).
    seeds: 2,
    title: {
      ko: `MNIST 학습: 처음 보는 테스트 이미지에서 정답률 ${100 * REQUIRED_ACCURACY}% 이상, 06의 MLP와 비교`,
      en: `Training on MNIST: ${100 * REQUIRED_ACCURACY}% or more on unseen test images, compared with 06's MLP`,
    },
    points: 5,
    // Only the model is needed, but a training run costs tens of seconds: it waits until every part
    // before it passes, so a student (and `pnpm verify`, per mutant) trains only once they do.
    dependsOn: ['conv2d-naive', 'output-shape', 'param-count', 'make-conv-model'],
    timeLimitMs: TRAIN_TIME_LIMIT_MS,
    input: (ctx) => trainInput(ctx.seed),
    probe: (student, { data, seed }): TrainProbe => {
      const { model, history } = student.train(data, seed);
      const accuracy = (history as { accuracy?: unknown } | undefined)?.accuracy;
      return {
        model: modelData(model),
        loss: lossHistory(history),
        accuracy: lossHistory({ loss: accuracy }),
      };
    },
    judge: (got, input) => judgeTrain(got, input),
  }),
]);
