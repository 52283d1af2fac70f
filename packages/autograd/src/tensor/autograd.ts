/**
 * Reverse-mode autodiff, micrograd's `backward()` at tensor granularity: every op makes its output with
 * `fromOp`, giving the inputs and a closure that adds the output's gradient into theirs; `runBackward`
 * orders the graph topologically (iteratively: deep graphs cannot overflow the stack) and calls the
 * closures from the output back to the inputs.
 */
import { addReduced } from './broadcast.js';
import { allocFloats, dropRecycled, MIN_RECYCLED, recycleFloats } from './kernels/alloc.js';
import { formatShape, sameShape } from './shape.js';
import { type BackwardFn, NO_PARENTS, Tensor } from './tensor.js';

let gradEnabled = true;

/** False inside `noGrad(...)`: ops then record nothing. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` without recording operations: results have `requiresGrad: false` and no history.
 * Use it for evaluation and for optimizer updates.
 * @example const yPred = noGrad(() => model.predict(x));
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/**
 * The output of an op: a new tensor holding `data`, which remembers `parents` and `backward` when
 * gradients are being recorded and at least one parent requires them. This is how every op is built,
 * and how you add your own:
 * @example
 * function cube(x: Tensor): Tensor {
 *   const out = x.data.map((v) => v ** 3);
 *   return fromOp(out, x.shape, 'cube', [x], (g) => {
 *     const gx = gradData(x);                                      // x.grad's buffer
 *     for (let i = 0; i < x.size; i++) gx[i]! += g[i]! * 3 * x.data[i]! ** 2;   // chain rule
 *   });
 * }
 */
export function fromOp(
  data: Float64Array,
  shape: readonly number[],
  op: string,
  parents: readonly Tensor[],
  backward: BackwardFn,
): Tensor {
  const out = new Tensor(data, shape);
  if (!gradEnabled) return out;
  for (const p of parents) {
    if (p.requiresGrad) {
      out.requiresGrad = true;
      out._parents = parents;
      out._backward = backward;
      out._op = op;
      return out;
    }
  }
  return out;
}

/** `t.grad`'s data, created as zeros on first use; backward closures add (`+=`) into it. */
export function gradData(t: Tensor): Float64Array {
  if (t.grad === null) t.grad = new Tensor(allocFloats(t.size), t.shape);
  return t.grad.data;
}

let visitStamp = 0;

/** Every tensor `root` depends on that requires grad, inputs before outputs (iterative DFS). */
function topologicalOrder(root: Tensor): Tensor[] {
  const stamp = ++visitStamp;
  const order: Tensor[] = [];
  const nodes: Tensor[] = [root];
  const next: number[] = [0]; // index of the next parent to visit, per stack entry
  root._mark = stamp;
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top]!;
    const i = next[top]!;
    if (i < node._parents.length) {
      next[top] = i + 1;
      const parent = node._parents[i]!;
      if (parent._mark !== stamp && parent.requiresGrad) {
        if (parent._freed) throw freedError();
        parent._mark = stamp;
        nodes.push(parent);
        next.push(0);
      }
    } else {
      nodes.pop();
      next.pop();
      order.push(node);
    }
  }
  return order;
}

function freedError(): Error {
  return new Error(
    'backward: this graph was already used by an earlier backward() and has been freed. ' +
      'Recompute the forward pass before calling backward() again, or pass { retainGraph: true } ' +
      'to the first backward(). / 이 계산 그래프는 이전 backward()에서 이미 해제되었습니다. ' +
      '순전파를 다시 계산하세요.',
  );
}

/**
 * The body of `Tensor.backward`: checks the call, seeds the output's gradient, applies the chain rule.
 * With `recycle` (only `fit` asks, for a graph no one else holds), the memory of intermediate tensors
 * is handed back as soon as it is dead: see {@link Recycler}.
 */
export function runBackward(
  root: Tensor,
  grad: Tensor | undefined,
  retainGraph: boolean,
  recycle = false,
): void {
  if (root._freed) throw freedError();
  if (!root.requiresGrad) {
    throw new Error(
      'backward: this tensor does not require gradients — none of its inputs was created with ' +
        '{ requiresGrad: true }, or it was computed inside noGrad(). / 이 텐서는 기울기를 추적하지 ' +
        '않습니다: 입력에 { requiresGrad: true }를 주었는지 확인하세요.',
    );
  }
  if (grad === undefined && root.size !== 1) {
    throw new Error(
      `backward: the output has shape ${formatShape(root.shape)}, not a scalar — reduce it first ` +
        `(.sum() or .mean()) or pass the upstream gradient: backward(gradOfShape${formatShape(root.shape)}). ` +
        '/ 출력이 스칼라가 아닙니다: 먼저 .sum()이나 .mean()으로 줄이거나, 같은 모양의 기울기를 넘기세요.',
    );
  }
  if (grad !== undefined && !sameShape(grad.shape, root.shape) && !(grad.size === 1 && root.size === 1)) {
    throw new RangeError(
      `backward: the gradient has shape ${formatShape(grad.shape)} but the output has shape ` +
        `${formatShape(root.shape)} / 기울기의 모양이 출력의 모양과 다릅니다`,
    );
  }
  const order = topologicalOrder(root);
  // Non-leaf gradients are per-call scratch space: start them from zero so that retained graphs
  // used twice do not count the first call again. Leaves keep accumulating.
  for (const node of order) if (node._backward !== null) node.grad = null;
  const seed = gradData(root);
  if (grad === undefined) seed[0]! += 1;
  else for (let i = 0; i < seed.length; i++) seed[i]! += grad.data[i]!;

  const recycler = recycle && !retainGraph ? new Recycler(order) : null;
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    if (node._backward !== null && node.grad !== null) node._backward(node.grad.data);
    recycler?.done(node);
  }
  if (!retainGraph) {
    for (const node of order) {
      if (node._backward === null) continue;
      node._backward = null;
      node._parents = NO_PARENTS;
      node._freed = true;
    }
  }
}

/**
 * A training step's backward pass that hands intermediate memory back for the next step as soon as
 * it is dead (see {@link Recycler}); `fit` calls it on its loss, after reading the predictions, and
 * calls {@link endRecycling} when training ends.
 */
export function trainingBackward(loss: Tensor): void {
  runBackward(loss, undefined, false, true);
}

/** Lets the memory waiting for reuse go (the end of `fit`): a finished model holds none of it. */
export function endRecycling(): void {
  dropRecycled();
}

/**
 * Hands back, during one backward pass, the memory of intermediate tensors that nothing reads any
 * more, for the next training step's ops to reuse (see `kernels/alloc.ts` for why that pays).
 *
 * When is an intermediate's memory dead? An op's backward closure reads its own output and its
 * inputs, so node N's values are last read by N's backward or by the backward of an op that used N,
 * and the reverse topological order runs all of those no later than N's own. Its gradient is read
 * only by N's backward. Two things could still read the memory, and are counted:
 * - views: `reshape` and `flatten` give a new tensor on the *same* array (relu's output, whose own
 *   backward reads it, seen through a reshape), so an array is recycled only when every graph node
 *   holding it is done, and never when a leaf (a weight) holds it.
 * Tensors outside the graph (the input batch, a dropout mask) are never handed back: only graph
 * nodes are, and a node that does not require gradients is not one. Leaves' gradients are kept for
 * the optimizer. The output the caller keeps (the model's predictions) must be read before.
 */
class Recycler {
  /** Graph nodes still to finish, per array buffer (only large arrays are counted). */
  private readonly pending = new Map<ArrayBufferLike, number>();
  /** Buffers that outlive the pass. */
  private readonly kept = new Set<ArrayBufferLike>();

  constructor(order: readonly Tensor[]) {
    for (const node of order) {
      if (node._backward === null) this.kept.add(node.data.buffer);
      else if (node.data.length >= MIN_RECYCLED) {
        this.pending.set(node.data.buffer, (this.pending.get(node.data.buffer) ?? 0) + 1);
      }
    }
  }

  /** `node`'s backward has run: its gradient is dead, and its values once no other node needs them. */
  done(node: Tensor): void {
    if (node._backward === null) return;
    if (node.grad !== null) {
      recycleFloats(node.grad.data);
      node.grad = null;
    }
    const buffer = node.data.buffer;
    const left = this.pending.get(buffer);
    if (left === undefined) return;
    if (left > 1) {
      this.pending.set(buffer, left - 1);
      return;
    }
    this.pending.delete(buffer);
    if (!this.kept.has(buffer)) recycleFloats(node.data);
  }
}

/**
 * Where a backward closure adds the gradient for input `t` of an op whose output has `outSize`
 * elements: `t`'s own gradient buffer when no broadcasting happened, else a scratch buffer of the
 * output's size that `flushGrad` then sums over the broadcast axes.
 */
export function gradSink(t: Tensor, outSize: number): Float64Array {
  return t.size === outSize ? gradData(t) : allocFloats(outSize);
}

/** Finishes `gradSink`: sums a scratch buffer (shape `outShape`) into `t.grad` (no-op otherwise). */
export function flushGrad(t: Tensor, sink: Float64Array, outShape: readonly number[]): void {
  if (t.size !== sink.length) addReduced(gradData(t), t.shape, sink, outShape);
}
