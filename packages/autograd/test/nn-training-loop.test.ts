import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Callbacks, Dense, EarlyStopping, type Logs, Sequential, SGD } from '../src/index.js';
import { formatValue, ProgressPrinter, progressBar } from '../src/nn/progress.js';

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

function model(learningRate = 0.001): Sequential {
  const m = new Sequential({ seed: 1 });
  m.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  m.add(new Dense(2, { activation: 'softmax' }));
  m.compile({ optimizer: new SGD({ learningRate }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}

afterEach(() => {
  vi.restoreAllMocks();
});

function captureLog(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  return lines;
}

describe('verbose output (Keras progress text)', () => {
  it('verbose 1: "Epoch i/N", then the bar line with loss and accuracy', () => {
    const lines = captureLog();
    const history = model().fit(X, Y, { epochs: 2 });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('Epoch 1/2');
    expect(lines[2]).toBe('Epoch 2/2');
    expect(lines[3]).toMatch(
      /^1\/1 \[={30}\] - \d+s \d+(us|ms|s)\/step - loss: \d\.\d{4} - accuracy: \d\.\d{4}$/,
    );
    expect(lines[3]).toContain(`loss: ${history.loss[1]!.toFixed(4)}`);
  });

  it('verbose 1 with several batches counts steps; one epoch prints no "Epoch" header (as Keras)', () => {
    const lines = captureLog();
    model().fit(X, Y, { epochs: 1, batchSize: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^2\/2 \[={30}\] - /);
  });

  it('verbose 2: one line per epoch; verbose 0: silent', () => {
    const lines = captureLog();
    model().fit(X, Y, { epochs: 3, verbose: 2, validationData: [X, Y] });
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      /^Epoch 3\/3 - \d+s \d+(us|ms|s)\/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}$/,
    );
    model().fit(X, Y, { epochs: 3, verbose: 0 });
    expect(lines).toHaveLength(3);
  });

  it("formats values and bars as Keras' Progbar does", () => {
    expect(formatValue(0.64567)).toBe('0.6457');
    expect(formatValue(0.00001234)).toBe('1.2340e-05');
    expect(progressBar(3, 10)).toBe(' 3/10 [========>.....................]');
    expect(progressBar(10, 10)).toBe(`10/10 [${'='.repeat(30)}]`);
  });
});

describe('callbacks', () => {
  it('are called per batch, per epoch and at the end, with running logs', () => {
    const calls: string[] = [];
    const batchLogs: Logs[] = [];
    const callbacks: Callbacks = {
      onTrainBegin: () => calls.push('begin'),
      onEpochBegin: (e) => calls.push(`epoch-begin ${e}`),
      onBatchEnd: (b, logs) => {
        calls.push(`batch ${b}`);
        batchLogs.push({ ...logs });
      },
      onEpochEnd: (e, logs) => calls.push(`epoch ${e} ${Object.keys(logs).join(',')}`),
      onTrainEnd: (logs) => calls.push(`end ${logs.loss !== undefined}`),
    };
    const history = model().fit(X, Y, { epochs: 2, batchSize: 2, verbose: 0, callbacks });
    expect(calls).toEqual([
      'begin',
      'epoch-begin 0',
      'batch 0',
      'batch 1',
      'epoch 0 loss,accuracy',
      'epoch-begin 1',
      'batch 0',
      'batch 1',
      'epoch 1 loss,accuracy',
      'end true',
    ]);
    // the last batch's running mean is the epoch's value
    expect(batchLogs[3]!.loss).toBe(history.loss[1]);
  });

  it('setting model.stopTraining in a callback stops after that epoch', () => {
    const m = model();
    const history = m.fit(X, Y, {
      epochs: 50,
      verbose: 0,
      callbacks: {
        onEpochEnd: (epoch) => {
          if (epoch === 4) m.stopTraining = true;
        },
      },
    });
    expect(history.epoch).toEqual([0, 1, 2, 3, 4]);
  });

  it('EarlyStopping stops after `patience` epochs without improvement', () => {
    const stop = new EarlyStopping({ monitor: 'loss', patience: 2 });
    const history = model(0).fit(X, Y, { epochs: 50, verbose: 0, callbacks: [stop] });
    // learning rate 0: the loss never improves after epoch 0
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(stop.stoppedEpoch).toBe(2);
  });

  it('EarlyStopping ignores improvements smaller than minDelta', () => {
    const losses = (minDelta: number) => {
      const stop = new EarlyStopping({ monitor: 'loss', patience: 3, minDelta });
      return model(0.01).fit(X, Y, { epochs: 40, verbose: 0, callbacks: [stop] }).epoch.length;
    };
    expect(losses(0)).toBe(40); // slow but steady progress
    expect(losses(0.1)).toBe(4);
  });

  it("EarlyStopping on 'val_accuracy' maximizes it", () => {
    const stop = new EarlyStopping({ monitor: 'val_accuracy', patience: 1 });
    model(0).fit(X, Y, { epochs: 10, verbose: 0, validationData: [X, Y], callbacks: [stop] });
    expect(stop.stoppedEpoch).toBe(1);
    expect(stop.best).toBe(0.5);
  });

  it('EarlyStopping can restore the weights of the best epoch', () => {
    // mode 'max' on a falling loss: epoch 0 stays the best, so its weights come back
    const stop = new EarlyStopping({ monitor: 'loss', mode: 'max', patience: 2, restoreBestWeights: true });
    const m = model(0.5);
    m.fit(X, Y, { epochs: 10, verbose: 0, callbacks: [stop] });
    expect(stop.stoppedEpoch).toBe(2);
    const oneEpoch = model(0.5);
    oneEpoch.fit(X, Y, { epochs: 1, verbose: 0 });
    expect(m.getWeights().map((w) => Array.from(w.data))).toEqual(
      oneEpoch.getWeights().map((w) => Array.from(w.data)),
    );
  });

  it('EarlyStopping keeps training when the monitored log does not exist', () => {
    const stop = new EarlyStopping({ patience: 0 }); // val_loss, but no validation data
    expect(model(0).fit(X, Y, { epochs: 5, verbose: 0, callbacks: [stop] }).epoch).toHaveLength(5);
  });
});

describe('live progress on a terminal', () => {
  it('redraws the bar in place at most every 100 ms, then prints the final line', () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const lines = captureLog();
    let clock = 0;
    const printer = new ProgressPrinter(1, 1, 10, { live: true, now: () => clock });
    const running = { write: (into: Logs) => Object.assign(into, { loss: 0.5 }) };
    printer.epochBegin(0);
    for (let b = 0; b < 10; b++) {
      clock += 60; // a redraw every second batch
      printer.batchEnd(b, running);
    }
    printer.epochEnd(0, { loss: 0.25 });
    expect(writes.slice(0, 2)).toEqual([
      `\r 2/10 [=====>........................] - ETA: 0s - loss: 0.5000\x1b[K`,
      `\r 4/10 [===========>..................] - ETA: 0s - loss: 0.5000\x1b[K`,
    ]);
    expect(writes).toHaveLength(5); // batches 2, 4, 6, 8, then the line is cleared
    expect(writes.at(-1)).toBe('\r\x1b[K');
    expect(lines).toEqual([`10/10 [${'='.repeat(30)}] - 1s 60ms/step - loss: 0.2500`]);
  });
});
