/**
 * The losses (slides "Loss", "Empirical Loss", "Mean Squared Error Loss", "Binary Cross Entropy Loss"), Keras semantics.
 */
import { Rng } from '@gradschool/autograd';
import { allOf, type Contract, check, expectClose, render, returning } from '@gradschool/exercise-kit';
import type * as Student from '../src/softmax.js';
import {
  bce,
  cce,
  mse,
  randomBinaryMatrix,
  randomMatrix,
  randomOneHotRows,
  randomProbabilityRows,
} from './math.js';
import { averagingHint, code, withHint, withOptionalHint } from './text.js';

/** Infers each check's input and output types from its `input` and `probe`. */
const c = check<typeof Student>();

/** The README's contract: every loss is one number (the batch's mean), not a row of them. */
const NUMBER: Contract = { type: 'number' };

export const lossChecks = [
  returning(
    'meanSquaredError',
    NUMBER,
    c({
      id: 'mse',
      title: { ko: 'Mean Squared Error (부호 주의)', en: 'Mean squared error (mind the sign)' },
      points: 2,
      input: (ctx) => {
        const rng = new Rng(ctx.seed);
        const rows = 2 + rng.int(4);
        const cols = 2 + rng.int(3); // two or more columns, so the mean within a row is tested
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
            const expected = mse(yTrue, yPred);
            const verdict = expectClose(got[i], expected, { what });
            if (typeof got[i] !== 'number' || got[i] >= 0)
              return withOptionalHint(
                verdict,
                averagingHint(got[i], expected, yTrue.length, yTrue[0]!.length),
              );
            return withHint(verdict, {
              ko: '음수가 나왔습니다: 슬라이드 식 맨 앞의 − 는 오타입니다. 제곱의 평균은 0 이상입니다.',
              en: "A negative value: the slide's leading minus sign is a typo; a mean of squares is never negative.",
            });
          }),
        ),
    }),
    { each: true },
  ),
  returning(
    'binaryCrossentropy',
    NUMBER,
    c({
      id: 'binary-crossentropy',
      title: { ko: 'Binary Cross Entropy', en: 'Binary cross-entropy' },
      points: 2,
      input: (ctx) => {
        const rng = new Rng(ctx.seed);
        const rows = 2 + rng.int(4);
        const cols = 2 + rng.int(3); // two or more columns, so the mean within a row is tested
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
          cases.map(({ yTrue, yPred }, i) => {
            const expected = bce(yTrue, yPred);
            const verdict = expectClose(got[i], expected, {
              what: code(`binaryCrossentropy(${render(yTrue)}, ${render(yPred)})`),
            });
            return withOptionalHint(verdict, averagingHint(got[i], expected, yTrue.length, yTrue[0]!.length));
          }),
        ),
    }),
    { each: true },
  ),
  returning(
    'binaryCrossentropy',
    NUMBER,
    c({
      id: 'binary-crossentropy-clipping',
      title: {
        ko: 'Binary Cross Entropy: 예측이 0이나 1일 때 (clip)',
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
        return withHint(verdict, {
          ko: 'log(0) = −Infinity입니다: Keras처럼 ŷ를 [1e-7, 1 − 1e-7]로 먼저 자르세요(clip).',
          en: 'log(0) is −Infinity: clip ŷ to [1e-7, 1 − 1e-7] first, as Keras does.',
        });
      },
    }),
  ),
  returning(
    'categoricalCrossentropy',
    NUMBER,
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
      probe: (student, cases) =>
        cases.map(({ yTrue, yPred }) => student.categoricalCrossentropy(yTrue, yPred)),
      judge: (got, cases) =>
        allOf(
          cases.map(({ yTrue, yPred }, i) => {
            const expected = cce(yTrue, yPred);
            const verdict = expectClose(got[i], expected, {
              what: code(`categoricalCrossentropy(${render(yTrue)}, ${render(yPred)})`),
            });
            return withOptionalHint(verdict, averagingHint(got[i], expected, yTrue.length));
          }),
        ),
    }),
    { each: true },
  ),
  returning(
    'categoricalCrossentropy',
    NUMBER,
    c({
      id: 'categorical-crossentropy-row-sums',
      title: {
        ko: 'Categorical Cross Entropy: 합이 1이 아닌 예측 (Keras는 행의 합으로 나눔)',
        en: "Categorical cross-entropy: predictions that don't sum to 1 (Keras divides by the row sum)",
      },
      points: 1,
      input: () => ({
        yTrue: [
          [1, 0, 0],
          [0, 0, 1],
        ],
        yPred: [
          [2, 1, 1],
          [0.2, 0.2, 0.4],
        ],
      }),
      probe: (student, { yTrue, yPred }) => student.categoricalCrossentropy(yTrue, yPred),
      judge: (got, { yTrue, yPred }) => {
        const expected = cce(yTrue, yPred);
        const verdict = expectClose(got, expected, {
          what: code(`categoricalCrossentropy(${render(yTrue)}, ${render(yPred)})`),
        });
        return withOptionalHint(
          verdict,
          averagingHint(got, expected, yTrue.length) ?? {
            ko: 'Keras는 log 전에 ŷ의 각 행을 그 행의 합으로 나눕니다: [2, 1, 1] → [0.5, 0.25, 0.25].',
            en: 'Keras divides each row of ŷ by its sum before the log: [2, 1, 1] → [0.5, 0.25, 0.25].',
          },
        );
      },
    }),
  ),
  returning(
    'categoricalCrossentropy',
    NUMBER,
    c({
      id: 'categorical-crossentropy-clipping',
      title: {
        ko: 'Categorical Cross Entropy: 정답 클래스의 예측이 0일 때',
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
      judge: (got, { yTrue, yPred }) => {
        const expected = cce(yTrue, yPred);
        const verdict = expectClose(got, expected, {
          what: code(`categoricalCrossentropy(${render(yTrue)}, ${render(yPred)})`),
        });
        return withOptionalHint(verdict, averagingHint(got, expected, yTrue.length));
      },
    }),
  ),
  returning(
    'empiricalLoss',
    NUMBER,
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
      // f(x; W) = W·x and L = Σ (y − ŷ)² / (1 + y²), both built here so only `empiricalLoss` itself is judged.
      // L weighs each error by its target, so it tells loss(yTrue, yPred) from loss(yPred, yTrue).
      probe: (student, { W, xs, ys }) =>
        student.empiricalLoss(
          (x) => W.map((row) => row.reduce((acc, w, j) => acc + w * x[j]!, 0)),
          (y, yHat) => y.reduce((acc, v, j) => acc + (v - yHat[j]!) ** 2 / (1 + v * v), 0),
          xs,
          ys,
        ),
      judge: (got, { W, xs, ys }) => {
        const predict = (x: number[]) => W.map((row) => row.reduce((s, w, j) => s + w * x[j]!, 0));
        const weighted = (y: number[], yHat: number[]) =>
          y.reduce((acc, v, j) => acc + (v - yHat[j]!) ** 2 / (1 + v * v), 0);
        const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
        const losses = xs.map((x, i) => weighted(ys[i]!, predict(x)));
        const swapped = mean(xs.map((x, i) => weighted(predict(x), ys[i]!)));
        const verdict = expectClose(got, mean(losses), {
          what: {
            ko: `f(x; W) = W·x, L(y, ŷ) = Σ(y − ŷ)²/(1 + y²), W = ${render(W)}, N = ${xs.length}개의 샘플 (샘플별 손실 ${render(losses)})`,
            en: `f(x; W) = W·x, L(y, ŷ) = Σ(y − ŷ)²/(1 + y²), W = ${render(W)} over N = ${xs.length} samples (per-sample losses ${render(losses)})`,
          },
        });
        if (typeof got !== 'number' || Math.abs(got - swapped) > 1e-9 * Math.max(1, Math.abs(swapped)))
          return verdict;
        return withHint(verdict, {
          ko: '인자 순서가 바뀐 결과입니다: loss(ys[i], f(xs[i]))처럼 정답을 먼저, 예측을 나중에 넘기세요 (Keras와 같은 순서).',
          en: 'This is the result with the arguments swapped: call loss(ys[i], f(xs[i])), target first, prediction second (as in Keras).',
        });
      },
    }),
  ),
];
