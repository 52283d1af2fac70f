/**
 * One Hot Encoding and argmax (slide "출력 - One Hot Encoding").
 */
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  check,
  expectEqual,
  fail,
  isNotImplemented,
  pass,
  render,
  returning,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/softmax.js';
import { randomLabels, randomVector } from './math.js';
import { code } from './text.js';

/** Infers each check's input and output types from its `input` and `probe`. */
const c = check<typeof Student>();

export const encodingChecks = [
  returning(
    'oneHot',
    (cases: number[][], i) => ({ type: 'array', length: cases[i]![1]! }),
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
    { each: true },
  ),
  returning(
    'oneHotBatch',
    ({ labels, n }: { labels: number[]; n: number }) => ({ type: 'matrix', rows: labels.length, cols: n }),
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
  ),
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
            ko: `${what}: 라벨은 0..${n! - 1}의 정수여야 하므로 RangeError를 던져야 하는데 ${withParticle(came, '이')} 나왔습니다.`,
            en: `${what}: a label must be an integer in 0..${n! - 1}, so expected a RangeError, got ${came}.`,
          });
        }),
      ),
  }),
  returning(
    'argmax',
    { type: 'number' },
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
    { each: true },
  ),
];
