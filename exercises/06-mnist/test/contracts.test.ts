/**
 * Return types the README states, named before any value is compared: `normalize` a plain
 * `number[]`, `oneHot` and `confusionMatrix` rows of numbers, `worstExamples` a list of objects.
 */
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/mnist.js';

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
    'normalize',
    { normalize: (bytes: Uint8Array) => Float64Array.from(bytes, (b) => b / 255) },
    /`normalize` must return a flat array of 3 numbers \(number\[\]\); it returned a Float64Array/,
    /`normalize` 함수는 길이 3인 number\[\] 꼴의 평평한 숫자 배열을 반환해야 하는데/,
  ],
  [
    'one-hot',
    { oneHot: (labels: ArrayLike<number>) => solution.oneHot(labels).flat() },
    /`oneHot` must return an array of rows \(number\[\]\[\], 3 × 10\)/,
    /`oneHot` 함수는 3 × 10 크기의 number\[\]\[\] 꼴의 행 배열을 반환해야 하는데/,
  ],
  [
    'confusion-matrix',
    {
      confusionMatrix: (t: ArrayLike<number>, p: ArrayLike<number>) =>
        solution.confusionMatrix(t, p).map((row) => row.join(',')),
    },
    /`confusionMatrix` must return an array of rows \(number\[\]\[\], 10 × 10\)/,
    /`confusionMatrix` 함수는 10 × 10 크기의 number\[\]\[\] 꼴의 행 배열을 반환해야 하는데/,
  ],
  [
    'worst-examples',
    {
      worstExamples: (p: number[][], l: ArrayLike<number>, k: number) =>
        solution.worstExamples(p, l, k).map((m) => ({ ...m, confidence: String(m.confidence) })),
    },
    /`worstExamples` must return an array, each item an object \{ index, label, predicted, confidence \}; .*its \[0\]\.confidence is the string/,
    /`worstExamples` 함수는 .*반환해야 하는데/,
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

  it('names the slide when one-hot is wrong, and the swap when the matrix is transposed', async () => {
    const fromOne = await judgedBy('one-hot', {
      ...solution,
      oneHot: (labels: ArrayLike<number>) => solution.oneHot(Array.from(labels, (l) => (l + 9) % 10)),
    });
    expect(fromOne.message.en).toContain('The slide "One Hot Encoding": 1 → [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]');
    const swapped = await judgedBy('confusion-matrix', {
      ...solution,
      confusionMatrix: (t: ArrayLike<number>, p: ArrayLike<number>) => solution.confusionMatrix(p, t),
    });
    expect(swapped.message.en).toContain('Rows and columns are swapped: it is matrix[true][predicted].');
    expect(swapped.message.ko).toContain('행과 열이 바뀌었습니다');
  });
});
