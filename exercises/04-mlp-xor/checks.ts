/**
 * Checks of exercise 04 (XOR, the MLP by hand and with the engine, gradient vanishing). Trusted
 * code: `input` and `judge` run in the grader, `probe` in the sandbox. Expected values come from the
 * judge's own math in `checks/math.ts` (central differences, its own forward pass) and its own runs of
 * the trusted engine in `checks/replay.ts`, never from `solution/`. The engine checks' probes send the
 * models as data (`modelData`): judges trust data, never objects.
 */
import { Rng, setSeed } from '@gradschool/autograd';
import {
  allOf,
  type Contract,
  check,
  defineChecks,
  expectClose,
  expectReturn,
  fail,
  isClose,
  isNotImplemented,
  type Localized,
  lossHistory,
  modelData,
  render,
  type Verdict,
} from '@gradschool/exercise-kit';
import {
  GRAD_NORM_TIME_LIMIT_MS,
  gradNormInput,
  gradNormProbe,
  judgeGradientVanishing,
  judgeSingleLayer,
  judgeTrainXor,
  type SingleLayerProbe,
  type TrainProbe,
} from './checks/engine-verdicts.js';
import {
  mlpForward,
  numericGradients,
  type PARAM_NAMES,
  type Params,
  randomParams,
  randomSample,
  sigmoid,
  XOR_X,
  XOR_Y,
} from './checks/math.js';
import {
  type CompileProbe,
  judgeModelCompile,
  judgeModelStructure,
  ONE_STEP,
} from './checks/model-verdicts.js';
import type * as Student from './src/mlp.js';

interface ForwardCase {
  params: Params;
  x: number[];
}

interface BackwardCase extends ForwardCase {
  target: number[];
}

/** Random networks: the slides' 2-2-2 (where W and Wᵀ have the same shape) and odd sizes. */
function forwardCases(seed: number): BackwardCase[] {
  const rng = new Rng(seed);
  const sizes: [number, number, number][] = [
    [2, 2, 2],
    [2, 5, 2],
    [3, 4, 2],
    [2 + rng.int(3), 2 + rng.int(5), 2 + rng.int(3)],
  ];
  return sizes.map(([input, hidden, output]) => ({
    params: randomParams(rng, input, hidden, output),
    ...randomSample(rng, input, output),
  }));
}

const shapesOf = (p: Params) =>
  `W1 [${p.W1.length}][${p.W1[0]?.length}], B1 [${p.B1.length}], W2 [${p.W2.length}][${p.W2[0]?.length}], B2 [${p.B2.length}]`;

const forwardWhat = ({ params, x }: ForwardCase, part: string): Localized => {
  const text = `forward(params, x = ${render(x)}).${part} — ${shapesOf(params)}, params = ${render(params)}`;
  return { ko: text, en: text };
};

/** Every gradient of one backward case against the judge's central differences. */
function judgeBackward(
  got: Params | undefined,
  c: BackwardCase,
  names: readonly (typeof PARAM_NAMES)[number][],
) {
  const numeric = numericGradients(c.params, c.x, c.target);
  return names.map((name) => {
    const text = `backward(params, x = ${render(c.x)}, target = ${render(c.target)}).${name} — ${shapesOf(c.params)}, params = ${render(c.params)}`;
    const verdict = expectClose(got?.[name], numeric[name], {
      rtol: 1e-4,
      atol: 1e-7,
      what: { ko: text, en: text },
    });
    return name === 'W1' || name === 'B1' ? withSigmoidHint(verdict, got?.[name], c, name) : verdict;
  });
}

/**
 * The most common mistake in the hidden layer: ∂L/∂N passed on as ∂L/∂z₁, without σ'(z₁) = n(1 − n).
 * When the student's W1 or B1 equals that gradient, the message says so.
 */
function withSigmoidHint(verdict: Verdict, got: unknown, c: BackwardCase, name: 'W1' | 'B1'): Verdict {
  if (verdict.pass) return verdict;
  const { n, y } = mlpForward(c.params, c.x);
  const dz2 = y.map((yk, k) => yk - c.target[k]!);
  const dn = n.map((_, j) => c.params.W2[j]!.reduce((acc, w, k) => acc + w * dz2[k]!, 0));
  const withoutDerivative = name === 'B1' ? dn : dn.map((d) => c.x.map((xi) => d * xi));
  const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flat() : []);
  const mine = flat(got);
  const wrong = flat(withoutDerivative) as number[];
  const same =
    mine.length === wrong.length &&
    mine.every((v, i) => typeof v === 'number' && isClose(v, wrong[i]!, 1e-6, 1e-9));
  if (!same) return verdict;
  return {
    ...verdict,
    message: {
      ko: `${verdict.message.ko} sigmoid의 미분을 빠뜨린 값입니다: ∂L/∂z₁ⱼ = ∂L/∂n_j · n_j(1 − n_j).`,
      en: `${verdict.message.en} This is the value without the sigmoid's derivative: ∂L/∂z₁ⱼ = ∂L/∂n_j · n_j(1 − n_j).`,
    },
  };
}

/** What the slides' W1 is: the hint for the most common mistake, W1 read as Keras' [input][hidden] kernel. */
const W1_LAYOUT: Localized = {
  ko: 'W1의 모양은 [hidden][input]입니다: W1[j][i]가 입력 x_i에서 은닉 노드 n_j로 가는 가중치이고, n_j = sigmoid(Σᵢ W1[j][i]·x_i + B1[j])입니다 (Keras의 kernel [input][hidden]과 반대).',
  en: "W1 has the shape [hidden][input]: W1[j][i] is the weight from input x_i into hidden node n_j, and n_j = sigmoid(Σᵢ W1[j][i]·x_i + B1[j]) (the transpose of Keras' [input][hidden] kernel).",
};

/** The hidden layer of one case: a throw or the W1-transposed result get the layout hint. */
function judgeHidden(got: { n?: unknown; threw?: string } | undefined, c: ForwardCase): Verdict {
  const what = forwardWhat(c, 'n');
  if (got?.threw !== undefined)
    return fail({
      ko: `${what.ko}: 예외가 발생했습니다 (${got.threw}). ${W1_LAYOUT.ko}`,
      en: `${what.en}: it threw (${got.threw}). ${W1_LAYOUT.en}`,
    });
  const verdict = expectClose(got?.n, mlpForward(c.params, c.x).n, { what });
  const { W1, B1 } = c.params;
  if (verdict.pass || W1.length !== c.x.length) return verdict;
  const transposed = B1.map((b, j) => sigmoid(c.x.reduce((acc, xi, i) => acc + W1[i]![j]! * xi, b)));
  const mine = Array.isArray(got?.n) ? (got.n as unknown[]) : [];
  const same =
    mine.length === transposed.length &&
    mine.every((v, j) => typeof v === 'number' && isClose(v, transposed[j]!));
  return same
    ? {
        ...verdict,
        message: { ko: `${verdict.message.ko} ${W1_LAYOUT.ko}`, en: `${verdict.message.en} ${W1_LAYOUT.en}` },
      }
    : verdict;
}

/** The README's contracts: `forward` returns `{ n, y }`, `backward` gradients shaped like `params`. */
const forwardContract = ({ params }: ForwardCase): Contract => ({
  type: 'object',
  fields: { n: { type: 'array', length: params.B1.length }, y: { type: 'array', length: params.B2.length } },
});
const backwardContract = ({ params }: ForwardCase): Contract => ({
  type: 'object',
  fields: {
    W1: { type: 'matrix', rows: params.W1.length, cols: params.W1[0]!.length },
    B1: { type: 'array', length: params.B1.length },
    W2: { type: 'matrix', rows: params.W2.length, cols: params.W2[0]!.length },
    B2: { type: 'array', length: params.B2.length },
  },
});

/** The first of a probe's numbers (`values`, from calls of `fn`) that is not a number, told as `fn`'s contract. */
function firstNotANumber(values: unknown[], fn: string): Verdict | null {
  const bad = values.findIndex((v) => typeof v !== 'number');
  return bad < 0 ? null : expectReturn(values[bad], fn, { type: 'number' });
}

const TRAIN_TIME_LIMIT_MS = 90_000;

/** Infers each check's input and output types from its `input` and `probe`. */
const c = check<typeof Student>();

export default defineChecks<typeof Student>([
  c({
    id: 'forward-hidden-layer',
    title: {
      ko: '순전파: 은닉층 N = sigmoid(W1·x + B1)',
      en: 'Forward: the hidden layer N = sigmoid(W1·x + B1)',
    },
    points: 2,
    input: (ctx) => forwardCases(ctx.seed),
    // Each case on its own, so a throw (W1 read as [input][hidden] overruns a non-square W1) names its input.
    probe: (student, cases) =>
      cases.map(({ params, x }) => {
        try {
          return { returned: student.forward(params, x) };
        } catch (error) {
          if (isNotImplemented(error)) throw error;
          return { threw: String(error) };
        }
      }),
    judge: (got, cases) =>
      allOf(
        cases.map((c, i) => {
          const out = got[i];
          if (out?.threw !== undefined) return judgeHidden(out, c);
          const broken = expectReturn(out?.returned, 'forward', forwardContract(c), {
            what: forwardWhat(c, 'n'),
          });
          return broken ?? judgeHidden({ n: (out?.returned as { n?: unknown } | undefined)?.n }, c);
        }),
      ),
  }),
  c({
    id: 'forward-output',
    title: { ko: '순전파: 출력 y = softmax(W2ᵀ·N + B2)', en: 'Forward: the output y = softmax(W2ᵀ·N + B2)' },
    points: 2,
    // y is computed from N: a wrong hidden layer is named first, not re-reported here.
    dependsOn: ['forward-hidden-layer'],
    input: (ctx) => forwardCases(ctx.seed),
    probe: (student, cases) => cases.map(({ params, x }) => student.forward(params, x)),
    judge: (got, cases) =>
      allOf(
        cases.map((c, i) => {
          const what = forwardWhat(c, 'y');
          return (
            expectReturn(got[i], 'forward', forwardContract(c), { what }) ??
            expectClose(got[i]?.y, mlpForward(c.params, c.x).y, { what })
          );
        }),
      ),
  }),
  c({
    id: 'backward-output-layer',
    title: { ko: '역전파: 출력층의 기울기 (W2, B2)', en: 'Back propagation: the output layer (W2, B2)' },
    points: 2,
    // backward runs forward first (the README's skeleton does): fix forward first, then this.
    dependsOn: ['forward-output'],
    input: (ctx) => forwardCases(ctx.seed),
    probe: (student, cases) => cases.map(({ params, x, target }) => student.backward(params, x, target)),
    judge: (got, cases) =>
      allOf(
        cases.flatMap((c, i) => {
          const text = `backward(params, x = ${render(c.x)}, target = ${render(c.target)}) — ${shapesOf(c.params)}`;
          const broken = expectReturn(got[i], 'backward', backwardContract(c), {
            what: { ko: text, en: text },
          });
          return broken ? [broken] : judgeBackward(got[i], c, ['W2', 'B2']);
        }),
      ),
  }),
  c({
    id: 'backward-hidden-layer',
    title: { ko: '역전파: 은닉층의 기울기 (W1, B1)', en: 'Back propagation: the hidden layer (W1, B1)' },
    points: 3,
    dependsOn: ['forward-output'],
    input: (ctx) => forwardCases(ctx.seed),
    probe: (student, cases) => cases.map(({ params, x, target }) => student.backward(params, x, target)),
    judge: (got, cases) =>
      allOf(
        cases.flatMap((c, i) => {
          const text = `backward(params, x = ${render(c.x)}, target = ${render(c.target)}) — ${shapesOf(c.params)}`;
          const broken = expectReturn(got[i], 'backward', backwardContract(c), {
            what: { ko: text, en: text },
          });
          return broken ? [broken] : judgeBackward(got[i], c, ['W1', 'B1']);
        }),
      ),
  }),
  c({
    id: 'make-model-structure',
    title: {
      ko: '모델 구현: 구조와 summary (15 / 12 / 27)',
      en: 'The model: structure and summary (15 / 12 / 27)',
    },
    points: 3,
    timeLimitMs: 20_000,
    input: (ctx) => new Rng(ctx.seed).int(1_000_000),
    // The model as data: the judge rebuilds it and counts its parameters itself (judges trust data).
    probe: (student, seed) => {
      setSeed(seed);
      return modelData(student.makeModel());
    },
    judge: (got, seed) => judgeModelStructure(got, seed),
  }),
  c({
    id: 'make-model-compile',
    title: {
      ko: "모델 구현: compile (Adam, categorical cross-entropy, 'accuracy')",
      en: 'The model: compile (adam, categorical cross-entropy, accuracy)',
    },
    points: 2,
    timeLimitMs: 20_000,
    input: (ctx) => new Rng(ctx.seed).int(1_000_000),
    // The model as data before and after one epoch: the judge repeats that epoch with the engine.
    probe: (student, seed): CompileProbe => {
      setSeed(seed);
      const model = student.makeModel();
      const before = modelData(model);
      try {
        model.fit(XOR_X, XOR_Y, ONE_STEP);
      } catch (error) {
        if (isNotImplemented(error)) throw error;
        return { before, fitError: String(error) };
      }
      return { before, after: modelData(model) };
    },
    judge: (got, seed) => judgeModelCompile(got, seed),
  }),
  c({
    id: 'train-xor',
    // Its outcome depends on randomness: graded with the run's seed and two derived from it.
    seeds: 3,
    title: { ko: 'XOR 학습: 정답률 1.0 (여러 시드)', en: 'Training on XOR: accuracy 1.0 (several seeds)' },
    points: 4,
    dependsOn: ['make-model-structure'],
    timeLimitMs: TRAIN_TIME_LIMIT_MS,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return [rng.int(1_000_000), rng.int(1_000_000), rng.int(1_000_000)];
    },
    probe: (student, seeds) =>
      seeds.map((seed): TrainProbe => {
        const { model, history } = student.trainXor(seed);
        return { seed, model: modelData(model), loss: lossHistory(history) };
      }),
    judge: (got) => judgeTrainXor(got),
  }),
  c({
    id: 'single-layer-cannot',
    // Its outcome depends on randomness: graded with the run's seed and two derived from it.
    seeds: 3,
    title: { ko: '단층 신경망은 XOR을 못 푼다', en: 'A single layer cannot solve XOR' },
    points: 2,
    timeLimitMs: TRAIN_TIME_LIMIT_MS,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return [rng.int(1_000_000), rng.int(1_000_000)];
    },
    probe: (student, seeds) =>
      seeds.map((seed): SingleLayerProbe => {
        const { model, history, accuracy } = student.singleLayerAccuracy(seed);
        return { seed, accuracy, model: modelData(model), loss: lossHistory(history) };
      }),
    judge: (got) =>
      got.reduce<Verdict | null>(
        (broken, run) =>
          broken ??
          expectReturn({ accuracy: run?.accuracy }, 'singleLayerAccuracy', {
            type: 'object',
            fields: { accuracy: { type: 'number' } },
          }),
        null,
      ) ?? judgeSingleLayer(got),
  }),
  c({
    id: 'gradient-vanishing',
    title: {
      ko: 'Gradient Vanishing: sigmoid와 ReLU의 첫 층 기울기',
      en: "Gradient vanishing: the first layer's gradient, sigmoid vs ReLU",
    },
    points: 3,
    timeLimitMs: GRAD_NORM_TIME_LIMIT_MS,
    input: (ctx) => gradNormInput(ctx.seed),
    probe: (student, input) => gradNormProbe(student, input),
    judge: (got, input) =>
      firstNotANumber(
        got.flatMap((run) => [...(run?.sigmoid ?? []), ...(run?.relu ?? [])]),
        'firstLayerGradNorm',
      ) ?? judgeGradientVanishing(got, input),
  }),
]);
