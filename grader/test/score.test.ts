import { describe, expect, it } from 'vitest';
import { exactPercent, maxScoreOfChecks, percent, roundScore, sumScores } from '../src/core/score.js';

describe('score', () => {
  it('sums scores to three decimals and maxima as they are', () => {
    expect(sumScores([])).toEqual({ score: 0, maxScore: 0 });
    expect(
      sumScores([
        { score: 0.1, maxScore: 1 },
        { score: 0.2, maxScore: 2 },
      ]),
    ).toEqual({ score: 0.3, maxScore: 3 });
    expect(sumScores([{ maxScore: 4 }, { maxScore: 5 }])).toEqual({ score: 0, maxScore: 9 });
    expect(roundScore(1 / 3)).toBe(0.333);
    expect(maxScoreOfChecks([{ points: 2 }, { points: 3 }])).toBe(5);
  });

  it('gives whole percentages to show and exact ones to compare', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 0)).toBe(0);
    expect(exactPercent(2, 3)).toBeCloseTo(66.6667, 3);
    expect(exactPercent(5, 0)).toBe(0);
  });
});
