/**
 * The judge's knowledge of Conv2D and MaxPooling2D shapes and parameter counts: the trusted engine's
 * own layers, built on random settings, never a formula of the judge's (that would be the answer).
 */
import * as engine from '@gradschool/autograd';
import { Rng } from '@gradschool/autograd';
import type { LayerSpec, Shape3 } from '../src/cnn.js';

export interface LayerCase {
  layer: LayerSpec;
  input: Shape3;
}

/** mnist_convnet's four window layers, as the lecture's model stacks them. */
export const CONVNET_CASES: LayerCase[] = [
  {
    layer: {
      kind: 'Conv2D',
      filters: 32,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      useBias: true,
    },
    input: [28, 28, 1],
  },
  {
    layer: { kind: 'MaxPooling2D', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
    input: [26, 26, 32],
  },
  {
    layer: {
      kind: 'Conv2D',
      filters: 64,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      useBias: true,
    },
    input: [13, 13, 32],
  },
  {
    layer: { kind: 'MaxPooling2D', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
    input: [11, 11, 64],
  },
];

/**
 * Random layers from `seed`: both kinds, both paddings, non-square windows, steps 1–3, odd sizes
 * (where 'valid' drops a remainder and 'same' rounds up), every window fitting its input.
 */
export function randomCases(seed: number, count = 12): LayerCase[] {
  const rng = new Rng(seed);
  const between = (lo: number, hi: number) => lo + rng.int(hi - lo + 1);
  return Array.from({ length: count }, (_, k): LayerCase => {
    const window: [number, number] = [between(1, 5), between(1, 5)];
    const strides: [number, number] = [between(1, 3), between(1, 3)];
    const padding = k % 2 === 0 ? 'valid' : 'same';
    const input: Shape3 = [between(window[0], 31), between(window[1], 31), between(1, 8)];
    const layer: LayerSpec =
      k % 4 < 2
        ? {
            kind: 'Conv2D',
            filters: between(1, 64),
            kernelSize: window,
            strides,
            padding,
            useBias: k % 3 !== 2,
          }
        : { kind: 'MaxPooling2D', poolSize: window, strides, padding };
    return { layer, input };
  });
}

/** The engine's layer for `spec`, built on `input`. */
function engineLayer({ layer, input }: LayerCase): engine.Layer {
  const built =
    layer.kind === 'Conv2D'
      ? new engine.Conv2D(layer.filters, layer.kernelSize, {
          strides: layer.strides,
          padding: layer.padding,
          useBias: layer.useBias,
        })
      : new engine.MaxPooling2D({ poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding });
  built.build(input, new Rng(0));
  return built;
}

/** What the engine says one image of shape `input` becomes, and how many weights the layer has. */
export function engineFacts(c: LayerCase): { shape: number[]; params: number } {
  const layer = engineLayer(c);
  return { shape: layer.outputShape(c.input), params: layer.countParams() };
}

/** The layer as the code that builds it: `new Conv2D(32, [3, 3], { strides: [1, 1], padding: 'valid' })` on [28, 28, 1]. */
export function describeCase({ layer, input }: LayerCase): string {
  const pair = (p: number[]) => `[${p.join(', ')}]`;
  const made =
    layer.kind === 'Conv2D'
      ? `Conv2D(${layer.filters}, ${pair(layer.kernelSize)}, { strides: ${pair(layer.strides)}, padding: '${layer.padding}', useBias: ${layer.useBias} })`
      : `MaxPooling2D({ poolSize: ${pair(layer.poolSize)}, strides: ${pair(layer.strides)}, padding: '${layer.padding}' })`;
  return `${made}, input ${pair(input)}`;
}
