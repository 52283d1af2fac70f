import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject } from 'ajv';
import type { ActivationName } from './activations.js';
import { AveragePooling2D, Conv2D, Flatten, MaxPooling2D } from './conv-layers.js';
import { Dense } from './dense.js';
import { Rng, Tensor } from './engine.js';
import type { Layer } from './layer.js';
import { lossFromConfig } from './loss-objects.js';
import { metricFromConfig } from './metric-objects.js';
import {
  type LayerJson,
  MODEL_FILE_FORMAT,
  MODEL_FILE_VERSION,
  type ModelJson,
  modelSchema,
} from './model-schema.js';
import { checkArgument, checkOptions } from './options.js';
import { BatchNormalization, Dropout } from './regularization.js';
import { Sequential } from './sequential.js';
import { optimizerFromJson } from './serialization.js';

/** Options of {@link loadModel}, as Keras' `load_model`. */
export interface LoadModelOptions {
  /** Compile the model again with its saved optimizer, loss and metrics (default true). */
  compile?: boolean;
}

let validate: ReturnType<Ajv['compile']> | null = null;

// ajv is loaded on the first loadModel call rather than with the engine: importing it takes about
// 0.1 s, which every process using the engine (each grader sandbox, for one) would otherwise pay.
const require = createRequire(import.meta.url);

function fail(path: string, why: string, ko: string): never {
  throw new Error(`loadModel: ${path} ${why} (${ko})`);
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the top level' : e.instancePath;
  const extra =
    e.keyword === 'additionalProperties'
      ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'`
      : e.keyword === 'enum' || e.keyword === 'const'
        ? ` ${JSON.stringify((e.params as { allowedValues?: unknown; allowedValue?: unknown }).allowedValues ?? (e.params as { allowedValue?: unknown }).allowedValue)}`
        : '';
  return `${where} ${e.message ?? 'is invalid'}${extra}`;
}

/** A fresh layer, not built, from its saved configuration. */
function layerFromJson(json: LayerJson): Layer {
  const { name } = json;
  switch (json.className) {
    case 'Dense':
      return new Dense(json.units, {
        activation: json.activation as ActivationName,
        kernelInitializer: json.kernelInitializer,
        biasInitializer: json.biasInitializer,
        useBias: json.useBias,
        name,
      });
    case 'Conv2D':
      return new Conv2D(json.filters, json.kernelSize as [number, number], {
        strides: json.strides as [number, number],
        padding: json.padding,
        activation: json.activation as ActivationName,
        kernelInitializer: json.kernelInitializer,
        biasInitializer: json.biasInitializer,
        useBias: json.useBias,
        name,
      });
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const Pooling = json.className === 'MaxPooling2D' ? MaxPooling2D : AveragePooling2D;
      const pair = (v: number[]) => v as [number, number];
      return new Pooling({
        poolSize: pair(json.poolSize),
        strides: pair(json.strides),
        padding: json.padding,
        name,
      });
    }
    case 'Flatten':
      return new Flatten({ name });
    case 'Dropout':
      return new Dropout(json.rate, json.seed === null ? { name } : { seed: json.seed, name });
    case 'BatchNormalization': {
      const { momentum, epsilon, center, scale } = json;
      return new BatchNormalization({ momentum, epsilon, center, scale, name });
    }
  }
}

/**
 * The saved layers, each built for the shape it receives and given its saved weights, after checking
 * what the schema cannot: how many weight tensors, their shapes and their sizes. A scratch generator
 * builds them, so loading a model draws no number from the global one.
 */
function buildLayers(path: string, json: ModelJson): Layer[] {
  const first = json.layers[0]!;
  // files of the first version may leave a first Dense layer's inputShape out: its kernel says it
  let shape: number[] | null =
    first.inputShape ?? (first.className === 'Dense' ? [first.weights[0]!.shape[0]!] : null);
  if (shape === null)
    fail(path, `layer 0 ('${first.name}') has no inputShape`, '첫 층에 inputShape가 없습니다');
  const scratch = new Rng(0);
  return json.layers.map((saved, i) => {
    const layer = layerFromJson(saved);
    const where = `layer ${i} ('${saved.name}')`;
    try {
      layer.build(shape!, scratch);
    } catch (error) {
      fail(
        path,
        `${where} cannot take inputs of shape [${shape}]: ${(error as Error).message}`,
        `층 ${i}의 입력 모양이 맞지 않습니다`,
      );
    }
    const expected = layer.getWeights().map((w) => w.shape);
    const weights = 'weights' in saved ? saved.weights : [];
    if (weights.length !== expected.length) {
      fail(
        path,
        `${where} has ${weights.length} weight tensors, expected ${expected.length}`,
        `층 ${i}의 가중치 개수가 맞지 않습니다`,
      );
    }
    weights.forEach((w, j) => {
      const want = expected[j]!;
      if (w.shape.length !== want.length || w.shape.some((d, k) => d !== want[k])) {
        fail(
          path,
          `${where} weight ${j} has shape [${w.shape}], expected [${want}]`,
          `층 ${i}의 가중치 모양이 맞지 않습니다`,
        );
      }
      const size = w.shape.reduce((a, b) => a * b, 1);
      if (w.data.length !== size) {
        fail(
          path,
          `${where} weight ${j} has ${w.data.length} values for shape [${w.shape}] (${size})`,
          `층 ${i}의 가중치 값 개수가 모양과 맞지 않습니다`,
        );
      }
    });
    layer.setWeights(weights.map((w) => new Tensor(Float64Array.from(w.data), w.shape)));
    shape = layer.outputShape(shape!);
    return layer;
  });
}

/**
 * Reads a model written by `model.save(path)`: the same layers, the same weights (so the same
 * predictions), compiled again when it was compiled with a named loss and a built-in optimizer
 * (optimizer state such as Adam's moments is not saved). The file is checked against a JSON Schema
 * first: a corrupted or foreign file gives an error saying what is wrong and where.
 *
 * @example
 * model.save('xor-model.json');
 * const again = loadModel('xor-model.json');
 * again.predict(x).print();
 */
export function loadModel(path: string, opts: LoadModelOptions = {}): Sequential {
  checkArgument('loadModel', 'path', path, { type: 'string' });
  checkOptions('loadModel', opts, { compile: { type: 'boolean', optional: true } });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(path, `cannot be read: ${(error as Error).message}`, '파일을 읽을 수 없습니다');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      path,
      `is not valid JSON (corrupted?): ${(error as Error).message}`,
      'JSON 형식이 아닙니다(손상된 파일?)',
    );
  }
  const record = json as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || record.format !== MODEL_FILE_FORMAT) {
    fail(
      path,
      `is not a model saved by model.save() (no "format": "${MODEL_FILE_FORMAT}")`,
      'model.save()로 저장한 모델 파일이 아닙니다',
    );
  }
  if (record.version !== MODEL_FILE_VERSION) {
    fail(
      path,
      `has version ${JSON.stringify(record.version)}; this library reads version ${MODEL_FILE_VERSION}`,
      '지원하지 않는 파일 버전입니다',
    );
  }
  validate ??= new (require('ajv') as typeof import('ajv')).Ajv({
    allErrors: true,
    discriminator: true,
  }).compile(modelSchema());
  if (!validate(json)) {
    const errors = (validate.errors ?? []).slice(0, 5).map(describe).join('; ');
    fail(path, `does not match the model file schema: ${errors}`, '모델 파일 형식이 올바르지 않습니다');
  }
  const model = json as ModelJson;
  const result = new Sequential(buildLayers(path, model), { name: model.name });
  if (model.compile !== null && opts.compile !== false) {
    result.compile({
      optimizer: optimizerFromJson(model.compile.optimizer),
      loss:
        typeof model.compile.loss === 'string'
          ? model.compile.loss
          : lossFromConfig(model.compile.loss.className, model.compile.loss.config),
      metrics: model.compile.metrics.map((m) =>
        typeof m === 'string' ? m : metricFromConfig(m.className, m.config),
      ),
    });
  }
  return result;
}
