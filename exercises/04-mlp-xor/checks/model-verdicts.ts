/**
 * Judging `makeModel()` (exercise 04) from the model as data (`modelData`): its structure against
 * the slide "모델 구현", its initial weights against what `setSeed(seed)` then the slide's 'normal'
 * initializers draw, and its compile settings, shown by one epoch of `fit` that the judge repeats with
 * the trusted engine. Parameter counts and the summary come from the judge's rebuild, never from the
 * student's objects.
 */
import * as engine from '@gradschool/autograd';
import {
  buildModel,
  describeCompile,
  describeLayers,
  expectWeights,
  fail,
  type Localized,
  type ModelData,
  pass,
  readModelData,
  render,
  type UnreadableModel,
  type Verdict,
  weightsOf,
  withParticle,
} from '@gradschool/exercise-kit';
import { XOR_X, XOR_Y } from './math.js';
import { slideModelProblem } from './replay.js';

const EXPECTED_SHAPES = [[2, 5], [5], [5, 2], [2]];

/** `call: problem`; a `call` that has words in it comes in both languages. */
const failWith = (problem: Localized, call: string | Localized): Verdict => {
  const at = typeof call === 'string' ? { ko: call, en: call } : call;
  return fail({ ko: `${at.ko}: ${problem.ko}`, en: `${at.en}: ${problem.en}` });
};

/** The model data of `makeModel()` after `setSeed(seed)`, or the verdict saying why it is not usable. */
function slideModel(got: ModelData | UnreadableModel, seed: number): { data: ModelData } | Verdict {
  const call = `setSeed(${seed}); makeModel()`;
  const read = readModelData(got);
  if ('problem' in read) return failWith(read.problem, call);
  const shapes = read.data.weights.map((w) => w.shape);
  if (render(shapes) !== render(EXPECTED_SHAPES))
    return fail({
      ko: `${call}: getWeights()의 모양이 ${render(EXPECTED_SHAPES)} (커널 2×5, 편향 5, 커널 5×2, 편향 2)여야 하는데 ${render(shapes)}입니다. Dense(5, inputDim 2) 다음 Dense(2)인가요?`,
      en: `${call}: getWeights() should have shapes ${render(EXPECTED_SHAPES)} (kernel 2×5, bias 5, kernel 5×2, bias 2), got ${render(shapes)}. Is it Dense(5, inputDim 2) then Dense(2)?`,
    });
  const wrong = slideModelProblem(read.data, call);
  return wrong ? fail(wrong) : read;
}

/**
 * Dense(5, inputDim 2, 'normal', sigmoid) → Dense(2, 'normal', softmax), 15 + 12 = 27 parameters by
 * the judge's rebuild, and the initial weights those 'normal' layers draw after `setSeed(seed)`.
 */
export function judgeModelStructure(got: ModelData | UnreadableModel, seed: number): Verdict {
  const model = slideModel(got, seed);
  if (!('data' in model)) return model;
  const call = `setSeed(${seed}); makeModel()`;
  const rebuilt = buildModel(engine, model.data);
  if ('problem' in rebuilt) return failWith(rebuilt.problem, call);
  const drawn = buildModel(engine, model.data, { initialize: { seed } });
  if ('problem' in drawn) return failWith(drawn.problem, call);
  const initial = expectWeights(model.data.weights, weightsOf(drawn.model), {
    rtol: 1e-12,
    atol: 0,
    what: {
      ko: `${call}의 초기 가중치 (setSeed(${seed}) 뒤 'normal' (평균 0, 표준편차 0.05) 초기화가 뽑는 값)`,
      en: `the initial weights of ${call} (what the 'normal' initializers, mean 0 and std 0.05, draw after setSeed(${seed}))`,
    },
  });
  if (!initial.pass)
    return {
      ...initial,
      message: {
        ko: `${initial.message.ko} makeModel()은 new Sequential()로 만들어 setSeed의 난수를 쓰고 (Sequential에 따로 시드를 주지 마세요), 두 층 모두 kernelInitializer: 'normal'이어야 합니다.`,
        en: `${initial.message.en} makeModel() should build a plain new Sequential(), so setSeed decides its weights (no seed of its own), with kernelInitializer: 'normal' on both layers.`,
      },
    };
  const params = rebuilt.model.countParams();
  const counts = rebuilt.model.layers.map((l) => l.countParams()).join(' + ');
  return pass({
    ko: `Dense(5, sigmoid, normal) → Dense(2, softmax, normal), 파라미터 ${counts} = ${params}개 (채점기가 엔진으로 다시 만든 모델): 슬라이드와 같습니다.`,
    en: `Dense(5, sigmoid, normal) → Dense(2, softmax, normal), ${counts} = ${params} parameters (the grader's rebuild with the engine): as on the slide.`,
  });
}

/** What the compile probe sends: the model before one epoch of `fit`, and its weights after it. */
export interface CompileProbe {
  before: ModelData | UnreadableModel;
  after?: ModelData | UnreadableModel;
  /** What `fit` threw, when it did. */
  fitError?: string;
}

/** The `fit` options of the compile probe: one step on the whole XOR batch. */
export const ONE_STEP = { epochs: 1, batchSize: 4, shuffle: false, verbose: 0 } as const;

/** A name as written in either style: `'categorical_crossentropy'` and `'categoricalCrossentropy'` agree. */
const canonical = (name: unknown): string => String(name).replaceAll('_', '').toLowerCase();

/**
 * The compile settings the model reports (adam at its default learning rate, categorical
 * cross-entropy, accuracy), and the proof that they are its own: the weights after one epoch of `fit`
 * equal the judge's epoch from the same weights with those settings (Adam's first step,
 * −0.001·g / (|g| + 3.2e-6) for every weight).
 */
export function judgeModelCompile(got: CompileProbe, seed: number): Verdict {
  const model = slideModel(got.before, seed);
  if (!('data' in model)) return model;
  const { compile } = model.data;
  const call = 'makeModel()';
  if (compile === null)
    return fail({
      ko: `${call}이 돌려준 모델은 compile되지 않았습니다. return 전에 model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] })를 부르세요.`,
      en: `${call} returned a model that was never compiled. Call model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] }) before returning it.`,
    });
  const settings = describeCompile(compile);
  const lr = compile.optimizer.config.learningRate;
  if (canonical(compile.optimizer.className) !== 'adam' || lr !== 0.001)
    return fail({
      ko: `${call}: compile의 \`optimizer\`가 'adam' (Adam, 학습률 0.001)이어야 하는데 ${withParticle(settings, '이')} 나왔습니다.`,
      en: `${call}: compile's optimizer should be 'adam' (Adam, learning rate 0.001), got ${settings}.`,
    });
  if (canonical(compile.loss) !== 'categoricalcrossentropy')
    return fail({
      ko: `${call}: compile의 \`loss\`가 'categorical_crossentropy'여야 하는데 ${withParticle(render(compile.loss), '이')} 나왔습니다.`,
      en: `${call}: compile's loss should be 'categorical_crossentropy', got ${render(compile.loss)}.`,
    });
  if (!compile.metrics.includes('accuracy'))
    return fail({
      ko: `${call}: compile의 metrics에 'accuracy'가 있어야 하는데 ${withParticle(render(compile.metrics), '이')} 나왔습니다.`,
      en: `${call}: compile's metrics should include 'accuracy', got ${render(compile.metrics)}.`,
    });
  const what = {
    ko: `${call}을 fit(XOR_X, XOR_Y, { epochs: 1, batchSize: 4 }) 한 번 한 뒤의 가중치 (Adam의 첫 갱신: 가중치마다 −0.001·g / (|g| + 3.2e-6), g는 XOR 배치의 기울기)`,
    en: `the weights of ${call} after fit(XOR_X, XOR_Y, { epochs: 1, batchSize: 4 }) (Adam's first step: −0.001·g / (|g| + 3.2e-6) for every weight, g the XOR batch's gradient)`,
  };
  if (got.fitError !== undefined || got.after === undefined)
    return fail({
      ko: `${what.ko}: fit이 예외를 던졌습니다 (${got.fitError ?? '?'}).`,
      en: `For ${what.en}: fit threw (${got.fitError ?? '?'}).`,
    });
  const after = readModelData(got.after);
  if ('problem' in after) return failWith(after.problem, { ko: `${call}, fit 뒤`, en: `${call}, after fit` });
  const judge = buildModel(engine, model.data, { compile: true });
  if ('problem' in judge) return failWith(judge.problem, call);
  judge.model.fit(XOR_X, XOR_Y, ONE_STEP);
  const step = expectWeights(after.data.weights, weightsOf(judge.model), { rtol: 1e-9, atol: 1e-12, what });
  if (!step.pass) return step;
  return pass({
    ko: `${settings}: 손실은 categorical cross-entropy, metrics에 'accuracy', 첫 갱신도 Adam의 식 그대로입니다 (${describeLayers(model.data)}).`,
    en: `${settings}: the loss is categorical cross-entropy, accuracy is a metric, and the first update is Adam's first step (${describeLayers(model.data)}).`,
  });
}
