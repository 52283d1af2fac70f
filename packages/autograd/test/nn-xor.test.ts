import { describe, expect, it } from 'vitest';
import { Dense, Sequential } from '../src/index.js';

// The lecture's XOR model and data (slides "모델 구현" and "모델 학습 및 테스트").
const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

function lectureModel(seed: number): Sequential {
  const model = new Sequential({ seed });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { inputDim: 5, kernelInitializer: 'normal', activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

/** Epochs until the epoch's accuracy is 1 (then stops), or null if not within `maxEpochs`. */
function epochsToSolve(seed: number, maxEpochs: number): number | null {
  const model = lectureModel(seed);
  let solvedAt: number | null = null;
  model.fit(X, Y, {
    epochs: maxEpochs,
    verbose: 0,
    callbacks: {
      onEpochEnd: (epoch, logs) => {
        if (logs.accuracy === 1) {
          solvedAt = epoch + 1;
          model.stopTraining = true;
        }
      },
    },
  });
  return solvedAt !== null && model.evaluate(X, Y).accuracy === 1 ? solvedAt : null;
}

describe("the lecture's XOR model", () => {
  // Measured for seeds 1..40 with 3000 epochs: all 40 solved, after 358..2035 epochs (median ~650);
  // seeds 1..20 all within 1013 epochs. The assertion leaves room for 2 failures out of 20.
  it('reaches accuracy 1.0 within 1500 epochs for 20/20 seeds (measured; asserts ≥ 18/20)', () => {
    const solved = Array.from({ length: 20 }, (_, i) => epochsToSolve(i + 1, 1500)).filter((e) => e !== null);
    expect(solved.length).toBeGreaterThanOrEqual(18);
  });

  it("after 1000 epochs the loss is near the lecture's 0.3597 and predictions have the right argmax", () => {
    const model = lectureModel(1);
    const history = model.fit(X, Y, { epochs: 1000, verbose: 0 });
    expect(history.loss.at(-1)!).toBeLessThan(0.45);
    expect(history.accuracy!.at(-1)).toBe(1);
    const argmax = (model.predict(X).toArray() as number[][]).map((row) => (row[0]! > row[1]! ? 0 : 1));
    expect(argmax).toEqual([0, 1, 1, 0]);
  });
});
