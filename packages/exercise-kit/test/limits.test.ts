import { describe, expect, it } from 'vitest';
import { Budget, MAX_ELEMENTS, problemMessage, type WalkProblem } from '../src/index.js';

describe('Budget', () => {
  it('pays up to its limit, refuses what would pass it, and stays refused', () => {
    const budget = new Budget(10);
    expect(budget.spend(4)).toBe(true);
    expect(budget.spend(6)).toBe(true);
    expect(budget.left).toBe(0);
    expect(budget.exhausted).toBe(false);
    expect(budget.spend(1)).toBe(false);
    expect(budget.used).toBe(10);
    expect(budget.exhausted).toBe(true);
    expect(budget.spend(0)).toBe(false);
    expect(new Budget().limit).toBe(MAX_ELEMENTS);
  });
});

describe('problemMessage', () => {
  const problems: WalkProblem[] = [
    { kind: 'cycle', path: '[0][1]' },
    { kind: 'too-large', limit: 4_000_000 },
    { kind: 'too-deep', limit: 64, path: '[0].a' },
  ];

  it('explains every problem in Korean and English', () => {
    for (const problem of problems) {
      const { ko, en } = problemMessage(problem);
      expect(ko).toMatch(/[가-힣]/);
      expect(en).toMatch(/^the answer /);
      if ('path' in problem) expect([ko, en].every((m) => m.includes(problem.path))).toBe(true);
    }
  });

  it('says how large is too large, and the expected shape when given', () => {
    expect(problemMessage({ kind: 'too-large', limit: 4_000_000 }, [4, 2])).toEqual({
      ko: '답이 너무 커서 채점할 수 없습니다: 원소가 4,000,000개를 넘습니다 (기대한 모양 [4, 2]).',
      en: 'the answer is too large to judge: more than 4,000,000 elements (expected shape [4, 2]).',
    });
    expect(problemMessage({ kind: 'cycle', path: '[0][1]' }).en).toBe(
      'the answer contains itself (a cycle) at [0][1]: the value there is an array or object that encloses it.',
    );
    expect(problemMessage({ kind: 'too-deep', limit: 64, path: '[0]' }).ko).toBe(
      '답이 너무 깊이 중첩되어 채점할 수 없습니다: 위치 [0]에서 64단계를 넘습니다.',
    );
  });
});
