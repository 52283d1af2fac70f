/**
 * Checks of exercise 06 (MNIST with the MLP). Trusted code: `input` and `judge` run in the grader,
 * `probe` in the sandbox. Expected values come from the judge's own code (`checks/reference.ts`) and
 * its rebuild of the trained model with the trusted engine (`checks/model.ts`), never from
 * `solution/`. MNIST itself is read in the grader (`checks/data.ts`): the probe receives a seeded
 * training subset as bytes, and the judge measures on test images the probe never receives.
 */
import { Rng, setSeed } from '@gradschool/autograd';
import {
  allOf,
  type Contract,
  check,
  defineChecks,
  expectClose,
  expectReturn,
  fail,
  type Localized,
  lossHistory,
  modelData,
  render,
  type Verdict,
} from '@gradschool/exercise-kit';
import { trainSubset } from './checks/data.js';
import { judgeStructure, judgeTraining, type TrainProbe } from './checks/model.js';
import { confusion, countsOf, type Mistake, mistakes } from './checks/reference.js';
import type * as Student from './src/mnist.js';

const both = (text: string): Localized => ({ ko: text, en: text });

/** Random bytes with the extremes 0 and 255 always among them. */
function byteCases(seed: number): Uint8Array[] {
  const rng = new Rng(seed);
  const random = (n: number) => Uint8Array.from({ length: n }, () => rng.int(256));
  return [Uint8Array.of(0, 51, 255), random(20), Uint8Array.of(255, 0, ...random(30))];
}

/** Grids of odd sizes (where reading by column differs from reading by row) and one 28 × 28 image. */
function gridCases(seed: number): number[][][][] {
  const rng = new Rng(seed);
  const grid = (h: number, w: number) =>
    Array.from({ length: h }, () => Array.from({ length: w }, () => Math.round(rng.uniform() * 100) / 100));
  const images = (n: number, h: number, w: number) => Array.from({ length: n }, () => grid(h, w));
  return [images(2, 2, 3), images(3, 3 + rng.int(3), 2 + rng.int(3)), images(1, 28, 28)];
}

/** The slide's three examples, then random labels. */
function labelCases(seed: number): number[][] {
  const rng = new Rng(seed);
  return [[1, 5, 9], [0], Array.from({ length: 30 }, () => rng.int(10))];
}

/** The slide's one-hot rows: 1 → [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]. */
const SLIDE_ONE_HOT = [
  [0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
];

interface ConfusionCase {
  yTrue: number[];
  yPred: number[];
}

/** Labels and predictions right about 70% of the time; in the second case digit 9 never occurs. */
function confusionCases(seed: number): ConfusionCase[] {
  const rng = new Rng(seed);
  const make = (n: number, classes: number): ConfusionCase => {
    const yTrue = Array.from({ length: n }, () => rng.int(classes));
    const yPred = yTrue.map((t) => (rng.uniform() < 0.7 ? t : rng.int(10)));
    return { yTrue, yPred };
  };
  return [make(200, 10), make(60, 9)];
}

interface WorstCase {
  probabilities: number[][];
  labels: number[];
  k: number;
}

/** Softmax rows of random logits and random labels; the last case has fewer mistakes than k. */
function worstCases(seed: number): WorstCase[] {
  const rng = new Rng(seed);
  const row = () => {
    const e = Array.from({ length: 10 }, () => Math.exp(4 * rng.uniform()));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  };
  const make = (n: number, k: number, wrongRate: number): WorstCase => {
    const probabilities = Array.from({ length: n }, row);
    const labels = probabilities.map((p) => {
      const predicted = p.indexOf(Math.max(...p));
      return rng.uniform() < wrongRate ? (predicted + 1 + rng.int(9)) % 10 : predicted;
    });
    return { probabilities, labels, k };
  };
  return [make(40, 5, 0.5), make(30, 8, 0.1)];
}

const matrix = (rows: number, cols: number): Contract => ({ type: 'matrix', rows, cols });
const WORST_CONTRACT: Contract = {
  type: 'list',
  of: {
    type: 'object',
    fields: {
      index: { type: 'number' },
      label: { type: 'number' },
      predicted: { type: 'number' },
      confidence: { type: 'number' },
    },
  },
};

/** Rows that sum to the class counts, else the hint that matters: rows are the TRUE labels. */
function judgeConfusion(got: unknown, c: ConfusionCase): Verdict {
  const call = `confusionMatrix(yTrue, yPred) — yTrue = ${render(c.yTrue)}, yPred = ${render(c.yPred)}`;
  const broken = expectReturn(got, 'confusionMatrix', matrix(10, 10), { what: both(call) });
  if (broken) return broken;
  const rows = got as number[][];
  const sums = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const counts = countsOf(c.yTrue);
  if (render(sums) !== render(counts)) {
    const transposed = render(sums) === render(countsOf(c.yPred));
    return fail({
      ko: `${call}: 행의 합이 각 숫자의 정답 개수 ${render(counts)}여야 하는데 ${render(sums)}입니다.${transposed ? ' 행과 열이 바뀌었습니다: matrix[정답][예측]입니다.' : ''}`,
      en: `${call}: the rows should sum to how many of each digit yTrue holds, ${render(counts)}, got ${render(sums)}.${transposed ? ' Rows and columns are swapped: it is matrix[true][predicted].' : ''}`,
    });
  }
  return expectClose(got, confusion(c.yTrue, c.yPred), { atol: 0, rtol: 0, what: both(call) });
}

/** Train check: time for 20,000 images × up to 5 epochs under load, measured (see checks/data.ts). */
const TRAIN_TIME_LIMIT_MS = 90_000;

/** Infers each check's input and output types from its `input` and `probe`. */
const c = check<typeof Student>();

export default defineChecks<typeof Student>([
  c({
    id: 'normalize',
    title: { ko: '정규화: 바이트 0~255 → 0~1', en: 'Normalizing: bytes 0–255 → 0–1' },
    points: 2,
    input: (ctx) => byteCases(ctx.seed),
    probe: (student, cases) => cases.map((bytes) => student.normalize(bytes)),
    judge: (got, cases) =>
      allOf(
        cases.map((bytes, i) => {
          const what = both(`normalize(Uint8Array [${bytes.join(', ')}])`);
          return (
            expectReturn(got[i], 'normalize', { type: 'array', length: bytes.length }, { what }) ??
            expectClose(
              got[i],
              Array.from(bytes, (b) => b / 255),
              { what },
            )
          );
        }),
      ),
  }),
  c({
    id: 'flatten-images',
    title: { ko: '펼치기: 28 × 28 이미지 → 784개 한 행', en: 'Flattening: a 28 × 28 image → one row of 784' },
    points: 2,
    input: (ctx) => gridCases(ctx.seed),
    probe: (student, cases) => cases.map((images) => student.flattenImages(images)),
    judge: (got, cases) =>
      allOf(
        cases.map((images, i) => {
          const [h, w] = [images[0]!.length, images[0]![0]!.length];
          const what = both(`flattenImages(${images.length} × ${h} × ${w}: ${render(images)})`);
          return (
            expectReturn(got[i], 'flattenImages', matrix(images.length, h * w), { what }) ??
            expectClose(
              got[i],
              images.map((image) => image.flat()),
              { what },
            )
          );
        }),
      ),
  }),
  c({
    id: 'one-hot',
    title: {
      ko: 'One-hot: 1 → [0,1,0,0,0,0,0,0,0,0] (슬라이드)',
      en: 'One-hot: 1 → [0,1,0,0,0,0,0,0,0,0] (the slide)',
    },
    points: 2,
    input: (ctx) => labelCases(ctx.seed),
    probe: (student, cases) => cases.map((labels) => student.oneHot(labels)),
    judge: (got, cases) =>
      allOf(
        cases.map((labels, i) => {
          const what = both(`oneHot(${render(labels)})`);
          const want = labels.map((l) => Array.from({ length: 10 }, (_, k) => (k === l ? 1 : 0)));
          const verdict =
            expectReturn(got[i], 'oneHot', matrix(labels.length, 10), { what }) ??
            expectClose(got[i], want, { atol: 0, rtol: 0, what });
          if (verdict.pass || i !== 0) return verdict;
          return {
            ...verdict,
            message: {
              ko: `${verdict.message.ko} 슬라이드 "출력 - One Hot Encoding": 1 → ${render(SLIDE_ONE_HOT[0])}, 5 → ${render(SLIDE_ONE_HOT[1])}, 9 → ${render(SLIDE_ONE_HOT[2])} (정답 자리만 1, 자리는 0부터 셉니다).`,
              en: `${verdict.message.en} The slide "One Hot Encoding": 1 → ${render(SLIDE_ONE_HOT[0])}, 5 → ${render(SLIDE_ONE_HOT[1])}, 9 → ${render(SLIDE_ONE_HOT[2])} (1 at the label's place, counted from 0).`,
            },
          };
        }),
      ),
  }),
  c({
    id: 'make-model',
    title: {
      ko: '모델: 784 → Dense(128, relu) → Dense(10, softmax), 파라미터 101,770개',
      en: 'The model: 784 → Dense(128, relu) → Dense(10, softmax), 101,770 parameters',
    },
    points: 3,
    timeLimitMs: 20_000,
    input: (ctx) => new Rng(ctx.seed).int(1_000_000),
    // The model as data: the judge rebuilds it and counts its parameters itself (judges trust data).
    probe: (student, seed) => {
      setSeed(seed);
      return modelData(student.makeModel());
    },
    judge: (got, seed) => judgeStructure(got, seed),
  }),
  c({
    id: 'train-accuracy',
    // Its outcome depends on the seed (the subset, the initial weights, the order of the batches):
    // graded with the run's seed and one derived from it. Two, not three: each is a whole training
    // of ~3 s on the course's machine, and the exercise should grade in under 15 s.
    seeds: 2,
    title: {
      ko: '학습: 처음 보는 테스트 이미지에서 정답률 95% 이상',
      en: 'Training: at least 95% on unseen test images',
    },
    points: 6,
    dependsOn: ['make-model'],
    timeLimitMs: TRAIN_TIME_LIMIT_MS,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const seed = rng.int(1_000_000);
      // The test subset's seed stays in the grader: the probe never receives those images.
      return { seed, testSeed: rng.int(1_000_000), digits: trainSubset(seed) };
    },
    probe: (student, { seed, digits }): TrainProbe => {
      setSeed(seed);
      const model = student.makeModel();
      const history = student.train(model, digits, seed);
      const accuracy = (history as { history?: { accuracy?: unknown } } | undefined)?.history?.accuracy;
      return {
        seed,
        model: modelData(model),
        loss: lossHistory(history),
        accuracy: Array.isArray(accuracy) ? accuracy.map(Number) : null,
      };
    },
    judge: (got, { testSeed }) => judgeTraining(got, testSeed),
  }),
  c({
    id: 'confusion-matrix',
    title: { ko: '혼동 행렬: matrix[정답][예측]', en: 'The confusion matrix: matrix[true][predicted]' },
    points: 3,
    input: (ctx) => confusionCases(ctx.seed),
    probe: (student, cases) => cases.map(({ yTrue, yPred }) => student.confusionMatrix(yTrue, yPred)),
    judge: (got, cases) => allOf(cases.map((c, i) => judgeConfusion(got[i], c))),
  }),
  c({
    id: 'worst-examples',
    title: {
      ko: '가장 자신 있게 틀린 예: 틀린 것만, 확신이 큰 순서로',
      en: 'The worst examples: mistakes only, most confident first',
    },
    points: 3,
    input: (ctx) => worstCases(ctx.seed),
    probe: (student, cases) =>
      cases.map(({ probabilities, labels, k }) => student.worstExamples(probabilities, labels, k)),
    judge: (got, cases) =>
      allOf(
        cases.map((c, i) => {
          const what = both(
            `worstExamples(probabilities, labels, ${c.k}) — labels = ${render(c.labels)}, probabilities = ${render(c.probabilities)}`,
          );
          const broken = expectReturn(got[i], 'worstExamples', WORST_CONTRACT, { what });
          if (broken) return broken;
          const want = mistakes(c.probabilities, c.labels, c.k);
          const mine = got[i] as Mistake[];
          if (mine.length !== want.length)
            return fail({
              ko: `${what.ko}: 틀린 예 ${want.length}개를 기대했지만 ${mine.length}개가 나왔습니다 (예측 = 가장 큰 확률의 숫자, 정답과 다를 때만 틀린 것; 최대 k개).`,
              en: `${what.en}: expected ${want.length} mistakes, got ${mine.length} (predicted = the digit of the largest probability; a mistake only when it differs from the label; at most k).`,
            });
          return expectClose(
            mine.map((m) => [m.index, m.label, m.predicted, m.confidence]),
            want.map((m) => [m.index, m.label, m.predicted, m.confidence]),
            {
              what: {
                ko: `${what.ko} (\`[index, label, predicted, confidence]\`, 확신이 큰 순서)`,
                en: `${what.en} ([index, label, predicted, confidence], most confident first)`,
              },
            },
          );
        }),
      ),
  }),
]);
