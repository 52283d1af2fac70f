/**
 * The `Tensor`: a row-major `Float64Array` with a shape, plus what reverse-mode autodiff needs
 * (`requiresGrad`, `grad`, and the op that made it). The math lives in the op files, one family each
 * (elementwise, unary, activation, matmul, reduce, shape-ops), and so does the chainable API
 * (`x.add(y)`, `loss.backward()`, ...): `methods.ts` adds those methods, forwarding to the ops. They
 * live apart so that the ops can build tensors without this file importing them back.
 */
import { formatShape, sizeOf } from './shape.js';

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

  /** `JSON.stringify(t)` writes the nested values, not the internals. */
  toJSON(): NestedArray {
    return this.toArray();
  }

  /** `console.log(t)` in Node shows the same text as `print()`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
