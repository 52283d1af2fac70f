import { describe, expect, it } from 'vitest';
import {
  binaryAccuracy,
  binaryCrossentropy,
  categoricalAccuracy,
  categoricalCrossentropy,
  Dense,
  getActivation,
  getLoss,
  gradCheck,
  meanSquaredError,
  Sequential,
  sparseCategoricalAccuracy,
  sparseCategoricalCrossentropy,
  tensor,
} from '../src/index.js';
import { resolveAccuracy } from '../src/nn/metrics.js';

const LOG_EPS = -Math.log(1e-7); // 16.118..., the loss of a prediction clipped at 1e-7
const softmax = getActivation('softmax');
const sigmoid = getActivation('sigmoid');

describe('losses (Keras semantics, values computed by hand)', () => {
  it('meanSquaredError: mean over the last axis, then over the batch', () => {
    expect(meanSquaredError(tensor([[1], [0]]), tensor([[0.5], [0]])).item()).toBeCloseTo(0.125, 15);
    // rows [(1-0)² + (2-0)²]/2 = 2.5 and [0 + 1]/2 = 0.5 → 1.5
    expect(
      meanSquaredError(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([
          [0, 0],
          [3, 5],
        ]),
      ).item(),
    ).toBeCloseTo(1.5, 15);
  });

  it('binaryCrossentropy: −(t·log p + (1−t)·log(1−p)), clipped to [1e-7, 1 − 1e-7]', () => {
    const expected = -(Math.log(0.9) + Math.log(0.8)) / 2;
    expect(binaryCrossentropy(tensor([[1], [0]]), tensor([[0.9], [0.2]])).item()).toBeCloseTo(expected, 14);
    expect(binaryCrossentropy(tensor([[1]]), tensor([[0]])).item()).toBeCloseTo(LOG_EPS, 6);
  });

  it('categoricalCrossentropy divides each row by its sum, then clips', () => {
    // [0.2, 0.6] sums to 0.8 → p = [0.25, 0.75] → −log 0.75
    expect(categoricalCrossentropy(tensor([[0, 1]]), tensor([[0.2, 0.6]])).item()).toBeCloseTo(
      -Math.log(0.75),
      14,
    );
    expect(categoricalCrossentropy(tensor([[0, 1]]), tensor([[1, 0]])).item()).toBeCloseTo(LOG_EPS, 6);
  });

  it('after a softmax activation, categoricalCrossentropy uses the logits (no clipping)', () => {
    const logits = tensor([
      [1000, 0],
      [1, 2],
    ]);
    const loss = categoricalCrossentropy(
      tensor([
        [0, 1],
        [0, 1],
      ]),
      softmax(logits),
    ).item();
    const row2 = -(2 - Math.log(Math.exp(1) + Math.exp(2)));
    expect(loss).toBeCloseTo((1000 + row2) / 2, 10);
    // the same probabilities without the activation's logits are clipped
    const probs = tensor(Array.from(softmax(logits).data), { shape: [2, 2] });
    expect(
      categoricalCrossentropy(
        tensor([
          [0, 1],
          [0, 1],
        ]),
        probs,
      ).item(),
    ).toBeCloseTo((LOG_EPS + row2) / 2, 6);
  });

  it('after a sigmoid activation, binaryCrossentropy uses the logits', () => {
    expect(binaryCrossentropy(tensor([[1]]), sigmoid(tensor([[-800]]))).item()).toBeCloseTo(800, 10);
    const z = 0.3;
    const expected = -(Math.log(1 / (1 + Math.exp(-z))) + Math.log(1 - 1 / (1 + Math.exp(-(-1.2))))) / 2;
    expect(binaryCrossentropy(tensor([[1], [0]]), sigmoid(tensor([[z], [-1.2]]))).item()).toBeCloseTo(
      expected,
      14,
    );
  });

  it('the from-logits paths have the right gradients (central differences)', () => {
    const target = tensor([
      [0, 1, 0],
      [0.2, 0.3, 0.9], // not normalized: the gradient must scale softmax by the row sum
    ]);
    const logits = tensor([
      [0.5, -1, 2],
      [3, 0.1, -0.4],
    ]);
    expect(gradCheck((z) => categoricalCrossentropy(target, softmax(z)), [logits]).ok).toBe(true);
    expect(gradCheck((t) => categoricalCrossentropy(t, softmax(logits)), [target]).ok).toBe(true);
    const bin = tensor([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const zb = tensor([
      [0.4, -2],
      [1.5, 0.2],
      [-0.7, 3],
    ]);
    expect(gradCheck((z) => binaryCrossentropy(bin, sigmoid(z)), [zb]).ok).toBe(true);
    expect(gradCheck((t) => binaryCrossentropy(t, sigmoid(zb)), [bin]).ok).toBe(true);
  });

  it('the clipped paths have the right gradients too', () => {
    const p = tensor([
      [0.2, 0.5, 0.3],
      [0.6, 0.1, 0.3],
    ]);
    const t = tensor([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(gradCheck((q) => categoricalCrossentropy(t, q), [p]).ok).toBe(true);
    expect(gradCheck((q) => binaryCrossentropy(t, q), [p]).ok).toBe(true);
    expect(gradCheck((q) => meanSquaredError(t, q), [p]).ok).toBe(true);
  });

  it('sparseCategoricalCrossentropy takes integer labels, [n] or [n, 1]', () => {
    const probs = tensor([
      [0.2, 0.8],
      [0.6, 0.4],
    ]);
    const expected = -(Math.log(0.8) + Math.log(0.6)) / 2;
    expect(sparseCategoricalCrossentropy(tensor([1, 0]), probs).item()).toBeCloseTo(expected, 14);
    expect(sparseCategoricalCrossentropy(tensor([[1], [0]]), probs).item()).toBeCloseTo(expected, 14);
    expect(sparseCategoricalCrossentropy(tensor([1]), softmax(tensor([[0, 900]]))).item()).toBeCloseTo(0, 12);
    expect(() => sparseCategoricalCrossentropy(tensor([2, 0]), probs)).toThrow(/label 2 at row 0/);
  });

  it('getLoss accepts camelCase and snake_case names and names the known ones', () => {
    expect(getLoss('categorical_crossentropy')).toBe(categoricalCrossentropy);
    expect(getLoss('binaryCrossentropy')).toBe(binaryCrossentropy);
    expect(getLoss('mean_squared_error')).toBe(meanSquaredError);
    expect(getLoss('mse')).toBe(meanSquaredError);
    expect(getLoss('sparse_categorical_crossentropy')).toBe(sparseCategoricalCrossentropy);
    expect(() => getLoss('crossentropy_x')).toThrow(/unknown loss 'crossentropy_x'; known: meanSquaredError/);
  });

  it('a shape mismatch names the loss and both shapes; [n] targets fit [n, 1] predictions', () => {
    expect(() => categoricalCrossentropy(tensor([[0, 1]]), tensor([[0.2, 0.3, 0.5]]))).toThrow(
      'categoricalCrossentropy: yTrue [1,2] and yPred [1,3] must have the same shape',
    );
    expect(meanSquaredError(tensor([1, 0]), tensor([[0.5], [0]])).item()).toBeCloseTo(0.125, 15);
  });
});

describe('accuracies', () => {
  it('binary uses the threshold > 0.5', () => {
    expect(binaryAccuracy(tensor([[1], [0], [0], [1]]), tensor([[0.7], [0.5], [0.51], [0.2]]))).toBe(0.5);
  });

  it('categorical compares argmaxes; sparse compares the label with the argmax', () => {
    const pred = tensor([
      [0.3, 0.7],
      [0.4, 0.6],
      [0.9, 0.1],
    ]);
    expect(
      categoricalAccuracy(
        tensor([
          [0, 1],
          [1, 0],
          [1, 0],
        ]),
        pred,
      ),
    ).toBeCloseTo(2 / 3, 15);
    expect(sparseCategoricalAccuracy(tensor([1, 0, 0]), pred)).toBeCloseTo(2 / 3, 15);
  });

  it("'accuracy' resolves as Keras does: binary for one output, sparse for label targets, else categorical", () => {
    const t = (shape: number[]) => tensor(new Float64Array(shape.reduce((a, b) => a * b, 1)), { shape });
    expect(resolveAccuracy(t([4, 1]), t([4, 1]))).toBe('binary');
    expect(resolveAccuracy(t([4]), t([4, 1]))).toBe('binary');
    expect(resolveAccuracy(t([4, 2]), t([4, 2]))).toBe('categorical');
    expect(resolveAccuracy(t([4]), t([4, 3]))).toBe('sparseCategorical');
    expect(resolveAccuracy(t([4, 1]), t([4, 3]))).toBe('sparseCategorical');
  });
});

describe('which path a model output takes', () => {
  it('evaluate uses the logits (as Keras); a predict() result is plain probabilities (as numpy in Keras)', () => {
    const model = new Sequential({ seed: 1 });
    model.add(new Dense(2, { inputDim: 1, activation: 'softmax' }));
    model.setWeights([[[40, -40]], [0, 0]]); // x = 1 → logits [40, −40]: p₁ ≈ e^−80, below the clip
    model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    expect(model.evaluate([[1]], [[0, 1]]).loss).toBeCloseTo(80, 10);
    expect(categoricalCrossentropy(tensor([[0, 1]]), model.predict([[1]])).item()).toBeCloseTo(LOG_EPS, 6);
  });
});
