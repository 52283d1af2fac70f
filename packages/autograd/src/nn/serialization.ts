import { writeFileSync } from 'node:fs';
import type { Compiled } from './compile.js';
import { AveragePooling2D, Conv2D, Flatten, MaxPooling2D } from './conv-layers.js';
import { Dense } from './dense.js';
import type { Layer } from './layer.js';
import * as catalogue from './loss-catalogue.js';
import { Loss } from './loss-objects.js';
import {
  binaryCrossentropy,
  categoricalCrossentropy,
  meanSquaredError,
  sparseCategoricalCrossentropy,
} from './losses.js';
import { Metric } from './metric-objects.js';
import type { LayerJson, ModelJson, OptimizerJson, WeightJson } from './model-schema.js';
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION } from './model-schema.js';
import {
  getOptimizer,
  isBuiltInOptimizer,
  OPTIMIZER_CLASSES,
  type Optimizer,
  scheduleFromJson,
} from './optimizers/index.js';
import { BatchNormalization, Dropout } from './regularization.js';

const LOSS_NAMES = new Map<unknown, string>([
  [meanSquaredError, 'meanSquaredError'],
  [binaryCrossentropy, 'binaryCrossentropy'],
  [categoricalCrossentropy, 'categoricalCrossentropy'],
  [sparseCategoricalCrossentropy, 'sparseCategoricalCrossentropy'],
  // the catalogue's losses; huberWith/cosineSimilarityWith make losses, they are not ones
  ...Object.entries(catalogue)
    .filter(([name]) => !name.endsWith('With'))
    .map(([name, fn]) => [fn, name] as const),
]);

/** A built-in optimizer as class name + hyper-parameters; null for a student's own optimizer. */
function optimizerJson(o: Optimizer): OptimizerJson | null {
  if (!isBuiltInOptimizer(o)) return null;
  return { className: o.className as OptimizerJson['className'], config: o.getConfig() };
}

/** Builds a fresh optimizer from {@link optimizerJson}'s output. */
export function optimizerFromJson(json: OptimizerJson): Optimizer {
  const name = String(json.className);
  if (!Object.hasOwn(OPTIMIZER_CLASSES, name)) return getOptimizer(name);
  const make = OPTIMIZER_CLASSES[name as keyof typeof OPTIMIZER_CLASSES];
  const { learningRate, ...rest } = json.config;
  const rate = typeof learningRate === 'object' ? scheduleFromJson(learningRate) : learningRate;
  return new make({ ...rest, ...(rate === undefined ? {} : { learningRate: rate }) } as Record<
    string,
    never
  >);
}

/** What `save` reads of a model (`Sequential` is one). */
export interface SavableModel {
  readonly name: string;
  readonly layers: readonly Layer[];
  readonly compiled: Compiled | null;
}

/** A layer's weights as JSON (`getWeights()` order), refusing NaN and infinities. */
function weightsJson(layer: Layer): WeightJson[] {
  return layer.getWeights().map((w) => {
    if (!w.data.every(Number.isFinite)) {
      throw new Error(`save: layer '${layer.name}' has NaN or infinite weights (가중치에 NaN이 있습니다)`);
    }
    return { shape: [...w.shape], data: Array.from(w.data) };
  });
}

function namedActivation(layer: Dense | Conv2D): Exclude<Dense['activationName'], 'custom'> {
  if (layer.activationName === 'custom') {
    throw new Error(
      `save: layer '${layer.name}' uses a custom activation function, which cannot be written to JSON; ` +
        'use a named activation (사용자 정의 활성화 함수는 저장할 수 없습니다)',
    );
  }
  return layer.activationName;
}

/** One layer as the JSON object `save` writes: its class, its configuration, its weights. */
export function layerToJson(layer: Layer): LayerJson {
  const name = layer.name ?? layer.className;
  const inputShape = layer.inputShape === null ? null : [...layer.inputShape];
  if (layer instanceof Dense) {
    return {
      className: 'Dense',
      name,
      units: layer.units,
      activation: namedActivation(layer),
      useBias: layer.useBias,
      kernelInitializer: layer.kernelInitializer,
      biasInitializer: layer.biasInitializer,
      inputShape,
      weights: weightsJson(layer),
    };
  }
  if (layer instanceof Conv2D) {
    return {
      className: 'Conv2D',
      name,
      filters: layer.filters,
      kernelSize: [...layer.kernelSize],
      strides: [...layer.strides],
      padding: layer.padding,
      activation: namedActivation(layer),
      useBias: layer.useBias,
      kernelInitializer: layer.kernelInitializer,
      biasInitializer: layer.biasInitializer,
      inputShape,
      weights: weightsJson(layer),
    };
  }
  if (layer instanceof MaxPooling2D || layer instanceof AveragePooling2D) {
    const { className, poolSize, strides, padding } = layer;
    return { className, name, poolSize: [...poolSize], strides: [...strides], padding, inputShape };
  }
  if (layer instanceof Flatten) return { className: 'Flatten', name, inputShape };
  if (layer instanceof Dropout)
    return { className: 'Dropout', name, rate: layer.rate, seed: layer.seed, inputShape };
  if (layer instanceof BatchNormalization) {
    const { momentum, epsilon, center, scale } = layer;
    return {
      className: 'BatchNormalization',
      name,
      momentum,
      epsilon,
      center,
      scale,
      inputShape,
      weights: weightsJson(layer),
    };
  }
  throw new Error(
    `save: layer '${layer.name}' (${layer.className}) is not one this library can save ` +
      '(저장할 수 없는 종류의 층입니다)',
  );
}

/** The model as the JSON object that `save` writes. */
export function modelToJson(model: SavableModel): ModelJson {
  const layers = model.layers.map(layerToJson);
  let compile: ModelJson['compile'] = null;
  const c = model.compiled;
  if (c !== null) {
    const loss =
      typeof c.lossSpec === 'string'
        ? c.lossSpec
        : c.lossSpec instanceof Loss
          ? { className: c.lossSpec.className, config: c.lossSpec.getConfig() }
          : LOSS_NAMES.get(c.lossSpec);
    const optimizer = optimizerJson(c.optimizer);
    if (loss !== undefined && optimizer !== null) {
      const metrics = c.metrics.map((m) =>
        m instanceof Metric ? { className: m.className, config: m.getConfig() } : m,
      );
      compile = { optimizer, loss, metrics };
    }
  }
  return { format: MODEL_FILE_FORMAT, version: MODEL_FILE_VERSION, name: model.name, layers, compile };
}

/** Writes {@link modelToJson} to `path` (UTF-8 JSON). */
export function saveModel(model: SavableModel, path: string): void {
  writeFileSync(path, `${JSON.stringify(modelToJson(model))}\n`, 'utf8');
}
