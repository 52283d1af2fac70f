/**
 * The judge's own update rules, written the way Keras 3 writes them (`keras/src/optimizers/*.py`),
 * with the slides' defaults. The judge replays a student's trajectory step by step with these.
 */

/** The six classes the student's file exports, in the lecture's order. */
export const OPTIMIZERS = ['SGD', 'Momentum', 'Nesterov', 'Adagrad', 'RMSprop', 'Adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Constructor options, as the student's classes take them. */
export interface Hyper {
  learningRate?: number;
  momentum?: number;
  epsilon?: number;
  initialAccumulatorValue?: number;
  rho?: number;
  beta1?: number;
  beta2?: number;
}

/** The slides' defaults (the "케라스 사용법" column), with Keras 3's initial Adagrad accumulator. */
export const DEFAULTS: Record<OptimizerName, Required<Pick<Hyper, 'learningRate'>> & Hyper> = {
  SGD: { learningRate: 0.1 },
  Momentum: { learningRate: 0.1, momentum: 0.9 },
  Nesterov: { learningRate: 0.1, momentum: 0.9 },
  Adagrad: { learningRate: 0.01, epsilon: 1e-6, initialAccumulatorValue: 0.1 },
  RMSprop: { learningRate: 0.001, rho: 0.9, epsilon: 1e-8 },
  Adam: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
};

/** The options in force: the defaults, overridden by `options`. */
export function hyperOf(name: OptimizerName, options: Hyper = {}): Required<Hyper> {
  const merged = { ...DEFAULTS[name], ...options };
  return {
    learningRate: merged.learningRate,
    momentum: merged.momentum ?? 0,
    epsilon: merged.epsilon ?? 0,
    initialAccumulatorValue: merged.initialAccumulatorValue ?? 0,
    rho: merged.rho ?? 0,
    beta1: merged.beta1 ?? 0,
    beta2: merged.beta2 ?? 0,
  };
}

/** A stateful reference optimizer over plain arrays, one state per parameter index. */
export class ReferenceOptimizer {
  readonly hyper: Required<Hyper>;
  private iterations = 0;
  private readonly slots: Slot[] = [];

  constructor(
    readonly name: OptimizerName,
    options: Hyper = {},
  ) {
    this.hyper = hyperOf(name, options);
  }

  /** The step count t of the last `step` (Adam's bias correction uses it). */
  get t(): number {
    return this.iterations;
  }

  /** One step: the new positions of every parameter (new arrays; the inputs are left alone). */
  step(positions: readonly (readonly number[])[], gradients: readonly (readonly number[])[]): number[][] {
    this.iterations += 1;
    return positions.map((w, j) => {
      const g = gradients[j]!;
      let slot = this.slots[j];
      if (slot === undefined) {
        const start = this.name === 'Adagrad' ? this.hyper.initialAccumulatorValue : 0;
        slot = { first: w.map(() => start), second: w.map(() => 0) };
        this.slots[j] = slot;
      }
      return w.map((wi, i) => updateOne(this.name, this.hyper, this.iterations, wi, g[i]!, slot, i));
    });
  }

  /** Changes the learning rate for the following steps, as a student may set `learningRate`. */
  setLearningRate(value: number): void {
    this.hyper.learningRate = value;
  }
}

/** One parameter's state: the first slot (velocity, accumulator, m) and the second (Adam's v). */
export interface Slot {
  first: Float64Array | number[];
  second: Float64Array | number[];
}

/**
 * The new value of element `i` of a parameter at `w` with gradient `g`, at step `t` (1, 2, ...),
 * updating its state in `slot`: the Keras 3 formulas, shared by `ReferenceOptimizer` (trajectories)
 * and `ReferenceEngineOptimizer` (`checks/replay.ts`, the XOR replays).
 */
export function updateOne(
  name: OptimizerName,
  hyper: Required<Hyper>,
  t: number,
  w: number,
  g: number,
  slot: Slot,
  i: number,
): number {
  const { learningRate: lr, momentum, epsilon, rho, beta1, beta2 } = hyper;
  const s = slot.first;
  const v = slot.second;
  switch (name) {
    case 'SGD':
      return w - g * lr;
    case 'Momentum':
      s[i] = -g * lr + s[i]! * momentum;
      return w + s[i]!;
    case 'Nesterov':
      s[i] = -g * lr + s[i]! * momentum;
      return w + (-g * lr + s[i]! * momentum);
    case 'Adagrad':
      s[i] = s[i]! + g * g;
      return w - (lr * g) / Math.sqrt(s[i]! + epsilon);
    case 'RMSprop':
      s[i] = rho * s[i]! + (1 - rho) * g * g;
      return w - (lr * g) / Math.sqrt(s[i]! + epsilon);
    case 'Adam': {
      const alpha = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      s[i] = s[i]! + (g - s[i]!) * (1 - beta1);
      v[i] = v[i]! + (g * g - v[i]!) * (1 - beta2);
      return w - (s[i]! * alpha) / (Math.sqrt(v[i]!) + epsilon);
    }
  }
}
