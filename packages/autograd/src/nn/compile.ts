/** What `model.compile(...)` takes and what it decides (an optimizer object, a loss function, metrics). */
import { getLoss, type LossFn, type LossObject } from './losses.js';
import type { Metric } from './metric-objects.js';
import { parseMetrics } from './metric-tracker.js';
import { getOptimizer, type Optimizer } from './optimizers/index.js';

/** Options of {@link Sequential.compile}. */
export interface CompileOptions {
  /** `'sgd' 'adagrad' 'rmsprop' 'adam'` or an {@link Optimizer}. */
  optimizer: string | Optimizer;
  /** A loss name (camelCase or snake_case), a {@link LossFn}, or a loss object (`new Huber()`). */
  loss: string | LossFn | LossObject;
  /**
   * e.g. `['accuracy']`; also `'binaryAccuracy'`, `'categoricalAccuracy'`, `'precision'`, `'recall'`,
   * `'auc'`, `'rmse'`, loss names (`'mae'`), or metric objects (`new AUC({ numThresholds: 100 })`).
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
