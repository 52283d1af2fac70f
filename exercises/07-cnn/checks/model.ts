/**
 * Judging `makeConvModel()` from the model as data (`modelData`): Keras's mnist_convnet layer by layer,
 * its parameter count from the judge's rebuild with the trusted engine, and its compile settings.
 */
import * as engine from '@gradschool/autograd';
import {
  buildModel,
  describeCompile,
  describeLayer,
  fail,
  type LayerData,
  type Localized,
  type ModelData,
  pass,
  readModelData,
  render,
  type UnreadableModel,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';

/** Keras's mnist_convnet, layer by layer: the settings each layer must report. */
export const CONVNET: Partial<LayerData>[] = [
  {
    className: 'Conv2D',
    filters: 32,
    kernelSize: [3, 3],
    strides: [1, 1],
    padding: 'valid',
    activation: 'relu',
  },
  { className: 'MaxPooling2D', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
  {
    className: 'Conv2D',
    filters: 64,
    kernelSize: [3, 3],
    strides: [1, 1],
    padding: 'valid',
    activation: 'relu',
  },
  { className: 'MaxPooling2D', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
  { className: 'Flatten' },
  { className: 'Dropout', rate: 0.5 },
  { className: 'Dense', units: 10, activation: 'softmax' },
];

/** 320 + 0 + 18,496 + 0 + 0 + 0 + 16,010. */
export const CONVNET_PARAMS = 34_826;

const CONVNET_TEXT =
  'Conv2D(32, [3, 3], relu) → MaxPooling2D([2, 2]) → Conv2D(64, [3, 3], relu) → MaxPooling2D([2, 2]) → Flatten() → Dropout(0.5) → Dense(10, softmax)';

const at = (call: string, problem: Localized): Verdict =>
  fail({ ko: `${call}: ${problem.ko}`, en: `${call}: ${problem.en}` });

/** What differs from mnist_convnet, as a message about `call`; null when the layers are that model. */
export function convnetProblem(data: ModelData, call: string): Localized | null {
  if (data.layers.length !== CONVNET.length)
    return {
      ko: `${call}: 층이 ${CONVNET.length}개 (${CONVNET_TEXT})여야 하는데 ${data.layers.length}개입니다: ${data.layers.map(describeLayer).join(' → ')}.`,
      en: `${call}: expected ${CONVNET.length} layers (${CONVNET_TEXT}), got ${data.layers.length}: ${data.layers.map(describeLayer).join(' → ')}.`,
    };
  for (const [k, want] of CONVNET.entries()) {
    const got = data.layers[k]!;
    const key = (Object.keys(want) as (keyof LayerData)[]).find(
      (f) => render(got[f] ?? null) !== render(want[f]),
    );
    if (key)
      return {
        ko: `${call}: ${k + 1}번째 층 (${describeLayer(got)})의 ${key}: ${withParticle(render(want[key]), '을')} 기대했지만 ${withParticle(render(got[key] ?? null), '이')} 나왔습니다. 모델은 ${CONVNET_TEXT}입니다.`,
        en: `${call}: layer ${k + 1} (${describeLayer(got)}), ${key}: expected ${render(want[key])}, got ${render(got[key] ?? null)}. The model is ${CONVNET_TEXT}.`,
      };
  }
  const input = data.layers[0]!.inputShape;
  if (render(input) !== '[28, 28, 1]')
    return {
      ko: `${call}: 첫 층의 입력 모양이 inputShape: [28, 28, 1] (28 × 28 흑백 이미지)이어야 하는데 ${render(input)}입니다.`,
      en: `${call}: the first layer's input shape should be inputShape: [28, 28, 1] (28 × 28 grey images), got ${render(input)}.`,
    };
  return null;
}

/** The model data of `call`'s model, checked against mnist_convnet, or the verdict saying why not. */
export function readConvnet(got: ModelData | UnreadableModel, call: string): { data: ModelData } | Verdict {
  const read = readModelData(got);
  if ('problem' in read) return at(call, read.problem);
  const wrong = convnetProblem(read.data, call);
  return wrong ? fail(wrong) : read;
}

/** A name as written in either style: `'categorical_crossentropy'` and `'categoricalCrossentropy'` agree. */
const canonical = (name: unknown): string => String(name).replaceAll('_', '').toLowerCase();

/** mnist_convnet with 34,826 parameters by the judge's rebuild, compiled with adam, cross-entropy, accuracy. */
export function judgeConvModel(got: ModelData | UnreadableModel): Verdict {
  const call = 'makeConvModel()';
  const model = readConvnet(got, call);
  if (!('data' in model)) return model;
  const rebuilt = buildModel(engine, model.data);
  if ('problem' in rebuilt) return at(call, rebuilt.problem);
  const counts = rebuilt.model.layers.map((l) => l.countParams());
  const params = rebuilt.model.countParams();
  if (params !== CONVNET_PARAMS)
    return fail({
      ko: `${call}: 파라미터가 ${CONVNET_PARAMS.toLocaleString('en')}개여야 하는데 ${counts.join(' + ')} = ${params}개입니다.`,
      en: `${call}: expected ${CONVNET_PARAMS.toLocaleString('en')} parameters, got ${counts.join(' + ')} = ${params}.`,
    });
  const { compile } = model.data;
  if (compile === null)
    return fail({
      ko: `${call}이 돌려준 모델은 compile되지 않았습니다. return 전에 model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] })를 부르세요.`,
      en: `${call} returned a model that was never compiled. Call model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] }) before returning it.`,
    });
  const settings = describeCompile(compile);
  const right =
    canonical(compile.optimizer.className) === 'adam' &&
    canonical(compile.loss) === 'categoricalcrossentropy' &&
    compile.metrics.includes('accuracy');
  if (!right)
    return fail({
      ko: `${call}: compile의 \`optimizer\`는 'adam', \`loss\`는 'categorical_crossentropy', \`metrics\`는 ['accuracy']여야 하는데 ${withParticle(settings, '이')} 나왔습니다.`,
      en: `${call}: compile should have optimizer 'adam', loss 'categorical_crossentropy', metrics ['accuracy'], got ${settings}.`,
    });
  return pass({
    ko: `Keras의 mnist_convnet: 파라미터 ${counts.join(' + ')} = ${params.toLocaleString('en')}개 (채점기가 엔진으로 다시 만든 모델). 합성곱 층의 가중치는 필터 크기 × 입력 채널 수 × 필터 수 + 편향이라 입력 크기와 상관없고, 풀링·Flatten·드롭아웃에는 가중치가 없습니다.`,
    en: `Keras's mnist_convnet: ${counts.join(' + ')} = ${params.toLocaleString('en')} parameters (the grader's rebuild with the engine). A convolution's weights are window × input channels × filters plus biases, whatever the image size; pooling, Flatten and dropout have none.`,
  });
}
