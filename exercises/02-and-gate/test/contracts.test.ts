/**
 * Return types the README states, named before any value is compared: a gate returns a number, 0
 * or 1 (a `true` or a `'1'` is not one), and `trainAndGate` an array of rounds `{ round, w1, w2, b,
 * rows, accuracy }`.
 */
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/and-gate.js';

type Student = typeof solution;

/** The verdict of check `id` for `student`, as the grader would judge it (probe → clone → judge). */
async function judgedBy(id: string, student: Student) {
  const check = suite.checks.find((c) => c.id === id)!;
  const ctx = { seed: 4321, runSeed: 12345, lang: 'en' as const };
  const input = check.input?.(ctx);
  const output = structuredClone(await check.probe(student, input));
  return check.judge(output, input, ctx);
}

describe('return types: the README’s contracts are named before any value is compared', () => {
  it.each([
    [
      'and-gate-truth-table',
      { andGate: (x1: number, x2: number) => solution.andGate(x1, x2) === 1 },
      /`andGate` must return a number \(0 or 1\); it returned the boolean (true|false)\./,
      /`andGate` 함수는 0 또는 1인 숫자를 반환해야 하는데 불리언 값 (true|false)[를을] 반환했습니다/,
    ],
    [
      'and-gate-lecture-weights',
      { andGate: (x1: number, x2: number) => String(solution.andGate(x1, x2)) },
      /`andGate` must return a number \(0 or 1\); it returned the string "[01]"/,
      /`andGate` 함수는 0 또는 1인 숫자를 반환해야 하는데 문자열 "[01]"을 반환했습니다/,
    ],
    [
      'xor-gate-truth-table',
      { xorGate: (x1: number, x2: number) => [solution.xorGate(x1, x2)] },
      /`xorGate` must return a number \(0 or 1\); it returned an array \[[01]\]\./,
      /`xorGate` 함수는 0 또는 1인 숫자를 반환해야 하는데 배열 \[[01]\]/,
    ],
    [
      'train-and-gate',
      {
        trainAndGate: (opts: Parameters<Student['trainAndGate']>[0]) =>
          solution
            .trainAndGate(opts)
            .map((r) => ({ ...r, rows: r.rows.map((row) => [row.x1, row.x2, row.d, row.y]) })),
      },
      /`trainAndGate` must return an array, each item an object \{ round, w1, w2, b, rows, accuracy \}; .*\(its \[0\]\.rows is a nested array/,
      /`trainAndGate` 함수는 객체 \{ round, w1, w2, b, rows, accuracy \}의 배열을 반환해야 하는데 .*\[0\]번째 값의 rows가 중첩 배열/,
    ],
  ] as const)('%s', async (id, override, en, ko) => {
    expect((await judgedBy(id, solution)).pass).toBe(true);
    const verdict = await judgedBy(id, { ...solution, ...override } as unknown as Student);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(en);
    expect(verdict.message.ko).toMatch(ko);
  });
});
