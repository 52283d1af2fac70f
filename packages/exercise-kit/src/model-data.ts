/**
 * A model as plain data, read in the sandbox: what a probe returns for a model the student built,
 * compiled or trained. **Judges trust data, never objects**: the probe runs beside the student's code,
 * in the same JavaScript realm, so whatever it asks a student's object (`model.predict(x)`,
 * `model.countParams()`, `history.loss`) is only the student's claim, from a plain object pretending to
 * be a model or a patched `Sequential.prototype`. The probe therefore hands over the configuration and
 * the weights, and the judge rebuilds the model with the trusted engine (`buildModel`) and computes
 * predictions, accuracy, loss and parameter counts itself; for a trained model it replays the training.
 *
 * @example
 * ```ts
 * probe: (student, seed) => {
 *   const { model, history } = student.trainXor(seed);
 *   return { model: modelData(model), loss: lossHistory(history) };
 * },
 * ```
 */
import type { Optimizer, Sequential } from '@gradschool/autograd';
import { isNotImplemented } from './protocol.js';

/** One weight tensor: its shape and its values, row-major. */
export interface WeightData {
  shape: number[];
  data: number[];
}

/** One layer's configuration as the model reports it (`null` where it reported nothing usable). */
export interface LayerData {
  /** The layer's class name, `'Dense'` for the engine's layers. */
  className: string | null;
  units: number | null;
  /** The activation's name (`Dense.activationName`), `'custom'` for a function. */
  activation: string | null;
  kernelInitializer: string | null;
  biasInitializer: string | null;
  useBias: boolean | null;
  /** The shape of one input sample (`[2]` for `inputDim: 2`), or null. */
  inputShape: number[] | null;
  /** `Conv2D`'s number of filters (only on layers that have one, as the fields below). */
  filters?: number | null;
  /** `Conv2D`'s window `[height, width]`. */
  kernelSize?: number[] | null;
  /** `Conv2D`'s and the pooling layers' steps `[down, across]`. */
  strides?: number[] | null;
  /** `'valid'` or `'same'` (`Conv2D` and the pooling layers). */
  padding?: string | null;
  /** The pooling layers' window `[height, width]`. */
  poolSize?: number[] | null;
  /** `Dropout`'s rate. */
  rate?: number | null;
}

/** The optimizer as its class name and its hyper-parameters (numbers and booleans). */
export interface OptimizerData {
  className: string | null;
  config: Record<string, number | boolean>;
}

/** What `compile` was given: the optimizer, the loss by name, the metrics. */
export interface CompileData {
  optimizer: OptimizerData;
  loss: string | null;
  metrics: string[];
}

/** A model as plain data: layers, weights in `getWeights()` order, compile settings (null: none). */
export interface ModelData {
  layers: LayerData[];
  weights: WeightData[];
  compile: CompileData | null;
}

/** What `modelData` returns for something that cannot be read as a model, and why (English). */
export interface UnreadableModel {
  unreadable: string;
}

/** The optimizers' hyper-parameters, by the engine's (and Keras') names. */
export const OPTIMIZER_KEYS = [
  'learningRate',
  'momentum',
  'nesterov',
  'initialAccumulatorValue',
  'rho',
  'centered',
  'beta1',
  'beta2',
  'epsilon',
  'amsgrad',
] as const;

type Bag = Record<string, unknown>;

const bag = (value: unknown): Bag | null =>
  typeof value === 'object' && value !== null ? (value as Bag) : null;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const integers = (value: unknown): number[] | null =>
  Array.isArray(value) && value.every((d) => Number.isInteger(d)) ? [...(value as number[])] : null;
const className = (value: unknown): string | null => {
  const name = (bag(value)?.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : null;
};

/** The convolution and pooling layers' settings: only the fields the layer has (a Dense has none). */
function windowData(l: Bag): Partial<LayerData> {
  const out: Partial<LayerData> = {};
  if ('filters' in l) out.filters = typeof l.filters === 'number' ? l.filters : null;
  if ('kernelSize' in l) out.kernelSize = integers(l.kernelSize);
  if ('strides' in l) out.strides = integers(l.strides);
  if ('padding' in l) out.padding = text(l.padding);
  if ('poolSize' in l) out.poolSize = integers(l.poolSize);
  if ('rate' in l) out.rate = typeof l.rate === 'number' ? l.rate : null;
  return out;
}

function layerData(layer: unknown): LayerData {
  const l = bag(layer) ?? {};
  return {
    className: className(layer),
    units: typeof l.units === 'number' ? l.units : null,
    activation: text(l.activationName),
    kernelInitializer: text(l.kernelInitializer),
    biasInitializer: text(l.biasInitializer),
    useBias: typeof l.useBias === 'boolean' ? l.useBias : null,
    inputShape: integers(l.inputShape),
    ...windowData(l),
  };
}

function weightData(tensor: unknown): WeightData {
  const t = bag(tensor) ?? {};
  const data = t.data;
  const values = ArrayBuffer.isView(data) || Array.isArray(data) ? Array.from(data as ArrayLike<number>) : [];
  return { shape: integers(t.shape) ?? [], data: values.map(Number) };
}

function optimizerData(optimizer: Optimizer | unknown): OptimizerData {
  const o = bag(optimizer) ?? {};
  const config: Record<string, number | boolean> = {};
  for (const key of OPTIMIZER_KEYS) {
    const value = o[key];
    if (typeof value === 'number' || typeof value === 'boolean') config[key] = value;
  }
  return { className: typeof optimizer === 'string' ? optimizer : className(optimizer), config };
}

function compileData(compiled: unknown): CompileData | null {
  const c = bag(compiled);
  if (c === null) return null;
  const loss = c.lossSpec ?? c.loss;
  return {
    optimizer: optimizerData(c.optimizer ?? c.optimizerSpec),
    loss: typeof loss === 'function' ? loss.name || null : text(loss),
    metrics: Array.isArray(c.metrics) ? c.metrics.map(String) : [],
  };
}

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Reads `model` (a `Sequential`, or whatever the student's code returned in its place) as plain data,
 * in the sandbox: each layer's configuration, `getWeights()`, and what `compile` was given. Never
 * throws, except the starter's `NotImplemented`; what cannot be read becomes `{ unreadable: why }`.
 * The values are the student's claim: only a judge that rebuilds the model can trust them.
 */
export function modelData(model: Sequential | unknown): ModelData | UnreadableModel {
  try {
    const m = bag(model);
    if (m === null) return { unreadable: `got ${model === null ? 'null' : typeof model}, not a model` };
    if (!Array.isArray(m.layers)) return { unreadable: 'it has no layers (model.layers is not an array)' };
    if (typeof m.getWeights !== 'function') return { unreadable: 'it has no getWeights() method' };
    const weights: unknown = (m.getWeights as () => unknown).call(model);
    if (!Array.isArray(weights)) return { unreadable: 'getWeights() did not return an array' };
    return {
      layers: m.layers.map(layerData),
      weights: weights.map(weightData),
      compile: compileData(m.compiled),
    };
  } catch (error) {
    if (isNotImplemented(error)) throw error;
    return { unreadable: errorText(error) };
  }
}

/** `history.loss` as plain numbers (a non-number becomes NaN), or null when there is no such array. */
export function lossHistory(history: unknown): number[] | null {
  const loss = bag(history)?.loss;
  return Array.isArray(loss) ? loss.map((x) => (typeof x === 'number' ? x : Number.NaN)) : null;
}
