/**
 * Keras 3's stateful metrics (keras/src/metrics/): a metric accumulates over batches with
 * `updateState`, reports with `result`, starts over with `resetState`, as `fit` uses them over an
 * epoch. `metric.call(yTrue, yPred)` updates and returns the result (Keras' `metric(y_true, y_pred)`).
 */
import { type NestedArray, Tensor, tensor } from './engine.js';
import { matchShapes } from './losses.js';
import { checkOptions, type OptionSpec } from './options.js';

/** Targets or predictions: a tensor or nested arrays of numbers. */
export type MetricInput = Tensor | NestedArray;
/** Per-sample (one per row), per-value, or one weight for all. */
export type SampleWeight = number | MetricInput;
/** The settings of a metric as `save` writes them. */
export type MetricConfig = Record<string, number | boolean | string | number[]>;

const asTensor = (x: MetricInput): Tensor => (x instanceof Tensor ? x : tensor(x));

/**
 * One weight per value of a tensor of `size` values whose last axis has `cols` values: a number for
 * all, one per value, or one per row (spread over its last axis), as Keras broadcasts sample_weight.
 */
function weightsFor(
  owner: string,
  weight: SampleWeight | undefined,
  size: number,
  cols: number,
): Float64Array {
  const out = new Float64Array(size);
  if (weight === undefined) return out.fill(1);
  if (typeof weight === 'number') return out.fill(weight);
  const w = asTensor(weight).data;
  if (w.length === size) return Float64Array.from(w);
  if (w.length === size / cols) return out.map((_, i) => w[Math.floor(i / cols)]!);
  if (w.length === 1) return out.fill(w[0]!);
  throw new RangeError(
    `${owner}: sampleWeight has ${w.length} values for ${size} predictions ` +
      '(sampleWeight의 크기가 예측과 맞지 않습니다)',
  );
}

/** What every metric has. */
export abstract class Metric {
  /** Keras' class name (`'AUC'`), written by `save`. */
  abstract readonly className: string;
  /** The log name (`'auc'`, `'precision'`, ...), Keras' default unless given. */
  readonly name: string;

  protected constructor(name: string) {
    this.name = name;
  }

  /** Adds a batch. */
  abstract updateState(yTrue: MetricInput, yPred: MetricInput, sampleWeight?: SampleWeight): void;
  /** The value over every batch since the last reset (one per threshold when several were given). */
  abstract result(): number | number[];
  /** Forgets every batch. */
  abstract resetState(): void;
  /** The constructor options that rebuild this metric. */
  abstract getConfig(): MetricConfig;

  /** `updateState` then `result`, as Keras' `metric(y_true, y_pred)`. */
  call(yTrue: MetricInput, yPred: MetricInput, sampleWeight?: SampleWeight): number | number[] {
    this.updateState(yTrue, yPred, sampleWeight);
    return this.result();
  }

  /** A fresh metric with the same settings and no state. */
  clone(): Metric {
    return new (this.constructor as new (config: MetricConfig) => Metric)(this.getConfig());
  }
}

const NAME: OptionSpec = { type: 'string', optional: true };
const lastSize = (t: Tensor): number => (t.rank === 0 ? 1 : t.shape[t.rank - 1]!);

/** A weighted mean of one value per sample (Keras' MeanMetricWrapper over a loss function). */
abstract class MeanOfSamples extends Metric {
  private total = 0;
  private count = 0;

  /** One value per row of `yPred` (over its last axis). */
  protected abstract perRow(t: Float64Array, p: Float64Array, cols: number): Float64Array;

  updateState(yTrue: MetricInput, yPred: MetricInput, sampleWeight?: SampleWeight): void {
    const p = asTensor(yPred);
    const t = matchShapes(this.className, asTensor(yTrue), p);
    const cols = lastSize(p);
    const values = this.perRow(t.data, p.data, cols);
    const weights = weightsFor(this.className, sampleWeight, values.length, 1);
    for (let r = 0; r < values.length; r++) {
      this.total += values[r]! * weights[r]!;
      this.count += weights[r]!;
    }
  }

  result(): number {
    return this.count === 0 ? 0 : this.total / this.count;
  }

  resetState(): void {
    this.total = 0;
    this.count = 0;
  }

  getConfig(): MetricConfig {
    return { name: this.name };
  }
}

/** Mean over each row of `f(t, p)`. */
function rowMeans(t: Float64Array, p: Float64Array, cols: number, f: (a: number, b: number) => number) {
  const rows = cols === 0 ? 0 : p.length / cols;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = r * cols; j < (r + 1) * cols; j++) s += f(t[j]!, p[j]!);
    out[r] = s / cols;
  }
  return out;
}

/** `keras.metrics.MeanSquaredError()`: the mean over samples of each one's mean squared error. */
export class MeanSquaredErrorMetric extends MeanOfSamples {
  readonly className = 'MeanSquaredError';
  constructor(opts: { name?: string } = {}) {
    super(checkOptions('MeanSquaredError', opts, { name: NAME }).name ?? 'mean_squared_error');
  }
  protected perRow(t: Float64Array, p: Float64Array, cols: number): Float64Array {
    return rowMeans(t, p, cols, (a, b) => (b - a) ** 2);
  }
}

/** `keras.metrics.MeanAbsoluteError()`: the mean over samples of each one's mean absolute error. */
export class MeanAbsoluteErrorMetric extends MeanOfSamples {
  readonly className = 'MeanAbsoluteError';
  constructor(opts: { name?: string } = {}) {
    super(checkOptions('MeanAbsoluteError', opts, { name: NAME }).name ?? 'mean_absolute_error');
  }
  protected perRow(t: Float64Array, p: Float64Array, cols: number): Float64Array {
    return rowMeans(t, p, cols, (a, b) => Math.abs(b - a));
  }
}

/** `keras.metrics.RootMeanSquaredError()`: `sqrt` of the mean of every squared error. */
export class RootMeanSquaredError extends Metric {
  readonly className = 'RootMeanSquaredError';
  private total = 0;
  private count = 0;

  constructor(opts: { name?: string } = {}) {
    super(checkOptions('RootMeanSquaredError', opts, { name: NAME }).name ?? 'root_mean_squared_error');
  }

  updateState(yTrue: MetricInput, yPred: MetricInput, sampleWeight?: SampleWeight): void {
    const p = asTensor(yPred);
    const t = matchShapes(this.className, asTensor(yTrue), p).data;
    const w = weightsFor(this.className, sampleWeight, p.size, lastSize(p));
    for (let i = 0; i < p.size; i++) {
      this.total += (p.data[i]! - t[i]!) ** 2 * w[i]!;
      this.count += w[i]!;
    }
  }

  result(): number {
    return this.count === 0 ? 0 : Math.sqrt(this.total / this.count);
  }

  resetState(): void {
    this.total = 0;
    this.count = 0;
  }

  getConfig(): MetricConfig {
    return { name: this.name };
  }
}

/** Keras' `metrics_utils.NEG_INF`: the threshold when only `topK` decides what is positive. */
const NEG_INF = -1e10;

/** Options of {@link Precision} and {@link Recall}; the defaults are Keras 3's. */
export interface ConfusionOptions {
  /** Predictions above it count as positive: one number or several (then `result` is a list). Default 0.5. */
  thresholds?: number | number[];
  /** Only the k largest predictions of each row can be positive. */
  topK?: number;
  /** Only this class (column of a one-hot / multi-label output) counts. */
  classId?: number;
  name?: string;
}

/** Counts of true positives, false positives and false negatives per threshold (Precision, Recall). */
abstract class ConfusionMetric extends Metric {
  readonly thresholds: number[];
  readonly topK: number | null;
  readonly classId: number | null;
  protected readonly truePositives: Float64Array;
  protected readonly falsePositives: Float64Array;
  protected readonly falseNegatives: Float64Array;
  private readonly single: boolean;

  protected constructor(owner: string, defaultName: string, opts: ConfusionOptions | undefined) {
    const o = checkOptions(owner, opts, {
      thresholds: { type: 'any', optional: true },
      topK: { type: 'positive-integer', optional: true },
      classId: { type: 'integer', optional: true },
      name: NAME,
    });
    super(o.name ?? defaultName);
    this.topK = o.topK ?? null;
    this.classId = o.classId ?? null;
    const given = o.thresholds ?? (this.topK === null ? 0.5 : NEG_INF);
    this.single = !Array.isArray(given);
    this.thresholds = Array.isArray(given) ? [...given] : [given];
    const bad = this.thresholds.filter(
      (v) => typeof v !== 'number' || (v !== NEG_INF && !(v >= 0 && v <= 1)),
    );
    if (bad.length > 0 || this.thresholds.length === 0) {
      throw new RangeError(
        `${owner}: threshold values must be in [0, 1], got [${this.thresholds.join(', ')}] ` +
          '(임계값은 0 이상 1 이하여야 합니다)',
      );
    }
    const n = this.thresholds.length;
    this.truePositives = new Float64Array(n);
    this.falsePositives = new Float64Array(n);
    this.falseNegatives = new Float64Array(n);
  }

  updateState(yTrue: MetricInput, yPred: MetricInput, sampleWeight?: SampleWeight): void {
    const p = asTensor(yPred);
    let t = matchShapes(this.className, asTensor(yTrue), p);
    const weights = weightsFor(this.className, sampleWeight, p.size, lastSize(p));
    let pred = p.data;
    if (this.topK !== null) pred = keepTopK(pred, lastSize(p), this.topK);
    let w = weights;
    if (this.classId !== null) {
      if (p.rank < 2) {
        throw new RangeError(
          `${this.className}: when classId is given, yPred must be 2-D [samples, classes], got ` +
            `[${p.shape.join(', ')}] (classId를 쓰려면 예측이 2차원이어야 합니다)`,
        );
      }
      const cols = lastSize(p);
      const pick = (a: Float64Array) => a.filter((_, i) => i % cols === this.classId);
      pred = pick(pred);
      w = pick(weights);
      t = tensor(pick(t.data));
    }
    const truth = t.data;
    this.thresholds.forEach((threshold, k) => {
      for (let i = 0; i < pred.length; i++) {
        const positive = pred[i]! > threshold;
        const label = truth[i] !== 0;
        if (positive && label) this.truePositives[k]! += w[i]!;
        else if (positive) this.falsePositives[k]! += w[i]!;
        else if (label) this.falseNegatives[k]! += w[i]!;
      }
    });
  }

  /** The metric at threshold k from the counts. */
  protected abstract at(k: number): number;

  result(): number | number[] {
    const values = this.thresholds.map((_, k) => this.at(k));
    return this.single ? values[0]! : values;
  }

  resetState(): void {
    this.truePositives.fill(0);
    this.falsePositives.fill(0);
    this.falseNegatives.fill(0);
  }

  getConfig(): MetricConfig {
    const config: MetricConfig = { name: this.name };
    config.thresholds = this.single ? this.thresholds[0]! : [...this.thresholds];
    if (this.topK !== null) config.topK = this.topK;
    if (this.classId !== null) config.classId = this.classId;
    return config;
  }
}

/** Each row's values outside its k largest become NEG_INF (ties: the earlier one is kept, as top_k). */
function keepTopK(values: Float64Array, cols: number, k: number): Float64Array {
  const out = new Float64Array(values.length).fill(NEG_INF);
  for (let o = 0; o < values.length; o += cols) {
    const order = Array.from({ length: cols }, (_, j) => j).sort(
      (a, b) => values[o + b]! - values[o + a]! || a - b,
    );
    for (const j of order.slice(0, k)) out[o + j] = values[o + j]!;
  }
  return out;
}

const divideNoNan = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * `keras.metrics.Precision(thresholds=None, top_k=None, class_id=None)`: `tp / (tp + fp)`, the
 * fraction of the predicted positives that are positive (0 when nothing was predicted positive).
 */
export class Precision extends ConfusionMetric {
  readonly className = 'Precision';
  constructor(opts: ConfusionOptions = {}) {
    super('Precision', 'precision', opts);
  }
  protected at(k: number): number {
    return divideNoNan(this.truePositives[k]!, this.truePositives[k]! + this.falsePositives[k]!);
  }
}

/**
 * `keras.metrics.Recall(thresholds=None, top_k=None, class_id=None)`: `tp / (tp + fn)`, the fraction
 * of the positives that were predicted positive (0 when there were none).
 */
export class Recall extends ConfusionMetric {
  readonly className = 'Recall';
  constructor(opts: ConfusionOptions = {}) {
    super('Recall', 'recall', opts);
  }
  protected at(k: number): number {
    return divideNoNan(this.truePositives[k]!, this.truePositives[k]! + this.falseNegatives[k]!);
  }
}

/** Options of {@link AUC}; the defaults are Keras 3's. */
export interface AUCOptions {
  /** How many thresholds, evenly spaced over [0, 1], default 200 (> 1). */
  numThresholds?: number;
  /** `'ROC'` (default) or `'PR'` (precision-recall). */
  curve?: 'ROC' | 'PR';
  /** `'interpolation'` (default: trapezoids for ROC), `'minoring'` or `'majoring'`. */
  summationMethod?: 'interpolation' | 'minoring' | 'majoring';
  /** Explicit thresholds in [0, 1] instead of numThresholds. */
  thresholds?: number[];
  /** `yPred` holds logits: a sigmoid is applied first. Default false. */
  fromLogits?: boolean;
  name?: string;
}

/** Keras' `backend.epsilon()`: the end thresholds sit just outside [0, 1]. */
const EPSILON = 1e-7;

/**
 * `keras.metrics.AUC()`: the area under the ROC curve (or the PR curve), from the confusion counts at
 * `numThresholds` thresholds: `−ε`, `1/(n−1)`, ..., `(n−2)/(n−1)`, `1 + ε`. The ROC area is the sum of
 * trapezoids over the false-positive rate.
 */
export class AUC extends Metric {
  readonly className = 'AUC';
  readonly numThresholds: number;
  readonly curve: 'ROC' | 'PR';
  readonly summationMethod: 'interpolation' | 'minoring' | 'majoring';
  readonly fromLogits: boolean;
  readonly thresholds: number[];
  private readonly manualThresholds: boolean;
  private readonly tp: Float64Array;
  private readonly fp: Float64Array;
  private readonly tn: Float64Array;
  private readonly fn: Float64Array;

  constructor(opts: AUCOptions = {}) {
    const o = checkOptions('AUC', opts, {
      numThresholds: { type: 'integer', optional: true },
      curve: { type: 'string', optional: true },
      summationMethod: { type: 'string', optional: true },
      thresholds: { type: 'array', optional: true },
      fromLogits: { type: 'boolean', optional: true },
      name: NAME,
    });
    super(o.name ?? 'auc');
    this.curve = o.curve ?? 'ROC';
    this.summationMethod = o.summationMethod ?? 'interpolation';
    this.fromLogits = o.fromLogits ?? false;
    if (this.curve !== 'ROC' && this.curve !== 'PR') {
      throw new RangeError(`AUC: invalid curve '${this.curve}'; use 'ROC' or 'PR' (curve는 'ROC' 또는 'PR')`);
    }
    if (!['interpolation', 'minoring', 'majoring'].includes(this.summationMethod)) {
      throw new RangeError(
        `AUC: invalid summationMethod '${this.summationMethod}'; use 'interpolation', 'minoring' or ` +
          `'majoring' (summationMethod 값이 올바르지 않습니다)`,
      );
    }
    this.manualThresholds = o.thresholds !== undefined;
    if (o.thresholds !== undefined) {
      const inner = [...o.thresholds].sort((a, b) => a - b);
      if (inner.some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1))) {
        throw new RangeError(`AUC: threshold values must be in [0, 1] (임계값은 0 이상 1 이하여야 합니다)`);
      }
      this.thresholds = [-EPSILON, ...inner, 1 + EPSILON];
    } else {
      const n = o.numThresholds ?? 200;
      if (!(Number.isInteger(n) && n > 1)) {
        throw new RangeError(
          `AUC: numThresholds must be an integer > 1, got ${n} (numThresholds는 2 이상의 정수)`,
        );
      }
      const inner = Array.from({ length: n - 2 }, (_, i) => (i + 1) / (n - 1));
      this.thresholds = [-EPSILON, ...inner, 1 + EPSILON];
    }
    this.numThresholds = this.thresholds.length;
    const n = this.numThresholds;
    this.tp = new Float64Array(n);
    this.fp = new Float64Array(n);
    this.tn = new Float64Array(n);
    this.fn = new Float64Array(n);
  }

  updateState(yTrue: MetricInput, yPred: MetricInput, sampleWeight?: SampleWeight): void {
    const p = asTensor(yPred);
    const t = matchShapes('AUC', asTensor(yTrue), p).data;
    const w = weightsFor('AUC', sampleWeight, p.size, lastSize(p));
    const pred = this.fromLogits ? p.data.map((z) => 1 / (1 + Math.exp(-z))) : p.data;
    this.thresholds.forEach((threshold, k) => {
      for (let i = 0; i < pred.length; i++) {
        const positive = pred[i]! > threshold;
        const label = t[i] !== 0;
        if (label) {
          if (positive) this.tp[k]! += w[i]!;
          else this.fn[k]! += w[i]!;
        } else if (positive) this.fp[k]! += w[i]!;
        else this.tn[k]! += w[i]!;
      }
    });
  }

  result(): number {
    const n = this.numThresholds;
    if (this.curve === 'PR' && this.summationMethod === 'interpolation') return this.interpolatedPrAuc();
    const recall = Array.from({ length: n }, (_, k) => divideNoNan(this.tp[k]!, this.tp[k]! + this.fn[k]!));
    const other =
      this.curve === 'ROC'
        ? Array.from({ length: n }, (_, k) => divideNoNan(this.fp[k]!, this.fp[k]! + this.tn[k]!))
        : Array.from({ length: n }, (_, k) => divideNoNan(this.tp[k]!, this.tp[k]! + this.fp[k]!));
    // ROC: x = false-positive rate, y = recall; PR: x = recall, y = precision
    const [x, y] = this.curve === 'ROC' ? [other, recall] : [recall, other];
    let area = 0;
    for (let k = 0; k < n - 1; k++) {
      const a = y[k]!;
      const b = y[k + 1]!;
      const height =
        this.summationMethod === 'interpolation'
          ? (a + b) / 2
          : this.summationMethod === 'minoring'
            ? Math.min(a, b)
            : Math.max(a, b);
      area += (x[k]! - x[k + 1]!) * height;
    }
    return area;
  }

  /** Davis & Goadrich's interpolation of the PR curve, as Keras' `interpolate_pr_auc`. */
  private interpolatedPrAuc(): number {
    let area = 0;
    for (let k = 0; k < this.numThresholds - 1; k++) {
      const dtp = this.tp[k]! - this.tp[k + 1]!;
      const pA = this.tp[k]! + this.fp[k]!;
      const pB = this.tp[k + 1]! + this.fp[k + 1]!;
      const slope = divideNoNan(dtp, Math.max(pA - pB, 0));
      const intercept = this.tp[k + 1]! - slope * pB;
      const ratio = pA > 0 && pB > 0 ? divideNoNan(pA, Math.max(pB, 0)) : 1;
      area += divideNoNan(
        slope * (dtp + intercept * Math.log(ratio)),
        Math.max(this.tp[k + 1]! + this.fn[k + 1]!, 0),
      );
    }
    return area;
  }

  resetState(): void {
    for (const a of [this.tp, this.fp, this.tn, this.fn]) a.fill(0);
  }

  getConfig(): MetricConfig {
    const config: MetricConfig = {
      name: this.name,
      curve: this.curve,
      summationMethod: this.summationMethod,
      fromLogits: this.fromLogits,
    };
    if (this.manualThresholds) config.thresholds = this.thresholds.slice(1, -1);
    else config.numThresholds = this.numThresholds;
    return config;
  }
}

const CLASSES: Record<string, new (config: never) => Metric> = {
  MeanSquaredError: MeanSquaredErrorMetric,
  MeanAbsoluteError: MeanAbsoluteErrorMetric,
  RootMeanSquaredError,
  Precision,
  Recall,
  AUC,
};

/** The class names `save` may write, for the model file's schema. */
export const METRIC_CLASS_NAMES = Object.keys(CLASSES);

/** Rebuilds a metric from its class name and {@link Metric.getConfig}'s settings. */
export function metricFromConfig(className: string, config: MetricConfig): Metric {
  const make = Object.hasOwn(CLASSES, className) ? CLASSES[className] : undefined;
  if (make === undefined) {
    throw new RangeError(`unknown metric class '${className}' (알 수 없는 지표 클래스 '${className}')`);
  }
  return new make(config as never);
}

/**
 * The metrics named by a string in `compile` that keep state over an epoch (the others are the
 * accuracies and the loss functions): Keras' snake_case names, camelCase ones, and `'rmse'`.
 */
const NAMED: Record<string, () => Metric> = {
  precision: () => new Precision(),
  recall: () => new Recall(),
  auc: () => new AUC(),
  rootMeanSquaredError: () => new RootMeanSquaredError(),
  rmse: () => new RootMeanSquaredError(),
};

/** A fresh metric for a compile name (`'auc'`, `'precision'`, `'root_mean_squared_error'`...), else undefined. */
export function statefulMetricNamed(name: string): Metric | undefined {
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const make = Object.hasOwn(NAMED, camel) ? NAMED[camel] : undefined;
  return make?.();
}

/** Keras' metrics namespace: `new metrics.AUC()`, `new metrics.MeanSquaredError()`, ... */
export const metrics = {
  MeanSquaredError: MeanSquaredErrorMetric,
  MeanAbsoluteError: MeanAbsoluteErrorMetric,
  RootMeanSquaredError,
  Precision,
  Recall,
  AUC,
};
