/**
 * Strict options for the model API: {@link checkOptions} checks every options object a public
 * constructor or method takes. The implementation is in `src/options.ts`, shared with the tensor layer
 * (which must not import from `nn/`).
 *
 * @example
 * new SGD({ lr: 0.1 });
 * // KerasOptionError: SGD: unknown option 'lr' — Keras 2's `lr` is `learning_rate` in Keras 3: write `learningRate`
 */
export {
  checkArgument,
  checkOptions,
  describeValue,
  KerasOptionError,
  type OptionSpec,
  type OptionType,
} from '../options.js';
