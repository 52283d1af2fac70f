import type { Logs } from './callbacks.js';
import { noGrad, type Tensor } from './engine.js';
import { getLoss, type LossFn } from './losses.js';
import { Metric, statefulMetricNamed } from './metric-objects.js';
import { type AccuracyKind, accuracyKindOf, resolveAccuracy, sumOfRowAccuracies } from './metrics.js';

type MetricSpec =
  | { name: string; accuracy: AccuracyKind | 'auto' }
  | { name: string; loss: LossFn }
  | { name: string; metric: Metric };

/**
 * Checks metrics at compile time: accuracies, stateful metrics by name (`'auc'`, `'precision'`,
 * `'recall'`, `'rmse'`) or as objects (`new AUC()`), or any loss name such as `'mse'`.
 */
export function parseMetrics(names: readonly (string | Metric)[]): MetricSpec[] {
  return names.map((name) => {
    if (name instanceof Metric) {
      if (Array.isArray(name.clone().result())) {
        throw new RangeError(
          `compile: metric '${name.name}' has several thresholds; a log holds one number per metric, ` +
            `so give it one threshold (지표 하나에 임계값은 하나만 줄 수 있습니다)`,
        );
      }
      return { name: name.name, metric: name };
    }
    const accuracy = accuracyKindOf(name);
    if (accuracy !== undefined) return { name, accuracy };
    const metric = statefulMetricNamed(name);
    if (metric !== undefined) return { name, metric };
    try {
      return { name, loss: getLoss(name) };
    } catch {
      throw new RangeError(
        `compile: unknown metric '${name}'; use 'accuracy', 'binaryAccuracy', 'categoricalAccuracy', ` +
          `'sparseCategoricalAccuracy', 'precision', 'recall', 'auc', 'rmse' or a loss name ` +
          `(알 수 없는 지표 '${name}')`,
      );
    }
  });
}

/**
 * Running means of the loss and the metrics over the batches of one epoch, weighted by the number of
 * rows of each batch, as Keras' progress bar and History report them. Nothing here allocates per batch.
 */
export class EpochMetrics {
  private readonly specs: MetricSpec[];
  private readonly kinds: (AccuracyKind | null)[];
  /** This tracker's own copy of each stateful metric (training and validation must not share one). */
  private readonly stateful: (Metric | null)[];
  private readonly sums: Float64Array;
  /** Log names without and with the `val_` prefix, built once (no string work per batch). */
  private readonly keys: { '': string[]; val_: string[] };
  private lossSum = 0;
  private rows = 0;

  constructor(specs: MetricSpec[], yTrue: Tensor, yPred: Tensor) {
    this.specs = specs;
    // 'accuracy' becomes binary / categorical / sparse from the shapes, once, as Keras does.
    this.kinds = specs.map((s) =>
      'accuracy' in s ? (s.accuracy === 'auto' ? resolveAccuracy(yTrue, yPred) : s.accuracy) : null,
    );
    this.stateful = specs.map((s) => ('metric' in s ? s.metric.clone() : null));
    this.sums = new Float64Array(specs.length);
    const names = ['loss', ...specs.map((s) => s.name)];
    this.keys = { '': names, val_: names.map((name) => `val_${name}`) };
  }

  reset(): void {
    this.lossSum = 0;
    this.rows = 0;
    this.sums.fill(0);
    for (const m of this.stateful) m?.resetState();
  }

  /** Adds one batch: its mean loss and its predictions. */
  update(yTrue: Tensor, yPred: Tensor, meanLoss: number): void {
    const cols = yPred.rank === 0 ? 1 : yPred.shape[yPred.rank - 1]!;
    const rows = cols === 0 ? 0 : yPred.size / cols;
    this.lossSum += meanLoss * rows;
    this.rows += rows;
    for (let i = 0; i < this.specs.length; i++) {
      const kind = this.kinds[i];
      const metric = this.stateful[i];
      if (metric !== null && metric !== undefined) {
        metric.updateState(yTrue, yPred);
      } else if (kind !== null && kind !== undefined) {
        this.sums[i]! += sumOfRowAccuracies(kind, yTrue.data, yPred.data, cols);
      } else {
        const spec = this.specs[i] as { loss: LossFn };
        this.sums[i]! += noGrad(() => spec.loss(yTrue, yPred)).item() * rows;
      }
    }
  }

  /** `{ loss, accuracy, ... }` (names prefixed by `prefix`, e.g. `val_`) written into `into`. */
  write(into: Logs, prefix: '' | 'val_' = ''): Logs {
    const n = this.rows === 0 ? 1 : this.rows;
    const keys = this.keys[prefix];
    into[keys[0]!] = this.lossSum / n;
    for (let i = 0; i < this.specs.length; i++) {
      const metric = this.stateful[i];
      // parseMetrics refused metrics with several thresholds: result() is one number here
      into[keys[i + 1]!] = metric ? (metric.result() as number) : this.sums[i]! / n;
    }
    return into;
  }
}
