/** What `model.compile(...)` takes and what it decides (an optimizer object, a loss function, metrics). */
import { getLoss, type LossFn, type LossObject } from './losses.js';
import type { Metric } from './metric-objects.js';
import { parseMetrics } from './metric-tracker.js';
import { getOptimizer, type Optimizer } from './optimizers/index.js';
import { checkArgument, checkOptions, describeValue, KerasOptionError } from './options.js';

/** Options of {@link Sequential.compile}. */
export interface CompileOptions {
  /** `'sgd' 'adagrad' 'rmsprop' 'adam'` or an {@link Optimizer}. */
  optimizer: string | Optimizer;
  /** A loss name (camelCase or snake_case), a {@link LossFn}, or a loss object (`new Huber()`). */
  loss: string | LossFn | LossObject;
  /**
   * e.g. `['accuracy']`; also `'binaryAccuracy'`, `'categoricalAccuracy'`, `'precision'`, `'recall'`,
   * `'auc'`, `'rmse'`, loss names (`'mae'`), or metric objects (`new AUC({ numThresholds: 100 })`).
   * Always a list: a single string (`metrics: 'accuracy'`) is refused with the fix, as Keras 3 refuses it.
   */
  metrics?: (string | Metric)[];
}

/** What `compile` decided. */
export interface Compiled {
  optimizer: Optimizer;
  loss: LossFn;
  /** What was passed, kept for `save`. */
  lossSpec: string | LossFn | LossObject;
  optimizerSpec: string | Optimizer;
  metrics: (string | Metric)[];
}

/**
 * Resolves compile options: names to an optimizer and a loss; unknown metric names fail now, not in
 * the middle of `fit`.
 * @example compileOptions({ optimizer: 'adam', loss: 'mse' }).loss === meanSquaredError
 */
export function compileOptions(opts: CompileOptions): Compiled {
  checkOptions('compile', opts, {
    optimizer: { type: ['string', 'object'] },
    loss: { type: ['string', 'function', 'object'] },
    // A string passes here so that checkMetricList can answer it with the fix.
    metrics: { type: ['array', 'string'], optional: true },
  });
  checkMetricList(opts.metrics);
  const compiled = {
    optimizer: getOptimizer(opts.optimizer),
    loss: getLoss(opts.loss),
    lossSpec: opts.loss,
    optimizerSpec: opts.optimizer,
    metrics: [...(opts.metrics ?? [])],
  };
  parseMetrics(compiled.metrics);
  return compiled;
}

/**
 * `metrics` must be a list of names (or metric objects). A single string is refused, as Keras 3 refuses it ("Expected
 * `metrics` argument to be a list, tuple, or dict"): accepting it would let `'accuracy'` work here and
 * fail in Keras, and without this check it was read letter by letter (`unknown metric 'a'`).
 */
function checkMetricList(metrics: unknown): void {
  if (typeof metrics === 'string') {
    throw new KerasOptionError(
      `compile: metrics must be a list such as ['${metrics}'], got ${describeValue(metrics)} — Keras 3 ` +
        `refuses a single string too (metrics는 ['${metrics}']처럼 배열이어야 합니다)`,
      'compile',
      'metrics',
    );
  }
  if (Array.isArray(metrics)) {
    metrics.forEach((m, i) => {
      checkArgument('compile', `metrics[${i}]`, m, { type: ['string', 'object'] });
    });
  }
}
