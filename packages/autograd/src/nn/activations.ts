import type { Tensor } from './engine.js';

/** The activations a Dense layer accepts by name (Keras' names). */
export type ActivationName = 'linear' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';

/** An activation: a function from tensor to tensor, applied after `x·W + b`. */
export type Activation = (x: Tensor) => Tensor;

/**
 * Outputs of the named `'softmax'` and `'sigmoid'` activations remember their input (the logits),
 * as Keras 3 does with `_keras_logits`: the cross-entropy losses then compute from the logits,
 * which is exact where the probabilities would round to 0 or 1.
 */
// Kept on the output tensor under a symbol rather than in a WeakMap: a training loop makes one
// such output per step, and a WeakMap with thousands of short-lived keys doubles the time the
// garbage collector takes (measured on the XOR model in bench/).
const LOGITS = Symbol('logits');
type WithLogits = Tensor & { [LOGITS]?: { kind: 'softmax' | 'sigmoid'; logits: Tensor } };

/** The logits behind `output` when it came from the named `kind` activation, else undefined. */
export function logitsFor(output: Tensor, kind: 'softmax' | 'sigmoid'): Tensor | undefined {
  const entry = (output as WithLogits)[LOGITS];
  return entry !== undefined && entry.kind === kind ? entry.logits : undefined;
}

const ACTIVATIONS: Record<ActivationName, Activation> = {
  linear: (x) => x,
  step: (x) => x.step(),
  sigmoid: (x) => {
    const out = x.sigmoid();
    (out as WithLogits)[LOGITS] = { kind: 'sigmoid', logits: x };
    return out;
  },
  tanh: (x) => x.tanh(),
  relu: (x) => x.relu(),
  softmax: (x) => {
    const out = x.softmax(-1);
    (out as WithLogits)[LOGITS] = { kind: 'softmax', logits: x };
    return out;
  },
};

/** True when `name` is one of the {@link ActivationName}s. */
export function isActivationName(name: string): name is ActivationName {
  return Object.hasOwn(ACTIVATIONS, name);
}

/**
 * The activation called `name`, or `fn` itself when a function is given.
 *
 * @example
 * getActivation('relu')(tensor([-1, 2])).toArray();   // [0, 2]
 */
export function getActivation(nameOrFn: ActivationName | Activation): Activation {
  if (typeof nameOrFn === 'function') return nameOrFn;
  if (!isActivationName(nameOrFn)) {
    const known = Object.keys(ACTIVATIONS).join(', ');
    throw new RangeError(
      `Dense: unknown activation '${String(nameOrFn)}'; known: ${known} ` +
        `(알 수 없는 활성화 함수 '${String(nameOrFn)}', 사용 가능: ${known})`,
    );
  }
  return ACTIVATIONS[nameOrFn];
}
