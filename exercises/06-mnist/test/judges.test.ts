import { Dense, Sequential, setSeed } from '@gradschool/autograd';
import { modelData } from '@gradschool/exercise-kit';
import { describe, expect, it } from 'vitest';
import { TEST_COUNT } from '../checks/data.js';
import {
  confusionTable,
  judgeStructure,
  judgeTraining,
  mistakePicture,
  structureProblem,
} from '../checks/model.js';

function mlp(
  hidden: { units: number; activation: 'relu' | 'sigmoid' | 'softmax' }[],
  out = { units: 10, activation: 'softmax' as const },
  input = 784,
) {
  setSeed(7);
  const model = new Sequential();
  for (const [k, h] of hidden.entries())
    model.add(new Dense(h.units, { activation: h.activation, ...(k === 0 ? { inputShape: [input] } : {}) }));
  model.add(
    new Dense(out.units, {
      activation: out.activation,
      ...(hidden.length === 0 ? { inputShape: [input] } : {}),
    }),
  );
  return model;
}

const data = (model: Sequential) => {
  const d = modelData(model);
  if ('unreadable' in d) throw new Error(d.unreadable);
  return d;
};

describe("exercise 06's model judges", () => {
  it('counts the slide model as 100,480 + 1,290 = 101,770 parameters, from its own rebuild', () => {
    const verdict = judgeStructure(data(mlp([{ units: 128, activation: 'relu' }])), 7);
    expect(verdict.pass).toBe(true);
    expect(verdict.message.en).toContain('100,480 + 1,290 = 101,770 parameters');
    expect(verdict.message.ko).toContain('파라미터 100,480 + 1,290 = 101,770개');
  });

  it("accepts the student's own choice within the limits, and says its count", () => {
    const verdict = judgeStructure(
      data(
        mlp([
          { units: 64, activation: 'sigmoid' },
          { units: 32, activation: 'relu' },
        ]),
      ),
      7,
    );
    expect(verdict.pass).toBe(true);
    expect(verdict.message.en).toContain('50,240 + 2,080 + 330 = 52,650 parameters');
  });

  it.each([
    ['no hidden layer', mlp([]), /1 to 2 hidden layers/],
    [
      'three hidden layers',
      mlp([
        { units: 32, activation: 'relu' },
        { units: 32, activation: 'relu' },
        { units: 32, activation: 'relu' },
      ]),
      /1 to 2 hidden layers/,
    ],
    ['28 inputs', mlp([{ units: 128, activation: 'relu' }], undefined, 28), /input shape should be \[784\]/],
    ['too wide', mlp([{ units: 512, activation: 'relu' }]), /16 to 256 units/],
    ['a softmax hidden layer', mlp([{ units: 128, activation: 'softmax' }]), /relu, sigmoid or tanh/],
    [
      'no softmax at the end',
      mlp([{ units: 128, activation: 'relu' }], { units: 10, activation: 'relu' as never }),
      /last layer should be Dense\(10, softmax\)/,
    ],
  ])('refuses %s, saying why', (_, model, en) => {
    const problem = structureProblem(data(model), 'makeModel()');
    expect(problem?.en).toMatch(en);
    expect(problem?.ko).toMatch(/^makeModel\(\): /);
  });

  it('fails an untrained model on the test images, with the chart, the confusion matrix and pictures', () => {
    const model = mlp([{ units: 128, activation: 'relu' }]);
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const verdict = judgeTraining({ seed: 3, model: data(model), loss: [2.3], accuracy: [0.99] }, 11);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(
      /classifies \d+\.\d\d% of 5,000 unseen test images right \(expected at least 95%/,
    );
    expect(verdict.table?.diagonal).toBe(true);
    const rows = verdict.table!.rows;
    expect(rows.reduce((sum, row) => sum + (row.slice(1) as number[]).reduce((a, b) => a + b, 0), 0)).toBe(
      TEST_COUNT,
    );
    expect(verdict.pictures).toHaveLength(8);
    expect(verdict.pictures?.[0]).toMatchObject({ width: 28, height: 28 });
    expect(verdict.chart?.series.map((s) => s.name)).toEqual(['loss', 'accuracy']);
  }, 60_000);

  it('refuses sgd, a missing compile and too many epochs before measuring anything', () => {
    const model = mlp([{ units: 128, activation: 'relu' }]);
    const run = (m: Sequential, loss: number[]) =>
      judgeTraining({ seed: 3, model: data(m), loss, accuracy: null }, 11);
    expect(run(model, [1]).message.en).toMatch(/never compiled/);
    model.compile({ optimizer: 'sgd', loss: 'categorical_crossentropy' });
    expect(run(model, [1]).message.en).toMatch(/optimizer should be 'adam'/);
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
    expect(run(model, [1, 1, 1, 1, 1, 1]).message.en).toMatch(/at most 5 epochs, got 6/);
    expect(run(model, []).message.en).toMatch(/one finite number per epoch/);
  });

  it('draws a mistake with its labels and confidence, and the matrix with its diagonal', () => {
    const images = Uint8Array.from({ length: 2 * 784 }, (_, i) => (i >= 784 ? 255 : 0));
    const picture = mistakePicture(images, 28, { index: 1, label: 4, predicted: 9, confidence: 0.9712 });
    expect(picture.caption).toEqual({ ko: '정답 4 → 예측 9 (97.1%)', en: 'true 4 → predicted 9 (97.1%)' });
    expect(picture.pixels).toHaveLength(784);
    expect(picture.pixels.every((p) => p === 255)).toBe(true);
    expect(
      confusionTable([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({
      head: ['정답\\예측', '0', '1'],
      rows: [
        ['0', 1, 2],
        ['1', 3, 4],
      ],
      diagonal: true,
    });
  });
});
