import type { TrainingModel } from './callbacks.js';
import { type Compiled, type CompileOptions, compileOptions } from './compile.js';
import { Input } from './conv-layers.js';
import { type Data, dataToTensor, type RowSource, rowCount, takeRows, toRows } from './data.js';
import { Dense } from './dense.js';
import { defaultRng, endRecycling, type NestedArray, noGrad, Rng, recycleFloats, Tensor } from './engine.js';
import { type FitOptions, fitModel, type History } from './fit.js';
import { copyWeightsInto, isLayer, type Layer, notALayer, snakeCaseName } from './layer.js';
import { EpochMetrics, parseMetrics } from './metric-tracker.js';
import type { Optimizer } from './optimizers/optimizer.js';
import { checkArgument, checkOptions } from './options.js';
import { epochProgressLine } from './progress.js';
import { sampleWeightsOf, weightedLoss } from './sample-weights.js';
import { saveModel } from './serialization.js';
import { formatSummary } from './summary.js';

/** Options of the {@link Sequential} constructor. */
export interface SequentialOptions {
  /** The layers, as Keras' `Sequential(layers=[...])` keyword (or give them as the first argument). */
  layers?: Layer[];
  /** The model's name, `'sequential'` unless given. */
  name?: string;
  /** Makes this model's weights and shuffling independent of the global seed. */
  seed?: number;
}

/** Options of {@link Sequential.evaluate}, named as in Keras. */
export interface EvaluateOptions {
  /** Rows per batch, default 32 (the loss is averaged over batches weighted by their rows, as Keras). */
  batchSize?: number;
  /** 0 silent (the default here: Keras prints a progress line), 1/2/`'auto'` one Keras progress line. */
  verbose?: 0 | 1 | 2 | 'auto';
  /** One weight per row, as in `fit`: the reported loss is `Σ wᵢ·lossᵢ / rows`. */
  sampleWeight?: Data;
  /**
   * Accepted for Keras code (`return_dict=True`) and changes nothing: the result is always both a dict
   * (`result.loss`) and Keras' list (`result[0]`, `const [loss, acc] = result`).
   */
  returnDict?: boolean;
}

/** Options of {@link Sequential.predict}, named as in Keras. */
export interface PredictOptions {
  /** Rows per batch, default 32 (the result does not depend on it). */
  batchSize?: number;
  /** 0 silent (the default here: Keras prints a progress line), 1/2/`'auto'` one Keras progress line. */
  verbose?: 0 | 1 | 2 | 'auto';
}

/** Options of {@link Sequential.summary}. */
export interface SummaryOptions {
  /** Print the table (default true); it is returned either way. */
  print?: boolean;
  /** Called with each line instead of `console.log` (Keras' `print_fn`). */
  printFn?: (line: string) => void;
}

/**
 * What `evaluate` returns: `{ loss, accuracy, ... }`, which is also Keras' list `[loss, ...metrics]`:
 * the Keras lines `loss, acc = model.evaluate(x, y)` and `score[1]` read
 * `const [loss, acc] = model.evaluate(x, y)` and `score[1]` here.
 */
export type EvaluateResult = Record<string, number> & Iterable<number> & { readonly [index: number]: number };

/**
 * `logs` with Keras' list view added: an iterator and the indices 0, 1, ... over its values in order
 * (loss first, then the metrics). They are not enumerable: printing, `Object.keys` and JSON show the dict.
 */
function asEvaluateResult(logs: Record<string, number>): EvaluateResult {
  const values = Object.values(logs);
  values.forEach((value, i) => {
    Object.defineProperty(logs, i, { value, enumerable: false });
  });
  Object.defineProperty(logs, Symbol.iterator, {
    value: () => values[Symbol.iterator](),
    enumerable: false,
  });
  return logs as EvaluateResult;
}

/**
 * Refuses a layer whose given input shape is not what the layer before it outputs: Dense reads the
 * last axis only, the other layers the whole sample.
 */
function checkFollows(previous: Layer, layer: Layer): void {
  const out = previous.outputShape(previous.inputShape!);
  const given = layer.inputShape!;
  if (layer instanceof Dense) {
    if (out.at(-1) === given.at(-1)) return;
    throw new RangeError(
      `Sequential.add: layer '${layer.name}' expects inputs of size ${given.at(-1)} but ` +
        `'${previous.name}' outputs ${out.at(-1)} (앞 층의 출력 크기와 입력 크기가 다릅니다)`,
    );
  }
  if (out.length === given.length && out.every((d, i) => d === given[i])) return;
  throw new RangeError(
    `Sequential.add: layer '${layer.name}' expects inputs of shape [${given.join(', ')}] but ` +
      `'${previous.name}' outputs [${out.join(', ')}] (앞 층의 출력 모양과 이 층의 입력 모양이 다릅니다)`,
  );
}

const VERBOSE = { type: ['integer', 'string'], oneOf: [0, 1, 2, 'auto'], optional: true } as const;

/**
 * A stack of layers, each feeding the next: Keras' `Sequential` model, with the same method names
 * (camelCase) so the lecture's Keras code and this TypeScript read line for line.
 *
 * @example
 * const model = new Sequential();
 * model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
 * model.add(new Dense(2, { activation: 'softmax' }));
 * // or, as Keras also allows: new Sequential([new Dense(5, { inputDim: 2, ... }), new Dense(2, { ... })])
 * model.summary();
 * model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
 * const history = model.fit(x, y, { epochs: 1000, verbose: 0 });
 * model.predict(x).print();
 */
export class Sequential implements TrainingModel {
  /** The model's name, `'sequential'` unless given. */
  readonly name: string;
  /** The layers, in order (the model's own list: `layers` hands out copies). */
  private readonly stack: Layer[] = [];
  /** The `Input` the model started with, if any (as in Keras, not one of `layers`). */
  private input: Input | null = null;
  /** Set to true (e.g. from a callback) to stop `fit` after the current epoch. */
  stopTraining = false;
  /** Set by `compile`. */
  compiled: Compiled | null = null;
  private readonly ownRng: Rng | null;

  /** The optimizer `compile` chose (Keras' `model.optimizer`), or null before `compile`. */
  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  /**
   * `new Sequential()`, `new Sequential({ name, seed })`, or, as in Keras, `new Sequential([layers])`
   * (then `new Sequential([layers], { seed })`): the layers are added in order, and a first layer with
   * `inputDim` builds the model at once.
   * @param opts.seed makes this model's weights and shuffling independent of the global seed.
   */
  constructor(layers?: Layer[] | SequentialOptions, opts?: SequentialOptions) {
    const options = Array.isArray(layers) ? opts : layers;
    if (!Array.isArray(layers) && opts !== undefined) {
      checkArgument('Sequential', 'the first argument', layers, { type: 'array' });
    }
    checkOptions('Sequential', options, {
      layers: { type: 'array', optional: true },
      name: { type: 'string', optional: true },
      seed: { type: 'number', optional: true },
    });
    this.name = options?.name ?? 'sequential';
    this.ownRng = options?.seed === undefined ? null : new Rng(options.seed);
    const list = Array.isArray(layers) ? layers : options?.layers;
    if (Array.isArray(layers) && options?.layers !== undefined) {
      throw new TypeError(
        'Sequential: give the layers once, as the first argument or as { layers } (층은 한 번만 주세요)',
      );
    }
    if (list !== undefined) {
      list.forEach((layer, i) => {
        if (!isLayer(layer)) throw notALayer(`Sequential: layers[${i}]`, layer);
        this.add(layer);
      });
    }
  }

  /** The layers, in order (a copy, as Keras' `model.layers`: add layers with `add`). */
  get layers(): Layer[] {
    return [...this.stack];
  }

  /** The generator for this model's initial weights and shuffling: its own, or the global default. */
  get rng(): Rng {
    return this.ownRng ?? defaultRng();
  }

  /**
   * Appends a layer; its weights are created now when the input shape is already known (an `Input`
   * first, or `inputShape`/`inputDim` on the first layer). Unnamed layers are named as Keras names
   * them: `dense`, `dense_1`, `conv2d`, `max_pooling2d`, ...
   */
  add(layer: Layer): void {
    if (!isLayer(layer)) throw notALayer('Sequential.add', layer);
    if (this.stack.includes(layer) || this.input === layer) {
      throw new Error('Sequential.add: this layer is already in the model (이미 추가된 층입니다)');
    }
    if (layer instanceof Input) {
      if (this.stack.length > 0 || this.input !== null) {
        throw new Error(
          'Sequential.add: an Input can only start the model, before every other layer ' +
            '(Input은 모델의 맨 처음에만 올 수 있습니다)',
        );
      }
      this.input = layer;
      return;
    }
    if (layer.name === null) {
      const base = snakeCaseName(layer.className);
      const pattern = new RegExp(`^${base}(_\\d+)?$`);
      const auto = this.stack.filter((l) => pattern.test(l.name ?? '')).length;
      layer.name = auto === 0 ? base : `${base}_${auto}`;
    }
    if (this.stack.some((l) => l.name === layer.name)) {
      throw new Error(
        `Sequential.add: a layer named '${layer.name}' already exists (같은 이름의 층이 있습니다)`,
      );
    }
    const previous = this.stack.at(-1);
    if (previous !== undefined && layer.inputShape !== null && previous.inputShape !== null) {
      checkFollows(previous, layer);
    }
    this.stack.push(layer);
    const shape = this.input?.shape ?? this.stack[0]!.inputShape;
    if (shape !== null) this.build(shape);
  }

  /** True once every layer has its weights. */
  get built(): boolean {
    return this.stack.length > 0 && this.stack.every((l) => l.built);
  }

  /** Creates the weights of every layer not built yet, for samples of shape `inputShape`. */
  build(inputShape: readonly number[]): void {
    let shape: readonly number[] = inputShape;
    for (const layer of this.stack) {
      if (!layer.built) layer.build(shape, this.rng);
      shape = layer.outputShape(shape);
    }
  }

  /**
   * The Keras summary table (layers, output shapes, parameter counts), printed unless
   * `{ print: false }`, and returned.
   */
  summary(opts: SummaryOptions = {}): string {
    checkOptions('summary', opts, {
      print: { type: 'boolean', optional: true },
      printFn: { type: 'function', optional: true },
    });
    this.requireBuilt('summary');
    const rows = this.stack.map((layer) => ({
      name: layer.name ?? snakeCaseName(layer.className),
      className: layer.className,
      outputShape: [null, ...layer.outputShape(layer.inputShape!)],
      params: layer.countParams(),
    }));
    const nonTrainable = this.stack.reduce(
      (n, l) => n + l.nonTrainableWeights.reduce((m, w) => m + w.size, 0),
      0,
    );
    const text = formatSummary(this.name, rows, nonTrainable);
    if (opts.print ?? true) {
      if (opts.printFn === undefined) console.log(text);
      else for (const line of text.split('\n')) opts.printFn(line);
    }
    return text;
  }

  /** Chooses the optimizer, the loss and the metrics for `fit` and `evaluate`. */
  compile(opts: CompileOptions): void {
    this.compiled = compileOptions(opts);
  }

  /**
   * The forward pass on a batch (records the graph unless inside `noGrad`). `fit` calls it with
   * `{ training: true }` (Keras's `model(x, training=True)`): `Dropout` then drops and
   * `BatchNormalization` uses the batch's statistics.
   */
  call(x: Tensor, opts: { training?: boolean } = {}): Tensor {
    if (this.stack.length === 0) throw new Error('Sequential: the model has no layers (층이 없습니다)');
    if (!this.built) this.build(x.shape.slice(1));
    const context = { training: opts.training ?? false, rng: this.rng };
    let out = this.input === null ? x : this.input.call(x);
    for (const layer of this.stack) out = layer.call(out, context);
    return out;
  }

  /**
   * The outputs for one batch without gradients, as `predict` and `evaluate` compute them: each
   * layer's output is handed back for reuse (see `kernels/alloc.ts`) as soon as the next layer has
   * read it, unless it is the batch itself, a view the next layer returned (`Flatten`), or a weight.
   * The caller recycles the result when done with it (`recycleOutput`) and ends with `endRecycling`.
   */
  private inferBatch(x: Tensor): Tensor {
    return noGrad(() => {
      if (!this.built) this.build(x.shape.slice(1));
      const context = { training: false, rng: this.rng };
      const kept = new Set<ArrayBufferLike>(this.allWeights().map((w) => w.data.buffer));
      kept.add(x.data.buffer);
      let out = this.input === null ? x : this.input.call(x);
      for (const layer of this.stack) {
        const next = layer.call(out, context);
        if (next.data.buffer !== out.data.buffer && !kept.has(out.data.buffer)) recycleFloats(out.data);
        out = next;
      }
      return out;
    });
  }

  /** Hands a batch's output back once its numbers were copied out (never the batch or a weight). */
  private recycleOutput(y: Tensor, x: Tensor): void {
    if (y.data.buffer === x.data.buffer) return;
    if (this.allWeights().some((w) => w.data.buffer === y.data.buffer)) return;
    recycleFloats(y.data);
  }

  /** Trains the model; synchronous. See {@link FitOptions}. Returns the History of every epoch. */
  fit(x: Data | RowSource, y: Data, opts: FitOptions = {}): History {
    return fitModel(this, toRows('fit (x)', x), dataToTensor('fit (y)', y), opts);
  }

  /**
   * The model's outputs for `x` (no gradients recorded). Like Keras' numpy result, the returned tensor
   * is plain probabilities: a loss applied to it later uses the clipped formula, not the logits.
   */
  predict(x: Data | RowSource, opts: PredictOptions = {}): Tensor {
    checkOptions('predict', opts, {
      batchSize: { type: 'positive-integer', optional: true },
      verbose: VERBOSE,
    });
    const started = performance.now();
    const input = toRows('predict', x);
    // A tensor in one pass (every row's output depends on that row only, so batching would not change
    // a number); a row source a batch at a time, so it is never converted whole.
    const out =
      input instanceof Tensor ? this.inferBatch(input) : this.predictInBatches(input, opts.batchSize ?? 32);
    endRecycling();
    const verbose = opts.verbose ?? 0;
    if (verbose !== 0) {
      const steps = Math.max(1, Math.ceil(rowCount(input) / (opts.batchSize ?? 32)));
      console.log(epochProgressLine(steps, (performance.now() - started) / 1000, {}));
    }
    return new Tensor(out.data, out.shape);
  }

  /**
   * The loss and the metrics on `(x, y)`, e.g. `{ loss: 0.35, accuracy: 1 }`, which is also Keras' list:
   * `const [loss, accuracy] = model.evaluate(x, y)`, `score[1]`. See {@link EvaluateOptions}.
   */
  evaluate(x: Data | RowSource, y: Data, opts: EvaluateOptions = {}): EvaluateResult {
    checkOptions('evaluate', opts, {
      batchSize: { type: 'positive-integer', optional: true },
      verbose: VERBOSE,
      sampleWeight: { type: ['array', 'object'], optional: true },
      returnDict: { type: 'boolean', optional: true },
    });
    const compiled = this.requireCompiled('evaluate');
    const started = performance.now();
    const input = toRows('evaluate (x)', x);
    const target = dataToTensor('evaluate (y)', y);
    const rows = rowCount(input);
    if ((target.rank === 0 ? 1 : target.shape[0]) !== rows) {
      throw new RangeError(
        `evaluate: x has ${rows} rows but y has ${target.shape[0]} (x와 y의 행 수가 같아야 합니다)`,
      );
    }
    const weights =
      opts.sampleWeight === undefined ? null : sampleWeightsOf('evaluate', opts.sampleWeight, rows);
    const batchSize = opts.batchSize ?? 32;
    const steps = Math.max(1, Math.ceil(rows / batchSize));
    const logs = noGrad(() => {
      let metrics: EpochMetrics | null = null;
      // Batch by batch, as Keras: the running means weigh each batch by its rows.
      for (let b = 0; b < steps; b++) {
        const from = b * batchSize;
        const to = Math.min(rows, from + batchSize);
        const part = Int32Array.from({ length: to - from }, (_, i) => from + i);
        const xb = steps === 1 && input instanceof Tensor ? input : takeRows(input, part);
        const yb = steps === 1 ? target : target.gather(part);
        const yPred = this.inferBatch(xb);
        const loss =
          weights === null
            ? compiled.loss(yb, yPred)
            : weightedLoss(compiled.loss, yb, yPred, weights.subarray(from, to));
        metrics ??= new EpochMetrics(parseMetrics(compiled.metrics), yb, yPred);
        metrics.update(yb, yPred, loss.mean().item());
        this.recycleOutput(yPred, xb);
      }
      return metrics!.write({});
    });
    endRecycling();
    const verbose = opts.verbose ?? 0;
    if (verbose !== 0) console.log(epochProgressLine(steps, (performance.now() - started) / 1000, logs));
    return asEvaluateResult(logs);
  }

  /** Every weight in Keras order (per layer: kernel, then bias) — the live tensors, for optimizers. */
  get trainableWeights(): Tensor[] {
    return this.stack.flatMap((l) => l.trainableWeights);
  }

  /**
   * Copies of every weight in Keras order: layer by layer, each layer's `getWeights()` (Dense: kernel
   * `[in, units]`, then bias `[units]`; BatchNormalization: gamma, beta, moving mean, moving variance).
   */
  getWeights(): Tensor[] {
    this.requireBuilt('getWeights');
    return this.stack.flatMap((l) => l.getWeights());
  }

  /** Overwrites the weights (values copied in place), in the order of `getWeights()`. */
  setWeights(weights: (Tensor | NestedArray)[]): void {
    this.requireBuilt('setWeights');
    copyWeightsInto('setWeights', this.allWeights(), weights);
  }

  /** Total number of weights, trained or not (27 for the lecture's XOR model). */
  countParams(): number {
    this.requireBuilt('countParams');
    return this.stack.reduce((n, l) => n + l.countParams(), 0);
  }

  /** The outputs for a row source, `batchSize` rows at a time, in one tensor. */
  private predictInBatches(source: RowSource, batchSize: number): Tensor {
    const rows = source.length;
    let out: Float64Array | null = null;
    let shape: number[] = [];
    for (let from = 0; from < rows; from += batchSize) {
      const to = Math.min(rows, from + batchSize);
      const part = Int32Array.from({ length: to - from }, (_, i) => from + i);
      const x = source.take(part);
      const y = this.inferBatch(x);
      if (out === null) {
        shape = [rows, ...y.shape.slice(1)];
        out = new Float64Array(rows * (y.size / (to - from)));
      }
      out.set(y.data, from * (y.size / (to - from)));
      this.recycleOutput(y, x);
    }
    if (out === null) throw new RangeError('predict: no rows (예측할 데이터가 없습니다)');
    return new Tensor(out, shape);
  }

  /** The live tensors of every weight, in `getWeights()` order. */
  private allWeights(): Tensor[] {
    return this.stack.flatMap((l) => [...l.trainableWeights, ...l.nonTrainableWeights]);
  }

  /** Writes the model (layers, weights, compile settings) to a JSON file; `loadModel` reads it back. */
  save(path: string): void {
    checkArgument('save', 'path', path, { type: 'string' });
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
    if (this.stack.length === 0) {
      throw new Error(
        `${what}: the model has no layers yet — add them with model.add(new Dense(...)) or ` +
          'new Sequential([...]) (아직 층이 없습니다: model.add(...)로 층을 추가하세요)',
      );
    }
    if (!this.built) {
      throw new Error(
        `${what}: the model has no weights yet — give the first layer inputDim (or inputShape), or call ` +
          'fit/predict once (아직 가중치가 없습니다: 첫 층에 inputDim을 주세요)',
      );
    }
    return this.trainableWeights;
  }
}
