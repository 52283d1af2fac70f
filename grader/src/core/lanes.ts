/**
 * Which sandbox child ("lane") runs each check when an exercise's checks run side by side (a regrade
 * on save, on a machine with cores to spare: `RunOptions.lanes`, `REGRADE_LANES`).
 *
 * The split is a function of the suite alone, never of timing: the same suite always splits the same
 * way, so a regrade's result does not depend on which probe happened to finish first. Each check's
 * time limit stands for what it costs (the heavy training checks carry the long limits), and the
 * classic longest-first rule gives each check, dearest first, to the lane with the least work so far.
 * A lane still runs its checks in the suite's order, and a check whose `dependsOn` ran in another
 * lane waits for that check's result.
 */

import { availableParallelism } from 'node:os';

/**
 * Lanes of a regrade on save (watch mode, the UI): two on a machine with four cores or more, else
 * one. The grader's own thread judges while the children probe, so two lanes need a core each beside
 * it: on the course's 2-core machine (two logical cores) two lanes made the slowest regrades slower,
 * 05-optimizers 674 ms against 529 ms with one (medians of 5, interleaved; `bench/README.md`).
 */
export const REGRADE_LANES = availableParallelism() >= 4 ? 2 : 1;

/** What the split needs of a check: its id and its time limit (the stand-in for its cost). */
export interface LaneCheck {
  id: string;
  limitMs: number;
}

/**
 * The checks of each lane, in the suite's order; `lanes` lists (fewer when there are fewer checks),
 * none of them empty.
 *
 * @example
 * ```ts
 * splitIntoLanes([{ id: 'a', limitMs: 5000 }, { id: 'b', limitMs: 60000 }, { id: 'c', limitMs: 5000 }], 2)
 * // → [['b'], ['a', 'c']]  (by index: [[1], [0, 2]])
 * ```
 */
export function splitIntoLanes(checks: readonly LaneCheck[], lanes: number): number[][] {
  const count = Math.max(1, Math.min(Math.floor(lanes), checks.length));
  const work = new Array<number>(count).fill(0);
  const laneOf = new Array<number>(checks.length).fill(0);
  // Dearest first; among equals, the suite's order (a stable sort), so the split is reproducible.
  const byCost = checks.map((check, index) => ({ index, cost: check.limitMs }));
  byCost.sort((a, b) => b.cost - a.cost);
  for (const { index, cost } of byCost) {
    const lane = work.indexOf(Math.min(...work));
    laneOf[index] = lane;
    work[lane] = (work[lane] ?? 0) + cost;
  }
  const result: number[][] = Array.from({ length: count }, () => []);
  for (const [index, lane] of laneOf.entries()) result[lane]?.push(index);
  return result.filter((lane) => lane.length > 0);
}

/** What the fail-fast order needs of a check: its cost and what it depends on. */
export interface OrderedCheck extends LaneCheck {
  /** How many seeds grade it (`Check.seeds`): each is a whole probe. */
  seeds?: number;
  dependsOn?: readonly string[];
}

/**
 * The order of a fail-fast grading (`pnpm verify`'s mutants, which only need to lose one point):
 * cheapest first, by time limit × seeds (its own and those of the checks it depends on), the suite's
 * order among equals, and every check after the checks it depends on. A mutant of 06's confusion matrix is then caught in milliseconds instead of
 * after the two trainings of the check before it in the suite.
 *
 * @example
 * ```ts
 * cheapestFirst([{ id: 'train', limitMs: 90000, seeds: 2 }, { id: 'cm', limitMs: 5000 }])  // → [1, 0]
 * ```
 */
export function cheapestFirst(checks: readonly OrderedCheck[]): number[] {
  const indexOf = new Map(checks.map((check, index) => [check.id, index]));
  const own = (i: number) => (checks[i]?.limitMs ?? 0) * Math.max(1, checks[i]?.seeds ?? 1);
  /** The check and everything it depends on, directly or not. */
  const closure = (index: number, seen = new Set<number>()): Set<number> => {
    if (seen.has(index)) return seen;
    seen.add(index);
    for (const dep of checks[index]?.dependsOn ?? []) {
      const at = indexOf.get(dep);
      if (at !== undefined) closure(at, seen);
    }
    return seen;
  };
  // What reaching a check costs: a cheap check that depends on a training costs the training too.
  const cost = checks.map((_, index) => [...closure(index)].reduce((sum, i) => sum + own(i), 0));
  const byCost = checks.map((_, index) => index).sort((a, b) => cost[a]! - cost[b]! || a - b);
  const order: number[] = [];
  const placed = new Set<number>();
  const place = (index: number) => {
    if (placed.has(index)) return;
    placed.add(index);
    for (const dep of checks[index]?.dependsOn ?? []) {
      const at = indexOf.get(dep);
      if (at !== undefined) place(at);
    }
    order.push(index);
  };
  for (const index of byCost) place(index);
  return order;
}
