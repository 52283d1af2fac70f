import type { Tensor } from '../engine.js';

/**
 * What every optimizer does: once per training step, move each parameter against its gradient.
 * This is the interface students implement in exercise 05.
 *
 * - `step(params)` reads `param.grad.data` and updates `param.data` **in place**
 *   (parameters without a gradient are skipped, as Keras does).
 * - State that belongs to one parameter (a velocity, an accumulator, ...) lives in the optimizer,
 *   keyed by the parameter tensor, so one optimizer can drive any number of parameters.
 * - `learningRate` is a plain field: change it between steps to schedule it.
 *
 * @example
 * const opt = new SGD({ learningRate: 0.1 });
 * loss.backward();
 * opt.step(model.trainableWeights);
 */
export interface Optimizer {
  /** η, the step size. */
  learningRate: number;
  /** One update of every param from its `.grad` (in place on `param.data`). Keeps per-param state. */
  step(params: readonly Tensor[]): void;
}

/**
 * Per-parameter state: one `Float64Array` the size of the parameter, created on first use with
 * `initial` in every slot and reused for every later step (no allocation per step).
 */
export class SlotMap {
  private readonly slots = new Map<Tensor, Float64Array>();

  constructor(private readonly initial = 0) {}

  /** The slot of `param`, created on first use. */
  get(param: Tensor): Float64Array {
    let slot = this.slots.get(param);
    if (slot === undefined) {
      slot = new Float64Array(param.size);
      if (this.initial !== 0) slot.fill(this.initial);
      this.slots.set(param, slot);
    }
    return slot;
  }

  /** Forgets every slot (e.g. after the parameters were replaced). */
  clear(): void {
    this.slots.clear();
  }
}

/** Throws a clear error when an optimizer option is out of its range. */
export function checkOption(
  optimizer: string,
  name: string,
  value: number,
  ok: boolean,
  range: string,
): void {
  if (!Number.isFinite(value) || !ok) {
    throw new RangeError(
      `${optimizer}: ${name} must be ${range}, got ${value} (${name} 값은 ${range} 이어야 합니다)`,
    );
  }
}
