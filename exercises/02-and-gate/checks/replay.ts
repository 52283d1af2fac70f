/**
 * The judge's own AND-gate training, draw for draw as the README documents it, so `trainAndGate`
 * can be compared round by round without the reference solution.
 */
import { Rng } from '@gradschool/autograd';

/** The lecture's truth tables, in the order (0,0), (0,1), (1,0), (1,1). */
export const INPUTS: [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const TRUTH = {
  AND: [0, 0, 0, 1],
  OR: [0, 1, 1, 1],
  NAND: [1, 1, 1, 0],
  XOR: [0, 1, 1, 0],
};

/** The step activation chosen in exercise 01: 1 for x >= 0. */
export const stepOf = (x: number): number => (x >= 0 ? 1 : 0);

/** One round as `trainAndGate` reports it. */
export interface RoundOf {
  round: number;
  w1: number;
  w2: number;
  b: number;
  rows: { x1: number; x2: number; d: number; y: number }[];
  accuracy: number;
}

/** Replays `trainAndGate({ lr, seed, maxRounds })`. */
export function trainAndGateOf(lr: number, seed: number, maxRounds = 100): RoundOf[] {
  const rng = new Rng(seed);
  let w1 = rng.uniform(-1, 1);
  let w2 = rng.uniform(-1, 1);
  let b = rng.uniform(-1, 1);
  const out: RoundOf[] = [];
  for (let round = 1; round <= maxRounds; round++) {
    INPUTS.forEach(([x1, x2], i) => {
      const delta = lr * ((TRUTH.AND[i] as number) - stepOf(w1 * x1 + w2 * x2 + b));
      w1 += delta * x1;
      w2 += delta * x2;
      b += delta;
    });
    const rows = INPUTS.map(([x1, x2], i) => ({
      x1,
      x2,
      d: TRUTH.AND[i] as number,
      y: stepOf(w1 * x1 + w2 * x2 + b),
    }));
    const accuracy = rows.filter((r) => r.y === r.d).length / rows.length;
    out.push({ round, w1, w2, b, rows, accuracy });
    if (accuracy === 1) break;
  }
  return out;
}
