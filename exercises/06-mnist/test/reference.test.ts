import { Dense, Sequential, tensor } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import { argmax, confusion, countsOf, measure, mistakes } from '../checks/reference.js';

// The judge's answers must be right independently of the reference solution: pinned to small cases
// worked out by hand.
describe("exercise 06's reference answers", () => {
  it('argmax takes the first of equal largest values, as Keras does', () => {
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
    expect(argmax([0.4, 0.2, 0.4])).toBe(0);
  });

  it('counts a confusion matrix as matrix[true][predicted]', () => {
    // true 0 predicted 0, true 0 predicted 1, true 1 predicted 1, true 2 predicted 0
    expect(confusion([0, 0, 1, 2], [0, 1, 1, 0], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(countsOf([0, 0, 1, 2], 3)).toEqual([2, 1, 1]);
  });

  it('lists the most confident mistakes first, the lower index on a tie, at most k', () => {
    const p = [
      [0.9, 0.1], // predicted 0, label 1: a mistake at 0.9
      [0.3, 0.7], // predicted 1, label 1: right
      [0.2, 0.8], // predicted 1, label 0: a mistake at 0.8
      [0.1, 0.9], // predicted 1, label 0: a mistake at 0.9, after index 0
    ];
    expect(mistakes(p, [1, 1, 0, 0], 5)).toEqual([
      { index: 0, label: 1, predicted: 0, confidence: 0.9 },
      { index: 3, label: 0, predicted: 1, confidence: 0.9 },
      { index: 2, label: 0, predicted: 1, confidence: 0.8 },
    ]);
    expect(mistakes(p, [1, 1, 0, 0], 1)).toHaveLength(1);
    expect(mistakes(p, [0, 1, 1, 1], 5)).toEqual([]);
  });

  it('measures a model on bytes divided by 255, one row per image', () => {
    // One Dense(2, softmax) whose kernel reads pixel 0 for class 1 and pixel 1 for class 0: an image
    // is class 1 when its first pixel is brighter than its second.
    const model = new Sequential();
    model.add(new Dense(2, { inputShape: [2], activation: 'softmax' }));
    model.setWeights([
      tensor([
        [0, 50],
        [50, 0],
      ]),
      tensor([0, 0]),
    ]);
    const set = {
      images: Uint8Array.of(255, 0, 0, 255, 200, 10),
      labels: Uint8Array.of(1, 0, 0),
      shape: [3, 1, 2, 1] as [number, number, number, number],
    };
    const measured = measure(model, set);
    expect(measured.predicted).toEqual([1, 0, 1]);
    expect(measured.accuracy).toBeCloseTo(2 / 3, 12);
    // softmax of [50·0, 50·1] for the first image: 1 / (1 + e⁻⁵⁰).
    expect(measured.probabilities[0]![1]).toBeCloseTo(1, 12);
  });
});
