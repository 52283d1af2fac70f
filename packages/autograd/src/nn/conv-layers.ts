/**
 * The layers of a convolutional network, with Keras 3's names, defaults and weight layouts
 * (`channels_last`): `Conv2D`, `MaxPooling2D`, `AveragePooling2D` and `Flatten`. Keras's
 * `mnist_convnet` example, line for line:
 *
 * @example
 * const model = new Sequential([
 *   new Input({ shape: [28, 28, 1] }),
 *   new Conv2D(32, [3, 3], { activation: 'relu' }),
 *   new MaxPooling2D({ poolSize: [2, 2] }),
 *   new Conv2D(64, [3, 3], { activation: 'relu' }),
 *   new MaxPooling2D({ poolSize: [2, 2] }),
 *   new Flatten(),
 *   new Dropout(0.5),
 *   new Dense(10, { activation: 'softmax' }),
 * ]);
 * model.countParams(); // 34826
 */
import { avgPool2d, conv2d, flatten, maxPool2d, type Padding, type Size2 } from '../tensor/index.js';
import { type Activation, type ActivationName, getActivation } from './activations.js';
import type { NestedArray, Rng } from './engine.js';
import { Tensor } from './engine.js';
import { getInitializer, initializerName } from './initializers.js';
import { type CallContext, checkInputShape, copyWeightsInto } from './layer.js';
import { checkArgument, checkOptions, describeValue, type OptionSpec } from './options.js';

const SIZE2: OptionSpec = { type: ['positive-integer', 'array'], optional: true };
const PADDING: OptionSpec = { type: 'string', oneOf: ['valid', 'same'], optional: true };

/** `3` → `[3, 3]`; a pair stays; anything else is refused, naming the option. */
function pairOf(owner: string, name: string, value: Size2): [number, number] {
  const pair = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((v) => Number.isInteger(v) && v > 0)) {
    throw new RangeError(
      `${owner}: ${name} must be a positive integer or a pair of them, got ${describeValue(value)}` +
        ` (${name}은(는) 양의 정수 하나 또는 두 개여야 합니다)`,
    );
  }
  return [pair[0]!, pair[1]!];
}

/** The output side of a window along one axis (as `tensor/window.ts` computes it). */
function outSide(size: number, window: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** Checks that a layer gets images `[height, width, channels]` per sample. */
function expectImageShape(owner: string, shape: readonly number[]): [number, number, number] {
  if (shape.length !== 3) {
    throw new RangeError(
      `${owner}: expects images of shape [height, width, channels] per sample, got [${shape.join(', ')}]` +
        ` (한 샘플이 [높이, 너비, 채널] 모양의 이미지여야 합니다)`,
    );
  }
  return [shape[0]!, shape[1]!, shape[2]!];
}

/** Output side for `valid` padding must be at least 1: otherwise the window does not fit. */
function checkFits(owner: string, name: string | null, inShape: readonly number[], out: number[]): void {
  if (out.some((d) => d < 1)) {
    throw new RangeError(
      `${owner} '${name ?? owner}': the window does not fit an input of shape [${inShape.join(', ')}] with padding 'valid'` +
        ` (입력이 창보다 작습니다: padding 'same'을 쓰거나 창을 줄이세요)`,
    );
  }
}

/** Options of {@link Conv2D}, named as in Keras (camelCase). */
export interface Conv2DOptions {
  /** Step between windows, default 1. */
  strides?: Size2;
  /** `'valid'` (default) or `'same'`. */
  padding?: Padding;
  /** By name (`'relu'`, ...) or a function of a tensor; default `'linear'`. */
  activation?: ActivationName | Activation;
  /** Shape of one input image `[height, width, channels]`, for the first layer. */
  inputShape?: number[];
  /** Default `'glorotUniform'`, as Keras. */
  kernelInitializer?: string;
  /** Default `'zeros'`. */
  biasInitializer?: string;
  /** Add a bias per filter; default true. */
  useBias?: boolean;
  name?: string;
}

/**
 * A 2-D convolution: `activation(conv2d(x, kernel) + bias)`, kernel `[kh, kw, inChannels, filters]`
 * and bias `[filters]` (Keras's layout, so a Keras model's `get_weights()` loads as is).
 * @example new Conv2D(32, [3, 3], { activation: 'relu', inputShape: [28, 28, 1] }) // 320 weights
 */
export class Conv2D {
  readonly className = 'Conv2D';
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  readonly activationName: ActivationName | 'custom';
  readonly activation: Activation;
  readonly kernelInitializer: string;
  readonly biasInitializer: string;
  readonly useBias: boolean;
  inputShape: number[] | null;
  name: string | null;
  private weights: { kernel: Tensor; bias: Tensor | null } | null = null;

  constructor(filters: number, kernelSize: Size2, opts: Conv2DOptions = {}) {
    checkArgument('Conv2D', 'filters', filters, { type: 'positive-integer' });
    checkArgument('Conv2D', 'kernelSize', kernelSize, { type: ['positive-integer', 'array'] });
    checkOptions('Conv2D', opts, {
      strides: SIZE2,
      padding: PADDING,
      activation: { type: ['string', 'function'], optional: true },
      inputShape: { type: 'array', optional: true },
      kernelInitializer: { type: 'string', optional: true },
      biasInitializer: { type: 'string', optional: true },
      useBias: { type: 'boolean', optional: true },
      name: { type: 'string', optional: true },
    });
    checkInputShape('Conv2D', opts.inputShape, 3);
    this.filters = filters;
    this.kernelSize = pairOf('Conv2D', 'kernelSize', kernelSize);
    this.strides = pairOf('Conv2D', 'strides', opts.strides ?? 1);
    this.padding = opts.padding ?? 'valid';
    const activation = opts.activation ?? 'linear';
    this.activation = getActivation(activation);
    this.activationName = typeof activation === 'function' ? 'custom' : activation;
    this.kernelInitializer = initializerName(opts.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = initializerName(opts.biasInitializer ?? 'zeros');
    this.useBias = opts.useBias ?? true;
    this.inputShape = opts.inputShape ? [...opts.inputShape] : null;
    this.name = opts.name ?? null;
  }

  get built(): boolean {
    return this.weights !== null;
  }

  /** The kernel `[kh, kw, inChannels, filters]`. */
  get kernel(): Tensor {
    return this.requireWeights().kernel;
  }

  /** The bias `[filters]`, or null with `useBias: false`. */
  get bias(): Tensor | null {
    return this.requireWeights().bias;
  }

  get trainableWeights(): Tensor[] {
    if (this.weights === null) return [];
    return this.weights.bias === null ? [this.weights.kernel] : [this.weights.kernel, this.weights.bias];
  }

  get nonTrainableWeights(): Tensor[] {
    return [];
  }

  /** Kernel first, then bias, as Keras draws them; fans as Keras counts them (receptive field × channels). */
  build(inputShape: readonly number[], rng: Rng): void {
    const [, , channels] = expectImageShape(`Conv2D '${this.name ?? 'conv2d'}'`, inputShape);
    checkFits('Conv2D', this.name, inputShape, this.outputShape(inputShape));
    const [kh, kw] = this.kernelSize;
    const field = kh * kw;
    const size = field * channels * this.filters;
    const kernelData = getInitializer(this.kernelInitializer)(
      size,
      field * channels,
      field * this.filters,
      rng,
    );
    const kernel = new Tensor(kernelData, [kh, kw, channels, this.filters], true);
    let bias: Tensor | null = null;
    if (this.useBias) {
      bias = new Tensor(
        getInitializer(this.biasInitializer)(this.filters, this.filters, this.filters, rng),
        [this.filters],
        true,
      );
    }
    this.inputShape = [...inputShape];
    this.weights = { kernel, bias };
  }

  outputShape(inputShape: readonly number[]): number[] {
    const [h, w] = expectImageShape(`Conv2D '${this.name ?? 'conv2d'}'`, inputShape);
    const [kh, kw] = this.kernelSize;
    const [sh, sw] = this.strides;
    return [outSide(h, kh, sh, this.padding), outSide(w, kw, sw, this.padding), this.filters];
  }

  countParams(): number {
    return this.trainableWeights.reduce((n, w) => n + w.size, 0);
  }

  call(x: Tensor, _context?: CallContext): Tensor {
    const { kernel, bias } = this.requireWeights();
    // the bias, and a ReLU, are applied inside the convolution: the same numbers as
    // `relu(conv2d(x, kernel).add(bias))` without an activation-sized array for each step
    const fused = this.activationName === 'relu';
    const z = conv2d(x, kernel, {
      strides: this.strides,
      padding: this.padding,
      ...(bias ? { bias } : {}),
      ...(fused ? { activation: 'relu' as const } : {}),
    });
    return fused ? z : this.activation(z);
  }

  getWeights(): Tensor[] {
    return this.trainableWeights.map((w) => new Tensor(w.data.slice(), [...w.shape]));
  }

  setWeights(weights: (Tensor | NestedArray)[]): void {
    this.requireWeights();
    copyWeightsInto(`Conv2D '${this.name ?? 'conv2d'}'.setWeights`, this.trainableWeights, weights);
  }

  private requireWeights(): { kernel: Tensor; bias: Tensor | null } {
    if (this.weights === null) {
      throw new Error(
        `Conv2D '${this.name ?? 'conv2d'}': the layer has no weights yet — give the first layer inputShape ` +
          '(e.g. [28, 28, 1]) or start the model with new Input({ shape }), or call fit/predict once ' +
          '(아직 가중치가 없습니다: 첫 층에 inputShape를 주세요)',
      );
    }
    return this.weights;
  }
}

/** Options of {@link MaxPooling2D} and {@link AveragePooling2D}. */
export interface Pooling2DOptions {
  /** Window size, default 2 (`[2, 2]`). */
  poolSize?: Size2;
  /** Step between windows; default: the pool size. */
  strides?: Size2;
  /** `'valid'` (default) or `'same'`. */
  padding?: Padding;
  inputShape?: number[];
  name?: string;
}

/** A layer without weights: built as soon as it knows its input shape. */
abstract class WeightlessLayer {
  abstract readonly className: string;
  inputShape: number[] | null;
  name: string | null;

  constructor(inputShape: number[] | undefined, name: string | undefined) {
    this.inputShape = inputShape ? [...inputShape] : null;
    this.name = name ?? null;
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
    this.outputShape(inputShape); // refuses shapes it cannot take
    this.inputShape = [...inputShape];
  }

  abstract outputShape(inputShape: readonly number[]): number[];

  countParams(): number {
    return 0;
  }

  getWeights(): Tensor[] {
    return [];
  }

  setWeights(weights: (Tensor | NestedArray)[]): void {
    copyWeightsInto(`${this.className} '${this.name}'.setWeights`, [], weights);
  }
}

abstract class Pooling2D extends WeightlessLayer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;

  constructor(owner: string, opts: Pooling2DOptions) {
    checkOptions(owner, opts, {
      poolSize: SIZE2,
      strides: SIZE2,
      padding: PADDING,
      inputShape: { type: 'array', optional: true },
      name: { type: 'string', optional: true },
    });
    checkInputShape(owner, opts.inputShape, 3);
    super(opts.inputShape, opts.name);
    this.poolSize = pairOf(owner, 'poolSize', opts.poolSize ?? 2);
    this.strides = opts.strides === undefined ? this.poolSize : pairOf(owner, 'strides', opts.strides);
    this.padding = opts.padding ?? 'valid';
  }

  outputShape(inputShape: readonly number[]): number[] {
    const [h, w, c] = expectImageShape(`${this.className} '${this.name}'`, inputShape);
    const out = [
      outSide(h, this.poolSize[0], this.strides[0], this.padding),
      outSide(w, this.poolSize[1], this.strides[1], this.padding),
      c,
    ];
    checkFits(this.className, this.name, inputShape, out);
    return out;
  }
}

/**
 * The largest value of each window, per channel (Keras's `MaxPooling2D`; default 2 × 2 windows that
 * do not overlap).
 */
export class MaxPooling2D extends Pooling2D {
  readonly className = 'MaxPooling2D';

  constructor(opts: Pooling2DOptions = {}) {
    super('MaxPooling2D', opts);
  }

  call(x: Tensor, _context?: CallContext): Tensor {
    return maxPool2d(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }
}

/** The mean of each window, per channel (Keras's `AveragePooling2D`). */
export class AveragePooling2D extends Pooling2D {
  readonly className = 'AveragePooling2D';

  constructor(opts: Pooling2DOptions = {}) {
    super('AveragePooling2D', opts);
  }

  call(x: Tensor, _context?: CallContext): Tensor {
    return avgPool2d(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }
}

/** Options of {@link Flatten}. */
export interface FlattenOptions {
  inputShape?: number[];
  name?: string;
}

/** Each sample's values in one row, row-major (Keras's `Flatten`): `[5, 5, 64]` → `[1600]`. */
export class Flatten extends WeightlessLayer {
  readonly className = 'Flatten';

  constructor(opts: FlattenOptions = {}) {
    checkOptions('Flatten', opts, {
      inputShape: { type: 'array', optional: true },
      name: { type: 'string', optional: true },
    });
    checkInputShape('Flatten', opts.inputShape);
    super(opts.inputShape, opts.name);
  }

  outputShape(inputShape: readonly number[]): number[] {
    return [inputShape.reduce((a, b) => a * b, 1)];
  }

  call(x: Tensor, _context?: CallContext): Tensor {
    return flatten(x);
  }
}

/** Options of {@link Input}. */
export interface InputOptions {
  /** The shape of one sample, without the batch axis, e.g. `[28, 28, 1]`. */
  shape: number[];
  name?: string;
}

/**
 * Where a model starts (Keras's `keras.Input(shape=...)` as the first item of `Sequential([...])`):
 * it gives the model its input shape and does nothing else. Like Keras, `summary()` does not list it.
 * @example new Sequential([new Input({ shape: [28, 28, 1] }), new Conv2D(32, 3)])
 */
export class Input extends WeightlessLayer {
  readonly className = 'InputLayer';
  readonly shape: number[];

  constructor(opts: InputOptions) {
    checkArgument('Input', 'options', opts, { type: 'object' });
    checkOptions('Input', opts, { shape: { type: 'array' }, name: { type: 'string', optional: true } });
    checkInputShape('Input', opts.shape);
    super(opts.shape, opts.name);
    this.shape = [...opts.shape];
  }

  outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== this.shape.length || inputShape.some((d, i) => d !== this.shape[i])) {
      throw new RangeError(
        `Input: the model was given samples of shape [${inputShape.join(', ')}] but its Input says [${this.shape.join(', ')}]` +
          ` (입력 샘플의 모양이 Input의 shape와 다릅니다)`,
      );
    }
    return [...this.shape];
  }

  call(x: Tensor, _context?: CallContext): Tensor {
    this.outputShape(x.shape.slice(1));
    return x;
  }
}
