/**
 * Softmax on plain arrays (slide "Softmax"): the lecture example, large inputs, random vectors, rows.
 */
import { Rng } from '@gradschool/autograd';
import { allOf, type Contract, check, expectClose, render, returning } from '@gradschool/exercise-kit';
import type * as Student from '../src/softmax.js';
import { randomMatrix, randomVector, refSoftmax } from './math.js';
import { code, withHint } from './text.js';

/** Infers each check's input and output types from its `input` and `probe`. */
const c = check<typeof Student>();

/** The README's contract: softmax returns a plain number[] as long as its input. */
const sameLength = (x: number[]): Contract => ({ type: 'array', length: x.length });

export const softmaxChecks = [
  returning(
    'softmax',
    sameLength,
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
  ),
  returning(
    'softmax',
    (cases: number[][], i) => sameLength(cases[i]!),
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
            return withHint(verdict, {
              ko: 'exp(1000)은 Infinity입니다: x의 최댓값을 먼저 빼면 결과는 같고 넘침(오버플로)은 없습니다.',
              en: 'exp(1000) is Infinity: subtract the max of x first; the result is the same and nothing overflows.',
            });
          }),
        ),
    }),
    { each: true },
  ),
  returning(
    'softmax',
    (cases: number[][], i) => sameLength(cases[i]!),
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
        allOf(
          cases.map((x, i) => expectClose(got[i], refSoftmax(x), { what: code(`softmax(${render(x)})`) })),
        ),
    }),
    { each: true },
  ),
  returning(
    'softmax2d',
    (x: number[][]) => ({ type: 'matrix', rows: x.length, cols: x[0]!.length }),
    c({
      id: 'softmax-2d-rows',
      title: { ko: 'Softmax: 2차원 입력은 행마다', en: 'Softmax: row by row for 2-D input' },
      points: 2,
      input: (ctx) => {
        const rng = new Rng(ctx.seed);
        return randomMatrix(rng, 2 + rng.int(4), 2 + rng.int(5), -6, 6);
      },
      probe: (student, x) => student.softmax2d(x),
      judge: (got, x) => expectClose(got, x.map(refSoftmax), { what: code(`softmax2d(${render(x)})`) }),
    }),
  ),
];
