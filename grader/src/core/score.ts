/**
 * Points, in one place: a check's points, an exercise's sum of its checks, a run's sum of its
 * exercises, and the percentage every report and the exit code show. Scores are kept to three
 * decimals, so partial credit (a third of a point) sums without float noise (0.1 + 0.2) anywhere.
 */

/** What is summed: points earned (absent: none) out of a maximum. */
export interface Scored {
  score?: number;
  maxScore: number;
}

/**
 * A score to three decimals, the precision of every score the grader reports.
 *
 * @example
 * roundScore(1 / 3) // 0.333
 */
export function roundScore(points: number): number {
  return Math.round(points * 1000) / 1000;
}

/**
 * The points earned and available over `items` (checks, exercises, gradebook columns): the score
 * rounded with `roundScore`, the maximum as is.
 *
 * @example
 * sumScores([{ score: 0.1, maxScore: 1 }, { score: 0.2, maxScore: 2 }]) // { score: 0.3, maxScore: 3 }
 */
export function sumScores(items: Iterable<Scored>): { score: number; maxScore: number } {
  let score = 0;
  let maxScore = 0;
  for (const item of items) {
    score += item.score ?? 0;
    maxScore += item.maxScore;
  }
  return { score: roundScore(score), maxScore };
}

/**
 * An exercise's maximum: the sum of its checks' points (as loaded, before anything ran).
 *
 * @example
 * maxScoreOfChecks([{ points: 2 }, { points: 3 }]) // 5
 */
export function maxScoreOfChecks(checks: readonly { points: number }[]): number {
  return sumScores(checks.map((check) => ({ maxScore: check.points }))).maxScore;
}

/**
 * `score / maxScore` as a whole percentage (0 when there is nothing to score): what reports show.
 *
 * @example
 * percent(2, 3) // 67
 */
export function percent(score: number, maxScore: number): number {
  return maxScore > 0 ? Math.round((score / maxScore) * 100) : 0;
}

/**
 * `score / maxScore` in percent, not rounded (0 when there is nothing to score): what `--min-score`
 * compares with.
 *
 * @example
 * exactPercent(2, 3) // 66.666...
 */
export function exactPercent(score: number, maxScore: number): number {
  return maxScore === 0 ? 0 : (100 * score) / maxScore;
}

/** The hidden part of a run's total: announced (not run, not in the maximum) and graded. */
export interface HiddenTotals {
  /** Hidden checks a local run only announces: how many and their points (not in `maxScore`). */
  pending: { checks: number; points: number };
  /** Hidden checks this run graded (record grading): how many, their points and what they earned. */
  graded: { checks: number; points: number; score: number };
}

/**
 * The hidden checks over a report's exercises, for the total line: what a student's run leaves for
 * record grading, and what record grading counted.
 *
 * @example
 * hiddenTotals(report.exercises).pending // { checks: 1, points: 2 }
 */
export function hiddenTotals(
  exercises: readonly {
    hidden?: { checks: number; points: number; graded: boolean };
    checks: readonly { hidden?: boolean; score: number; maxScore: number }[];
  }[],
): HiddenTotals {
  const totals: HiddenTotals = {
    pending: { checks: 0, points: 0 },
    graded: { checks: 0, points: 0, score: 0 },
  };
  for (const ex of exercises) {
    if (!ex.hidden) continue;
    const part = ex.hidden.graded ? totals.graded : totals.pending;
    part.checks += ex.hidden.checks;
    part.points = roundScore(part.points + ex.hidden.points);
    if (ex.hidden.graded)
      totals.graded.score = roundScore(
        totals.graded.score + sumScores(ex.checks.filter((c) => c.hidden)).score,
      );
  }
  return totals;
}
