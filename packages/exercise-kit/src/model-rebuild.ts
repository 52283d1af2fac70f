/**
 * The judge's side of `model-data.ts`: checking the plain data a probe sent and rebuilding the model
 * with the trusted engine, in the grader, so that predictions, accuracy, loss, parameter counts and
 * replayed training come from the engine and not from the student's objects.
 *
 * The kit depends on the engine only for types, so the judge passes the engine in:
 *
 * @example
 * ```ts
 * import * as engine from '@gradschool/autograd';
 * judge: (got, seed) => {
 *   const read = readModelData(got.model);
 *   if ('problem' in read) return fail(read.problem);
 *   // the training replayed from the seed, with the configuration the student's model reports:
 *   const built = buildModel(engine, read.data, { initialize: { seed }, compile: true });
 *   if ('problem' in built) return fail(built.problem);
 *   const history = built.model.fit(x, y, { epochs: got.loss.length, verbose: 0 });
 *   return expectWeights(read.data.weights, weightsOf(built.model), { what });
 * },
 * ```
 */
import type * as Autograd from '@gradschool/autograd';
import { type CloseOptions, expectClose, fail, pass } from './judge.js';
import type { CompileData, LayerData, ModelData, OptimizerData, WeightData } from './model-data.js';
import type { Localized, Verdict } from './protocol.js';
import { render } from './render.js';

/** What `buildModel` needs of `@gradschool/autograd` (pass `import * as engine from '@gradschool/autograd'`). */
export type ModelEngine = Pick<
  typeof Autograd,
  'Sequential' | 'Dense' | 'SGD' | 'Adagrad' | 'RMSprop' | 'Adam' | 'tensor'
> &
  Partial<Pick<typeof Autograd, 'Conv2D' | 'MaxPooling2D' | 'AveragePooling2D' | 'Flatten' | 'Dropout'>>;

/** The layers without `units` that `buildModel` rebuilds (lecture 4's convnets), by class name. */
const WINDOW_LAYERS = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'Flatten', 'Dropout'] as const;
type WindowLayer = (typeof WINDOW_LAYERS)[number];
const isWindowLayer = (name: unknown): name is WindowLayer =>
  (WINDOW_LAYERS as readonly unknown[]).includes(name);

/** Bounds on what a judge rebuilds, whatever the sandbox sends: a judge's work must stay small. */
const MAX_LAYERS = 32;
const MAX_UNITS = 1024;
// An input shape's sides are bounded like a tensor's (a Dense after Flatten takes 1,600 inputs).
const MAX_VALUES = 1_000_000;
/** The largest convolution or pooling window (and step) a judge rebuilds. */
const MAX_WINDOW = 64;

/** Each built-in optimizer's hyper-parameters (the constructor refuses any other key). */
const OPTIMIZER_OPTIONS = {
  SGD: ['learningRate', 'momentum', 'nesterov'],
  Adagrad: ['learningRate', 'initialAccumulatorValue', 'epsilon'],
  RMSprop: ['learningRate', 'rho', 'momentum', 'epsilon', 'centered'],
  Adam: ['learningRate', 'beta1', 'beta2', 'epsilon', 'amsgrad'],
} as const;
type OptimizerClass = keyof typeof OPTIMIZER_OPTIONS;

const problem = (ko: string, en: string) => ({ problem: { ko, en } });
const isInt = (x: unknown, min: number, max: number): x is number =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
const isStringOrNull = (x: unknown) => x === null || typeof x === 'string';

function layerProblem(layer: unknown, k: number): { problem: Localized } | null {
  const l = layer as Partial<Record<keyof LayerData, unknown>> | null;
  const at = { ko: `${k + 1}번째 층`, en: `layer ${k + 1}` };
  if (typeof l !== 'object' || l === null)
    return problem(`${at.ko}이 객체가 아닙니다.`, `${at.en} is not an object.`);
  if (isWindowLayer(l.className)) return windowLayerProblem(l, at);
  if (!isInt(l.units, 1, MAX_UNITS))
    return problem(
      `${at.ko}의 units가 1..${MAX_UNITS}의 정수가 아닙니다: ${render(l.units)}.`,
      `${at.en}: units is not an integer in 1..${MAX_UNITS}: ${render(l.units)}.`,
    );
  const shapeOk =
    l.inputShape === null ||
    (Array.isArray(l.inputShape) && l.inputShape.every((d) => isInt(d, 1, MAX_VALUES)));
  const fieldsOk =
    [l.className, l.activation, l.kernelInitializer, l.biasInitializer].every(isStringOrNull) &&
    (l.useBias === null || typeof l.useBias === 'boolean');
  if (!shapeOk || !fieldsOk)
    return problem(
      `${at.ko}의 설정을 읽을 수 없습니다: ${render(l)}.`,
      `${at.en}: its configuration cannot be read: ${render(l)}.`,
    );
  return null;
}

const isPair = (x: unknown): x is [number, number] =>
  Array.isArray(x) && x.length === 2 && x.every((d) => isInt(d, 1, MAX_WINDOW));

/** A convolution, pooling, Flatten or Dropout layer's settings, within bounds. */
function windowLayerProblem(
  l: Partial<Record<keyof LayerData, unknown>>,
  at: Localized,
): { problem: Localized } | null {
  const name = l.className as WindowLayer;
  const windowed = name === 'Conv2D' || name === 'MaxPooling2D' || name === 'AveragePooling2D';
  const ok =
    (l.inputShape === null ||
      (Array.isArray(l.inputShape) && l.inputShape.every((d) => isInt(d, 1, MAX_VALUES)))) &&
    (name !== 'Conv2D' ||
      (isInt(l.filters, 1, MAX_UNITS) &&
        isPair(l.kernelSize) &&
        isStringOrNull(l.activation) &&
        isStringOrNull(l.kernelInitializer) &&
        isStringOrNull(l.biasInitializer) &&
        (l.useBias === null || typeof l.useBias === 'boolean'))) &&
    (!windowed || (isPair(l.strides) && (l.padding === 'valid' || l.padding === 'same'))) &&
    (name === 'Conv2D' || !windowed || isPair(l.poolSize)) &&
    (name !== 'Dropout' || (typeof l.rate === 'number' && l.rate >= 0 && l.rate < 1));
  return ok
    ? null
    : problem(
        `${at.ko}(${name})의 설정을 읽을 수 없습니다: ${render(l)}.`,
        `${at.en} (${name}): its configuration cannot be read: ${render(l)}.`,
      );
}

function weightProblem(w: unknown, k: number): { problem: Localized } | null {
  const t = w as Partial<WeightData> | null;
  const ok =
    typeof t === 'object' &&
    t !== null &&
    Array.isArray(t.shape) &&
    t.shape.every((d) => isInt(d, 1, MAX_VALUES)) &&
    Array.isArray(t.data) &&
    t.data.length <= MAX_VALUES &&
    t.data.length === t.shape.reduce((a, b) => a * b, 1) &&
    t.data.every((x) => typeof x === 'number');
  return ok
    ? null
    : problem(
        `getWeights()[${k}]가 모양(shape)과 그 수만큼의 숫자(data)로 된 텐서가 아닙니다.`,
        `getWeights()[${k}] is not a tensor: a shape and that many numbers.`,
      );
}

function compileProblem(c: unknown): { problem: Localized } | null {
  if (c === null) return null;
  const x = c as Partial<CompileData> | null;
  const o = x?.optimizer as Partial<OptimizerData> | undefined;
  const ok =
    typeof x === 'object' &&
    x !== null &&
    isStringOrNull(x.loss) &&
    Array.isArray(x.metrics) &&
    x.metrics.every((m) => typeof m === 'string') &&
    typeof o === 'object' &&
    o !== null &&
    isStringOrNull(o.className) &&
    typeof o.config === 'object' &&
    o.config !== null &&
    Object.values(o.config).every((v) => typeof v === 'number' || typeof v === 'boolean');
  return ok ? null : problem('compile 설정을 읽을 수 없습니다.', 'its compile settings cannot be read.');
}

/**
 * Checks what a probe sent with `modelData`: a model as data, within bounds, or what is wrong with it.
 * The message is a clause for the judge to put after the call it is about.
 */
export function readModelData(value: unknown): { data: ModelData } | { problem: Localized } {
  const v = value as { unreadable?: unknown; layers?: unknown; weights?: unknown; compile?: unknown } | null;
  if (typeof v === 'object' && v !== null && typeof v.unreadable === 'string')
    return problem(
      `모델로 읽을 수 없습니다 (${v.unreadable}). Sequential 모델을 돌려주세요.`,
      `it cannot be read as a model (${v.unreadable}). Return a Sequential model.`,
    );
  if (typeof v !== 'object' || v === null || !Array.isArray(v.layers) || !Array.isArray(v.weights))
    return problem('모델 데이터가 아닙니다.', 'this is not a model as data.');
  if (v.layers.length === 0 || v.layers.length > MAX_LAYERS)
    return problem(
      `층이 1..${MAX_LAYERS}개여야 하는데 ${v.layers.length}개입니다.`,
      `it should have 1..${MAX_LAYERS} layers, it has ${v.layers.length}.`,
    );
  if (v.weights.length > 2 * MAX_LAYERS)
    return problem(`가중치 텐서가 너무 많습니다.`, 'it has too many weight tensors.');
  const found =
    v.layers.map(layerProblem).find((p) => p !== null) ??
    v.weights.map(weightProblem).find((p) => p !== null) ??
    compileProblem(v.compile ?? null);
  if (found) return found;
  return {
    data: { layers: v.layers, weights: v.weights, compile: (v.compile ?? null) as CompileData | null },
  };
}

/** One layer as code: `Dense(5, sigmoid, kernelInitializer 'randomNormal', inputDim 2)`. */
export function describeLayer(layer: LayerData): string {
  if (isWindowLayer(layer.className)) return describeWindowLayer(layer);
  const parts = [
    String(layer.units),
    String(layer.activation),
    `kernelInitializer '${layer.kernelInitializer}'`,
    ...(layer.biasInitializer !== 'zeros' ? [`biasInitializer '${layer.biasInitializer}'`] : []),
    ...(layer.useBias === false ? ['useBias false'] : []),
    ...(layer.inputShape ? [`inputShape [${layer.inputShape.join(', ')}]`] : []),
  ];
  return `${layer.className ?? 'Layer'}(${parts.join(', ')})`;
}

/** `Conv2D(32, [3, 3], relu)`, `MaxPooling2D([2, 2])`, `Flatten()`, `Dropout(0.5)`: the settings that differ from the defaults. */
function describeWindowLayer(layer: LayerData): string {
  const pair = (p: number[] | null | undefined) => `[${(p ?? []).join(', ')}]`;
  const steps = (window: number[] | null | undefined) =>
    pair(layer.strides) !== pair(window) && pair(layer.strides) !== '[1, 1]'
      ? [`strides ${pair(layer.strides)}`]
      : [];
  const common = [
    ...(layer.padding === 'same' ? ["padding 'same'"] : []),
    ...(layer.inputShape ? [`inputShape [${layer.inputShape.join(', ')}]`] : []),
  ];
  switch (layer.className) {
    case 'Conv2D':
      return `Conv2D(${[
        String(layer.filters),
        pair(layer.kernelSize),
        String(layer.activation),
        ...(pair(layer.strides) !== '[1, 1]' ? [`strides ${pair(layer.strides)}`] : []),
        ...common,
      ].join(', ')})`;
    case 'Dropout':
      return `Dropout(${layer.rate})`;
    case 'Flatten':
      return 'Flatten()';
    default:
      return `${layer.className}(${[pair(layer.poolSize), ...steps(layer.poolSize), ...common].join(', ')})`;
  }
}

/** The layers as code, joined by arrows. */
export function describeLayers(data: ModelData): string {
  return data.layers.map(describeLayer).join(' → ');
}

/** The compile settings as code: `Adam({ learningRate: 0.001, … }), loss 'binaryCrossentropy'`; `null` when never compiled. */
export function describeCompile(compile: CompileData | null): string {
  if (compile === null) return 'null';
  const { className, config } = compile.optimizer;
  return `${className}(${render(config)}), loss ${render(compile.loss)}, metrics ${render(compile.metrics)}`;
}

const canonicalOptimizer = (name: string | null): OptimizerClass | undefined =>
  (Object.keys(OPTIMIZER_OPTIONS) as OptimizerClass[]).find((k) => k.toLowerCase() === name?.toLowerCase());

function optimizerOf(engine: ModelEngine, o: OptimizerData): Autograd.Optimizer {
  const name = canonicalOptimizer(o.className);
  if (name === undefined)
    throw new Error(
      `the optimizer ${render(o.className)} is not one of the engine's (SGD, Adagrad, RMSprop, Adam)`,
    );
  const options = Object.fromEntries(
    OPTIMIZER_OPTIONS[name].filter((k) => k in o.config).map((k) => [k, o.config[k]]),
  ) as never;
  return new engine[name](options);
}

/** One convolution, pooling, Flatten or Dropout layer of the data, built by the trusted engine. */
function windowLayerOf(
  engine: ModelEngine,
  layer: LayerData,
  inputShape: number[] | null,
  k: number,
): Autograd.Layer {
  const missing = () =>
    new Error(`layer ${k + 1} (${layer.className}) is not in the engine the judge passed`);
  const first = inputShape ? { inputShape } : {};
  const pair = (p: number[] | null | undefined) => p as [number, number];
  const padding = (layer.padding ?? 'valid') as Autograd.Conv2DOptions['padding'];
  switch (layer.className) {
    case 'Conv2D': {
      if (!engine.Conv2D) throw missing();
      if (layer.activation === 'custom')
        throw new Error(`layer ${k + 1} has a custom activation function; use one by name`);
      return new engine.Conv2D(layer.filters!, pair(layer.kernelSize), {
        strides: pair(layer.strides),
        padding,
        activation: (layer.activation ?? 'linear') as Autograd.ActivationName,
        kernelInitializer: layer.kernelInitializer ?? 'glorotUniform',
        biasInitializer: layer.biasInitializer ?? 'zeros',
        useBias: layer.useBias ?? true,
        ...first,
      });
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const Pool = engine[layer.className];
      if (!Pool) throw missing();
      return new Pool({ poolSize: pair(layer.poolSize), strides: pair(layer.strides), padding, ...first });
    }
    case 'Flatten':
      if (!engine.Flatten) throw missing();
      return new engine.Flatten(first);
    default:
      if (!engine.Dropout) throw missing();
      return new engine.Dropout(layer.rate!, first);
  }
}

export interface BuildOptions {
  /** Fresh weights drawn as `new Sequential({ seed })` draws them, instead of the data's weights. */
  initialize?: { seed: number };
  /** Compile with the data's optimizer (a new one: no state) and loss; metrics are left out. */
  compile?: boolean;
}

/**
 * The model `data` describes, built by the trusted `engine` in the grader: its layers, then its own
 * weights or (`initialize`) fresh ones from a seed, then (`compile`) its compile settings. Nothing is
 * drawn from the engine's shared generator. What the engine refuses becomes a bilingual problem.
 */
export function buildModel(
  engine: ModelEngine,
  data: ModelData,
  opts: BuildOptions = {},
): { model: Autograd.Sequential } | { problem: Localized } {
  try {
    const first = data.layers[0]!;
    const inputShape = first.inputShape ?? (data.weights[0] ? [data.weights[0].shape[0]!] : null);
    if (inputShape === null) throw new Error('the first layer has no input size (inputDim)');
    const model = new engine.Sequential({ seed: opts.initialize?.seed ?? 0 });
    data.layers.forEach((layer, k) => {
      if (isWindowLayer(layer.className)) {
        model.add(windowLayerOf(engine, layer, k === 0 ? inputShape : null, k));
        return;
      }
      if (layer.className !== 'Dense') throw new Error(`layer ${k + 1} is not a Dense layer`);
      if (layer.activation === 'custom')
        throw new Error(`layer ${k + 1} has a custom activation function; use one by name`);
      model.add(
        new engine.Dense(layer.units!, {
          activation: (layer.activation ?? 'linear') as Autograd.ActivationName,
          kernelInitializer: layer.kernelInitializer ?? 'glorotUniform',
          biasInitializer: layer.biasInitializer ?? 'zeros',
          useBias: layer.useBias ?? true,
          ...(k === 0 ? { inputShape } : {}),
        }),
      );
    });
    if (!opts.initialize)
      model.setWeights(data.weights.map((w) => engine.tensor(Float64Array.from(w.data), { shape: w.shape })));
    if (opts.compile) {
      if (data.compile === null) throw new Error('the model was never compiled');
      model.compile({
        optimizer: optimizerOf(engine, data.compile.optimizer),
        loss: data.compile.loss ?? '',
      });
    }
    return { model };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return problem(
      `채점기가 이 설정과 가중치로 모델을 다시 만들 수 없습니다: ${why}`,
      `the grader cannot rebuild the model from this configuration and these weights: ${why}`,
    );
  }
}

/** A trusted model's weights as plain data, in `getWeights()` order. */
export function weightsOf(model: Autograd.Sequential): WeightData[] {
  return model.getWeights().map((t) => ({ shape: [...t.shape], data: Array.from(t.data) }));
}

/**
 * Compares weights tensor by tensor (`getWeights()` order); the message names the first tensor and
 * index that differ, after `what` (e.g. `the weights after trainXor(7)`).
 */
export function expectWeights(
  got: readonly WeightData[],
  want: readonly WeightData[],
  opts: CloseOptions & { what: Localized },
): Verdict {
  const shapes = (ws: readonly WeightData[]) => render(ws.map((w) => w.shape));
  if (shapes(got) !== shapes(want))
    return fail(
      {
        ko: `${opts.what.ko}: getWeights()의 모양이 ${shapes(want)}여야 하는데 ${shapes(got)}입니다.`,
        en: `For ${opts.what.en}: getWeights() should have shapes ${shapes(want)}, got ${shapes(got)}.`,
      },
      { expected: shapes(want), got: shapes(got) },
    );
  for (const [k, w] of want.entries()) {
    // A `{ shape, data }` pair is one of the tensor forms `expectClose` reads (`toNumeric`).
    const verdict = expectClose(got[k], w as unknown as ArrayLike<number>, {
      ...opts,
      what: { ko: `${opts.what.ko}, getWeights()[${k}]`, en: `${opts.what.en}, getWeights()[${k}]` },
    });
    if (!verdict.pass) return verdict;
  }
  return pass({
    ko: `${opts.what.ko}: 가중치가 모두 맞습니다.`,
    en: `For ${opts.what.en}: every weight matches.`,
  });
}
