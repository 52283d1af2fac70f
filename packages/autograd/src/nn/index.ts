/** The Keras-style model API: layers, models, losses, metrics, optimizers. */
export { activations, type ReluOptions } from './activation-functions.js';
export { type Activation, type ActivationName, getActivation } from './activations.js';
export {
  type Callbacks,
  EarlyStopping,
  type EarlyStoppingOptions,
  LearningRateScheduler,
  type LearningRateSchedulerOptions,
  type Logs,
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
  type TrainingModel,
} from './callbacks.js';
export type { CompileOptions } from './compile.js';
export {
  AveragePooling2D,
  Conv2D,
  type Conv2DOptions,
  Flatten,
  type FlattenOptions,
  Input,
  type InputOptions,
  MaxPooling2D,
  type Pooling2DOptions,
} from './conv-layers.js';
export { ByteRows, type Data, type RowSource } from './data.js';
export { Dense, type DenseOptions } from './dense.js';
export type { FitOptions, History } from './fit.js';
export { getInitializer, type Initializer, initializers } from './initializers.js';
export type { CallContext, Layer } from './layer.js';
export { type LoadModelOptions, loadModel } from './load-model.js';
export {
  categoricalHinge,
  cosineSimilarity,
  cosineSimilarityWith,
  hinge,
  huber,
  huberWith,
  klDivergence,
  logCosh,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  poisson,
  squaredHinge,
} from './loss-catalogue.js';
export {
  BinaryCrossentropy,
  CategoricalCrossentropy,
  CategoricalHinge,
  CosineSimilarity,
  type CrossentropyOptions,
  Hinge,
  Huber,
  KLDivergence,
  LogCosh,
  Loss,
  type LossConfig,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  MeanSquaredLogarithmicError,
  Poisson,
  SparseCategoricalCrossentropy,
  SquaredHinge,
} from './loss-objects.js';
export {
  binaryCrossentropy,
  categoricalCrossentropy,
  getLoss,
  type LossFn,
  type LossObject,
  meanSquaredError,
  sparseCategoricalCrossentropy,
} from './losses.js';
export {
  AUC,
  type AUCOptions,
  type ConfusionOptions,
  Metric,
  type MetricConfig,
  type MetricInput,
  metrics,
  Precision,
  Recall,
  RootMeanSquaredError,
  type SampleWeight,
} from './metric-objects.js';
export { binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy } from './metrics.js';
export type { LayerJson, LayerJsonOf, ModelJson } from './model-schema.js';
export * from './optimizers/index.js';
export { KerasOptionError, type OptionSpec, type OptionType } from './options.js';
export {
  BatchNormalization,
  type BatchNormalizationOptions,
  Dropout,
  type DropoutOptions,
} from './regularization.js';
export type { ClassWeight } from './sample-weights.js';
export { setSeed } from './seed.js';
export {
  type EvaluateOptions,
  type EvaluateResult,
  type PredictOptions,
  Sequential,
  type SequentialOptions,
  type SummaryOptions,
} from './sequential.js';
