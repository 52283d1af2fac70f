/**
 * The JSON file that `model.save(path)` writes and `loadModel(path)` reads, described as a JSON Schema
 * (checked with ajv on load), and its TypeScript type.
 */

/** Bump when the file layout changes; `loadModel` refuses versions it does not know. */
export const MODEL_FILE_VERSION = 1;
/** The `format` field that marks our files (anything else is a foreign file). */
export const MODEL_FILE_FORMAT = 'gradschool-model';

/** One weight tensor: its shape and its values, row-major. */
export interface WeightJson {
  shape: number[];
  data: number[];
}

/** One Dense layer: its configuration and its weights (kernel, then bias). */
export interface DenseJson {
  className: 'Dense';
  name: string;
  units: number;
  activation: string;
  useBias: boolean;
  kernelInitializer: string;
  biasInitializer: string;
  inputShape: number[] | null;
  weights: WeightJson[];
}

/** An optimizer by class and its hyper-parameters. */
export interface OptimizerJson {
  className: 'SGD' | 'Adagrad' | 'RMSprop' | 'Adam';
  config: Record<string, number | boolean>;
}

/** The whole file. */
export interface ModelJson {
  format: typeof MODEL_FILE_FORMAT;
  version: number;
  name: string;
  layers: DenseJson[];
  /** Present when the model was compiled with a named loss and a built-in optimizer. */
  compile: { optimizer: OptimizerJson; loss: string; metrics: string[] } | null;
}

const positiveInts = { type: 'array', items: { type: 'integer', minimum: 1 } } as const;

/** JSON Schema (draft 2020-12 subset that ajv 8 checks by default) of {@link ModelJson}. */
export const modelSchema = {
  $id: 'https://gradschool.dev/schema/model.json',
  type: 'object',
  required: ['format', 'version', 'name', 'layers', 'compile'],
  additionalProperties: false,
  properties: {
    format: { const: MODEL_FILE_FORMAT },
    version: { type: 'integer' },
    name: { type: 'string' },
    layers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'className',
          'name',
          'units',
          'activation',
          'useBias',
          'kernelInitializer',
          'biasInitializer',
          'inputShape',
          'weights',
        ],
        properties: {
          className: { const: 'Dense' },
          name: { type: 'string', minLength: 1 },
          units: { type: 'integer', minimum: 1 },
          activation: { enum: ['linear', 'step', 'sigmoid', 'tanh', 'relu', 'softmax'] },
          useBias: { type: 'boolean' },
          kernelInitializer: { type: 'string' },
          biasInitializer: { type: 'string' },
          inputShape: { anyOf: [{ type: 'null' }, { ...positiveInts, minItems: 1 }] },
          weights: {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['shape', 'data'],
              properties: { shape: positiveInts, data: { type: 'array', items: { type: 'number' } } },
            },
          },
        },
      },
    },
    compile: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['optimizer', 'loss', 'metrics'],
          properties: {
            optimizer: {
              type: 'object',
              additionalProperties: false,
              required: ['className', 'config'],
              properties: {
                className: { enum: ['SGD', 'Adagrad', 'RMSprop', 'Adam'] },
                config: { type: 'object', additionalProperties: { type: ['number', 'boolean'] } },
              },
            },
            loss: { type: 'string' },
            metrics: { type: 'array', items: { type: 'string' } },
          },
        },
      ],
    },
  },
} as const;
