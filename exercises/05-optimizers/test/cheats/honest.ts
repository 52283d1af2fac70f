// The six optimizers written honestly (the Keras 3 formulas, so every trajectory check passes), for
// the cheats beside this file to build on: each cheat adds one dishonest step of its own.
import type { Tensor } from '@gradschool/autograd';

/** A known XOR solution for the lecture's model: hidden units OR and AND; class 2's logit OR − 2·AND. */
export const SOLUTION = [
  [20, 20, 0, 0, 0, 20, 20, 0, 0, 0],
  [-10, -30, 0, 0, 0],
  [0, 20, 0, -40, 0, 0, 0, 0, 0, 0],
  [0, -10],
];

/** A cheat's hook: called before each step; `true` means the step is done (nothing honest happens). */
let intercept: ((params: readonly Tensor[]) => boolean) | undefined;

/** Sets the hook that {@link Honest.step} calls first. */
export function interceptSteps(hook: (params: readonly Tensor[]) => boolean): void {
  intercept = hook;
}

export interface Options {
  learningRate?: number;
  momentum?: number;
  epsilon?: number;
  initialAccumulatorValue?: number;
  rho?: number;
  beta1?: number;
  beta2?: number;
}

export abstract class Honest {
  learningRate: number;
  protected t = 0;
  private readonly slots = new Map<Tensor, [Float64Array, Float64Array]>();
  constructor(
    learningRate: number,
    protected readonly initial = 0,
  ) {
    this.learningRate = learningRate;
  }
  protected abstract update(w: number, g: number, s: Float64Array, v: Float64Array, i: number): number;
  step(params: readonly Tensor[]): void {
    this.t += 1;
    if (intercept?.(params)) return;
    for (const p of params) {
      if (p.grad === null) continue;
      let slot = this.slots.get(p);
      if (!slot) {
        slot = [new Float64Array(p.data.length).fill(this.initial), new Float64Array(p.data.length)];
        this.slots.set(p, slot);
      }
      for (let i = 0; i < p.data.length; i++)
        p.data[i] = this.update(p.data[i]!, p.grad.data[i]!, slot[0], slot[1], i);
    }
  }
}

export class SGD extends Honest {
  constructor(o: Options = {}) {
    super(o.learningRate ?? 0.1);
  }
  protected update(w: number, g: number): number {
    return w - this.learningRate * g;
  }
}
export class Momentum extends Honest {
  readonly momentum: number;
  constructor(o: Options = {}) {
    super(o.learningRate ?? 0.1);
    this.momentum = o.momentum ?? 0.9;
  }
  protected update(w: number, g: number, s: Float64Array, _v: Float64Array, i: number): number {
    s[i] = this.momentum * s[i]! - this.learningRate * g;
    return w + s[i]!;
  }
}
export class Nesterov extends Momentum {
  protected override update(w: number, g: number, s: Float64Array, v: Float64Array, i: number): number {
    super.update(w, g, s, v, i);
    return w + this.momentum * s[i]! - this.learningRate * g;
  }
}
export class Adagrad extends Honest {
  readonly epsilon: number;
  constructor(o: Options = {}) {
    super(o.learningRate ?? 0.01, o.initialAccumulatorValue ?? 0.1);
    this.epsilon = o.epsilon ?? 1e-6;
  }
  protected update(w: number, g: number, s: Float64Array, _v: Float64Array, i: number): number {
    s[i] = s[i]! + g * g;
    return w - (this.learningRate * g) / Math.sqrt(s[i]! + this.epsilon);
  }
}
export class RMSprop extends Honest {
  readonly rho: number;
  readonly epsilon: number;
  constructor(o: Options = {}) {
    super(o.learningRate ?? 0.001);
    this.rho = o.rho ?? 0.9;
    this.epsilon = o.epsilon ?? 1e-8;
  }
  protected update(w: number, g: number, s: Float64Array, _v: Float64Array, i: number): number {
    s[i] = this.rho * s[i]! + (1 - this.rho) * g * g;
    return w - (this.learningRate * g) / Math.sqrt(s[i]! + this.epsilon);
  }
}
export class Adam extends Honest {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  constructor(o: Options = {}) {
    super(o.learningRate ?? 0.001);
    this.beta1 = o.beta1 ?? 0.9;
    this.beta2 = o.beta2 ?? 0.999;
    this.epsilon = o.epsilon ?? 1e-8;
  }
  protected update(w: number, g: number, m: Float64Array, v: Float64Array, i: number): number {
    const alpha = (this.learningRate * Math.sqrt(1 - this.beta2 ** this.t)) / (1 - this.beta1 ** this.t);
    m[i] = this.beta1 * m[i]! + (1 - this.beta1) * g;
    v[i] = this.beta2 * v[i]! + (1 - this.beta2) * g * g;
    return w - (alpha * m[i]!) / (Math.sqrt(v[i]!) + this.epsilon);
  }
}
