/** What `fit`, `predict`, `evaluate` and `setWeights` accept as data, and its conversion to a Tensor. */
import { type NestedArray, Tensor, tensor } from './engine.js';

/** Inputs and targets: nested arrays such as `number[][]`, or a Tensor (batch on axis 0). */
export type Data = NestedArray | Tensor;

/**
 * A model's input as a Tensor: a Tensor as is, nested arrays through `tensor(...)`. `what` names the
 * call in the TypeError thrown for ragged or non-numeric arrays.
 * @example dataToTensor('fit (x)', [[0, 0], [0, 1]]) // Tensor [2, 2]
 * @throws TypeError `predict: ...` when the arrays are not a rectangular block of numbers
 */
export function dataToTensor(what: string, x: Data): Tensor {
  if (x instanceof Tensor) return x;
  if (x === undefined) {
    throw new TypeError(
      `${what}: the data is missing (데이터가 없습니다), e.g. model.fit(x, y, { epochs: 10 })`,
    );
  }
  try {
    return tensor(x);
  } catch (error) {
    throw new TypeError(`${what}: ${(error as Error).message}`);
  }
}
