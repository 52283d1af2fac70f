/**
 * Workload 3: square matrix products, in GFLOP/s (2·n³ floating-point operations per product).
 * Ours multiplies Float64 matrices (with its default kernel choice, and with the TypeScript
 * reference kernel forced); TF.js multiplies Float32 ones (its only float type).
 */
import { performance } from 'node:perf_hooks';
import { Rng, randomNormal } from '@gradschool/autograd';
import { setMatmulKernel } from '@gradschool/autograd/internal';
import { type Contender, interleave } from '../measure.js';
import { type TfBackend, tf, useBackend } from '../tf-backends.js';

/** Products per timed run: about this many milliseconds of work. */
const RUN_MS = 25;

/** How many calls of `product` take about RUN_MS (after a warm-up call). */
function calibrate(product: () => void): number {
  product();
  const start = performance.now();
  product();
  return Math.max(1, Math.round(RUN_MS / Math.max(performance.now() - start, 0.005)));
}

/** The compared engines: ours (default kernel choice), ours with only TypeScript, TF.js CPU and WASM. */
export type MatmulEngine = 'ours' | 'oursTs' | TfBackend;

export interface MatmulResult {
  n: number;
  /** GFLOP/s per timed run, per engine. */
  gflops: Record<MatmulEngine, number[]>;
}

/** GFLOP/s at each size, engines interleaved. */
export async function benchMatmul(opts: {
  rounds: number;
  sizes: number[];
  seed: number;
}): Promise<MatmulResult[]> {
  const results: MatmulResult[] = [];
  for (const n of opts.sizes) {
    const rng = new Rng(opts.seed + n);
    const a = randomNormal([n, n], { rng });
    const b = randomNormal([n, n], { rng });
    const batches = new Map<MatmulEngine, number>();
    const batched = (name: MatmulEngine, product: () => void) => () => {
      if (!batches.has(name)) batches.set(name, calibrate(product));
      const count = batches.get(name)!;
      for (let i = 0; i < count; i++) product();
    };
    const ours = (name: 'ours' | 'oursTs'): Contender<MatmulEngine> => ({
      name,
      prepare: () => setMatmulKernel(name === 'ours' ? 'auto' : 'typescript'),
      run: batched(name, () => a.matmul(b)),
      finish: () => setMatmulKernel('auto'),
    });
    const tfContender = (backend: TfBackend): Contender<MatmulEngine> => {
      let pair: [tf.Tensor2D, tf.Tensor2D] | null = null;
      return {
        name: backend,
        prepare: async () => {
          await useBackend(backend);
          pair = [
            tf.tensor2d(Float32Array.from(a.data), [n, n]),
            tf.tensor2d(Float32Array.from(b.data), [n, n]),
          ];
        },
        run: batched(backend, () => {
          const c = tf.matMul(pair![0], pair![1]);
          c.dataSync();
          c.dispose();
        }),
        finish: () => tf.dispose(pair!),
      };
    };
    const ms = await interleave([ours('ours'), ours('oursTs'), tfContender('cpu'), tfContender('wasm')], {
      rounds: opts.rounds,
      roundMs: 100,
    });
    const gflops = {} as Record<MatmulEngine, number[]>;
    for (const [name, times] of Object.entries(ms) as [MatmulEngine, number[]][]) {
      gflops[name] = times.map((t) => (2 * n ** 3 * batches.get(name)!) / (t / 1000) / 1e9);
    }
    results.push({ n, gflops });
  }
  return results;
}
