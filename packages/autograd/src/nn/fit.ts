import { type Callbacks, checkCallbacks, type Logs, type TrainingModel } from './callbacks.js';
import type { Compiled } from './compile.js';
import {
  allRows,
  type Data,
  dataToTensor,
  type RowSource,
  type Rows,
  rowCount,
  rowRange,
  rowShapeOf,
  takeRows,
  toRows,
} from './data.js';
import { endRecycling, noGrad, Rng, type Tensor, trainingBackward } from './engine.js';
import { EpochMetrics, parseMetrics } from './metric-tracker.js';
import { checkOptions, KerasOptionError } from './options.js';
import { ProgressPrinter } from './progress.js';
import {
  type ClassWeight,
  classWeightsToSampleWeights,
  sampleWeightsOf,
  weightedLoss,
} from './sample-weights.js';

/** Options of `model.fit`, named as in Keras (camelCase). */
export interface FitOptions {
  /** Passes over the data, default 1. */
  epochs?: number;
  /** Rows per gradient step, default 32. */
  batchSize?: number;
  /** Shuffle the rows before each epoch (seeded), default true. */
  shuffle?: boolean;
  /** 0 silent, 1 Keras' progress line per epoch (default; also `'auto'`, as Keras 3), 2 one short line per epoch. */
  verbose?: 0 | 1 | 2 | 'auto';
  /** Keep this last fraction of the rows (before shuffling) for validation, as Keras does. */
  validationSplit?: number;
  /** `[x, y]` (or `[x, y, sampleWeight]`) to evaluate after each epoch (`val_loss`, `val_accuracy`, ...). */
  validationData?: [Data | RowSource, Data] | [Data | RowSource, Data, Data];
  /** Hooks called during training, e.g. an {@link EarlyStopping}. */
  callbacks?: Callbacks | Callbacks[];
  /** Seed for shuffling in this call (default: the model's generator). */
  seed?: number;
  /**
   * The epoch to start from (Keras' `initial_epoch`, default 0): training runs epochs
   * `initialEpoch … epochs − 1`, so `epochs` is the last epoch's number, not a count, as in Keras.
   */
  initialEpoch?: number;
  /**
   * A weight per class, e.g. `{ 0: 1, 1: 5 }` (Keras' `class_weight`): each row's loss is multiplied by
   * the weight of its class (the argmax of a one-hot row, or the label). Training only: validation is
   * unweighted. Not together with `sampleWeight`.
   */
  classWeight?: ClassWeight;
  /**
   * One weight per row of `x` (Keras' `sample_weight`): each row's loss is multiplied by its weight and
   * a batch's loss is the sum over its rows divided by the batch size. Metrics stay unweighted, as
   * Keras' `metrics` (not `weighted_metrics`) are.
   */
  sampleWeight?: Data;
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

const rowsOf = rowCount;

/** Checks `fit`'s options object: every key known, every value of its type (see {@link checkOptions}). */
function checkFitOptions(opts: FitOptions): void {
  checkOptions('fit', opts, {
    epochs: { type: 'non-negative-integer', optional: true },
    batchSize: { type: 'positive-integer', optional: true },
    shuffle: { type: 'boolean', optional: true },
    verbose: { type: ['integer', 'string'], oneOf: [0, 1, 2, 'auto'], optional: true },
    validationSplit: { type: 'number', optional: true },
    validationData: { type: 'array', optional: true },
    callbacks: { type: ['object', 'array'], optional: true },
    seed: { type: 'number', optional: true },
    initialEpoch: { type: 'non-negative-integer', optional: true },
    classWeight: { type: 'object', optional: true },
    sampleWeight: { type: ['array', 'object'], optional: true },
  });
  const pair = opts.validationData as unknown[] | undefined;
  if (pair !== undefined && pair.length !== 2 && pair.length !== 3) {
    throw new KerasOptionError(
      `fit: validationData must be [x, y] or [x, y, sampleWeight], got an array of length ${pair.length} ` +
        '(validationData는 [x, y] 또는 [x, y, sampleWeight]여야 합니다)',
      'fit',
      'validationData',
    );
  }
  if (opts.classWeight !== undefined && opts.sampleWeight !== undefined) {
    // Keras: "You cannot `class_weight` and `sample_weight` at the same time."
    throw new KerasOptionError(
      'fit: give classWeight or sampleWeight, not both, as in Keras (classWeight와 sampleWeight는 함께 쓸 수 없습니다)',
      'fit',
      'classWeight',
    );
  }
}

function checkSplit(split: number): void {
  if (!(split >= 0 && split < 1)) {
    throw new RangeError(
      `fit: validationSplit must be in [0, 1), got ${split} (validationSplit은 0 이상 1 미만)`,
    );
  }
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
  /** The forward pass on a batch; `fit` asks for the training behaviour (Dropout, BatchNormalization). */
  call(x: Tensor, opts?: { training?: boolean }): Tensor;
  requireCompiled(what: string): Compiled;
}

/** The body of `Sequential.fit`: mini-batch gradient descent with Keras' bookkeeping. */
export function fitModel(model: FittableModel, xAll: Rows, yAll: Tensor, opts: FitOptions): History {
  checkFitOptions(opts);
  const compiled = model.requireCompiled('fit');
  const epochs = opts.epochs ?? 1;
  const batchSize = opts.batchSize ?? 32;
  const verbose = opts.verbose === 'auto' || opts.verbose === undefined ? 1 : opts.verbose;
  const split = opts.validationSplit ?? 0;
  const initialEpoch = opts.initialEpoch ?? 0;
  checkSplit(split);
  const callbacks = checkCallbacks(opts.callbacks);
  if (rowsOf(xAll) !== rowsOf(yAll)) {
    throw new RangeError(
      `fit: x has ${rowsOf(xAll)} rows but y has ${rowsOf(yAll)} (x와 y의 행 수가 같아야 합니다)`,
    );
  }
  // One weight per row (or null: every row weighs 1), split and batched with the rows.
  let weightsAll: Float64Array | null = null;
  if (opts.sampleWeight !== undefined) weightsAll = sampleWeightsOf('fit', opts.sampleWeight, rowsOf(xAll));
  if (opts.classWeight !== undefined) weightsAll = classWeightsToSampleWeights('fit', yAll, opts.classWeight);

  // Keras keeps the last `validationSplit` of the rows, taken before any shuffling, for validation.
  let x = xAll;
  let y: Tensor = yAll;
  let weights = weightsAll;
  let validation: [Rows, Tensor] | null = null;
  let validationWeights: Float64Array | null = null;
  if (opts.validationData !== undefined) {
    validation = [
      toRows('fit (validationData x)', opts.validationData[0]),
      dataToTensor('fit (validationData y)', opts.validationData[1]),
    ];
    const vw = opts.validationData[2];
    if (vw !== undefined)
      validationWeights = sampleWeightsOf('fit (validationData)', vw, rowsOf(validation[0]));
  } else if (split > 0) {
    const splitAt = Math.floor(rowsOf(xAll) * (1 - split));
    x = rowRange(xAll, 0, splitAt);
    y = allRows(rowRange(yAll, 0, splitAt));
    validation = [rowRange(xAll, splitAt, rowsOf(xAll)), allRows(rowRange(yAll, splitAt, rowsOf(yAll)))];
    // Keras splits sample weights with the rows; class weights apply to training only.
    if (weightsAll !== null) {
      weights = weightsAll.subarray(0, splitAt);
      if (opts.sampleWeight !== undefined) validationWeights = weightsAll.subarray(splitAt);
    }
  }

  const n = rowsOf(x);
  if (n === 0) throw new RangeError('fit: no training rows (학습할 데이터가 없습니다)');
  if (!model.built) model.build(rowShapeOf(x));
  const params = model.trainableWeights;
  for (const p of params) p.grad?.data.fill(0);
  const { optimizer, loss } = compiled;
  const specs = parseMetrics(compiled.metrics);
  const rng = opts.seed === undefined ? model.rng : new Rng(opts.seed);
  const shuffle = opts.shuffle ?? true;
  const batches = Math.ceil(n / batchSize);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;

  const wantsBatchLogs = callbacks.some((c) => c.onBatchEnd !== undefined);
  for (const c of callbacks) c.setModel?.(model);
  model.stopTraining = false;
  for (const c of callbacks) c.onTrainBegin?.({});

  const progress = new ProgressPrinter(verbose, epochs, batches);
  const history: History = { epoch: [], history: {}, loss: [] };
  let metrics: EpochMetrics | null = null;
  let valMetrics: EpochMetrics | null = null;
  let logs: Logs = {};

  try {
    for (let epoch = initialEpoch; epoch < epochs; epoch++) {
      for (const c of callbacks) c.onEpochBegin?.(epoch, {});
      progress.epochBegin(epoch);
      // With a single batch, shuffling would only reorder the rows inside it: same step, so skip it.
      if (shuffle && batches > 1) shuffleInPlace(indices, rng);
      metrics?.reset();

      for (let b = 0; b < batches; b++) {
        let xb: Tensor;
        let yb = y;
        let wb = weights;
        if (batches === 1) {
          xb = allRows(x);
        } else {
          const part = indices.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
          xb = takeRows(x, part);
          yb = y.gather(part);
          if (weights !== null) wb = Float64Array.from(part, (i) => weights![i]!);
        }
        const yPred = model.call(xb, { training: true });
        let lossTensor = wb === null ? loss(yb, yPred) : weightedLoss(loss, yb, yPred, wb);
        if (lossTensor.size !== 1) lossTensor = lossTensor.mean();
        const lossValue = lossTensor.data[0]!;
        if (!Number.isFinite(lossValue)) throw nonFiniteLoss(lossValue, epoch, b, batches);
        // The metrics read the predictions first: the backward pass then recycles their memory.
        if (metrics === null) metrics = new EpochMetrics(specs, yb, yPred);
        metrics.update(yb, yPred, lossValue);
        trainingBackward(lossTensor);
        optimizer.step(params);
        for (const p of params) p.grad?.data.fill(0);
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
          const vPred = model.call(allRows(vx));
          if (valMetrics === null) valMetrics = new EpochMetrics(specs, vy, vPred);
          valMetrics.reset();
          const vLoss =
            validationWeights === null ? loss(vy, vPred) : weightedLoss(loss, vy, vPred, validationWeights);
          valMetrics.update(vy, vPred, vLoss.mean().item());
          valMetrics.write(logs, 'val_');
        });
      }

      // The callbacks first, as Keras runs its History and progress bar after the user's: what they
      // add to the logs (`learning_rate`) is recorded and printed too.
      for (const c of callbacks) c.onEpochEnd?.(epoch, logs);
      history.epoch.push(epoch);
      for (const [key, value] of Object.entries(logs)) {
        const series = history.history[key];
        if (series === undefined) history.history[key] = [value];
        else series.push(value);
      }
      progress.epochEnd(epoch, logs);
      if (model.stopTraining) break;
    }
  } finally {
    endRecycling(); // nothing the steps handed back stays held once training ends
  }

  for (const c of callbacks) c.onTrainEnd?.(logs);
  history.loss = history.history.loss ?? [];
  if (history.history.accuracy !== undefined) history.accuracy = history.history.accuracy;
  return history;
}
