/**
 * The cases of `conv2dNaive` and their expected values, computed by the trusted engine's `conv2d`
 * (one image, one channel, one filter): the judge never holds a loop of its own that would be the answer.
 */
import * as engine from '@gradschool/autograd';
import { Rng } from '@gradschool/autograd';

export interface ConvCase {
  image: number[][];
  kernel: number[][];
  bias: number;
}

const grid = (rng: Rng, rows: number, cols: number, scale: number) =>
  Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => Math.round((rng.uniform() * 2 - 1) * scale * 100) / 100),
  );

/**
 * The README's example (a 3 × 3 image of 1…9, the 2 × 2 diagonal filter), a vertical-edge filter on a
 * small step image, then random images with non-square filters (where rows and columns swapped, a
 * flipped filter or an output one too small show).
 */
export function convCases(seed: number): ConvCase[] {
  const rng = new Rng(seed);
  const between = (lo: number, hi: number) => lo + rng.int(hi - lo + 1);
  const fixed: ConvCase[] = [
    {
      image: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      kernel: [
        [1, 0],
        [0, 1],
      ],
      bias: 0,
    },
    {
      image: Array.from({ length: 5 }, () => [0, 0, 0, 1, 1, 1]),
      kernel: [
        [-1, 0, 1],
        [-1, 0, 1],
        [-1, 0, 1],
      ],
      bias: 0,
    },
  ];
  const random = Array.from({ length: 4 }, (): ConvCase => {
    const [kh, kw] = [between(1, 4), between(2, 4)];
    return {
      image: grid(rng, between(kh + 1, 9), between(kw + 2, 9), 3),
      kernel: grid(rng, kh, kw, 1),
      bias: Math.round((rng.uniform() - 0.5) * 100) / 100,
    };
  });
  return [...fixed, ...random];
}

/** The engine's convolution of one case: [h, w] image, [kh, kw] filter, plus the bias. */
export function expectedConv({ image, kernel, bias }: ConvCase): number[][] {
  const x = engine.tensor(image.flat(), { shape: [1, image.length, image[0]!.length, 1] });
  const k = engine.tensor(kernel.flat(), { shape: [kernel.length, kernel[0]!.length, 1, 1] });
  const out = engine.conv2d(x, k).add(bias);
  const [, h, w] = out.shape as [number, number, number, number];
  return Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => out.data[i * w + j]!));
}
