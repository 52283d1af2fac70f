import { Rng } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import {
  bce,
  cce,
  centralDifferences,
  mse,
  randomMatrix,
  refSoftmax,
  softmaxGradient,
} from '../checks/math.js';

// The judge's expected values must be right independently of any solution: pin them to the lecture's
// numbers and to central differences.
describe("exercise 03's judge math", () => {
  it("reproduces the lecture's softmax example and stays finite for large inputs", () => {
    const got = refSoftmax([1, 1, 2]);
    for (const [i, v] of [0.21194156, 0.21194156, 0.57611688].entries()) expect(got[i]).toBeCloseTo(v, 8);
    expect(refSoftmax([1000, 1001, 1002]).every(Number.isFinite)).toBe(true);
  });

  it('computes the losses of the slides as Keras does', () => {
    expect(mse([[90], [20], [95]], [[30], [80], [85]])).toBeCloseTo(7300 / 3, 9);
    expect(bce([[1], [0], [1]], [[0.1], [0.8], [0.6]])).toBeCloseTo(
      -(Math.log(0.1) + Math.log(0.2) + Math.log(0.6)) / 3,
      12,
    );
    // Clipping: a prediction of 0 for the target class costs −log(1e-7), not Infinity.
    expect(cce([[0, 1]], [[1, 0]])).toBeCloseTo(-Math.log(1e-7), 9);
    expect(bce([[1]], [[0]])).toBeCloseTo(-Math.log(1e-7), 9);
  });

  it('has an analytic softmax gradient equal to central differences', () => {
    const rng = new Rng(7);
    const x = randomMatrix(rng, 3, 4, -3, 3);
    const c = randomMatrix(rng, 3, 4, -1, 1);
    const loss = (m: number[][]) =>
      m.reduce((acc, row, i) => acc + refSoftmax(row).reduce((s, y, j) => s + y * c[i]![j]!, 0), 0);
    const numeric = centralDifferences(loss, x);
    for (const [i, row] of softmaxGradient(x, c).entries()) {
      for (const [j, g] of row.entries()) expect(g).toBeCloseTo(numeric[i]![j]!, 8);
    }
  });
});
