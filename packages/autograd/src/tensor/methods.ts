/**
 * The chainable API of `Tensor` (`x.mul(w).add(b).relu()`, `loss.backward()`, `t.print()`): each
 * method forwards to the op of the same name. It is added to `Tensor.prototype` here, not written in
 * the class, because the ops import `Tensor` and `fromOp`: were the class to import the ops, every op
 * file would sit in an import cycle with it. `index.ts` loads this file before anything else, so every
 * tensor has these methods (the `declare module` block tells TypeScript so).
 */
import { checkOptions } from '../options.js';
import { leakyRelu, logSoftmax, relu, sigmoid, softmax, step, tanh as tanhOp } from './activation.js';
import { runBackward } from './autograd.js';
import { add, div, mul, pow, sub } from './elementwise.js';
import { formatTensor } from './format.js';
import { matmul } from './matmul.js';
import { argmax, max, mean, sum } from './reduce.js';
import { gather, reshape, transpose } from './shape-ops.js';
import { Tensor, type TensorLike } from './tensor.js';
import { abs, clip, exp, log, neg, sqrt } from './unary.js';

declare module './tensor.js' {
  interface Tensor {
    /** Elementwise `this + o` with broadcasting. @example tensor([1, 2]).add(10) // [11, 12] */
    add(o: TensorLike): Tensor;
    /** Elementwise `this - o` with broadcasting. @example yPred.sub(yTrue) */
    sub(o: TensorLike): Tensor;
    /** Elementwise `this * o` with broadcasting (not the matrix product). @example x.mul(0.5) */
    mul(o: TensorLike): Tensor;
    /** Elementwise `this / o` with broadcasting. @example e.div(e.sum(-1, true)) */
    div(o: TensorLike): Tensor;
    /** Elementwise `this ** o` with broadcasting. @example x.pow(2) */
    pow(o: TensorLike): Tensor;
    /** `-this`. */
    neg(): Tensor;
    /** e^x elementwise. */
    exp(): Tensor;
    /** Natural logarithm elementwise. */
    log(): Tensor;
    /** Square root elementwise. */
    sqrt(): Tensor;
    /** |x| elementwise (gradient 0 at 0). */
    abs(): Tensor;
    /** Limits values to [min, max]; gradient 1 inside, 0 outside. */
    clip(min: number, max: number): Tensor;
    /** Matrix product `[m,k] x [k,n] -> [m,n]`; leading batch axes broadcast. @example x.matmul(w).add(b) */
    matmul(o: Tensor): Tensor;
    /** Permutes the axes (default: reversed, so a matrix is transposed). @example w.transpose() // [k,n] -> [n,k] */
    transpose(axes?: number[]): Tensor;
    /** Same data, new shape; one size may be -1 (inferred). @example arange(6).reshape([2, -1]) // shape [2, 3] */
    reshape(shape: number[]): Tensor;
    /** Rows `indices` along axis 0: a mini-batch. @example x.gather([0, 2]) */
    gather(indices: ArrayLike<number>): Tensor;
    /** Sum over `axis` (or all axes -> scalar). @example x.sum(1, true) // [N, C] -> [N, 1] */
    sum(axis?: number | number[], keepDims?: boolean): Tensor;
    /** Mean over `axis` (or all axes -> scalar). @example yPred.sub(yTrue).pow(2).mean() // MSE */
    mean(axis?: number | number[], keepDims?: boolean): Tensor;
    /** Maximum over `axis` (or all axes -> scalar); a NaN wins, as in numpy; the gradient goes to the first maximum. @example x.max(-1) */
    max(axis?: number | number[], keepDims?: boolean): Tensor;
    /** Index of the largest value along `axis` (default -1); the first NaN wins; not differentiable. @example probs.argmax() // predicted classes */
    argmax(axis?: number): Tensor;
    /** 1 where x >= 0, else 0 (the perceptron's step); NaN stays NaN; zero gradient. */
    step(): Tensor;
    /** 1 / (1 + e^-x), computed without overflow. */
    sigmoid(): Tensor;
    /** Hyperbolic tangent. */
    tanh(): Tensor;
    /** max(0, x). */
    relu(): Tensor;
    /** x where x >= 0, alpha * x elsewhere (Keras' default alpha is 0.2). */
    leakyRelu(alpha?: number): Tensor;
    /** e^x / Σ e^x along `axis` (default last), computed stably. @example tensor([1, 1, 2]).softmax() // [0.2119, 0.2119, 0.5761] */
    softmax(axis?: number): Tensor;
    /** log(softmax(x)) along `axis`, computed stably. */
    logSoftmax(axis?: number): Tensor;
    /**
     * Reverse-mode autodiff: fills `grad` of every tensor this one depends on that has `requiresGrad`.
     * A scalar needs no argument; otherwise pass the upstream gradient (same shape as this tensor).
     * The graph is freed afterwards unless `{ retainGraph: true }`.
     * @example loss.backward(); w.grad?.print();
     */
    backward(grad?: Tensor, opts?: { retainGraph?: boolean }): void;
    /** numpy-like text: `tensor([[0.2119, 0.2119, 0.5761]])`. */
    toString(): string;
    /** Prints `toString()` to the console. */
    print(): void;
  }
}

/** The method bodies, `this` being the tensor. */
const methods: Partial<Tensor> & ThisType<Tensor> = {
  add(o: TensorLike): Tensor {
    return add(this, o);
  },
  sub(o: TensorLike): Tensor {
    return sub(this, o);
  },
  mul(o: TensorLike): Tensor {
    return mul(this, o);
  },
  div(o: TensorLike): Tensor {
    return div(this, o);
  },
  pow(o: TensorLike): Tensor {
    return pow(this, o);
  },
  neg(): Tensor {
    return neg(this);
  },
  exp(): Tensor {
    return exp(this);
  },
  log(): Tensor {
    return log(this);
  },
  sqrt(): Tensor {
    return sqrt(this);
  },
  abs(): Tensor {
    return abs(this);
  },
  clip(min: number, max: number): Tensor {
    return clip(this, min, max);
  },
  matmul(o: Tensor): Tensor {
    return matmul(this, o);
  },
  transpose(axes?: number[]): Tensor {
    return transpose(this, axes);
  },
  reshape(shape: number[]): Tensor {
    return reshape(this, shape);
  },
  gather(indices: ArrayLike<number>): Tensor {
    return gather(this, indices);
  },
  sum(axis?: number | number[], keepDims = false): Tensor {
    return sum(this, axis, keepDims);
  },
  mean(axis?: number | number[], keepDims = false): Tensor {
    return mean(this, axis, keepDims);
  },
  max(axis?: number | number[], keepDims = false): Tensor {
    return max(this, axis, keepDims);
  },
  argmax(axis = -1): Tensor {
    return argmax(this, axis);
  },
  step(): Tensor {
    return step(this);
  },
  sigmoid(): Tensor {
    return sigmoid(this);
  },
  tanh(): Tensor {
    return tanhOp(this);
  },
  relu(): Tensor {
    return relu(this);
  },
  leakyRelu(alpha = 0.2): Tensor {
    return leakyRelu(this, alpha);
  },
  softmax(axis = -1): Tensor {
    return softmax(this, axis);
  },
  logSoftmax(axis = -1): Tensor {
    return logSoftmax(this, axis);
  },
  backward(grad?: Tensor, opts?: { retainGraph?: boolean }): void {
    // Checked only when given: backward runs once per training step.
    if (opts !== undefined)
      checkOptions('backward', opts, { retainGraph: { type: 'boolean', optional: true } });
    runBackward(this, grad, opts?.retainGraph ?? false);
  },
  toString(): string {
    return formatTensor(this);
  },
  print(): void {
    console.log(this.toString());
  },
};

// as class methods are: not enumerable, so they stay out of `for...in` and object spreads
for (const [name, value] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value, writable: true, configurable: true });
}
