/**
 * Workload 4: one convolution, the size of a small convnet's second layer on MNIST: 32 images of
 * 28 × 28 × 32 convolved with 3 × 3 × 32 × 64 ('valid' padding: 26 × 26 outputs), in GFLOP/s
 * (2 · positions · window · filters operations). Ours on Float64 (its default kernel choice, and with
 * the TypeScript matmul kernel forced); TF.js on Float32 (CPU and WASM backends).
 */
import { conv2d, Rng, randomNormal } from '@gradschool/autograd';
import { setMatmulKernel } from '@gradschool/autograd/internal';
import { type Contender, interleave } from '../measure.js';
import { type TfBackend, tf, useBackend } from '../tf-backends.js';

export const CONV_SHAPE = { batch: 32, side: 28, channels: 32, kernel: 3, filters: 64 } as const;

export type ConvEngine = 'ours' | 'oursTs' | TfBackend;

export interface ConvResult {
  /** What was convolved, for the table. */
  label: string;
  gflops: Record<ConvEngine, number[]>;
}

/** Floating-point operations of one forward convolution of `CONV_SHAPE`. */
export function convFlops(): number {
  const { batch, side, channels, kernel, filters } = CONV_SHAPE;
  const out = side - kernel + 1;
  return 2 * batch * out * out * filters * kernel * kernel * channels;
}

export async function benchConv(opts: { rounds: number; seed: number }): Promise<ConvResult> {
  const { batch, side, channels, kernel, filters } = CONV_SHAPE;
  const rng = new Rng(opts.seed);
  const x = randomNormal([batch, side, side, channels], { rng });
  const k = randomNormal([kernel, kernel, channels, filters], { rng });
  const ours = (name: 'ours' | 'oursTs'): Contender<ConvEngine> => ({
    name,
    prepare: () => setMatmulKernel(name === 'ours' ? 'auto' : 'typescript'),
    run: () => conv2d(x, k),
    finish: () => setMatmulKernel('auto'),
  });
  const theirs = (backend: TfBackend): Contender<ConvEngine> => {
    let pair: [tf.Tensor4D, tf.Tensor4D] | null = null;
    return {
      name: backend,
      prepare: async () => {
        await useBackend(backend);
        pair = [
          tf.tensor4d(Float32Array.from(x.data), [batch, side, side, channels]),
          tf.tensor4d(Float32Array.from(k.data), [kernel, kernel, channels, filters]),
        ];
      },
      run: () => {
        const out = tf.conv2d(pair![0], pair![1], 1, 'valid');
        out.dataSync();
        out.dispose();
      },
      finish: () => tf.dispose(pair!),
    };
  };
  const ms = await interleave([ours('ours'), ours('oursTs'), theirs('cpu'), theirs('wasm')], {
    rounds: opts.rounds,
    roundMs: 200,
  });
  const gflops = {} as Record<ConvEngine, number[]>;
  for (const [name, times] of Object.entries(ms) as [ConvEngine, number[]][]) {
    gflops[name] = times.map((t) => convFlops() / (t / 1000) / 1e9);
  }
  return {
    label: `conv2d ${batch}x${side}x${side}x${channels} * ${kernel}x${kernel}x${channels}x${filters}`,
    gflops,
  };
}
