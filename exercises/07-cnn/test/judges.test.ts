/**
 * The training judge on made-up probes: an untrained mnist_convnet (the right model, never fitted)
 * fails on the test images with its accuracy, the table and the pictures still attached; a model that
 * is not mnist_convnet, a missing history and a plain object fail before any measuring.
 */
import { Sequential, setSeed } from '@gradschool/autograd';
import { type ModelData, modelData } from '@gradschool/exercise-kit';
import { describe, expect, it, vi } from 'vitest';
import { TEST_COUNT, testImages, trainInput } from '../checks/data.js';
import { judgeConvModel } from '../checks/model.js';
import {
  firstLayerPictures,
  judgeTrain,
  mlpAccuracy,
  REQUIRED_ACCURACY,
  toGrey,
} from '../checks/training.js';
import * as solution from '../solution/cnn.js';

const input = trainInput(4242);

describe("exercise 07's judges", () => {
  it('fails an untrained mnist_convnet on the unseen test images, with the table and pictures', () => {
    setSeed(1);
    const model = solution.makeConvModel();
    const verdict = judgeTrain({ model: modelData(model), loss: [2.3, 2.2], accuracy: [0.1, 0.2] }, input);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(
      new RegExp(
        `classifies [\\d.]+% of ${TEST_COUNT} unseen test images right \\(the bar is ${100 * REQUIRED_ACCURACY}.0%`,
      ),
    );
    expect(verdict.message.ko).toContain('255로 나눴는지');
    expect(verdict.table?.rows[1]?.[0]).toBe('MLP 784-128-10 (06)');
    expect(verdict.pictures).toHaveLength(15);
    expect(verdict.chart?.series[0]?.values).toEqual([2.3, 2.2]);
  }, 120_000);

  it("trains 06's MLP once per training input: a second judgment under the same seed reuses it", () => {
    const fits = vi.spyOn(Sequential.prototype, 'fit');
    try {
      const mlp = (seed: number) => {
        const again = trainInput(seed); // rebuilt, as each grading builds its input
        return mlpAccuracy(again, testImages(again.testSeed));
      };
      // `input`'s MLP may be trained already (the first test judged it): at most once, then never again
      const first = mlp(4242);
      const trained = fits.mock.calls.length;
      expect(trained).toBeLessThanOrEqual(1);
      expect(mlp(4242)).toBe(first);
      expect(fits).toHaveBeenCalledTimes(trained);
      mlp(4243); // another seed: other images, another MLP
      expect(fits).toHaveBeenCalledTimes(trained + 1);
    } finally {
      fits.mockRestore();
    }
  }, 120_000);

  it('names the first layer that is not mnist_convnet, and a model that is not one', () => {
    const dense = new Sequential();
    const wrong = judgeTrain({ model: modelData(dense), loss: [1], accuracy: [1] }, input);
    expect(wrong.pass).toBe(false);
    const fake = judgeTrain({ model: { unreadable: 'got object' }, loss: [1], accuracy: null }, input);
    expect(fake.message.en).toContain('cannot be read as a model');
    const data = modelData(solution.makeConvModel()) as ModelData;
    const structure = judgeConvModel({ ...data, layers: data.layers.filter((_, k) => k !== 5) });
    expect(structure.pass).toBe(false);
    expect(structure.message.en).toMatch(/expected 7 layers \(Conv2D\(32, \[3, 3\], relu\)/);
  });

  it('fails a trained model whose history is not a finite loss per epoch', () => {
    const verdict = judgeTrain(
      { model: modelData(solution.makeConvModel()), loss: [Number.NaN], accuracy: null },
      input,
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toContain('history.loss should hold one finite number per epoch');
  });

  it('scales filters to their whole range and feature maps from 0 to their largest value', () => {
    expect(toGrey([-1, 0, 1])).toEqual([0, 128, 255]);
    expect(toGrey([0, 2, 4], 0)).toEqual([0, 128, 255]);
    expect(toGrey([3, 3])).toEqual([0, 0]);
    setSeed(2);
    const model = solution.makeConvModel();
    const digit = input.data.images.subarray(0, 784);
    const pictures = firstLayerPictures(model, digit, input.data.labels[0]!);
    expect(pictures[0]?.pixels).toEqual(Array.from(digit));
    expect(pictures[0]?.caption.en).toBe(`test image (label ${input.data.labels[0]})`);
    expect(pictures.slice(1).map((p) => p.caption.en)).toContain('feature map 7 (26×26)');
  });
});
