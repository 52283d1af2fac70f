/**
 * The two small problems the trajectory checks descend: a separable quadratic bowl and Rosenbrock's
 * banana valley. Their gradients are plain arithmetic on numbers, so the sandbox (which feeds them to
 * the student's optimizer) and the judge (which replays the steps) compute bit-for-bit the same values
 * from the same positions.
 */
import type { Rng } from '@gradschool/autograd';

/** One parameter tensor of a problem: its shape and its starting values (row-major). */
export interface ParamStart {
  shape: number[];
  values: number[];
}

/** f(w) = ½ Σᵢ aᵢ (wᵢ − cᵢ)², one curvature `a` and centre `c` per entry of each parameter. */
export interface Quadratic {
  kind: 'quadratic';
  params: ParamStart[];
  curvature: number[][];
  centre: number[][];
}

/** f(x, y) = (1 − x)² + 100 (y − x²)², one parameter of shape [2] holding (x, y). */
export interface Rosenbrock {
  kind: 'rosenbrock';
  params: ParamStart[];
}

export type Problem = Quadratic | Rosenbrock;

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const draw = (rng: Rng, n: number, lo: number, hi: number): number[] =>
  Array.from({ length: n }, () => round(rng.uniform(lo, hi)));

/**
 * A quadratic over two parameters shaped like a layer's kernel [2, 3] and bias [3], so that an
 * optimizer sharing one state array between parameters (instead of one per parameter) goes wrong.
 */
export function randomQuadratic(rng: Rng): Quadratic {
  const shapes = [[2, 3], [3]];
  const sizes = shapes.map((shape) => shape.reduce((a, b) => a * b, 1));
  return {
    kind: 'quadratic',
    params: shapes.map((shape, j) => ({ shape, values: draw(rng, sizes[j]!, -3, 3) })),
    curvature: sizes.map((n) => draw(rng, n, 0.5, 3)),
    centre: sizes.map((n) => draw(rng, n, -2, 2)),
  };
}

/** Rosenbrock from near its classic start (−1.2, 1). */
export function randomRosenbrock(rng: Rng): Rosenbrock {
  return {
    kind: 'rosenbrock',
    params: [
      { shape: [2], values: [round(-1.2 + rng.uniform(-0.2, 0.2)), round(1 + rng.uniform(-0.2, 0.2))] },
    ],
  };
}

/** The gradient of `problem` at `positions` (one array per parameter), as plain arrays. */
export function gradientsAt(problem: Problem, positions: readonly (readonly number[])[]): number[][] {
  if (problem.kind === 'rosenbrock') {
    const [x, y] = positions[0] as [number, number];
    return [[2 * (x - 1) - 400 * x * (y - x * x), 200 * (y - x * x)]];
  }
  return positions.map((w, j) => w.map((wi, i) => problem.curvature[j]![i]! * (wi - problem.centre[j]![i]!)));
}

/** The value of `problem` at `positions`, for the messages. */
export function valueAt(problem: Problem, positions: readonly (readonly number[])[]): number {
  if (problem.kind === 'rosenbrock') {
    const [x, y] = positions[0] as [number, number];
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  }
  let sum = 0;
  positions.forEach((w, j) => {
    w.forEach((wi, i) => {
      sum += 0.5 * problem.curvature[j]![i]! * (wi - problem.centre[j]![i]!) ** 2;
    });
  });
  return sum;
}
