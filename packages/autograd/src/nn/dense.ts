import { type Activation, type ActivationName, getActivation } from './activations.js';
import { type NestedArray, type Rng, Tensor } from './engine.js';
import { getInitializer, initializerName } from './initializers.js';
import { type CallContext, copyWeightsInto } from './layer.js';
import { checkArgument, checkOptions } from './options.js';

/** Options of {@link Dense}, named as in Keras (camelCase). */
export interface DenseOptions {
  /** Size of the input vectors (Keras' `input_dim`); only the first layer of a model needs it. */
  inputDim?: number;
  /** Shape of one input sample, without the batch axis (Keras' `input_shape`), e.g. `[784]`. */
  inputShape?: number[];
  /** By name (`'sigmoid'`, `'softmax'`, ...) or a function of a tensor; default `'linear'`. */
  activation?: ActivationName | Activation;
  /** Default `'glorotUniform'` (Keras' default). `'normal'` = RandomNormal(0, 0.05). */
  kernelInitializer?: string;
  /** Default `'zeros'`. */
  biasInitializer?: string;
  /** Add a bias vector; default true. */
  useBias?: boolean;
  /** The layer's name; by default the model names its layers `dense`, `dense_1`, ... */
  name?: string;
}

/**
 * A fully connected layer: `output = activation(x · kernel + bias)`, with `kernel` of shape
 * `[inputs, units]` and `bias` of shape `[units]` (Keras' layout).
 *
 * @example
 * // Dense(5, input_dim=2, kernel_initializer='normal', activation='sigmoid')
 * new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' });
 */
export class Dense {
  readonly className = 'Dense';
  /** Number of outputs. */
  readonly units: number;
  /** The activation's name, or `'custom'` when a function was given. */
  readonly activationName: ActivationName | 'custom';
  readonly activation: Activation;
  readonly kernelInitializer: string;
  readonly biasInitializer: string;
  readonly useBias: boolean;
  /** Shape of one input sample when given (or once built), without the batch axis. */
  inputShape: number[] | null;
  /** The layer's name (set by the model when not given). */
  name: string | null;
  private weights: { kernel: Tensor; bias: Tensor | null } | null = null;

  constructor(units: number, opts: DenseOptions = {}) {
    checkArgument('Dense', 'units', units, { type: 'positive-integer' });
    checkOptions('Dense', opts, {
      inputDim: { type: 'positive-integer', optional: true },
      inputShape: { type: 'array', optional: true },
      activation: { type: ['string', 'function'], optional: true },
      kernelInitializer: { type: 'string', optional: true },
      biasInitializer: { type: 'string', optional: true },
      useBias: { type: 'boolean', optional: true },
      name: { type: 'string', optional: true },
    });
    this.units = units;
    const activation = opts.activation ?? 'linear';
    this.activation = getActivation(activation);
    this.activationName = typeof activation === 'function' ? 'custom' : activation;
    this.kernelInitializer = initializerName(opts.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = initializerName(opts.biasInitializer ?? 'zeros');
    this.useBias = opts.useBias ?? true;
    this.name = opts.name ?? null;
    if (opts.inputShape !== undefined) this.inputShape = [...opts.inputShape];
    else if (opts.inputDim !== undefined) this.inputShape = [opts.inputDim];
    else this.inputShape = null;
    const inputs = this.inputShape?.[this.inputShape.length - 1];
    if (this.inputShape !== null && (inputs === undefined || !Number.isInteger(inputs) || inputs <= 0)) {
      throw new RangeError(
        `Dense: inputDim/inputShape must end with a positive integer, got [${this.inputShape.join(', ')}] ` +
          '(입력 크기는 양의 정수여야 합니다)',
      );
    }
  }

  /** True once the weights exist. */
  get built(): boolean {
    return this.weights !== null;
  }

  /** The weight matrix `[inputs, units]`. */
  get kernel(): Tensor {
    return this.requireWeights().kernel;
  }

  /** The bias vector `[units]`, or null with `useBias: false`. */
  get bias(): Tensor | null {
    return this.requireWeights().bias;
  }

  /** The layer's weights in Keras' order: kernel, then bias. */
  get trainableWeights(): Tensor[] {
    if (this.weights === null) return [];
    return this.weights.bias === null ? [this.weights.kernel] : [this.weights.kernel, this.weights.bias];
  }

  /**
   * Creates the weights for inputs of shape `inputShape` (without the batch axis), drawing them from
   * `rng`: the kernel first, then the bias, as Keras does.
   */
  build(inputShape: readonly number[], rng: Rng): void {
    const inputs = inputShape[inputShape.length - 1];
    if (inputs === undefined) throw new RangeError(`Dense: cannot build from an input of shape []`);
    this.inputShape = [...inputShape];
    const kernelData = getInitializer(this.kernelInitializer)(inputs * this.units, inputs, this.units, rng);
    const kernel = new Tensor(kernelData, [inputs, this.units], true);
    let bias: Tensor | null = null;
    if (this.useBias) {
      const biasData = getInitializer(this.biasInitializer)(this.units, this.units, this.units, rng);
      bias = new Tensor(biasData, [this.units], true);
    }
    this.weights = { kernel, bias };
  }

  /** Copies of the weights in Keras' order: kernel `[inputs, units]`, then bias `[units]` (Keras' `get_weights`). */
  getWeights(): Tensor[] {
    return this.trainableWeights.map((w) => new Tensor(w.data.slice(), [...w.shape]));
  }

  /**
   * Overwrites the weights (values copied in place), in the order of `getWeights()` (Keras'
   * `set_weights`); the layer must be built, and the shapes must match.
   * @example layer.setWeights([[[1], [1]], [0]]);   // kernel [2, 1], bias [1]
   */
  setWeights(weights: (Tensor | NestedArray)[]): void {
    this.requireWeights();
    copyWeightsInto(`Dense '${this.name ?? 'dense'}'.setWeights`, this.trainableWeights, weights);
  }

  /** Uses the given tensors as the weights (when loading a saved model); shapes must fit. */
  buildWith(inputShape: readonly number[], kernel: Tensor, bias: Tensor | null): void {
    const inputs = inputShape[inputShape.length - 1];
    const kernelOk = kernel.rank === 2 && kernel.shape[0] === inputs && kernel.shape[1] === this.units;
    const biasOk = this.useBias
      ? bias !== null && bias.rank === 1 && bias.shape[0] === this.units
      : bias === null;
    if (!kernelOk || !biasOk) {
      throw new RangeError(
        `Dense '${this.name ?? 'dense'}': weights [${kernel.shape}] / [${bias?.shape ?? ''}] do not fit ` +
          `${inputs} inputs and ${this.units} units (가중치 모양이 맞지 않습니다)`,
      );
    }
    kernel.requiresGrad = true;
    if (bias !== null) bias.requiresGrad = true;
    this.inputShape = [...inputShape];
    this.weights = { kernel, bias };
  }

  /** Shape of the output for an input of shape `inputShape` (batch axis included or not). */
  outputShape<T extends number | null>(inputShape: readonly T[]): (T | number)[] {
    return [...inputShape.slice(0, -1), this.units];
  }

  /** Number of weights: `inputs·units + units`. */
  countParams(): number {
    return this.trainableWeights.reduce((n, w) => n + w.size, 0);
  }

  /** No weights outside training here. */
  get nonTrainableWeights(): Tensor[] {
    return [];
  }

  /** `activation(x · kernel + bias)` for a batch `x` of shape `[batch, ..., inputs]`. */
  call(x: Tensor, _context?: CallContext): Tensor {
    const { kernel, bias } = this.requireWeights();
    const inputs = kernel.shape[0]!;
    if (x.shape[x.rank - 1] !== inputs) {
      throw new RangeError(
        `Dense '${this.name ?? 'dense'}': expected inputs of size ${inputs} on the last axis, ` +
          `got shape [${x.shape.join(',')}] (입력의 마지막 축 크기가 ${inputs}이어야 합니다)`,
      );
    }
    // matmul works on matrices: fold any middle axes into the batch and unfold after.
    const flat = x.rank === 2 ? x : x.reshape([-1, inputs]);
    let z = flat.matmul(kernel);
    if (bias !== null) z = z.add(bias);
    if (x.rank !== 2) z = z.reshape([...x.shape.slice(0, -1), this.units]);
    return this.activation(z);
  }

  private requireWeights(): { kernel: Tensor; bias: Tensor | null } {
    if (this.weights === null) {
      throw new Error(
        `Dense '${this.name ?? 'dense'}': the layer has no weights yet — give the first layer inputDim ` +
          `(or inputShape), or call fit/predict once. (아직 가중치가 없습니다: 첫 층에 inputDim을 주세요)`,
      );
    }
    return this.weights;
  }
}
