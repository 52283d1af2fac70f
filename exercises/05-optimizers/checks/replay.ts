/**
 * The judge's own XOR training runs (grader): the lecture's model, built and trained by the trusted
 * engine from a run's seed, its steps taken by `ReferenceEngineOptimizer` — the Keras 3 formulas of
 * `checks/reference.ts` (`updateOne`), the very ones the trajectory checks replay. Nothing here runs
 * student code.
 */
import type { Optimizer, Tensor } from '@gradschool/autograd';
import { type Hyper, hyperOf, type OptimizerName, type Slot, updateOne } from './reference.js';

/** The judge's reference optimizer behind the engine's `Optimizer` interface (per-parameter state). */
export class ReferenceEngineOptimizer implements Optimizer {
  private readonly hyper: Required<Hyper>;
  private iterations = 0;
  private readonly slots = new Map<Tensor, Slot>();

  constructor(
    readonly name: OptimizerName,
    options: Hyper = {},
  ) {
    this.hyper = hyperOf(name, options);
  }

  get learningRate(): number {
    return this.hyper.learningRate;
  }

  set learningRate(value: number) {
    this.hyper.learningRate = value;
  }

  step(params: readonly Tensor[]): void {
    this.iterations += 1;
    const t = this.iterations;
    for (const param of params) {
      if (param.grad === null) continue;
      const w = param.data;
      const g = param.grad.data;
      let slot = this.slots.get(param);
      if (slot === undefined) {
        const first = new Float64Array(w.length);
        if (this.name === 'Adagrad') first.fill(this.hyper.initialAccumulatorValue);
        slot = { first, second: new Float64Array(w.length) };
        this.slots.set(param, slot);
      }
      for (let i = 0; i < w.length; i++) w[i] = updateOne(this.name, this.hyper, t, w[i]!, g[i]!, slot, i);
    }
  }
}
