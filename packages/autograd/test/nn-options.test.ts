/**
 * Strict options: the lecture's Keras code typed as a student types it (Keras 2 names, snake_case,
 * strings for numbers) gets an error that says what to write instead, never a silent default.
 */
import { describe, expect, it } from 'vitest';
import {
  Adagrad,
  Adam,
  Dense,
  EarlyStopping,
  KerasOptionError,
  RMSprop,
  Sequential,
  SGD,
  tensor,
} from '../src/index.js';
import { checkArgument, checkOptions, describeValue } from '../src/nn/options.js';

const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_Y = [[0], [1], [1], [0]];

function compiledModel(): Sequential {
  const model = new Sequential({ seed: 1 });
  model.add(new Dense(2, { inputDim: 2, activation: 'sigmoid' }));
  model.add(new Dense(1, { activation: 'sigmoid' }));
  model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** The KerasOptionError that `fn` throws (fails the test when it throws nothing or something else). */
function errorOf(fn: () => unknown): KerasOptionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KerasOptionError);
    return error as KerasOptionError;
  }
  throw new Error('expected a KerasOptionError, nothing was thrown');
}

describe('Keras 2 names from the lecture', () => {
  it("SGD(lr = 0.1): `lr` is Keras 3's learning_rate, learningRate here", () => {
    const error = errorOf(() => new SGD({ lr: 0.1 } as never));
    expect(error.owner).toBe('SGD');
    expect(error.key).toBe('lr');
    expect(error.suggestion).toBe('learningRate');
    expect(error.message).toContain("SGD: unknown option 'lr'");
    expect(error.message).toContain("Keras 2's `lr` is `learning_rate` in Keras 3: write `learningRate`");
    expect(error.message).toContain(
      'learningRate, weightDecay, clipnorm, clipvalue, globalClipnorm, momentum, nesterov',
    );
    expect(error.message).toMatch(/[가-힣]/); // bilingual
  });

  it('every optimizer of the lecture table names lr, decay and epsilon=None', () => {
    // keras.optimizers.Adagrad(lr = 0.01, epsilon = 1e - 6)
    expect(errorOf(() => new Adagrad({ lr: 0.01, epsilon: 1e-6 } as never)).suggestion).toBe('learningRate');
    // keras.optimizers.RMSprop(lr = 0.001, rho = 0.9, epsilon = 1e - 08, decay = 0.0)
    const rmsprop = errorOf(() => new RMSprop({ learningRate: 0.001, rho: 0.9, decay: 0 } as never));
    expect(rmsprop.key).toBe('decay');
    expect(rmsprop.message).toContain("Keras 2's `decay`");
    expect(rmsprop.message).toContain('removed in Keras 3');
    expect(rmsprop.message).toContain('leave it out');
    // keras.optimizers.Adam(lr = 0.001, beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e - 08, decay = 0.0)
    const adam = errorOf(() => new Adam({ learningRate: 0.001, beta_1: 0.9 } as never));
    expect(adam.suggestion).toBe('beta1');
    expect(adam.message).toContain('`beta_1` → `beta1`');
    expect(errorOf(() => new Adam({ beta_2: 0.999 } as never)).suggestion).toBe('beta2');
    const none = errorOf(() => new Adam({ epsilon: null } as never));
    expect(none.message).toContain('epsilon must be a number, got null');
    expect(none.message).toContain("Keras 2's `epsilon=None`");
  });

  it('the same options written as Keras 3 (camelCase) work', () => {
    expect(new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }).learningRate).toBe(0.1);
    expect(new Adagrad({ learningRate: 0.01, epsilon: 1e-6 }).epsilon).toBe(1e-6);
    expect(new RMSprop({ learningRate: 0.001, rho: 0.9, epsilon: 1e-8 }).rho).toBe(0.9);
    expect(new Adam({ learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }).beta2).toBe(0.999);
  });

  it('Dense(5, input_dim=2, kernel_initializer=...): snake_case names point to camelCase', () => {
    const inputDim = errorOf(() => new Dense(5, { input_dim: 2 } as never));
    expect(inputDim.owner).toBe('Dense');
    expect(inputDim.suggestion).toBe('inputDim');
    expect(inputDim.message).toContain(
      "Keras's snake_case names are camelCase here: `input_dim` → `inputDim`",
    );
    expect(errorOf(() => new Dense(5, { kernel_initializer: 'normal' } as never)).suggestion).toBe(
      'kernelInitializer',
    );
    expect(errorOf(() => new Dense(5, { use_bias: false } as never)).suggestion).toBe('useBias');
    expect(errorOf(() => new Dense(5, { input_shape: [2] } as never)).suggestion).toBe('inputShape');
  });

  it('Keras 1 names (init, output_dim, nb_epoch) get what Keras 2 and 3 call them', () => {
    const init = errorOf(() => new Dense(5, { init: 'normal' } as never));
    expect(init.suggestion).toBe('kernelInitializer');
    expect(init.message).toContain("Keras 1's `init` is `kernel_initializer`");
    const outputDim = errorOf(() => new Dense(5, { output_dim: 5 } as never));
    expect(outputDim.message).toContain('`units`');
    expect(outputDim.message).toContain('new Dense(5, { ... })');
    const nbEpoch = errorOf(() => compiledModel().fit(XOR_X, XOR_Y, { nb_epoch: 10 } as never));
    expect(nbEpoch.owner).toBe('fit');
    expect(nbEpoch.suggestion).toBe('epochs');
  });

  it("fit's batch_size, validation_split, and a callback's on_epoch_end", () => {
    const model = compiledModel();
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { batch_size: 2 } as never)).suggestion).toBe('batchSize');
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { validation_split: 0.5 } as never)).suggestion).toBe(
      'validationSplit',
    );
    const hook = errorOf(() =>
      model.fit(XOR_X, XOR_Y, { epochs: 1, verbose: 0, callbacks: [{ on_epoch_end: () => {} }] } as never),
    );
    expect(hook.owner).toBe('fit (callbacks[0])');
    expect(hook.suggestion).toBe('onEpochEnd');
    // a class instance may have other members, but not a method that looks like a misspelt hook
    class Logger {
      lines: string[] = [];
      onEpochEnds(): void {}
    }
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { callbacks: new Logger() } as never)).suggestion).toBe(
      'onEpochEnd',
    );
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { callbacks: [() => {}] } as never)).message).toContain(
      'fit (callbacks[0]): a callback is an object of hooks such as { onEpochEnd(epoch, logs) { ... } }',
    );
    class Fine {
      seen = 0;
      onEpochEnd(): void {
        this.seen++;
      }
      helper(): number {
        return 1;
      }
    }
    const fine = new Fine();
    model.fit(XOR_X, XOR_Y, { epochs: 2, verbose: 0, callbacks: fine });
    expect(fine.seen).toBe(2);
  });

  it('a near miss gets the nearest key; a Keras option gradschool lacks says so', () => {
    expect(errorOf(() => compiledModel().fit(XOR_X, XOR_Y, { epoch: 3 } as never)).suggestion).toBe('epochs');
    expect(errorOf(() => new SGD({ learningrate: 0.1 } as never)).message).toContain(
      'names are case-sensitive',
    );
    expect(errorOf(() => new SGD({ learningRat: 0.1 } as never)).message).toContain(
      'did you mean `learningRate`?',
    );
    const unsupported = errorOf(() => new Dense(2, { kernel_regularizer: 'l2' } as never));
    expect(unsupported.message).toContain('is not supported by gradschool');
    expect(unsupported.suggestion).toBeNull();
    const far = errorOf(() => new SGD({ banana: 1 } as never));
    expect(far.suggestion).toBeNull();
    expect(far.message).toContain(
      'Known options: learningRate, weightDecay, clipnorm, clipvalue, globalClipnorm, momentum, nesterov',
    );
  });
});

describe('values shown as written', () => {
  it('a string where a number belongs', () => {
    const error = errorOf(() => new SGD({ learningRate: '0.1' } as never));
    // learningRate may also be a schedule, and its message says so.
    expect(error.message).toContain('SGD: learningRate must be a finite number or a learning-rate schedule');
    expect(error.message).toContain('got "0.1" (a string)');
    expect(errorOf(() => new Dense(5, { useBias: 'false' } as never)).message).toContain(
      'useBias must be true or false, got "false" (a string)',
    );
  });

  it('new Dense(\'5\'): units must be a positive integer, got "5" (a string)', () => {
    expect(errorOf(() => new Dense('5' as never)).message).toContain(
      'Dense: units must be a positive integer, got "5" (a string)',
    );
    expect(errorOf(() => new Dense(2.5)).message).toContain('got 2.5');
  });

  it("fit([['0', '1']]): expected a number at [0][0], got \"0\" (a string)", () => {
    expect(() => compiledModel().fit([['0', '1']] as never, [[1]])).toThrow(
      /fit \(x\): tensor: expected a number at \[0\]\[0\], got "0" \(a string\)/,
    );
    expect(() => compiledModel().fit(XOR_X, undefined as never)).toThrow(/fit \(y\): the data is missing/);
  });

  it("metrics: 'accuracy' (a single string) is refused with the fix, as Keras 3 refuses it", () => {
    const model = new Sequential();
    const error = errorOf(() =>
      model.compile({ optimizer: 'adam', loss: 'mse', metrics: 'accuracy' } as never),
    );
    expect(error.message).toContain(
      `compile: metrics must be a list such as ['accuracy'], got "accuracy" (a string)`,
    );
    expect(error.message).not.toContain("'a'");
    expect(
      errorOf(() => model.compile({ optimizer: 'adam', loss: 'mse', metrics: [1] } as never)).message,
    ).toContain('metrics[0] must be a string or an object, got 1');
  });

  it('fit checks types and ranges: epochs, verbose, validationData', () => {
    const model = compiledModel();
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { epochs: '10' } as never)).message).toContain(
      'epochs must be a non-negative integer, got "10" (a string)',
    );
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { verbose: 3 } as never)).message).toContain(
      "verbose must be one of 0, 1, 2, 'auto', got 3",
    );
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { validationData: [XOR_X] } as never)).message).toContain(
      'validationData must be [x, y] or [x, y, sampleWeight]',
    );
    expect(errorOf(() => model.fit(XOR_X, XOR_Y, { batchSize: null } as never)).message).toContain(
      'leave the option out to get its default',
    );
  });

  it('options that are not an object, and required options', () => {
    expect(errorOf(() => new SGD(0.1 as never)).message).toContain(
      'SGD: options must be an object such as { learningRate: ... }, got 0.1',
    );
    expect(errorOf(() => new Sequential().compile({ loss: 'mse' } as never)).message).toContain(
      "compile: the option 'optimizer' is required",
    );
  });

  it('describeValue writes values as a student wrote them', () => {
    expect(describeValue('0')).toBe('"0" (a string)');
    expect(describeValue(0)).toBe('0');
    expect(describeValue(true)).toBe('true (a boolean)');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2])).toBe('[1,2] (an array)');
    expect(describeValue({ a: 1 })).toBe('{"a":1} (an object)');
    expect(describeValue(tensor([[1, 2]]))).toBe('a Tensor of shape [1, 2]');
    expect(describeValue(new SGD())).toBe('a SGD');
    expect(describeValue(Math.max)).toBe('a function (max)');
  });

  it('checkOptions returns the object; checkArgument passes optional undefined', () => {
    const opts = { a: 1 };
    expect(checkOptions('x', opts, { a: { type: 'integer' } })).toBe(opts);
    expect(() => checkArgument('x', 'a', undefined, { type: 'number', optional: true })).not.toThrow();
    expect(() => checkArgument('x', 'a', Number.NaN, { type: 'number' })).toThrow(/got NaN/);
    expect(() =>
      checkOptions('EarlyStopping', { mode: 'maximum' }, { mode: { type: 'string', oneOf: ['min', 'max'] } }),
    ).toThrow(/mode must be one of 'min', 'max', got "maximum" \(a string\)/);
    expect(() => new EarlyStopping({ mode: 'maximum' } as never)).toThrow(KerasOptionError);
  });
});
