/**
 * Return types the README states, named before any value is compared: the losses return one
 * number, softmax a flat `number[]` as long as its input, softmax2d and oneHotBatch rows,
 * softmaxTensor a `Tensor` (a plain array there, or a `Tensor` where a plain array belongs, used to
 * crash the probe or pass as numbers).
 */
import { tensor } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/softmax.js';

type Student = typeof solution;

/** The verdict of check `id` for `student`, as the grader would judge it (probe → clone → judge). */
async function judgedBy(id: string, student: Student) {
  const check = suite.checks.find((c) => c.id === id)!;
  const ctx = { seed: 4321, runSeed: 12345, lang: 'en' as const };
  const input = check.input?.(ctx);
  const output = structuredClone(await check.probe(student, input));
  return check.judge(output, input, ctx);
}

const cases = [
  [
    'one-hot-lecture',
    { oneHot: (label: number, n: number) => Float64Array.from(solution.oneHot(label, n)) },
    /`oneHot` must return a flat array of 2 numbers \(number\[\]\); it returned a Float64Array \[1, 0\]\./,
    /`oneHot` 함수는 길이 2인 number\[\] 꼴의 평평한 숫자 배열을 반환해야 하는데 Float64Array \[1, 0\]을 반환했습니다/,
  ],
  [
    'one-hot-batch',
    { oneHotBatch: (labels: number[], n: number) => solution.oneHotBatch(labels, n).flat() },
    /`oneHotBatch` must return an array of rows \(number\[\]\[\], 6 × \d+\); it returned an array \[.*\] \(\d+ rows\)\./,
    /`oneHotBatch` 함수는 6 × \d+ 크기의 number\[\]\[\] 꼴의 행 배열을 반환해야 하는데 배열 .*\(행 \d+개\)/,
  ],
  [
    'argmax',
    { argmax: (x: number[]) => String(solution.argmax(x)) },
    /`argmax` must return a number; it returned the string "\d"\./,
    /`argmax` 함수는 숫자를 반환해야 하는데 문자열 "\d"[을를] 반환했습니다/,
  ],
  [
    'softmax-lecture-example',
    { softmax: (x: number[]) => tensor(solution.softmax(x)) },
    /`softmax` must return a flat array of 3 numbers \(number\[\]\); it returned a Tensor \(shape \[3\]\)\./,
    /`softmax` 함수는 길이 3인 number\[\] 꼴의 평평한 숫자 배열을 반환해야 하는데 모양 \[3\]인 Tensor를 반환했습니다/,
  ],
  [
    'softmax-random',
    { softmax: (x: number[]) => solution.softmax(x).map((p) => [p]) },
    /`softmax` must return a flat array of \d+ numbers \(number\[\]\); it returned a nested array \[\[/,
    /`softmax` 함수는 길이 \d+인 number\[\] 꼴의 평평한 숫자 배열을 반환해야 하는데 중첩 배열/,
  ],
  [
    'softmax-2d-rows',
    { softmax2d: (x: number[][]) => solution.softmax2d(x).flat() },
    /`softmax2d` must return an array of rows \(number\[\]\[\], \d × \d\); it returned an array \[/,
    /`softmax2d` 함수는 \d × \d 크기의 number\[\]\[\] 꼴의 행 배열을 반환해야 하는데 배열/,
  ],
  [
    'mse',
    {
      meanSquaredError: (yTrue: number[][], yPred: number[][]) =>
        yTrue.map((row, i) => solution.meanSquaredError([row], [yPred[i]!])),
    },
    /`meanSquaredError` must return a number; it returned an array \[/,
    /`meanSquaredError` 함수는 숫자를 반환해야 하는데 배열/,
  ],
  [
    'binary-crossentropy-clipping',
    { binaryCrossentropy: (t: number[][], p: number[][]) => solution.binaryCrossentropy(t, p).toFixed(4) },
    /`binaryCrossentropy` must return a number; it returned the string "/,
    /`binaryCrossentropy` 함수는 숫자를 반환해야 하는데 문자열/,
  ],
  [
    'categorical-crossentropy',
    {
      categoricalCrossentropy: (t: number[][], p: number[][]) =>
        tensor(solution.categoricalCrossentropy(t, p)),
    },
    /`categoricalCrossentropy` must return a number; it returned a Tensor \(shape \[\]\)\./,
    /`categoricalCrossentropy` 함수는 숫자를 반환해야 하는데 모양 \[\]인 Tensor를 반환했습니다/,
  ],
  [
    'empirical-loss',
    { empiricalLoss: () => undefined },
    /`empiricalLoss` must return a number; it returned nothing \(undefined\)\./,
    /`empiricalLoss` 함수는 숫자를 반환해야 하는데 아무것도 반환하지 않았습니다 \(undefined\)/,
  ],
  [
    'softmax-tensor-values',
    {
      softmaxTensor: (x: Parameters<Student['softmaxTensor']>[0]) =>
        Array.from(solution.softmaxTensor(x).data),
    },
    /`softmaxTensor` must return a Tensor of shape \[3\]; it returned an array \[/,
    /`softmaxTensor` 함수는 모양 \[3\]의 Tensor를 반환해야 하는데 배열/,
  ],
  [
    'softmax-tensor-gradient',
    {
      softmaxTensor: (x: Parameters<Student['softmaxTensor']>[0]) => solution.softmaxTensor(x).reshape([-1]),
    },
    /`softmaxTensor` must return a Tensor of shape \[\d, \d\]; it returned a Tensor \(shape \[\d+\]\)\./,
    /`softmaxTensor` 함수는 모양 \[\d, \d\]의 Tensor를 반환해야 하는데 모양 \[\d+\]인 Tensor를 반환했습니다/,
  ],
] as const;

describe('return types: the README’s contracts are named before any value is compared', () => {
  it.each(cases)('%s', async (id, override, en, ko) => {
    expect((await judgedBy(id, solution)).pass).toBe(true);
    const verdict = await judgedBy(id, { ...solution, ...override } as unknown as Student);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(en);
    expect(verdict.message.ko).toMatch(ko);
  });
});
