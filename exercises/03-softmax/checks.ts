/**
 * Checks of exercise 03 (One Hot Encoding, Softmax, Loss). Trusted code: `input` and `judge` run in
 * the grader, `probe` in the sandbox beside the student's module. Every expected value is computed
 * here, by the judge's own math in `judge/math.ts`, never taken from `solution/`.
 */
import { Rng, Tensor, tensor } from '@gradschool/autograd';
import {
  allOf,
  check,
  defineChecks,
  expectClose,
  expectEqual,
  fail,
  isNotImplemented,
  type Localized,
  pass,
  render,
  type Verdict,
} from '@gradschool/exercise-kit';
import {
  bce,
  cce,
  mse,
  randomBinaryMatrix,
  randomLabels,
  randomMatrix,
  randomOneHotRows,
  randomProbabilityRows,
  randomVector,
  refSoftmax,
  softmaxGradient,
} from './judge/math.js';
import type * as Student from './src/softmax.js';

/** The same text in both languages (code, formulas). */
const code = (text: string): Localized => ({ ko: text, en: text });

/** What a probe returns when the student's function threw something other than `NotImplemented`. */
interface Thrown {
  threw: string;
}

/** Infers each check's input and output types from its `input` and `probe`. */
const c = check<typeof Student>();

export default defineChecks<typeof Student>([
  c({
    id: 'one-hot-lecture',
    title: {
      ko: 'One Hot Encoding: 강의 예 (MNIST, 우리 문제)',
      en: 'One-hot encoding: the lecture examples',
    },
    points: 2,
    input: () => [
      [0, 2],
      [1, 2],
      [1, 10],
      [5, 10],
      [9, 10],
    ],
    probe: (student, cases: number[][]) => cases.map(([label, n]) => student.oneHot(label!, n!)),
    judge: (got, cases) =>
      allOf(
        cases.map(([label, n], i) => {
          const expected = Array.from({ length: n! }, (_, j) => (j === label ? 1 : 0));
          return expectEqual(got[i], expected, { what: code(`oneHot(${label}, ${n})`) });
        }),
      ),
  }),
  c({
    id: 'one-hot-batch',
    title: { ko: '여러 라벨의 One Hot Encoding', en: 'One-hot encoding of a batch of labels' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const n = 2 + rng.int(9);
      return { labels: randomLabels(rng, 6, n), n };
    },
    probe: (student, { labels, n }) => student.oneHotBatch(labels, n),
    judge: (got, { labels, n }) =>
      expectEqual(
        got,
        labels.map((label) => Array.from({ length: n }, (_, j) => (j === label ? 1 : 0))),
        { what: code(`oneHotBatch(${render(labels)}, ${n})`) },
      ),
  }),
  c({
    id: 'one-hot-rejects-bad-labels',
    title: { ko: '범위 밖 라벨은 RangeError', en: 'Labels out of range throw a RangeError' },
    points: 1,
    input: () => [
      [2, 2],
      [-1, 3],
      [1.5, 3],
    ],
    probe: (student, cases: number[][]) =>
      cases.map(([label, n]) => {
        try {
          return { returned: student.oneHot(label!, n!) };
        } catch (error) {
          if (isNotImplemented(error)) throw error;
          return { threw: (error as Error)?.name ?? String(error) };
        }
      }),
    judge: (got, cases) =>
      allOf(
        cases.map(([label, n], i): Verdict => {
          const out = got[i] as { threw?: string; returned?: unknown } | undefined;
          const what = `oneHot(${label}, ${n})`;
          if (out?.threw === 'RangeError') return pass();
          const came = out?.threw ? `${out.threw}` : render(out?.returned);
          return fail({
            ko: `${what}: 라벨은 0..${n! - 1} 의 정수여야 하므로 RangeError 를 던져야 하는데 ${came} 이(가) 나왔습니다.`,
            en: `${what}: a label must be an integer in 0..${n! - 1}, so expected a RangeError, got ${came}.`,
          });
        }),
      ),
  }),
  c({
    id: 'argmax',
    title: {
      ko: 'argmax: 가장 큰 값의 위치 (동점이면 앞쪽)',
      en: 'argmax: index of the largest value (first on ties)',
    },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const cases = [
        [0.2, 0.7, 0.1],
        [0.5, 0.5, 0.1],
        [-3, -1, -2, -1],
      ];
      for (let i = 0; i < 4; i++) cases.push(randomVector(rng, 2 + rng.int(8), -5, 5));
      return cases;
    },
    probe: (student, cases) => cases.map((x) => student.argmax(x)),
    judge: (got, cases) =>
      allOf(
        cases.map((x, i) => {
          const expected = x.indexOf(Math.max(...x));
          return expectEqual(got[i], expected, { what: code(`argmax(${render(x)})`) });
        }),
      ),
  }),
  c({
    id: 'softmax-lecture-example',
    title: { ko: 'Softmax: 강의 예제 [1, 1, 2]', en: 'Softmax: the lecture example [1, 1, 2]' },
    points: 2,
    input: () => [1, 1, 2],
    probe: (student, x) => student.softmax(x),
    judge: (got) =>
      expectClose(got, [0.21194156, 0.21194156, 0.57611688], {
        atol: 1e-8,
        what: code('softmax([1, 1, 2])'),
      }),
  }),
  c({
    id: 'softmax-large-inputs',
    title: { ko: 'Softmax: 큰 입력에서도 NaN 없이', en: 'Softmax: finite for large inputs' },
    points: 2,
    input: () => [
      [1000, 1001, 1002],
      [-1000, -1000],
      [800, -800, 0],
    ],
    probe: (student, cases) => cases.map((x) => student.softmax(x)),
    judge: (got, cases) =>
      allOf(
        cases.map((x, i) => {
          const verdict = expectClose(got[i], refSoftmax(x), {
            atol: 1e-12,
            what: code(`softmax(${render(x)})`),
          });
          if (verdict.pass) return verdict;
          const hint = {
            ko: ' exp(1000) 은 Infinity 입니다: x 의 최댓값을 먼저 빼면 결과는 같고 넘침(overflow)은 없습니다.',
            en: ' exp(1000) is Infinity: subtract the max of x first; the result is the same and nothing overflows.',
          };
          return {
            ...verdict,
            message: { ko: verdict.message.ko + hint.ko, en: verdict.message.en + hint.en },
          };
        }),
      ),
  }),
  c({
    id: 'softmax-random',
    title: { ko: 'Softmax: 무작위 입력, 합은 1', en: 'Softmax: random inputs, summing to 1' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return Array.from({ length: 5 }, () => randomVector(rng, 2 + rng.int(9), -6, 6));
    },
    probe: (student, cases) => cases.map((x) => student.softmax(x)),
    judge: (got, cases) =>
      allOf(cases.map((x, i) => expectClose(got[i], refSoftmax(x), { what: code(`softmax(${render(x)})`) }))),
  }),
  c({
    id: 'softmax-2d-rows',
    title: { ko: 'Softmax: 2차원 입력은 행(row)마다', en: 'Softmax: row by row for 2-D input' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return randomMatrix(rng, 2 + rng.int(4), 2 + rng.int(5), -6, 6);
    },
    probe: (student, x) => student.softmax2d(x),
    judge: (got, x) => expectClose(got, x.map(refSoftmax), { what: code(`softmax2d(${render(x)})`) }),
  }),
  c({
    id: 'mse',
    title: { ko: 'Mean Squared Error (부호 주의)', en: 'Mean squared error (mind the sign)' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const rows = 2 + rng.int(4);
      const cols = 1 + rng.int(3);
      return [
        // The slide's scores: targets 90, 20, 95 and predictions 30, 80, 85.
        { yTrue: [[90], [20], [95]], yPred: [[30], [80], [85]] },
        { yTrue: randomMatrix(rng, rows, cols, -2, 2), yPred: randomMatrix(rng, rows, cols, -2, 2) },
      ];
    },
    probe: (student, cases) => cases.map(({ yTrue, yPred }) => student.meanSquaredError(yTrue, yPred)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ yTrue, yPred }, i) => {
          const what = code(`meanSquaredError(${render(yTrue)}, ${render(yPred)})`);
          const verdict = expectClose(got[i], mse(yTrue, yPred), { what });
          if (verdict.pass || typeof got[i] !== 'number' || got[i] >= 0) return verdict;
          const hint = {
            ko: ' 음수가 나왔습니다: 슬라이드 식 맨 앞의 − 는 오타입니다. 제곱의 평균은 0 이상입니다.',
            en: " A negative value: the slide's leading minus sign is a typo; a mean of squares is never negative.",
          };
          return {
            ...verdict,
            message: { ko: verdict.message.ko + hint.ko, en: verdict.message.en + hint.en },
          };
        }),
      ),
  }),
  c({
    id: 'binary-crossentropy',
    title: { ko: 'Binary Cross Entropy', en: 'Binary cross-entropy' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const rows = 2 + rng.int(4);
      const cols = 1 + rng.int(3);
      return [
        // The slide's example: predictions 0.1, 0.8, 0.6 for targets 1, 0, 1.
        { yTrue: [[1], [0], [1]], yPred: [[0.1], [0.8], [0.6]] },
        {
          yTrue: randomBinaryMatrix(rng, rows, cols),
          yPred: randomMatrix(rng, rows, cols, 0.02, 0.98),
        },
      ];
    },
    probe: (student, cases) => cases.map(({ yTrue, yPred }) => student.binaryCrossentropy(yTrue, yPred)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ yTrue, yPred }, i) =>
          expectClose(got[i], bce(yTrue, yPred), {
            what: code(`binaryCrossentropy(${render(yTrue)}, ${render(yPred)})`),
          }),
        ),
      ),
  }),
  c({
    id: 'binary-crossentropy-clipping',
    title: {
      ko: 'Binary Cross Entropy: 예측이 0 이나 1 일 때 (clip)',
      en: 'Binary cross-entropy: predictions of exactly 0 or 1 (clipping)',
    },
    points: 2,
    input: () => ({
      yTrue: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      yPred: [
        [0, 1],
        [1, 0.5],
        [1, 0.9],
      ],
    }),
    probe: (student, { yTrue, yPred }) => student.binaryCrossentropy(yTrue, yPred),
    judge: (got, { yTrue, yPred }) => {
      const verdict = expectClose(got, bce(yTrue, yPred), {
        rtol: 1e-6,
        what: code(`binaryCrossentropy(${render(yTrue)}, ${render(yPred)})`),
      });
      if (verdict.pass) return verdict;
      const hint = {
        ko: ' log(0) = −Infinity 입니다: Keras 처럼 ŷ 를 [1e-7, 1 − 1e-7] 로 먼저 자르세요(clip).',
        en: ' log(0) is −Infinity: clip ŷ to [1e-7, 1 − 1e-7] first, as Keras does.',
      };
      return { ...verdict, message: { ko: verdict.message.ko + hint.ko, en: verdict.message.en + hint.en } };
    },
  }),
  c({
    id: 'categorical-crossentropy',
    title: {
      ko: 'Categorical Cross Entropy: XOR 슬라이드와 무작위 입력',
      en: 'Categorical cross-entropy: the XOR slide and random inputs',
    },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const rows = 2 + rng.int(4);
      const classes = 2 + rng.int(4);
      return [
        // The XOR slide's targets and its printed predictions after 1000 epochs.
        {
          yTrue: [
            [1, 0],
            [0, 1],
            [0, 1],
            [1, 0],
          ],
          yPred: [
            [0.6848706, 0.3151294],
            [0.2230476, 0.77695245],
            [0.380831, 0.619169],
            [0.7218615, 0.27813852],
          ],
        },
        { yTrue: randomOneHotRows(rng, rows, classes), yPred: randomProbabilityRows(rng, rows, classes) },
      ];
    },
    probe: (student, cases) => cases.map(({ yTrue, yPred }) => student.categoricalCrossentropy(yTrue, yPred)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ yTrue, yPred }, i) =>
          expectClose(got[i], cce(yTrue, yPred), {
            what: code(`categoricalCrossentropy(${render(yTrue)}, ${render(yPred)})`),
          }),
        ),
      ),
  }),
  c({
    id: 'categorical-crossentropy-clipping',
    title: {
      ko: 'Categorical Cross Entropy: 정답 클래스의 예측이 0 일 때',
      en: 'Categorical cross-entropy: a zero prediction for the target class',
    },
    points: 1,
    input: () => ({
      yTrue: [
        [0, 1, 0],
        [1, 0, 0],
      ],
      yPred: [
        [0.5, 0, 0.5],
        [0.7, 0.2, 0.1],
      ],
    }),
    probe: (student, { yTrue, yPred }) => student.categoricalCrossentropy(yTrue, yPred),
    judge: (got, { yTrue, yPred }) =>
      expectClose(got, cce(yTrue, yPred), {
        what: code(`categoricalCrossentropy(${render(yTrue)}, ${render(yPred)})`),
      }),
  }),
  c({
    id: 'empirical-loss',
    title: {
      ko: 'Empirical Loss J(W): 데이터셋 전체의 평균 손실',
      en: 'Empirical loss J(W): the average over a data set',
    },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const n = 3 + rng.int(5);
      return {
        W: randomMatrix(rng, 2, 3, -1, 1),
        xs: randomMatrix(rng, n, 3, -2, 2),
        ys: randomMatrix(rng, n, 2, -2, 2),
      };
    },
    // f(x; W) = W·x and L = Σ (y − ŷ)², both built here so only `empiricalLoss` itself is judged.
    probe: (student, { W, xs, ys }) =>
      student.empiricalLoss(
        (x) => W.map((row) => row.reduce((acc, w, j) => acc + w * x[j]!, 0)),
        (y, yHat) => y.reduce((acc, v, j) => acc + (v - yHat[j]!) ** 2, 0),
        xs,
        ys,
      ),
    judge: (got, { W, xs, ys }) => {
      const losses = xs.map((x, i) =>
        W.reduce((acc, row, k) => acc + (ys[i]![k]! - row.reduce((s, w, j) => s + w * x[j]!, 0)) ** 2, 0),
      );
      const expected = losses.reduce((a, b) => a + b, 0) / losses.length;
      return expectClose(got, expected, {
        what: {
          ko: `f(x; W) = W·x, L = Σ(y − ŷ)², W = ${render(W)}, N = ${xs.length} 개의 샘플 (샘플별 손실 ${render(losses)})`,
          en: `f(x; W) = W·x, L = Σ(y − ŷ)², W = ${render(W)} over N = ${xs.length} samples (per-sample losses ${render(losses)})`,
        },
      });
    },
  }),
  c({
    id: 'softmax-tensor-values',
    title: {
      ko: 'softmaxTensor: 값 (1차원, 2차원, 큰 입력)',
      en: 'softmaxTensor: values (1-D, 2-D, large inputs)',
    },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return [[1, 1, 2], [1000, 1001, 1002], randomMatrix(rng, 3, 4, -5, 5)] as (number[] | number[][])[];
    },
    probe: (student, cases) =>
      withoutBuiltinSoftmax(() => cases.map((x) => toPlain(student.softmaxTensor(tensor(x))))),
    judge: (got, cases) => {
      if (isThrown(got)) return builtinSoftmaxVerdict(got);
      return allOf(
        cases.map((x, i) => {
          const expected = Array.isArray(x[0])
            ? (x as number[][]).map(refSoftmax)
            : refSoftmax(x as number[]);
          return expectClose(got[i], expected, { what: code(`softmaxTensor(tensor(${render(x)}))`) });
        }),
      );
    },
  }),
  c({
    id: 'softmax-tensor-gradient',
    title: { ko: 'softmaxTensor: 기울기가 x 까지 전달됨', en: 'softmaxTensor: gradients flow back to x' },
    points: 3,
    dependsOn: ['softmax-tensor-values'],
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const rows = 2 + rng.int(3);
      const cols = 2 + rng.int(4);
      return { x: randomMatrix(rng, rows, cols, -3, 3), c: randomMatrix(rng, rows, cols, -1, 1) };
    },
    // L = Σ c ⊙ softmax(x): a scalar whose gradient depends on every output of the softmax.
    probe: (student, { x, c }) =>
      withoutBuiltinSoftmax(() => {
        const xs = tensor(x, { requiresGrad: true });
        const y = student.softmaxTensor(xs);
        // A result computed outside the graph cannot be differentiated: report "no gradient".
        if (!y.requiresGrad) return { y: toPlain(y), grad: null };
        y.mul(tensor(c)).sum().backward();
        return { y: toPlain(y), grad: xs.grad ? toPlain(xs.grad) : null };
      }),
    judge: (got, { x, c }) => {
      if (isThrown(got)) return builtinSoftmaxVerdict(got);
      const what = {
        ko: `L = Σ c ⊙ softmaxTensor(x), x = ${render(x)}, c = ${render(c)} 에서 dL/dx`,
        en: `dL/dx of L = Σ c ⊙ softmaxTensor(x), x = ${render(x)}, c = ${render(c)}`,
      };
      if (got.grad === null) {
        return fail({
          ko: `${what.ko}: x.grad 가 null 입니다 — 계산이 엔진 연산 밖에서(숫자 배열로) 이루어져 기울기가 x 까지 오지 않았습니다.`,
          en: `${what.en}: x.grad is null — the result was computed outside the engine's ops (on plain numbers), so no gradient reached x.`,
        });
      }
      return expectClose(got.grad, softmaxGradient(x, c), { rtol: 1e-6, atol: 1e-9, what });
    },
  }),
]);

/** A tensor as plain data for the trip out of the sandbox. */
function toPlain(t: Tensor): { shape: number[]; data: number[] } {
  return { shape: [...t.shape], data: Array.from(t.data) };
}

function isThrown(value: unknown): value is Thrown {
  return typeof value === 'object' && value !== null && 'threw' in value;
}

/**
 * Runs `fn` with the engine's own `softmax`/`logSoftmax` replaced by a function that throws: the
 * exercise is to build softmax from the elementary ops.
 */
function withoutBuiltinSoftmax<T>(fn: () => T): T | Thrown {
  const proto = Tensor.prototype as unknown as Record<string, unknown>;
  const saved = { softmax: proto.softmax, logSoftmax: proto.logSoftmax };
  const forbidden = () => {
    throw new BuiltinSoftmaxUsed();
  };
  proto.softmax = forbidden;
  proto.logSoftmax = forbidden;
  try {
    return fn();
  } catch (error) {
    if (error instanceof BuiltinSoftmaxUsed) return { threw: 'builtin-softmax' };
    throw error;
  } finally {
    proto.softmax = saved.softmax;
    proto.logSoftmax = saved.logSoftmax;
  }
}

class BuiltinSoftmaxUsed extends Error {}

function builtinSoftmaxVerdict(_got: Thrown): Verdict {
  return fail({
    ko: 'softmaxTensor 가 엔진의 x.softmax() (또는 logSoftmax) 를 불렀습니다. max, sub, exp, sum, div 로 직접 만드세요.',
    en: "softmaxTensor called the engine's x.softmax() (or logSoftmax). Build it from max, sub, exp, sum and div.",
  });
}
