/**
 * The Keras-style model of the "TensorFlow – Keras 로 모델 만들기" slide, as built: its summary text
 * (one Dense layer, (None, 2), 6 params) and its settings (initializer, activation, compile options).
 */
import { allOf, check, expectEqual, fail, pass, type Verdict } from '@gradschool/exercise-kit';
import type * as Student from '../src/and-gate.js';

const c = check<typeof Student>();

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

const summaryCheck = c({
  id: 'model-summary',
  title: {
    ko: 'makeModel(): Dense(2) 한 층, 출력 (None, 2), 파라미터 6개',
    en: 'makeModel(): one Dense(2) layer, output (None, 2), 6 params',
  },
  points: 2,
  probe: (student) => {
    const model = student.makeModel(0);
    return { summary: model.summary({ print: false }), params: model.countParams() };
  },
  judge: (got): Verdict => {
    const text = typeof got?.summary === 'string' ? got.summary : '';
    const rows = summaryRows(text);
    const total = /Total params:\s*([\d,]+)/.exec(text)?.[1];
    const where = { ko: 'model.summary()', en: 'model.summary()' };
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
      expectEqual(row.layer.replace(/^\S+ /, ''), '(Dense)', {
        what: {
          ko: `${where.ko}의 층 종류 (${row.layer})`,
          en: `the layer type in ${where.en} (${row.layer})`,
        },
      }),
      expectEqual(row.shape, '(None, 2)', {
        what: {
          ko: `${where.ko}의 Output Shape (one-hot 목표값 [1, 0]/[0, 1]에는 출력 2개: Dense(2))`,
          en: `the Output Shape in ${where.en} (one-hot targets [1, 0]/[0, 1] need 2 outputs: Dense(2))`,
        },
      }),
      expectEqual(row.params, '6', {
        what: {
          ko: `${where.ko}의 Param # (2×2 가중치 + 2 bias)`,
          en: `the Param # in ${where.en} (2×2 weights + 2 biases)`,
        },
      }),
      expectEqual(total, '6', {
        what: { ko: `${where.ko}의 Total params`, en: `Total params in ${where.en}` },
      }),
      expectEqual(got?.params, 6, { what: { ko: 'model.countParams()', en: 'model.countParams()' } }),
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

const configCheck = c({
  id: 'model-config',
  title: {
    ko: "슬라이드의 설정: 'normal' 초기값, sigmoid, adam, binary cross entropy, accuracy",
    en: "The slide's settings: 'normal' initializer, sigmoid, adam, binary cross-entropy, accuracy",
  },
  points: 2,
  probe: (student) => {
    const model = student.makeModel(0);
    const specName = (spec: unknown) =>
      typeof spec === 'string'
        ? spec
        : ((spec as { name?: string; constructor?: { name?: string } })?.name ??
          (spec as object)?.constructor?.name);
    return {
      layers: model.layers.map((layer) => ({
        units: layer.units,
        inputShape: layer.inputShape,
        activation: layer.activationName,
        kernelInitializer: layer.kernelInitializer,
      })),
      optimizer: specName(model.compiled?.optimizerSpec),
      loss: specName(model.compiled?.lossSpec),
      metrics: model.compiled?.metrics ?? null,
    };
  },
  judge: (got): Verdict => {
    const layer = got?.layers?.[0];
    const line = (ko: string, en: string) => ({ ko: `makeModel(): ${ko}`, en: `makeModel(): ${en}` });
    if (got && got.optimizer == null && got.loss == null)
      return fail(
        {
          ko: "makeModel()이 돌려준 모델은 compile되지 않았습니다. 슬라이드처럼 return 전에 model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] })를 부르세요.",
          en: "makeModel() returned a model that was never compiled. As on the slide, call model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] }) before returning it.",
        },
        { expected: "compile({ optimizer: 'adam', … })", got: 'compile() 없음 / no compile()' },
      );
    const verdicts = [
      expectEqual(got?.layers?.length, 1, { what: line('층 수', 'the number of layers') }),
      expectEqual(layer?.units, 2, { what: line('Dense의 units', "Dense's units") }),
      expectEqual(layer?.inputShape, [2], {
        what: line('입력 크기 (inputDim: 2)', 'the input size (inputDim: 2)'),
      }),
      expectEqual(layer?.activation, 'sigmoid', { what: line('활성화 함수', 'the activation') }),
      // The engine may store the alias 'normal' under its canonical name 'randomNormal'.
      expectEqual(canonical(layer?.kernelInitializer).replace(/^randomnormal$/, 'normal'), 'normal', {
        what: line('kernelInitializer', 'the kernelInitializer'),
      }),
      expectEqual(canonical(got?.optimizer), 'adam', {
        what: line('compile의 optimizer', "compile's optimizer"),
      }),
      expectEqual(canonical(got?.loss), 'binarycrossentropy', {
        what: line('compile의 loss', "compile's loss"),
      }),
      expectEqual(got?.metrics?.includes('accuracy') ? 'accuracy' : got?.metrics, 'accuracy', {
        what: line(
          "compile의 metrics ('accuracy'가 있어야 함)",
          "compile's metrics (must include 'accuracy')",
        ),
      }),
    ];
    const verdict = allOf(verdicts);
    if (!verdict.pass) return verdict;
    return pass({
      ko: "Dense(2, inputDim 2, 'normal', sigmoid), adam, binary cross entropy, accuracy — 슬라이드와 같습니다.",
      en: "Dense(2, inputDim 2, 'normal', sigmoid), adam, binary cross-entropy, accuracy — as on the slide.",
    });
  },
});

/** The checks of the model as built. */
export const modelSetupChecks = [summaryCheck, configCheck];
