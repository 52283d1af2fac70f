import type { TrainingModel } from './callbacks.js';
import { type Compiled, type CompileOptions, compileOptions } from './compile.js';
import { type Data, dataToTensor } from './data.js';
import { Dense } from './dense.js';
import { defaultRng, type NestedArray, noGrad, Rng, Tensor } from './engine.js';
import { type FitOptions, fitModel, type History } from './fit.js';
import { EpochMetrics, parseMetrics } from './metric-tracker.js';
import { saveModel } from './serialization.js';
import { formatSummary } from './summary.js';

/**
 * A stack of layers, each feeding the next: Keras' `Sequential` model, with the same method names
 * (camelCase) so the lecture's Keras code and this TypeScript read line for line.
 *
 * @example
 * const model = new Sequential();
 * model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
 * model.add(new Dense(2, { activation: 'softmax' }));
 * model.summary();
 * model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
 * const history = model.fit(x, y, { epochs: 1000, verbose: 0 });
 * model.predict(x).print();
 */
export class Sequential implements TrainingModel {
  /** The model's name, `'sequential'` unless given. */
  readonly name: string;
  /** The layers, in order. */
  readonly layers: Dense[] = [];
  /** Set to true (e.g. from a callback) to stop `fit` after the current epoch. */
  stopTraining = false;
  /** Set by `compile`. */
  compiled: Compiled | null = null;
  private readonly ownRng: Rng | null;

  /** @param opts.seed makes this model's weights and shuffling independent of the global seed. */
  constructor(opts: { name?: string; seed?: number } = {}) {
    this.name = opts.name ?? 'sequential';
    this.ownRng = opts.seed === undefined ? null : new Rng(opts.seed);
  }

  /** The generator for this model's initial weights and shuffling: its own, or the global default. */
  get rng(): Rng {
    return this.ownRng ?? defaultRng();
  }

  /** Appends a layer; its weights are created now when the input size is already known. */
  add(layer: Dense): void {
    if (!(layer instanceof Dense)) {
      throw new TypeError('Sequential.add: expected a Dense layer (Dense 층이 필요합니다)');
    }
    if (this.layers.includes(layer)) {
      throw new Error('Sequential.add: this layer is already in the model (이미 추가된 층입니다)');
    }
    if (layer.name === null) {
      const auto = this.layers.filter((l) => l.name === 'dense' || /^dense_\d+$/.test(l.name ?? '')).length;
      layer.name = auto === 0 ? 'dense' : `dense_${auto}`;
    }
    if (this.layers.some((l) => l.name === layer.name)) {
      throw new Error(
        `Sequential.add: a layer named '${layer.name}' already exists (같은 이름의 층이 있습니다)`,
      );
    }
    const previous = this.layers[this.layers.length - 1];
    if (previous !== undefined && layer.inputShape !== null && previous.inputShape !== null) {
      const expected = previous.outputShape(previous.inputShape);
      if (expected[expected.length - 1] !== layer.inputShape[layer.inputShape.length - 1]) {
        throw new RangeError(
          `Sequential.add: layer '${layer.name}' expects inputs of size ${layer.inputShape.at(-1)} but ` +
            `'${previous.name}' outputs ${expected.at(-1)} (앞 층의 출력 크기와 입력 크기가 다릅니다)`,
        );
      }
    }
    this.layers.push(layer);
    const first = this.layers[0]!;
    if (first.inputShape !== null) this.build(first.inputShape);
  }

  /** True once every layer has its weights. */
  get built(): boolean {
    return this.layers.length > 0 && this.layers.every((l) => l.built);
  }

  /** Creates the weights of every layer not built yet, for samples of shape `inputShape`. */
  build(inputShape: readonly number[]): void {
    let shape: readonly number[] = inputShape;
    for (const layer of this.layers) {
      if (!layer.built) layer.build(shape, this.rng);
      shape = layer.outputShape(shape);
    }
  }

  /**
   * The Keras summary table (layers, output shapes, parameter counts), printed unless
   * `{ print: false }`, and returned.
   */
  summary(opts: { print?: boolean } = {}): string {
    this.requireBuilt('summary');
    const rows = this.layers.map((layer) => ({
      name: layer.name ?? 'dense',
      className: 'Dense',
      outputShape: [null, ...layer.outputShape(layer.inputShape!)],
      params: layer.countParams(),
    }));
    const text = formatSummary(this.name, rows);
    if (opts.print ?? true) console.log(text);
    return text;
  }

  /** Chooses the optimizer, the loss and the metrics for `fit` and `evaluate`. */
  compile(opts: CompileOptions): void {
    this.compiled = compileOptions(opts);
  }

  /** The forward pass on a batch (records the graph unless inside `noGrad`). */
  call(x: Tensor): Tensor {
    if (this.layers.length === 0) throw new Error('Sequential: the model has no layers (층이 없습니다)');
    if (!this.built) this.build(x.shape.slice(1));
    let out = x;
    for (const layer of this.layers) out = layer.call(out);
    return out;
  }

  /** Trains the model; synchronous. See {@link FitOptions}. Returns the History of every epoch. */
  fit(x: Data, y: Data, opts: FitOptions = {}): History {
    return fitModel(this, dataToTensor('fit (x)', x), dataToTensor('fit (y)', y), opts);
  }

  /**
   * The model's outputs for `x` (no gradients recorded). Like Keras' numpy result, the returned tensor
   * is plain probabilities: a loss applied to it later uses the clipped formula, not the logits.
   */
  predict(x: Data): Tensor {
    const input = dataToTensor('predict', x);
    const out = noGrad(() => this.call(input));
    return new Tensor(out.data, out.shape);
  }

  /** The loss and the metrics on `(x, y)`, e.g. `{ loss: 0.35, accuracy: 1 }`. */
  evaluate(x: Data, y: Data): Record<string, number> {
    const compiled = this.requireCompiled('evaluate');
    const input = dataToTensor('evaluate (x)', x);
    const target = dataToTensor('evaluate (y)', y);
    return noGrad(() => {
      const yPred = this.call(input);
      const metrics = new EpochMetrics(parseMetrics(compiled.metrics), target, yPred);
      metrics.update(target, yPred, compiled.loss(target, yPred).mean().item());
      return metrics.write({});
    });
  }

  /** Every weight in Keras order (per layer: kernel, then bias) — the live tensors, for optimizers. */
  get trainableWeights(): Tensor[] {
    return this.layers.flatMap((l) => l.trainableWeights);
  }

  /** Copies of the weights in Keras order (per layer: kernel `[in, units]`, then bias `[units]`). */
  getWeights(): Tensor[] {
    return this.trainableWeights.map((w) => new Tensor(w.data.slice(), [...w.shape]));
  }

  /** Overwrites the weights (values copied in place), in the order of `getWeights()`. */
  setWeights(weights: (Tensor | NestedArray)[]): void {
    const params = this.requireBuilt('setWeights');
    if (weights.length !== params.length) {
      throw new RangeError(
        `setWeights: the model has ${params.length} weight tensors, got ${weights.length} ` +
          `(가중치 텐서 ${params.length}개가 필요합니다)`,
      );
    }
    const values = weights.map((w) => dataToTensor('setWeights', w));
    values.forEach((value, i) => {
      const param = params[i]!;
      if (value.shape.length !== param.shape.length || value.shape.some((d, j) => d !== param.shape[j])) {
        throw new RangeError(
          `setWeights: weight ${i} must have shape [${param.shape.join(',')}], got [${value.shape.join(',')}] ` +
            `(가중치 ${i}의 모양이 다릅니다)`,
        );
      }
    });
    values.forEach((value, i) => {
      params[i]!.data.set(value.data);
    });
  }

  /** Total number of weights (27 for the lecture's XOR model). */
  countParams(): number {
    return this.requireBuilt('countParams').reduce((n, w) => n + w.size, 0);
  }

  /** Writes the model (layers, weights, compile settings) to a JSON file; `loadModel` reads it back. */
  save(path: string): void {
    this.requireBuilt('save');
    saveModel(this, path);
  }

  /** @internal */
  requireCompiled(what: string): Compiled {
    if (this.compiled === null) {
      throw new Error(
        `${what}: call model.compile({ optimizer, loss }) first (먼저 model.compile(...)을 호출하세요)`,
      );
    }
    return this.compiled;
  }

  private requireBuilt(what: string): Tensor[] {
    if (!this.built) {
      throw new Error(
        `${what}: the model has no weights yet — give the first layer inputDim (or inputShape), or call ` +
          'fit/predict once (아직 가중치가 없습니다: 첫 층에 inputDim을 주세요)',
      );
    }
    return this.trainableWeights;
  }
}
