/**
 * Layers that act differently while training: `Dropout` and `BatchNormalization`, as Keras 3 has
 * them. `fit` calls the model with `training: true`; `predict` and `evaluate` with `false`.
 */
import { noGrad } from '../tensor/index.js';
import type { NestedArray, Rng } from './engine.js';
import { Rng as Generator, Tensor } from './engine.js';
import { getInitializer, initializerName } from './initializers.js';
import { type CallContext, checkInputShape, copyWeightsInto } from './layer.js';
import { checkArgument, checkOptions } from './options.js';

/** Options of {@link Dropout}. */
export interface DropoutOptions {
  /** Seeds this layer's own generator; without it the model's generator draws the masks. */
  seed?: number;
  inputShape?: number[];
  name?: string;
}

/**
 * Inverted dropout (Keras's `Dropout`): while training, each value is zeroed with probability `rate`
 * and the others are divided by `1 − rate`, so a value's expectation is unchanged and nothing needs
 * rescaling outside training, where the layer passes its input through.
 * @example new Dropout(0.5)
 */
export class Dropout {
  readonly className = 'Dropout';
  readonly rate: number;
  readonly seed: number | null;
  inputShape: number[] | null;
  name: string | null;
  private readonly ownRng: Rng | null;

  constructor(rate: number, opts: DropoutOptions = {}) {
    checkArgument('Dropout', 'rate', rate, { type: 'non-negative-number' });
    if (rate >= 1) {
      throw new RangeError(
        `Dropout: rate is the fraction of values dropped, in [0, 1); got ${rate} (rate는 0 이상 1 미만이어야 합니다)`,
      );
    }
    checkOptions('Dropout', opts, {
      seed: { type: 'integer', optional: true },
      inputShape: { type: 'array', optional: true },
      name: { type: 'string', optional: true },
    });
    checkInputShape('Dropout', opts.inputShape);
    this.rate = rate;
    this.seed = opts.seed ?? null;
    this.ownRng = opts.seed === undefined ? null : new Generator(opts.seed);
    this.inputShape = opts.inputShape ? [...opts.inputShape] : null;
    this.name = opts.name ?? null;
  }

  get built(): boolean {
    return this.inputShape !== null;
  }

  get trainableWeights(): Tensor[] {
    return [];
  }

  get nonTrainableWeights(): Tensor[] {
    return [];
  }

  build(inputShape: readonly number[], _rng: Rng): void {
    this.inputShape = [...inputShape];
  }

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  countParams(): number {
    return 0;
  }

  call(x: Tensor, context?: CallContext): Tensor {
    if (!context?.training || this.rate === 0) return x;
    const rng = this.ownRng ?? context.rng;
    const keep = 1 - this.rate;
    const mask = new Float64Array(x.size);
    for (let i = 0; i < mask.length; i++) mask[i] = rng.next() < keep ? 1 / keep : 0;
    return x.mul(new Tensor(mask, x.shape));
  }

  getWeights(): Tensor[] {
    return [];
  }

  setWeights(weights: (Tensor | NestedArray)[]): void {
    copyWeightsInto(`Dropout '${this.name}'.setWeights`, [], weights);
  }
}

/** Options of {@link BatchNormalization}, Keras 3's defaults. */
export interface BatchNormalizationOptions {
  /** How much of the old moving statistics each training batch keeps (default 0.99). */
  momentum?: number;
  /** Added to the variance before the square root (default 1e-3). */
  epsilon?: number;
  /** Learn an offset `beta` (default true). */
  center?: boolean;
  /** Learn a scale `gamma` (default true). */
  scale?: boolean;
  betaInitializer?: string;
  gammaInitializer?: string;
  movingMeanInitializer?: string;
  movingVarianceInitializer?: string;
  inputShape?: number[];
  name?: string;
}

interface BatchNormWeights {
  gamma: Tensor | null;
  beta: Tensor | null;
  movingMean: Tensor;
  movingVariance: Tensor;
}

/**
 * Normalises each channel (the last axis) to mean 0 and variance 1, then scales by `gamma` and shifts
 * by `beta` (Keras's `BatchNormalization`). While training it uses the batch's own mean and (biased)
 * variance and moves `movingMean`/`movingVariance` towards them:
 * `moving = moving · momentum + batch · (1 − momentum)`; outside training it uses the moving ones.
 * Weights in Keras's order: gamma, beta, moving mean, moving variance (the last two not trained).
 */
export class BatchNormalization {
  readonly className = 'BatchNormalization';
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly initializers: { beta: string; gamma: string; movingMean: string; movingVariance: string };
  inputShape: number[] | null;
  name: string | null;
  private weights: BatchNormWeights | null = null;

  constructor(opts: BatchNormalizationOptions = {}) {
    checkOptions('BatchNormalization', opts, {
      momentum: { type: 'non-negative-number', optional: true },
      epsilon: { type: 'positive-number', optional: true },
      center: { type: 'boolean', optional: true },
      scale: { type: 'boolean', optional: true },
      betaInitializer: { type: 'string', optional: true },
      gammaInitializer: { type: 'string', optional: true },
      movingMeanInitializer: { type: 'string', optional: true },
      movingVarianceInitializer: { type: 'string', optional: true },
      inputShape: { type: 'array', optional: true },
      name: { type: 'string', optional: true },
    });
    checkInputShape('BatchNormalization', opts.inputShape);
    if (opts.momentum !== undefined && opts.momentum > 1) {
      // Keras 3 too: "`momentum` must be a number between 0 and 1" (test_invalid_momentum)
      throw new RangeError(
        `BatchNormalization: momentum must be between 0 and 1, got ${opts.momentum} (momentum은 0과 1 사이여야 합니다)`,
      );
    }
    this.momentum = opts.momentum ?? 0.99;
    this.epsilon = opts.epsilon ?? 1e-3;
    this.center = opts.center ?? true;
    this.scale = opts.scale ?? true;
    this.initializers = {
      beta: initializerName(opts.betaInitializer ?? 'zeros'),
      gamma: initializerName(opts.gammaInitializer ?? 'ones'),
      movingMean: initializerName(opts.movingMeanInitializer ?? 'zeros'),
      movingVariance: initializerName(opts.movingVarianceInitializer ?? 'ones'),
    };
    this.inputShape = opts.inputShape ? [...opts.inputShape] : null;
    this.name = opts.name ?? null;
  }

  get built(): boolean {
    return this.weights !== null;
  }

  /** gamma, then beta (those present). */
  get trainableWeights(): Tensor[] {
    if (this.weights === null) return [];
    const { gamma, beta } = this.weights;
    return [gamma, beta].filter((w): w is Tensor => w !== null);
  }

  /** The moving mean and variance: kept, updated by training batches, never trained by the optimizer. */
  get nonTrainableWeights(): Tensor[] {
    if (this.weights === null) return [];
    return [this.weights.movingMean, this.weights.movingVariance];
  }

  build(inputShape: readonly number[], rng: Rng): void {
    const channels = inputShape.at(-1);
    if (channels === undefined)
      throw new RangeError('BatchNormalization: cannot build from an input of shape []');
    const make = (name: string, trainable: boolean) =>
      new Tensor(getInitializer(name)(channels, channels, channels, rng), [channels], trainable);
    this.weights = {
      gamma: this.scale ? make(this.initializers.gamma, true) : null,
      beta: this.center ? make(this.initializers.beta, true) : null,
      movingMean: make(this.initializers.movingMean, false),
      movingVariance: make(this.initializers.movingVariance, false),
    };
    this.inputShape = [...inputShape];
  }

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  countParams(): number {
    return [...this.trainableWeights, ...this.nonTrainableWeights].reduce((n, w) => n + w.size, 0);
  }

  call(x: Tensor, context?: CallContext): Tensor {
    const w = this.requireWeights();
    const channels = w.movingMean.size;
    const rows = x.reshape([-1, channels]);
    let normalized: Tensor;
    if (context?.training) {
      const mean = rows.mean(0);
      const centered = rows.sub(mean);
      const variance = centered.mul(centered).mean(0);
      normalized = centered.div(variance.add(this.epsilon).sqrt());
      noGrad(() => {
        this.moveTowards(w.movingMean, mean);
        this.moveTowards(w.movingVariance, variance);
      });
    } else {
      normalized = rows.sub(w.movingMean).div(w.movingVariance.add(this.epsilon).sqrt());
    }
    let out = normalized;
    if (w.gamma !== null) out = out.mul(w.gamma);
    if (w.beta !== null) out = out.add(w.beta);
    return out.reshape([...x.shape]);
  }

  getWeights(): Tensor[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights].map(
      (t) => new Tensor(t.data.slice(), [...t.shape]),
    );
  }

  setWeights(weights: (Tensor | NestedArray)[]): void {
    this.requireWeights();
    copyWeightsInto(
      `BatchNormalization '${this.name}'.setWeights`,
      [...this.trainableWeights, ...this.nonTrainableWeights],
      weights,
    );
  }

  private moveTowards(moving: Tensor, batch: Tensor): void {
    for (let i = 0; i < moving.size; i++) {
      moving.data[i] = moving.data[i]! * this.momentum + batch.data[i]! * (1 - this.momentum);
    }
  }

  private requireWeights(): BatchNormWeights {
    if (this.weights === null) {
      throw new Error(
        `BatchNormalization '${this.name}': the layer has no weights yet — give the first layer inputShape, ` +
          'or call fit/predict once (아직 가중치가 없습니다)',
      );
    }
    return this.weights;
  }
}
