/**
 * The `Tensor`: a row-major `Float64Array` with a shape, plus what reverse-mode autodiff needs
 * (`requiresGrad`, `grad`, and the op that made it). The math lives in the op files, one family each
 * (elementwise, unary, activation, matmul, reduce, shape-ops); the methods here only forward to them.
 */
import { leakyRelu, logSoftmax, relu, sigmoid, softmax, step, tanh as tanhOp } from './activation.js';
import { runBackward } from './autograd.js';
import { add, div, mul, pow, sub } from './elementwise.js';
import { formatTensor } from './format.js';
import { matmul } from './matmul.js';
import { argmax, max, mean, sum } from './reduce.js';
import { formatShape, sizeOf } from './shape.js';
import { gather, reshape, transpose } from './shape-ops.js';
import { abs, clip, exp, log, neg, sqrt } from './unary.js';

/** A number, or arrays of numbers nested to any depth: `3`, `[1, 2]`, `[[1, 2], [3, 4]]`. */
export type NestedArray = number | NestedArray[];

/** What binary ops accept as their other operand: a tensor or a plain number. */
export type TensorLike = Tensor | number;

/** Reads the gradient flowing into an op's output and adds its share into the inputs' `grad`. */
export type BackwardFn = (outGrad: Float64Array) => void;

/** @internal The shared (empty) parent list of leaves and freed nodes. */
export const NO_PARENTS: readonly Tensor[] = [];

/**
 * An n-dimensional array of float64 numbers that records how it was computed, so `backward()` can
 * apply the chain rule. Create one with `tensor`, `zeros`, `ones`, `full`, `arange`, `randomNormal`.
 *
 * @example
 * const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * const y = x.mul(x).sum();   // y = Σ x²
 * y.backward();
 * x.grad?.toArray();          // [[2, 4], [6, 8]]  (dy/dx = 2x)
 */
export class Tensor {
  /** The values, row-major; `data.length === size`. Optimizers update it in place. */
  readonly data: Float64Array;
  /** Size along each axis; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** Number of elements. */
  readonly size: number;
  /** Number of axes (`shape.length`). */
  readonly rank: number;
  /** When true, `backward()` fills `grad` for this tensor and ops on it are recorded. */
  requiresGrad: boolean;
  /** d(output)/d(this) after `backward()`, same shape as this tensor. Gradients accumulate until `zeroGrad()`. */
  grad: Tensor | null = null;

  /** @internal The tensors this one was computed from (empty for leaves). */
  _parents: readonly Tensor[] = NO_PARENTS;
  /** @internal Adds this tensor's gradient into its parents' gradients; null for leaves. */
  _backward: BackwardFn | null = null;
  /** @internal Name of the op that made this tensor, for messages (`'leaf'` for inputs). */
  _op = 'leaf';
  /** @internal True once `backward()` has released this node's graph. */
  _freed = false;
  /** @internal Visit stamp used by the topological sort. */
  _mark = 0;

  /**
   * Wraps existing data; most code uses `tensor(...)` instead.
   * @throws RangeError when `data.length` does not match the shape.
   */
  constructor(data: Float64Array, shape: readonly number[], requiresGrad = false) {
    const size = sizeOf(shape);
    if (data.length !== size) {
      throw new RangeError(`Tensor: shape ${formatShape(shape)} needs ${size} values, got ${data.length}`);
    }
    this.data = data;
    this.shape = shape;
    this.size = size;
    this.rank = shape.length;
    this.requiresGrad = requiresGrad;
  }

  /** Elementwise `this + o` with broadcasting. @example tensor([1, 2]).add(10) // [11, 12] */
  add(o: TensorLike): Tensor {
    return add(this, o);
  }
  /** Elementwise `this - o` with broadcasting. @example yPred.sub(yTrue) */
  sub(o: TensorLike): Tensor {
    return sub(this, o);
  }
  /** Elementwise `this * o` with broadcasting (not the matrix product). @example x.mul(0.5) */
  mul(o: TensorLike): Tensor {
    return mul(this, o);
  }
  /** Elementwise `this / o` with broadcasting. @example e.div(e.sum(-1, true)) */
  div(o: TensorLike): Tensor {
    return div(this, o);
  }
  /** Elementwise `this ** o` with broadcasting. @example x.pow(2) */
  pow(o: TensorLike): Tensor {
    return pow(this, o);
  }
  /** `-this`. */
  neg(): Tensor {
    return neg(this);
  }
  /** e^x elementwise. */
  exp(): Tensor {
    return exp(this);
  }
  /** Natural logarithm elementwise. */
  log(): Tensor {
    return log(this);
  }
  /** Square root elementwise. */
  sqrt(): Tensor {
    return sqrt(this);
  }
  /** |x| elementwise (gradient 0 at 0). */
  abs(): Tensor {
    return abs(this);
  }
  /** Limits values to [min, max]; gradient 1 inside, 0 outside. */
  clip(min: number, max: number): Tensor {
    return clip(this, min, max);
  }
  /** Matrix product `[m,k] x [k,n] -> [m,n]`; leading batch axes broadcast. @example x.matmul(w).add(b) */
  matmul(o: Tensor): Tensor {
    return matmul(this, o);
  }
  /** Permutes the axes (default: reversed, so a matrix is transposed). @example w.transpose() // [k,n] -> [n,k] */
  transpose(axes?: number[]): Tensor {
    return transpose(this, axes);
  }
  /** Same data, new shape; one size may be -1 (inferred). @example arange(6).reshape([2, -1]) // shape [2, 3] */
  reshape(shape: number[]): Tensor {
    return reshape(this, shape);
  }
  /** Rows `indices` along axis 0: a mini-batch. @example x.gather([0, 2]) */
  gather(indices: ArrayLike<number>): Tensor {
    return gather(this, indices);
  }
  /** Sum over `axis` (or all axes -> scalar). @example x.sum(1, true) // [N, C] -> [N, 1] */
  sum(axis?: number | number[], keepDims = false): Tensor {
    return sum(this, axis, keepDims);
  }
  /** Mean over `axis` (or all axes -> scalar). @example yPred.sub(yTrue).pow(2).mean() // MSE */
  mean(axis?: number | number[], keepDims = false): Tensor {
    return mean(this, axis, keepDims);
  }
  /** Maximum over `axis` (or all axes -> scalar); the gradient goes to the first maximum. @example x.max(-1) */
  max(axis?: number | number[], keepDims = false): Tensor {
    return max(this, axis, keepDims);
  }
  /** Index of the largest value along `axis` (default -1); not differentiable. @example probs.argmax() // predicted classes */
  argmax(axis = -1): Tensor {
    return argmax(this, axis);
  }
  /** 1 where x >= 0, else 0 (the perceptron's step); zero gradient. */
  step(): Tensor {
    return step(this);
  }
  /** 1 / (1 + e^-x), computed without overflow. */
  sigmoid(): Tensor {
    return sigmoid(this);
  }
  /** Hyperbolic tangent. */
  tanh(): Tensor {
    return tanhOp(this);
  }
  /** max(0, x). */
  relu(): Tensor {
    return relu(this);
  }
  /** x where x >= 0, alpha * x elsewhere (Keras' default alpha is 0.2). */
  leakyRelu(alpha = 0.2): Tensor {
    return leakyRelu(this, alpha);
  }
  /** e^x / Σ e^x along `axis` (default last), computed stably. @example tensor([1, 1, 2]).softmax() // [0.2119, 0.2119, 0.5761] */
  softmax(axis = -1): Tensor {
    return softmax(this, axis);
  }
  /** log(softmax(x)) along `axis`, computed stably. */
  logSoftmax(axis = -1): Tensor {
    return logSoftmax(this, axis);
  }

  /**
   * Reverse-mode autodiff: fills `grad` of every tensor this one depends on that has `requiresGrad`.
   * A scalar needs no argument; otherwise pass the upstream gradient (same shape as this tensor).
   * The graph is freed afterwards unless `{ retainGraph: true }`.
   * @example loss.backward(); w.grad?.print();
   */
  backward(grad?: Tensor, opts?: { retainGraph?: boolean }): void {
    runBackward(this, grad, opts?.retainGraph ?? false);
  }

  /** Forgets the accumulated gradient (`grad = null`). */
  zeroGrad(): void {
    this.grad = null;
  }

  /** A tensor with the same values (copied) and no history: gradients stop here. */
  detach(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /** The values as nested `number[]` arrays (a plain number for a scalar). */
  toArray(): NestedArray {
    if (this.rank === 0) return this.data[0]!;
    const build = (axis: number, offset: number, stride: number): NestedArray[] => {
      const n = this.shape[axis]!;
      const inner = stride / n;
      const out: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) {
        out[i] = axis === this.rank - 1 ? this.data[offset + i]! : build(axis + 1, offset + i * inner, inner);
      }
      return out;
    };
    return build(0, 0, this.size);
  }

  /** The single value of a one-element tensor. @throws RangeError for more than one element. */
  item(): number {
    if (this.size !== 1) {
      throw new RangeError(
        `item: needs exactly one element, the tensor has shape ${formatShape(this.shape)}` +
          ' / item()은 원소가 하나인 텐서에서만 쓸 수 있습니다',
      );
    }
    return this.data[0]!;
  }

  /** numpy-like text: `tensor([[0.2119, 0.2119, 0.5761]])`. */
  toString(): string {
    return formatTensor(this);
  }

  /** Prints `toString()` to the console. */
  print(): void {
    console.log(this.toString());
  }

  /** `JSON.stringify(t)` writes the nested values, not the internals. */
  toJSON(): NestedArray {
    return this.toArray();
  }

  /** `console.log(t)` in Node shows the same text as `print()`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
