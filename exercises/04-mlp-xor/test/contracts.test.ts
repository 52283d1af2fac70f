/**
 * Return types the README states, named before any value is compared: `forward` returns
 * `{ n, y }` (flat arrays), `backward` gradients shaped like `params`, `firstLayerGradNorm` a number.
 */
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/mlp.js';

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
    'forward-hidden-layer',
    {
      forward: (...a: Parameters<Student['forward']>) => {
        const { n, y } = solution.forward(...a);
        return { n: n.map((v) => [v]), y };
      },
    },
    /The n of `forward`'s result must be a flat array of \d+ numbers \(number\[\]\); it is a nested array \[\[/,
    /`forward` 함수의 결과 중 n은 길이 \d+인 number\[\] 꼴의 평평한 숫자 배열이어야 하는데 중첩 배열/,
  ],
  [
    'forward-output',
    {
      forward: (...a: Parameters<Student['forward']>) => {
        const { n, y } = solution.forward(...a);
        return [n, y];
      },
    },
    /`forward` must return an object \{ n, y \}; it returned a nested array \[\[/,
    /`forward` 함수는 객체 \{ n, y \}를 반환해야 하는데 중첩 배열/,
  ],
  [
    'backward-output-layer',
    {
      backward: (...a: Parameters<Student['backward']>) => {
        const g = solution.backward(...a);
        return { ...g, W1: g.W1.flat() };
      },
    },
    /The W1 of `backward`'s result must be an array of rows \(number\[\]\[\], \d+ × \d+\); it is an array \[/,
    /`backward` 함수의 결과 중 W1은 \d+ × \d+ 크기의 number\[\]\[\] 꼴의 행 배열이어야 하는데 배열/,
  ],
  [
    'backward-hidden-layer',
    {
      backward: (...a: Parameters<Student['backward']>) => {
        const g = solution.backward(...a);
        return { ...g, B1: g.B1.slice(1) };
      },
    },
    /The B1 of `backward`'s result must be a flat array of \d+ numbers \(number\[\]\); it is an array .*\(length \d+\)\./,
    /`backward` 함수의 결과 중 B1은 길이 \d+인 number\[\] 꼴의 평평한 숫자 배열이어야 하는데 배열 .*\(길이 \d+\)/,
  ],
  [
    'gradient-vanishing',
    {
      firstLayerGradNorm: (...a: Parameters<Student['firstLayerGradNorm']>) =>
        solution.firstLayerGradNorm(...a).toExponential(3),
    },
    /`firstLayerGradNorm` must return a number; it returned the string "/,
    /`firstLayerGradNorm` 함수는 숫자를 반환해야 하는데 문자열/,
  ],
] as const;

describe('return types: the README’s contracts are named before any value is compared', () => {
  it.each(cases)(
    '%s',
    async (id, override, en, ko) => {
      expect((await judgedBy(id, solution)).pass).toBe(true);
      const verdict = await judgedBy(id, { ...solution, ...override } as unknown as Student);
      expect(verdict.pass).toBe(false);
      expect(verdict.message.en).toMatch(en);
      expect(verdict.message.ko).toMatch(ko);
    },
    60_000,
  );
});
