/**
 * The Keras-style model of the slides ("TensorFlow – Keras 로 모델 만들기", "학습 해보기"): its summary,
 * and training to accuracy 1.0. The engine's numbers cannot be replayed here, so the judge recomputes
 * the accuracy from the student's predictions (Keras' binary accuracy: every output on the right
 * side of 0.5) and checks that one seed always gives the same model.
 */
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  check,
  expectClose,
  expectEqual,
  fail,
  pass,
  render,
  type Verdict,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/and-gate.js';

const c = check<typeof Student>();

/** The slide's inputs and one-hot targets (0 → [1, 0], 1 → [0, 1]). */
const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [
  [1, 0],
  [1, 0],
  [1, 0],
  [0, 1],
];

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

/** Keras' binary accuracy of one prediction table against the one-hot targets. */
export function binaryAccuracy(pred: number[][]): number {
  let right = 0;
  for (const [i, row] of Y.entries())
    for (const [j, t] of row.entries()) if ((pred[i]?.[j] ?? Number.NaN) > 0.5 === (t === 1)) right++;
  return right / 8;
}

const trainedCheck = c({
  id: 'model-trained',
  title: {
    ko: 'trainModel(seed): 학습 후 정답률 1.0 (시드 2개), 같은 시드면 같은 결과',
    en: 'trainModel(seed): accuracy 1.0 after training (2 seeds), same seed, same result',
  },
  points: 4,
  timeLimitMs: 120_000,
  input: (ctx) => {
    const rng = new Rng(ctx.seed);
    const a = rng.int(2 ** 31);
    return [a, rng.int(2 ** 31), a];
  },
  probe: (student, seeds) =>
    seeds.map((seed) => {
      const { model, history } = student.trainModel(seed);
      return { pred: model.predict(X).toArray() as number[][], loss: [...(history?.loss ?? [])] };
    }),
  judge: (got, seeds) => {
    const verdicts = got.slice(0, 2).map((run, i) => {
      const what = {
        ko: `trainModel(${seeds[i]})의 model.predict(x)`,
        en: `model.predict(x) after trainModel(${seeds[i]})`,
      };
      const shape = expectClose(run?.pred?.length, 4, {
        what: { ko: `${what.ko}의 행 수`, en: `the rows of ${what.en}` },
      });
      if (!shape.pass) return shape;
      const acc = binaryAccuracy(run.pred);
      if (acc === 1) return pass();
      return fail(
        {
          ko: `${what.ko} = ${render(run.pred)}: 정답률(binary accuracy, 0.5 기준)이 1.0이어야 하는데 ${render(acc)}입니다 (목표값 ${render(Y)}). Epoch을 늘려 보세요 (슬라이드의 100은 겨우 경계에 닿습니다).`,
          en: `${what.en} = ${render(run.pred)}: the (binary, threshold 0.5) accuracy should be 1.0, got ${render(acc)} (targets ${render(Y)}). Train for more epochs (the slide's 100 barely reaches the boundary).`,
        },
        { expected: '정답률 / accuracy 1.0', got: `정답률 / accuracy ${render(acc)}` },
      );
    });
    verdicts.push(
      expectClose(got[2]?.pred, got[0]?.pred ?? [], {
        rtol: 1e-9,
        what: {
          ko: `trainModel(${seeds[0]})을 두 번 부른 결과 (난수는 seed에서만 얻으세요: new Sequential({ seed }))`,
          en: `trainModel(${seeds[0]}) called twice (take randomness only from the seed: new Sequential({ seed }))`,
        },
      }),
    );
    const verdict = allOf(verdicts);
    const ok = {
      ko: `두 시드 모두 정답률 1.0, 같은 시드는 같은 결과입니다. 예측: ${render(got[0]?.pred)}`,
      en: `Both seeds reach accuracy 1.0 and one seed gives one result. Predictions: ${render(got[0]?.pred)}`,
    };
    return {
      ...verdict,
      ...(verdict.pass ? { message: ok } : {}),
      chart: {
        title: { ko: 'Epoch별 손실 (binary cross entropy)', en: 'Loss per epoch (binary cross-entropy)' },
        series: got.slice(0, 2).map((run, i) => ({ name: `seed ${seeds[i]}`, values: run?.loss ?? [] })),
      },
    };
  },
});

/** The model checks, after the gate checks. */
export const modelChecks = [summaryCheck, configCheck, trainedCheck];
