/**
 * The JSON file that `model.save(path)` writes and `loadModel(path)` reads: its JSON Schema (checked
 * with ajv on load), written once here with TypeBox, and its TypeScript types derived from it
 * (`Static<>`), so the two cannot disagree.
 *
 * TypeBox, like ajv, is loaded on the first `loadModel` call, not with the engine: every process
 * using the engine (each grader sandbox, for one) would otherwise parse it. Hence the schema is
 * built by a function of TypeBox's `Type`, and the types come from that function's result type.
 */
import { createRequire } from 'node:module';
import type { Static, TSchema } from '@sinclair/typebox';
import { ACTIVATION_NAMES } from './activations.js';
import { LOSS_CLASS_NAMES } from './loss-objects.js';
import { METRIC_CLASS_NAMES } from './metric-objects.js';
import type { OptimizerConfig } from './optimizers/base.js';
import { SCHEDULE_CLASSES, type ScheduleConfig } from './optimizers/schedules.js';

/** The schedules `save` can write, by Keras class name. */
const SCHEDULE_CLASS_NAMES = Object.keys(SCHEDULE_CLASSES) as (keyof typeof SCHEDULE_CLASSES)[];

/** Bump when the file layout changes; `loadModel` refuses versions it does not know. */
export const MODEL_FILE_VERSION = 1;
/** The `format` field that marks our files (anything else is a foreign file). */
export const MODEL_FILE_FORMAT = 'gradschool-model';

type TypeBuilder = typeof import('@sinclair/typebox').Type;

function build(Type: TypeBuilder) {
  // Plain JSON Schema with a given type, where TypeBox would spell the keyword differently
  // (its literals add `type`, its records `patternProperties`).
  const Json = <T>(schema: Record<string, unknown>) => Type.Unsafe<T>(schema);
  const oneOf = <const T extends readonly string[]>(values: T) => Json<T[number]>({ enum: values });
  const positiveInts = (options: { minItems?: number } = {}) =>
    Type.Array(Type.Integer({ minimum: 1 }), options);

  /** One weight tensor: its shape and its values, row-major. */
  const weight = Type.Object(
    { shape: positiveInts(), data: Type.Array(Type.Number()) },
    { additionalProperties: false },
  );
  const activation = oneOf(ACTIVATION_NAMES);
  const inputShape = Type.Union([Type.Null(), positiveInts({ minItems: 1 })]);
  /** One Dense layer: its configuration and its weights (kernel, then bias). */
  const dense = Type.Object(
    {
      className: Json<'Dense'>({ const: 'Dense' }),
      name: Type.String({ minLength: 1 }),
      units: Type.Integer({ minimum: 1 }),
      activation,
      useBias: Type.Boolean(),
      kernelInitializer: Type.String(),
      biasInitializer: Type.String(),
      inputShape,
      weights: Type.Array(weight, { minItems: 1, maxItems: 2 }),
    },
    { additionalProperties: false },
  );
  const pair = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2, maxItems: 2 });
  const padding = oneOf(['valid', 'same']);
  /** A Conv2D layer: kernel `[kh, kw, in, filters]`, then bias. */
  const conv2d = Type.Object(
    {
      className: Json<'Conv2D'>({ const: 'Conv2D' }),
      name: Type.String({ minLength: 1 }),
      filters: Type.Integer({ minimum: 1 }),
      kernelSize: pair,
      strides: pair,
      padding,
      activation,
      useBias: Type.Boolean(),
      kernelInitializer: Type.String(),
      biasInitializer: Type.String(),
      inputShape,
      weights: Type.Array(weight, { minItems: 1, maxItems: 2 }),
    },
    { additionalProperties: false },
  );
  /** MaxPooling2D or AveragePooling2D: no weights. */
  const pooling = <C extends string>(className: C) =>
    Type.Object(
      {
        className: Json<C>({ const: className }),
        name: Type.String({ minLength: 1 }),
        poolSize: pair,
        strides: pair,
        padding,
        inputShape,
      },
      { additionalProperties: false },
    );
  const flatten = Type.Object(
    { className: Json<'Flatten'>({ const: 'Flatten' }), name: Type.String({ minLength: 1 }), inputShape },
    { additionalProperties: false },
  );
  const dropout = Type.Object(
    {
      className: Json<'Dropout'>({ const: 'Dropout' }),
      name: Type.String({ minLength: 1 }),
      rate: Type.Number({ minimum: 0, exclusiveMaximum: 1 }),
      seed: Type.Union([Type.Null(), Type.Integer()]),
      inputShape,
    },
    { additionalProperties: false },
  );
  /** BatchNormalization: weights gamma, beta (those present), moving mean, moving variance. */
  const batchNormalization = Type.Object(
    {
      className: Json<'BatchNormalization'>({ const: 'BatchNormalization' }),
      name: Type.String({ minLength: 1 }),
      momentum: Type.Number({ minimum: 0 }),
      epsilon: Type.Number({ exclusiveMinimum: 0 }),
      center: Type.Boolean(),
      scale: Type.Boolean(),
      inputShape,
      weights: Type.Array(weight, { minItems: 2, maxItems: 4 }),
    },
    { additionalProperties: false },
  );
  const layers = [
    dense,
    conv2d,
    pooling('MaxPooling2D'),
    pooling('AveragePooling2D'),
    flatten,
    dropout,
    batchNormalization,
  ] as const;
  /** Any layer, chosen by its `className` (ajv's `discriminator`: errors name the chosen kind's fields). */
  const layer = Json<Static<(typeof layers)[number]>>({
    type: 'object',
    discriminator: { propertyName: 'className' },
    required: ['className'],
    oneOf: layers,
  });
  /** A learning-rate schedule by class and its settings (`new PolynomialDecay({ ... })`). */
  const schedule = Type.Object(
    {
      className: oneOf(SCHEDULE_CLASS_NAMES),
      config: Json<ScheduleConfig>({
        type: 'object',
        additionalProperties: {
          anyOf: [{ type: ['number', 'boolean'] }, { type: 'array', items: { type: 'number' } }],
        },
      }),
    },
    { additionalProperties: false },
  );
  /** An optimizer by class and its hyper-parameters; a scheduled learning rate as its schedule. */
  const optimizer = Type.Object(
    {
      className: oneOf(['SGD', 'Adagrad', 'RMSprop', 'Adam', 'Adamax', 'Nadam', 'Adadelta', 'AdamW', 'Lion']),
      config: Json<OptimizerConfig>({
        type: 'object',
        properties: { learningRate: { anyOf: [{ type: 'number' }, schedule] } },
        additionalProperties: { type: ['number', 'boolean'] },
      }),
    },
    { additionalProperties: false },
  );
  /** A loss object (`new Huber({ delta: 2 })`) by class and its settings. */
  const lossObject = Type.Object(
    {
      className: oneOf(LOSS_CLASS_NAMES),
      config: Json<Record<string, number | boolean | string>>({
        type: 'object',
        additionalProperties: { type: ['number', 'boolean', 'string'] },
      }),
    },
    { additionalProperties: false },
  );
  /** A metric object (`new AUC({ numThresholds: 50 })`) by class and its settings. */
  const metricObject = Type.Object(
    {
      className: oneOf(METRIC_CLASS_NAMES),
      config: Json<Record<string, number | boolean | string | number[]>>({
        type: 'object',
        additionalProperties: {
          anyOf: [{ type: ['number', 'boolean', 'string'] }, { type: 'array', items: { type: 'number' } }],
        },
      }),
    },
    { additionalProperties: false },
  );
  return Type.Object(
    {
      format: Json<typeof MODEL_FILE_FORMAT>({ const: MODEL_FILE_FORMAT }),
      version: Type.Integer(),
      name: Type.String(),
      layers: Type.Array(layer, { minItems: 1 }),
      /** Present when the model was compiled with a named loss and a built-in optimizer. */
      compile: Type.Union([
        Type.Null(),
        Type.Object(
          {
            optimizer,
            loss: Type.Union([Type.String(), lossObject]),
            metrics: Type.Array(Type.Union([Type.String(), metricObject])),
          },
          { additionalProperties: false },
        ),
      ]),
    },
    { $id: 'https://gradschool.dev/schema/model.json', additionalProperties: false },
  );
}

/** The whole file, as {@link modelSchema} describes it. */
export type ModelJson = Static<ReturnType<typeof build>>;
/** One layer: its class, configuration and weights. */
export type LayerJson = ModelJson['layers'][number];
/** One layer of the given class, e.g. `LayerJsonOf<'Dense'>`. */
export type LayerJsonOf<C extends LayerJson['className']> = Extract<LayerJson, { className: C }>;
/** One weight tensor: its shape and its values, row-major. */
export type WeightJson = LayerJsonOf<'Dense'>['weights'][number];
/** An optimizer by class and its hyper-parameters. */
export type OptimizerJson = NonNullable<ModelJson['compile']>['optimizer'];

let built: TSchema | undefined;

/**
 * The JSON Schema (the draft 2020-12 subset that ajv 8 checks by default) of {@link ModelJson},
 * built on first use.
 *
 * @example
 * ```ts
 * const validate = new Ajv({ allErrors: true }).compile(modelSchema());
 * ```
 */
export function modelSchema(): ReturnType<typeof build> {
  built ??= build(
    (createRequire(import.meta.url)('@sinclair/typebox') as typeof import('@sinclair/typebox')).Type,
  );
  return built as ReturnType<typeof build>;
}
