/**
 * Workload 3: square matrix products, in GFLOP/s (2·n³ floating-point operations per product).
 * Ours multiplies Float64 matrices; TF.js multiplies Float32 ones (its only float type).
 */

import { performance } from 'node:perf_hooks';
import { Rng, randomNormal } from '@gradschool/autograd';

import { type TfBackend, tf, useBackend } from '../tf-backends.js';

/** Enough products that one timed batch lasts about this long. */
const BATCH_MS = 150;

/** GFLOP/s of `product` for n x n: runs it in batches of about BATCH_MS and returns each batch's rate. */
function rates(n: number, reps: number, product: () => void): number[] {
  product(); // warm-up (JIT, kernel setup)
  const start = performance.now();
  product();
  const once = Math.max(performance.now() - start, 0.01);
  const perBatch = Math.max(1, Math.round(BATCH_MS / once));
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) product();
    const seconds = (performance.now() - t0) / 1000;
    out.push((2 * n ** 3 * perBatch) / seconds / 1e9);
  }
  return out;
}

export interface MatmulResult {
  n: number;
  /** GFLOP/s per batch. */
  ours: number[];
  tf: Partial<Record<TfBackend, number[]>>;
}

/** GFLOP/s at each size for our engine and both TF.js backends. */
export async function benchMatmul(opts: {
  reps: number;
  sizes: number[];
  seed: number;
}): Promise<MatmulResult[]> {
  const results: MatmulResult[] = [];
  for (const n of opts.sizes) {
    const rng = new Rng(opts.seed + n);
    const a = randomNormal([n, n], { rng });
    const b = randomNormal([n, n], { rng });
    const result: MatmulResult = { n, ours: rates(n, opts.reps, () => a.matmul(b)), tf: {} };
    for (const backend of ['cpu', 'wasm'] as const) {
      await useBackend(backend);
      const ta = tf.tensor2d(Float32Array.from(a.data), [n, n]);
      const tb = tf.tensor2d(Float32Array.from(b.data), [n, n]);
      result.tf[backend] = rates(n, opts.reps, () => {
        const c = tf.matMul(ta, tb);
        c.dataSync();
        c.dispose();
      });
      tf.dispose([ta, tb]);
    }
    results.push(result);
  }
  return results;
}
