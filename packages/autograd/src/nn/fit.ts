import type { Callbacks, Logs, TrainingModel } from './callbacks.js';
import type { Compiled } from './compile.js';
import { type Data, dataToTensor } from './data.js';
import { noGrad, Rng, type Tensor } from './engine.js';
import { EpochMetrics, parseMetrics } from './metric-tracker.js';
import { ProgressPrinter } from './progress.js';

/** Options of `model.fit`, named as in Keras (camelCase). */
export interface FitOptions {
  /** Passes over the data, default 1. */
  epochs?: number;
  /** Rows per gradient step, default 32. */
  batchSize?: number;
  /** Shuffle the rows before each epoch (seeded), default true. */
  shuffle?: boolean;
  /** 0 silent, 1 Keras' progress line per epoch (default), 2 one short line per epoch. */
  verbose?: 0 | 1 | 2;
  /** Keep this last fraction of the rows (before shuffling) for validation, as Keras does. */
  validationSplit?: number;
  /** `[x, y]` to evaluate after each epoch (`val_loss`, `val_accuracy`, ...). */
  validationData?: [Data, Data];
  /** Hooks called during training, e.g. an {@link EarlyStopping}. */
  callbacks?: Callbacks | Callbacks[];
  /** Seed for shuffling in this call (default: the model's generator). */
  seed?: number;
}

/** What `fit` returns: per-epoch values of the loss and metrics (Keras' `History`). */
export interface History {
  /** Epoch numbers, from 0. */
  epoch: number[];
  /** Every recorded series by name: `loss`, `accuracy`, `val_loss`, ... */
  history: Record<string, number[]>;
  /** Same as `history.loss`. */
  loss: number[];
  /** Same as `history.accuracy`, when `metrics: ['accuracy']`. */
  accuracy?: number[];
}

function rowsOf(t: Tensor): number {
  return t.rank === 0 ? 1 : t.shape[0]!;
}

function checkOptions(epochs: number, batchSize: number, split: number): void {
  if (!Number.isInteger(epochs) || epochs < 0) {
    throw new RangeError(
      `fit: epochs must be a non-negative integer, got ${epochs} (epochs는 0 이상의 정수)`,
    );
  }
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new RangeError(
      `fit: batchSize must be a positive integer, got ${batchSize} (batchSize는 양의 정수)`,
    );
  }
  if (!(split >= 0 && split < 1)) {
    throw new RangeError(
      `fit: validationSplit must be in [0, 1), got ${split} (validationSplit은 0 이상 1 미만)`,
    );
  }
}

/** The rows `[from, to)` of `t` as a tensor. */
function rowRange(t: Tensor, from: number, to: number): Tensor {
  if (from === 0 && to === rowsOf(t)) return t;
  const idx = new Int32Array(to - from);
  for (let i = 0; i < idx.length; i++) idx[i] = from + i;
  return t.gather(idx);
}

/** Fisher-Yates, in place on a reused index array (no allocation per epoch). */
function shuffleInPlace(indices: Int32Array, rng: Rng): void {
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = indices[i]!;
    indices[i] = indices[j]!;
    indices[j] = tmp;
  }
}

function nonFiniteLoss(value: number, epoch: number, batch: number, batches: number): Error {
  return new Error(
    `fit: the loss became ${value} at epoch ${epoch + 1}, batch ${batch + 1} of ${batches}; training stopped. ` +
      'Try a smaller learningRate, scale the inputs, or check the data for NaN. ' +
      `(손실이 ${value}이 되어 학습을 멈췄습니다: Epoch ${epoch + 1}, 배치 ${batch + 1}. ` +
      '학습률을 줄이거나 입력 크기를 조정하거나 데이터에 NaN이 있는지 확인하세요.)',
  );
}

/** What `fitModel` uses of a model (`Sequential` is one). */
export interface FittableModel extends TrainingModel {
  readonly built: boolean;
  build(inputShape: readonly number[]): void;
  /** The live weights, for the optimizer. */
  readonly trainableWeights: Tensor[];
  /** The generator for shuffling. */
  readonly rng: Rng;
  /** The forward pass on a batch. */
  call(x: Tensor): Tensor;
  requireCompiled(what: string): Compiled;
}

/** The body of `Sequential.fit`: mini-batch gradient descent with Keras' bookkeeping. */
export function fitModel(model: FittableModel, xAll: Tensor, yAll: Tensor, opts: FitOptions): History {
  const compiled = model.requireCompiled('fit');
  const epochs = opts.epochs ?? 1;
  const batchSize = opts.batchSize ?? 32;
  const verbose = opts.verbose ?? 1;
  const split = opts.validationSplit ?? 0;
  checkOptions(epochs, batchSize, split);
  if (rowsOf(xAll) !== rowsOf(yAll)) {
    throw new RangeError(
      `fit: x has ${rowsOf(xAll)} rows but y has ${rowsOf(yAll)} (x와 y의 행 수가 같아야 합니다)`,
    );
  }

  // Keras keeps the last `validationSplit` of the rows, taken before any shuffling, for validation.
  let x = xAll;
  let y = yAll;
  let validation: [Tensor, Tensor] | null = null;
  if (opts.validationData !== undefined) {
    validation = [
      dataToTensor('fit (validationData x)', opts.validationData[0]),
      dataToTensor('fit (validationData y)', opts.validationData[1]),
    ];
  } else if (split > 0) {
    const splitAt = Math.floor(rowsOf(xAll) * (1 - split));
    x = rowRange(xAll, 0, splitAt);
    y = rowRange(yAll, 0, splitAt);
    validation = [rowRange(xAll, splitAt, rowsOf(xAll)), rowRange(yAll, splitAt, rowsOf(yAll))];
  }

  const n = rowsOf(x);
  if (n === 0) throw new RangeError('fit: no training rows (학습할 데이터가 없습니다)');
  if (!model.built) model.build(x.shape.slice(1));
  const params = model.trainableWeights;
  for (const p of params) p.grad?.data.fill(0);
  const { optimizer, loss } = compiled;
  const specs = parseMetrics(compiled.metrics);
  const rng = opts.seed === undefined ? model.rng : new Rng(opts.seed);
  const shuffle = opts.shuffle ?? true;
  const batches = Math.ceil(n / batchSize);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;

  const callbacks =
    opts.callbacks === undefined ? [] : Array.isArray(opts.callbacks) ? opts.callbacks : [opts.callbacks];
  const wantsBatchLogs = callbacks.some((c) => c.onBatchEnd !== undefined);
  for (const c of callbacks) c.setModel?.(model);
  model.stopTraining = false;
  for (const c of callbacks) c.onTrainBegin?.({});

  const progress = new ProgressPrinter(verbose, epochs, batches);
  const history: History = { epoch: [], history: {}, loss: [] };
  let metrics: EpochMetrics | null = null;
  let valMetrics: EpochMetrics | null = null;
  let logs: Logs = {};

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const c of callbacks) c.onEpochBegin?.(epoch, {});
    progress.epochBegin(epoch);
    // With a single batch, shuffling would only reorder the rows inside it: same step, so skip it.
    if (shuffle && batches > 1) shuffleInPlace(indices, rng);
    metrics?.reset();

    for (let b = 0; b < batches; b++) {
      let xb = x;
      let yb = y;
      if (batches > 1) {
        const part = indices.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
        xb = x.gather(part);
        yb = y.gather(part);
      }
      const yPred = model.call(xb);
      let lossTensor = loss(yb, yPred);
      if (lossTensor.size !== 1) lossTensor = lossTensor.mean();
      const lossValue = lossTensor.data[0]!;
      if (!Number.isFinite(lossValue)) throw nonFiniteLoss(lossValue, epoch, b, batches);
      lossTensor.backward();
      optimizer.step(params);
      for (const p of params) p.grad?.data.fill(0);

      if (metrics === null) metrics = new EpochMetrics(specs, yb, yPred);
      metrics.update(yb, yPred, lossValue);
      if (wantsBatchLogs) {
        const batchLogs = metrics.write({});
        for (const c of callbacks) c.onBatchEnd?.(b, batchLogs);
      }
      progress.batchEnd(b, metrics);
    }

    logs = metrics!.write({});
    if (validation !== null) {
      const [vx, vy] = validation;
      noGrad(() => {
        const vPred = model.call(vx);
        if (valMetrics === null) valMetrics = new EpochMetrics(specs, vy, vPred);
        valMetrics.reset();
        valMetrics.update(vy, vPred, loss(vy, vPred).mean().item());
        valMetrics.write(logs, 'val_');
      });
    }

    history.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) {
      const series = history.history[key];
      if (series === undefined) history.history[key] = [value];
      else series.push(value);
    }
    progress.epochEnd(epoch, logs);
    for (const c of callbacks) c.onEpochEnd?.(epoch, logs);
    if (model.stopTraining) break;
  }

  for (const c of callbacks) c.onTrainEnd?.(logs);
  history.loss = history.history.loss ?? [];
  if (history.history.accuracy !== undefined) history.accuracy = history.history.accuracy;
  return history;
}
