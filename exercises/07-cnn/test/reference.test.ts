/**
 * The judge's expected values come from the trusted engine (`conv2d`, the layers' `outputShape` and
 * `countParams`): pin those to numbers worked out by hand, so a judge cannot drift with the engine.
 */
import { describe, expect, it } from 'vitest';
import { convCases, expectedConv } from '../checks/conv.js';
import { CONVNET_CASES, engineFacts, randomCases } from '../checks/shapes.js';

describe("exercise 07's reference values", () => {
  it("convolves the README's example and an edge filter as worked out by hand", () => {
    const [readme, edge] = convCases(1);
    expect(expectedConv(readme!)).toEqual([
      [6, 8],
      [12, 14],
    ]);
    // The step from 0 to 1 between columns 2 and 3: the window over columns 1–3 and 2–4 sees it (3 rows × 1).
    expect(expectedConv(edge!)).toEqual([
      [0, 3, 3, 0],
      [0, 3, 3, 0],
      [0, 3, 3, 0],
    ]);
    expect(expectedConv({ ...readme!, bias: 0.5 })[0]).toEqual([6.5, 8.5]);
  });

  it("gives mnist_convnet's shapes and parameter counts (Keras's summary)", () => {
    expect(CONVNET_CASES.map(engineFacts)).toEqual([
      { shape: [26, 26, 32], params: 320 },
      { shape: [13, 13, 32], params: 0 },
      { shape: [11, 11, 64], params: 18_496 },
      { shape: [5, 5, 64], params: 0 },
    ]);
  });

  it('draws random layers of both kinds and paddings whose windows fit, the same for the same seed', () => {
    const cases = randomCases(99);
    expect(cases).toEqual(randomCases(99));
    expect(new Set(cases.map((c) => `${c.layer.kind} ${c.layer.padding}`)).size).toBe(4);
    for (const { layer, input } of cases) {
      const window = layer.kind === 'Conv2D' ? layer.kernelSize : layer.poolSize;
      expect(input[0]).toBeGreaterThanOrEqual(window[0]);
      expect(input[1]).toBeGreaterThanOrEqual(window[1]);
    }
    // By hand: 'valid' ⌊(31 − 5) / 3⌋ + 1 = 9; 'same' ⌈31 / 3⌉ = 11.
    const conv = {
      kind: 'Conv2D' as const,
      filters: 4,
      kernelSize: [5, 5] as [number, number],
      strides: [3, 3] as [number, number],
      useBias: false,
    };
    expect(engineFacts({ layer: { ...conv, padding: 'valid' }, input: [31, 31, 2] })).toEqual({
      shape: [9, 9, 4],
      params: 5 * 5 * 2 * 4,
    });
    expect(engineFacts({ layer: { ...conv, padding: 'same' }, input: [31, 31, 2] }).shape).toEqual([
      11, 11, 4,
    ]);
  });
});
