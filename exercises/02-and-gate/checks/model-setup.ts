/**
 * The Keras-style model of the "TensorFlow – Keras 로 모델 만들기" slide, as built: its summary
 * (one Dense layer, (None, 2), 6 params) and its settings (initializer, activation, compile options).
 * Judges trust data, never objects: the probes send the model as data (`modelData`) and the judges
 * rebuild it with the engine, read the summary off their own copy, and check the settings by what
 * they do (the initial weights the seed draws, one epoch of `fit`).
 */
import * as engine from '@gradschool/autograd';
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  buildModel,
  check,
  expectEqual,
  expectWeights,
  fail,
  isNotImplemented,
  type Localized,
  type ModelData,
  modelData,
  pass,
  readModelData,
  type UnreadableModel,
  type Verdict,
  weightsOf,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/and-gate.js';
import { KERAS_X, KERAS_Y } from './model-training.js';

const c = check<typeof Student>();

/** `call: problem`; a `call` that has words in it comes in both languages. */
const prefixed = (call: string | Localized, problem: Localized): Verdict => {
  const at = typeof call === 'string' ? { ko: call, en: call } : call;
  return fail({ ko: `${at.ko}: ${problem.ko}`, en: `${at.en}: ${problem.en}` });
};

/** The layer rows of a Keras summary: `name (Class)`, output shape, params. */
export function summaryRows(text: string): { layer: string; shape: string; params: string }[] {
  return text
    .split('\n')
    .filter((line) => /\(\w+\)\s{2,}\(/.test(line))
    .map((line) => {
      const [layer = '', shape = '', params = ''] = line.trim().split(/\s{2,}/);
      return { layer, shape, params };
    });
}

/** The summary and parameter count of the model `got` describes, from the judge's rebuild. */
const summaryCheck = c({
  id: 'model-summary',
  title: {
    ko: 'makeModel(): Dense(2) 한 층, 출력 (None, 2), 파라미터 6개',
    en: 'makeModel(): one Dense(2) layer, output (None, 2), 6 params',
  },
  points: 2,
  input: (ctx) => new Rng(ctx.seed).int(1_000_000),
  // The model as data: the judge rebuilds it with the engine and reads the summary off its own copy.
  probe: (student, seed) => modelData(student.makeModel(seed)),
  judge: (got, seed): Verdict => {
    const call = `makeModel(${seed})`;
    const read = readModelData(got);
    if ('problem' in read) return prefixed(call, read.problem);
    const built = buildModel(engine, read.data);
    if ('problem' in built) return prefixed(call, built.problem);
    const text = built.model.summary({ print: false });
    const rows = summaryRows(text);
    const total = /Total params:\s*([\d,]+)/.exec(text)?.[1];
    const where = {
      ko: `${call}의 summary() (채점기가 그 층과 가중치로 다시 만든 모델)`,
      en: `the summary() of ${call} (the grader's rebuild from its layers and weights)`,
    };
    if (rows.length !== 1)
      return fail(
        {
          ko: `${where.ko}: 층이 하나(Dense)여야 하는데 ${rows.length}개 보입니다:\n${text}`,
          en: `${where.en}: expected one layer (Dense), found ${rows.length}:\n${text}`,
        },
        { expected: '1', got: String(rows.length) },
      );
    const row = rows[0]!;
    const verdict = allOf([
      expectEqual(row.shape, '(None, 2)', {
        what: {
          ko: `${where.ko}의 Output Shape (one-hot 목표값 [1, 0]/[0, 1]에는 출력 2개: Dense(2))`,
          en: `the Output Shape in ${where.en} (one-hot targets [1, 0]/[0, 1] need 2 outputs: Dense(2))`,
        },
      }),
      expectEqual(row.params, '6', {
        what: {
          ko: `${where.ko}의 Param # (2×2 가중치 + 편향 2개)`,
          en: `the Param # in ${where.en} (2×2 weights + 2 biases)`,
        },
      }),
      expectEqual(total, '6', {
        what: { ko: `${where.ko}의 Total params`, en: `Total params in ${where.en}` },
      }),
    ]);
    if (!verdict.pass) return verdict;
    return pass({
      ko: `${row.layer} ${row.shape} ${row.params}, Total params: 6 — 슬라이드의 코드 Dense(2)와 맞습니다.`,
      en: `${row.layer} ${row.shape} ${row.params}, Total params: 6 — as the slide's code Dense(2) builds it.`,
    });
  },
});

/** A name as written in either style: `'binary_crossentropy'` and `'binaryCrossentropy'` agree. */
const canonical = (name: unknown): string => String(name).replaceAll('_', '').toLowerCase();

/**
 * `got` names `want` in either style; when it does not, the message quotes the name as the student
 * wrote it (`'mse'`), never the folded form the comparison uses (`'binarycrossentropy'`).
 */
const expectName = (got: unknown, want: string, opts: Parameters<typeof expectEqual>[2]) =>
  expectEqual(canonical(got) === canonical(want) ? want : got, want, opts);

/** What the settings probe sends: the model before one epoch of `fit`, and after it. */
export interface SettingsProbe {
  before: ModelData | UnreadableModel;
  after?: ModelData | UnreadableModel;
  /** What `fit` threw, when it did. */
  fitError?: string;
}

/**
 * The settings the model reports, and the proof that they are its own: its initial weights are what
 * `new Sequential({ seed })` with 'normal' draws, and one epoch of `fit` moves them as the judge's
 * epoch with those settings does.
 */
const configCheck = c({
  id: 'model-config',
  title: {
    ko: "슬라이드의 설정: 'normal' 초기값, sigmoid, Adam, binary cross entropy, 'accuracy'",
    en: "The slide's settings: 'normal' initializer, sigmoid, adam, binary cross-entropy, accuracy",
  },
  points: 2,
  input: (ctx) => new Rng(ctx.seed).int(1_000_000),
  probe: (student, seed): SettingsProbe => {
    const model = student.makeModel(seed);
    const before = modelData(model);
    try {
      model.fit(KERAS_X, KERAS_Y, { epochs: 1, verbose: 0 });
    } catch (error) {
      if (isNotImplemented(error)) throw error;
      return { before, fitError: String(error) };
    }
    return { before, after: modelData(model) };
  },
  judge: (got, seed): Verdict => {
    const call = `makeModel(${seed})`;
    const read = readModelData(got.before);
    if ('problem' in read) return prefixed(call, read.problem);
    const { data } = read;
    const layer = data.layers[0];
    const line = (ko: string, en: string) => ({ ko: `${call}: ${ko}`, en: `${call}: ${en}` });
    if (data.compile === null)
      return fail(
        {
          ko: `${call}이 돌려준 모델은 compile되지 않았습니다. 슬라이드처럼 return 전에 model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] })를 부르세요.`,
          en: `${call} returned a model that was never compiled. As on the slide, call model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] }) before returning it.`,
        },
        { expected: "compile({ optimizer: 'adam', … })", got: 'null' },
      );
    const { optimizer, loss, metrics } = data.compile;
    const settings = allOf([
      expectEqual(data.layers.length, 1, { what: line('층 수', 'the number of layers') }),
      expectEqual(layer?.units, 2, { what: line('Dense의 units', "Dense's units") }),
      expectEqual(layer?.inputShape, [2], {
        what: line('입력 크기 (inputDim: 2)', 'the input size (inputDim: 2)'),
      }),
      expectEqual(layer?.activation, 'sigmoid', { what: line('활성화 함수', 'the activation') }),
      // The engine stores the alias 'normal' under its canonical name 'randomNormal'.
      expectEqual(canonical(layer?.kernelInitializer).replace(/^randomnormal$/, 'normal'), 'normal', {
        what: line('kernelInitializer', 'the kernelInitializer'),
      }),
      expectName(optimizer.className, 'adam', {
        what: line('compile의 `optimizer`', "compile's optimizer"),
      }),
      expectEqual(optimizer.config.learningRate, 0.001, {
        what: line(
          "compile의 `optimizer`의 learningRate ('adam'의 기본값)",
          "compile's learning rate ('adam''s default)",
        ),
      }),
      expectName(loss, 'binary_crossentropy', {
        what: line('compile의 `loss`', "compile's loss"),
      }),
      expectEqual(metrics.includes('accuracy') ? 'accuracy' : metrics, 'accuracy', {
        what: line(
          "compile의 metrics ('accuracy'가 있어야 함)",
          "compile's metrics (must include 'accuracy')",
        ),
      }),
    ]);
    if (!settings.pass) return settings;
    const drawn = buildModel(engine, data, { initialize: { seed } });
    if ('problem' in drawn) return prefixed(call, drawn.problem);
    const initial = expectWeights(data.weights, weightsOf(drawn.model), {
      rtol: 1e-12,
      atol: 0,
      what: {
        ko: `${call}의 초기 가중치 (new Sequential({ seed: ${seed} })에 'normal' 초기화가 뽑는 값: 난수는 시드에서만)`,
        en: `the initial weights of ${call} (what new Sequential({ seed: ${seed} }) with 'normal' draws: randomness only from the seed)`,
      },
    });
    if (!initial.pass) return initial;
    const what = {
      ko: `${call}을 fit(KERAS_X, KERAS_Y, { epochs: 1 }) 한 번 한 뒤의 가중치 (Adam과 binary cross entropy로 한 번 갱신)`,
      en: `the weights of ${call} after fit(KERAS_X, KERAS_Y, { epochs: 1 }) (one step of adam on binary cross-entropy)`,
    };
    if (got.fitError !== undefined || got.after === undefined)
      return fail({
        ko: `${what.ko}: fit이 예외를 던졌습니다 (${got.fitError ?? '?'}).`,
        en: `For ${what.en}: fit threw (${got.fitError ?? '?'}).`,
      });
    const after = readModelData(got.after);
    if ('problem' in after)
      return prefixed({ ko: `${call}, fit 뒤`, en: `${call}, after fit` }, after.problem);
    const judge = buildModel(engine, data, { compile: true });
    if ('problem' in judge) return prefixed(call, judge.problem);
    judge.model.fit(KERAS_X, KERAS_Y, { epochs: 1, verbose: 0 });
    const step = expectWeights(after.data.weights, weightsOf(judge.model), { rtol: 1e-9, atol: 1e-12, what });
    if (!step.pass) return step;
    return pass({
      ko: "Dense(2, inputDim 2, 'normal', sigmoid), Adam, binary cross entropy, 'accuracy' — 슬라이드와 같고, 초기 가중치와 첫 갱신도 그 설정 그대로입니다.",
      en: "Dense(2, inputDim 2, 'normal', sigmoid), adam, binary cross-entropy, accuracy — as on the slide, and the initial weights and first update follow those settings.",
    });
  },
});

/** The checks of the model as built. */
export const modelSetupChecks = [summaryCheck, configCheck];
