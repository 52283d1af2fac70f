/** The judges' own parts: the replayed AND-gate training, and reading a Keras summary. */
import { Dense, Sequential } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import { summaryRows } from '../checks/model-setup.js';
import { binaryAccuracy } from '../checks/model-training.js';
import { trainAndGateOf } from '../checks/replay.js';

describe('trainAndGateOf', () => {
  it('replays the README example: seed 4 learns in three rounds, 75% after the first', () => {
    const rounds = trainAndGateOf(0.05, 4);
    expect(rounds.map((r) => r.accuracy)).toEqual([0.75, 0.75, 1]);
    expect(rounds[0]?.rows.map((r) => r.y)).toEqual([0, 1, 0, 1]);
  });

  it('stops at maxRounds and after the first perfect round', () => {
    expect(trainAndGateOf(0.05, 4, 2)).toHaveLength(2);
    for (let seed = 1; seed <= 200; seed++) {
      const rounds = trainAndGateOf(0.05, seed);
      expect(rounds.at(-1)?.accuracy).toBe(1);
      expect(rounds.slice(0, -1).every((r) => r.accuracy < 1)).toBe(true);
    }
  });
});

describe('summaryRows', () => {
  it('reads the layer rows of the engine’s summary', () => {
    const model = new Sequential({ seed: 1 });
    model.add(new Dense(5, { inputDim: 2, activation: 'sigmoid' }));
    model.add(new Dense(2, { activation: 'softmax' }));
    const rows = summaryRows(model.summary({ print: false }));
    expect(rows.map((r) => [r.shape, r.params])).toEqual([
      ['(None, 5)', '15'],
      ['(None, 2)', '12'],
    ]);
    expect(rows[0]?.layer).toMatch(/\(Dense\)$/);
  });
});

describe('binaryAccuracy', () => {
  it('counts each output against 0.5, as Keras does', () => {
    const perfect = [
      [0.55, 0.45],
      [0.53, 0.47],
      [0.51, 0.49],
      [0.497, 0.503],
    ];
    expect(binaryAccuracy(perfect)).toBe(1);
    expect(binaryAccuracy([...perfect.slice(0, 3), [0.503, 0.497]])).toBe(0.75);
  });
});
