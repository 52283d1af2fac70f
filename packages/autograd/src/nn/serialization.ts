import { writeFileSync } from 'node:fs';
import type { Compiled } from './compile.js';
import type { Dense } from './dense.js';
import * as catalogue from './loss-catalogue.js';
import { Loss } from './loss-objects.js';
import {
  binaryCrossentropy,
  categoricalCrossentropy,
  meanSquaredError,
  sparseCategoricalCrossentropy,
} from './losses.js';
import { Metric } from './metric-objects.js';
import type { DenseJson, ModelJson, OptimizerJson } from './model-schema.js';
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION } from './model-schema.js';
import { getOptimizer, isBuiltInOptimizer, OPTIMIZER_CLASSES, type Optimizer } from './optimizers/index.js';

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
  return new make(json.config as Record<string, never>);
}

/** What `save` reads of a model (`Sequential` is one). */
export interface SavableModel {
  readonly name: string;
  readonly layers: readonly Dense[];
  readonly compiled: Compiled | null;
}

/** The model as the JSON object that `save` writes. */
export function modelToJson(model: SavableModel): ModelJson {
  const layers: DenseJson[] = model.layers.map((layer) => {
    if (layer.activationName === 'custom') {
      throw new Error(
        `save: layer '${layer.name}' uses a custom activation function, which cannot be written to JSON; ` +
          'use a named activation (사용자 정의 활성화 함수는 저장할 수 없습니다)',
      );
    }
    return {
      className: 'Dense',
      name: layer.name ?? 'dense',
      units: layer.units,
      activation: layer.activationName,
      useBias: layer.useBias,
      kernelInitializer: layer.kernelInitializer,
      biasInitializer: layer.biasInitializer,
      inputShape: layer.inputShape === null ? null : [...layer.inputShape],
      weights: layer.trainableWeights.map((w) => {
        if (!w.data.every(Number.isFinite)) {
          throw new Error(
            `save: layer '${layer.name}' has NaN or infinite weights (가중치에 NaN이 있습니다)`,
          );
        }
        return { shape: [...w.shape], data: Array.from(w.data) };
      }),
    };
  });
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
