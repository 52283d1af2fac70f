/**
 * Binary elementwise ops with numpy broadcasting: add, sub, mul, div, pow. Each forward loop sits
 * beside its backward closure. Broadcast operands are expanded to the output shape first (no work
 * when the shapes already agree), and their gradients are summed back over the broadcast axes.
 */
import { flushGrad, fromOp, gradData, gradSink } from './autograd.js';
import { addReduced, expand } from './broadcast.js';
import { allocFloats } from './kernels/alloc.js';
import { broadcastShapes, isTrailingRow, sameShape } from './shape.js';
import { Tensor, type TensorLike } from './tensor.js';

/** A binary op's operand as a Tensor: a plain number becomes a scalar tensor (shape `[]`). */
function asOperand(x: TensorLike): Tensor {
  return x instanceof Tensor ? x : new Tensor(new Float64Array([x]), []);
}

interface Operands {
  a: Tensor;
  b: Tensor;
  shape: readonly number[];
  /** a's and b's values expanded to `shape` */
  av: Float64Array;
  bv: Float64Array;
}

function operands(op: string, x: TensorLike, y: TensorLike): Operands {
  const a = asOperand(x);
  const b = asOperand(y);
  const shape = sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(op, a.shape, b.shape);
  return { a, b, shape, av: expand(a.data, a.shape, shape), bv: expand(b.data, b.shape, shape) };
}

/** `a + b` with broadcasting. @example add(tensor([[1, 2], [3, 4]]), tensor([10, 20])) // [[11, 22], [13, 24]] */
export function add(x: TensorLike, y: TensorLike): Tensor {
  const row = asOperand(y);
  if (x instanceof Tensor && row.size < x.size && row.rank <= x.rank && isTrailingRow(row.shape, x.shape)) {
    return addRow(x, row);
  }
  const { a, b, shape, av, bv } = operands('add', x, row);
  const n = av.length;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = av[i]! + bv[i]!;
  return fromOp(out, shape, 'add', [a, b], (g) => {
    // d(a+b)/da = 1, d(a+b)/db = 1: the gradient passes through, summed where a or b was broadcast
    if (a.requiresGrad) addReduced(gradData(a), a.shape, g, shape);
    if (b.requiresGrad) addReduced(gradData(b), b.shape, g, shape);
  });
}

/**
 * `a + row` where `row` repeats down `a` (a bias `[C]` on `[N, C]`, every Dense layer's case): the
 * same as the general path, without an expanded copy of the row or a scratch buffer for its gradient.
 */
function addRow(a: Tensor, row: Tensor): Tensor {
  const n = a.size;
  const c = row.size;
  const ad = a.data;
  const rd = row.data;
  const out = allocFloats(n);
  for (let i = 0; i < n; i += c) for (let j = 0; j < c; j++) out[i + j] = ad[i + j]! + rd[j]!;
  return fromOp(out, a.shape, 'add', [a, row], (g) => {
    if (a.requiresGrad) {
      const ga = gradData(a);
      for (let i = 0; i < n; i++) ga[i]! += g[i]!;
    }
    if (row.requiresGrad) {
      const gr = gradData(row); // summed over the repeats
      for (let i = 0; i < n; i += c) for (let j = 0; j < c; j++) gr[j]! += g[i + j]!;
    }
  });
}

/** `a - b` with broadcasting. @example sub(tensor([5, 7]), 1) // [4, 6] */
export function sub(x: TensorLike, y: TensorLike): Tensor {
  const { a, b, shape, av, bv } = operands('sub', x, y);
  const n = av.length;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = av[i]! - bv[i]!;
  return fromOp(out, shape, 'sub', [a, b], (g) => {
    // d(a-b)/da = 1, d(a-b)/db = -1
    if (a.requiresGrad) addReduced(gradData(a), a.shape, g, shape);
    if (b.requiresGrad) addReduced(gradData(b), b.shape, g, shape, -1);
  });
}

/** `a * b` elementwise with broadcasting (not the matrix product: see `matmul`). */
export function mul(x: TensorLike, y: TensorLike): Tensor {
  const { a, b, shape, av, bv } = operands('mul', x, y);
  const n = av.length;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = av[i]! * bv[i]!;
  return fromOp(out, shape, 'mul', [a, b], (g) => {
    // d(ab)/da = b, d(ab)/db = a
    if (a.requiresGrad) {
      const ga = gradSink(a, n);
      for (let i = 0; i < n; i++) ga[i]! += g[i]! * bv[i]!;
      flushGrad(a, ga, shape);
    }
    if (b.requiresGrad) {
      const gb = gradSink(b, n);
      for (let i = 0; i < n; i++) gb[i]! += g[i]! * av[i]!;
      flushGrad(b, gb, shape);
    }
  });
}

/** `a / b` elementwise with broadcasting. */
export function div(x: TensorLike, y: TensorLike): Tensor {
  const { a, b, shape, av, bv } = operands('div', x, y);
  const n = av.length;
  const out = allocFloats(n);
  for (let i = 0; i < n; i++) out[i] = av[i]! / bv[i]!;
  return fromOp(out, shape, 'div', [a, b], (g) => {
    // d(a/b)/da = 1/b, d(a/b)/db = -a/b² = -out/b
    if (a.requiresGrad) {
      const ga = gradSink(a, n);
      for (let i = 0; i < n; i++) ga[i]! += g[i]! / bv[i]!;
      flushGrad(a, ga, shape);
    }
    if (b.requiresGrad) {
      const gb = gradSink(b, n);
      for (let i = 0; i < n; i++) gb[i]! -= (g[i]! * out[i]!) / bv[i]!;
      flushGrad(b, gb, shape);
    }
  });
}

/**
 * `a ** b` as C's `pow` and numpy's `power` define it. JavaScript's `**` agrees everywhere except three
 * cases, where it gives NaN: `1 ** y` is 1 for every y (NaN too), and `(-1) ** ±Infinity` is 1.
 */
function power(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Number.POSITIVE_INFINITY || b === Number.NEGATIVE_INFINITY))) return 1;
  return a ** b;
}

/**
 * `a ** b` elementwise with broadcasting. The gradient with respect to the exponent uses ln(a):
 * it is 0 where a = 0 and NaN where a < 0.
 * @example pow(tensor([1, 2, 3]), 2) // [1, 4, 9]
 */
export function pow(x: TensorLike, y: TensorLike): Tensor {
  const { a, b, shape, av, bv } = operands('pow', x, y);
  const n = av.length;
  // x.pow(2) (squared errors) is common enough for a multiply instead of the general power
  const square = b.size === 1 && b.data[0] === 2;
  const out = allocFloats(n);
  if (square) for (let i = 0; i < n; i++) out[i] = av[i]! * av[i]!;
  else for (let i = 0; i < n; i++) out[i] = power(av[i]!, bv[i]!);
  return fromOp(out, shape, 'pow', [a, b], (g) => {
    // d(a^b)/da = b·a^(b-1), d(a^b)/db = a^b·ln(a)
    if (a.requiresGrad) {
      const ga = gradSink(a, n);
      if (square) for (let i = 0; i < n; i++) ga[i]! += 2 * g[i]! * av[i]!;
      else for (let i = 0; i < n; i++) ga[i]! += g[i]! * bv[i]! * power(av[i]!, bv[i]! - 1);
      flushGrad(a, ga, shape);
    }
    if (b.requiresGrad) {
      const gb = gradSink(b, n);
      for (let i = 0; i < n; i++) {
        const lnA = av[i]! === 0 ? 0 : Math.log(av[i]!);
        gb[i]! += g[i]! * out[i]! * lnA;
      }
      flushGrad(b, gb, shape);
    }
  });
}
