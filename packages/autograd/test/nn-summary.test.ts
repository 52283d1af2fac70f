import { describe, expect, it, vi } from 'vitest';
import { Dense, Sequential } from '../src/index.js';

// tf.keras 2's summary, as printed for the lecture's models (lines keep Keras' trailing spaces).
const XOR_SUMMARY = [
  'Model: "sequential"',
  '_________________________________________________________________',
  ' Layer (type)                Output Shape              Param #   ',
  '=================================================================',
  ' dense (Dense)               (None, 5)                 15        ',
  '                                                                 ',
  ' dense_1 (Dense)             (None, 2)                 12        ',
  '                                                                 ',
  '=================================================================',
  'Total params: 27',
  'Trainable params: 27',
  'Non-trainable params: 0',
  '_________________________________________________________________',
].join('\n');

const PERCEPTRON_SUMMARY = [
  'Model: "sequential"',
  '_________________________________________________________________',
  ' Layer (type)                Output Shape              Param #   ',
  '=================================================================',
  ' dense (Dense)               (None, 1)                 3         ',
  '                                                                 ',
  '=================================================================',
  'Total params: 3',
  'Trainable params: 3',
  'Non-trainable params: 0',
  '_________________________________________________________________',
].join('\n');

function xorModel(): Sequential {
  const model = new Sequential({ seed: 1 });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { inputDim: 5, kernelInitializer: 'normal', activation: 'softmax' }));
  return model;
}

describe('Sequential.summary', () => {
  it("prints the lecture's XOR model exactly as Keras does (15 + 12 = 27)", () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const text = xorModel().summary();
    expect(log).toHaveBeenCalledWith(XOR_SUMMARY);
    log.mockRestore();
    expect(text).toBe(XOR_SUMMARY);
  });

  it("prints the lecture's single-layer model (Dense(1), 2 inputs: 3 params)", () => {
    const model = new Sequential();
    model.add(new Dense(1, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
    expect(model.summary({ print: false })).toBe(PERCEPTRON_SUMMARY);
  });

  it('returns the text without printing when print is false', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    xorModel().summary({ print: false });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('writes thousands separators in the totals, model names, and multi-axis shapes', () => {
    const model = new Sequential({ name: 'mnist' });
    model.add(new Dense(128, { inputShape: [784], activation: 'relu' }));
    model.add(new Dense(10, { activation: 'softmax', name: 'out' }));
    const lines = model.summary({ print: false }).split('\n');
    expect(lines[0]).toBe('Model: "mnist"');
    expect(lines[4]).toBe(' dense (Dense)               (None, 128)               100480    ');
    expect(lines[6]).toBe(' out (Dense)                 (None, 10)                1290      ');
    expect(lines).toContain('Total params: 101,770');
    const seq = new Sequential();
    seq.add(new Dense(4, { inputShape: [3, 7] }));
    expect(seq.summary({ print: false })).toContain(
      ' dense (Dense)               (None, 3, 4)              32        ',
    );
  });

  it('names layers dense, dense_1, ... per model', () => {
    const a = xorModel();
    const b = xorModel();
    expect(a.layers.map((l) => l.name)).toEqual(['dense', 'dense_1']);
    expect(b.layers.map((l) => l.name)).toEqual(['dense', 'dense_1']);
  });

  it('asks for an input size when the model is not built yet', () => {
    const model = new Sequential();
    model.add(new Dense(3));
    expect(() => model.summary()).toThrow(/inputDim/);
  });
});
