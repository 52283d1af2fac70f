import { activations } from './activation-functions.js';
import type { Tensor } from './engine.js';

/**
 * Every name a Dense layer accepts (Keras 3's names, camelCase and snake_case; `'step'` is the
 * lecture's perceptron). `save` writes the name as given, so a saved model keeps its spelling.
 */
export const ACTIVATION_NAMES = [
  'linear',
  'step',
  'sigmoid',
  'tanh',
  'relu',
  'softmax',
  'logSoftmax',
  'log_softmax',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'silu',
  'swish',
  'gelu',
  'hardSigmoid',
  'hard_sigmoid',
  'hardSilu',
  'hard_silu',
  'hardSwish',
  'hard_swish',
  'exponential',
  'leakyRelu',
  'leaky_relu',
  'relu6',
  'mish',
] as const;

/** The activations a Dense layer accepts by name (Keras' names). */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

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
  logSoftmax: (x) => x.logSoftmax(-1),
  log_softmax: (x) => x.logSoftmax(-1),
  elu: (x) => activations.elu(x),
  selu: activations.selu,
  softplus: activations.softplus,
  softsign: activations.softsign,
  silu: activations.silu,
  swish: activations.silu,
  gelu: (x) => activations.gelu(x),
  hardSigmoid: activations.hardSigmoid,
  hard_sigmoid: activations.hardSigmoid,
  hardSilu: activations.hardSilu,
  hard_silu: activations.hardSilu,
  hardSwish: activations.hardSilu,
  hard_swish: activations.hardSilu,
  exponential: activations.exponential,
  leakyRelu: (x) => activations.leakyRelu(x),
  leaky_relu: (x) => activations.leakyRelu(x),
  relu6: activations.relu6,
  mish: activations.mish,
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
