/** One line of the results table: a median for our engine and, where it applies, for TF.js. */
export interface Row {
  /** Which workload (`XOR`, `MNIST MLP`, `matmul 256`, `grader`). */
  workload: string;
  /** What is measured, e.g. `training time` or `samples/s`. */
  metric: string;
  unit: string;
  /** Whether a larger number is better (throughput) or a smaller one (time, memory). */
  better: 'higher' | 'lower';
  ours: number;
  /** Ours with the TypeScript matmul kernels only (the readable reference), where it differs. */
  oursTs?: number;
  tfCpu?: number;
  tfWasm?: number;
  /** The goal from issue 8 and whether this run met it. */
  target?: { text: string; met: boolean };
  /** The individual runs, for the reader who wants the spread. */
  runs?: { ours: number[]; oursTs?: number[]; tfCpu?: number[]; tfWasm?: number[] };
}

/** How many times better ours is than `other` (> 1: ours wins), whichever direction is better. */
export function speedup(row: Row, other: number | undefined): number | undefined {
  if (other === undefined || other === 0 || row.ours === 0) return undefined;
  return row.better === 'higher' ? row.ours / other : other / row.ours;
}
