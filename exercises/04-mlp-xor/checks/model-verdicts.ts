/**
 * Judging `makeModel()` (exercise 04): its structure against the slide "모델 구현", and its compile
 * settings from what the model does (the loss `evaluate` reports, the size of Adam's first step).
 */
import type { Tensor } from '@gradschool/autograd';
import { allOf, expectClose, fail, pass, render, type Verdict } from '@gradschool/exercise-kit';
import {
  argmaxRows,
  categoricalCrossentropy,
  kerasBatchGradients,
  kerasMlpPredict,
  XOR_CLASS,
  XOR_X,
  XOR_Y,
} from './math.js';

/** A tensor as plain data for the trip out of the sandbox. */
export interface PlainTensor {
  shape: number[];
  data: number[];
}

export function toPlain(t: Tensor): PlainTensor {
  return { shape: [...t.shape], data: Array.from(t.data) };
}

export interface StructureProbe {
  summary: string;
  countParams: number;
  weights: PlainTensor[];
  predictions: number[][];
}

const EXPECTED_SHAPES = [[2, 5], [5], [5, 2], [2]];

/** Dense(5, inputDim 2, 'normal', sigmoid) → Dense(2, 'normal', softmax); summary 15 / 12 / 27. */
export function judgeModelStructure(got: StructureProbe): Verdict {
  const shapes = got.weights.map((w) => w.shape);
  if (render(shapes) !== render(EXPECTED_SHAPES)) {
    return fail({
      ko: `getWeights()의 모양이 ${render(EXPECTED_SHAPES)} (kernel 2×5, bias 5, kernel 5×2, bias 2)여야 하는데 ${render(shapes)}입니다. Dense(5, inputDim 2) 다음 Dense(2)인가요?`,
      en: `getWeights() should have shapes ${render(EXPECTED_SHAPES)} (kernel 2×5, bias 5, kernel 5×2, bias 2), got ${render(shapes)}. Is it Dense(5, inputDim 2) then Dense(2)?`,
    });
  }
  const summaryOk = [/\b15\b/, /\b12\b/, /Total params:\s*27\b/].every((re) => re.test(got.summary));
  if (got.countParams !== 27 || !summaryOk) {
    return fail({
      ko: `countParams()는 27, summary에는 15, 12, "Total params: 27"이 있어야 합니다. countParams() = ${got.countParams}, summary:\n${got.summary}`,
      en: `countParams() should be 27 and the summary should show 15, 12 and "Total params: 27". countParams() = ${got.countParams}, summary:\n${got.summary}`,
    });
  }
  const [k1, b1, k2, b2] = got.weights;
  const kernels = [...k1!.data, ...k2!.data];
  const biases = [...b1!.data, ...b2!.data];
  const spread = Math.max(...kernels) - Math.min(...kernels);
  if (kernels.some((w) => Math.abs(w) > 0.3) || spread === 0 || biases.some((b) => b !== 0)) {
    return fail({
      ko: `kernelInitializer가 'normal'(Keras: 평균 0, 표준편차 0.05의 정규분포)이라면 모든 kernel 값이 |w| < 0.3, bias는 0이어야 합니다. 두 층 모두 'normal'인가요? kernel: ${render(kernels)}, bias: ${render(biases)}`,
      en: `With kernelInitializer 'normal' (Keras: normal, mean 0, std 0.05) every kernel value has |w| < 0.3 and biases are 0. Are both layers 'normal'? kernels: ${render(kernels)}, biases: ${render(biases)}`,
    });
  }
  const expected = kerasMlpPredict(got.weights, XOR_X);
  const verdict = expectClose(got.predictions, expected, {
    rtol: 1e-6,
    atol: 1e-9,
    what: {
      ko: `predict(XOR 입력)을 이 가중치로 계산한 sigmoid → softmax와 비교`,
      en: `predict(XOR inputs) compared with sigmoid → softmax computed from these weights`,
    },
  });
  if (!verdict.pass) {
    const hint = {
      ko: ' 활성화 함수가 은닉층 sigmoid, 출력층 softmax인지 확인하세요.',
      en: ' Check the activations: sigmoid in the hidden layer, softmax at the output.',
    };
    return { ...verdict, message: { ko: verdict.message.ko + hint.ko, en: verdict.message.en + hint.en } };
  }
  return pass({
    ko: 'Dense(5, sigmoid, normal) → Dense(2, softmax, normal), 파라미터 15 + 12 = 27개: 슬라이드와 같습니다.',
    en: 'Dense(5, sigmoid, normal) → Dense(2, softmax, normal), 15 + 12 = 27 parameters: as on the slide.',
  });
}

export interface CompileProbe {
  predictions: number[][];
  evaluated: Record<string, number>;
  /** The weights before one epoch of one batch, and every parameter's change in it (Keras order). */
  before: PlainTensor[];
  steps: number[];
}

/**
 * Adam's first step (Keras 3, lr 0.001, β1 0.9, β2 0.999, ε 1e-7): m = 0.1·g, v = 0.001·g²,
 * α = lr·√(1 − β2) / (1 − β1), Δ = −α·m / (√v + ε) = −lr·g / (|g| + ε/√0.001). About 0.001 for every
 * weight whose gradient is not tiny; plain SGD would move by lr·g instead.
 */
export function adamFirstStep(g: number, lr = 0.001): number {
  const m = 0.1 * g;
  const v = 0.001 * g * g;
  const alpha = (lr * Math.sqrt(0.001)) / 0.1;
  return (-alpha * m) / (Math.sqrt(v) + 1e-7);
}

export function judgeModelCompile(got: CompileProbe): Verdict {
  const lossVerdict = expectClose(got.evaluated.loss, categoricalCrossentropy(XOR_Y, got.predictions), {
    rtol: 1e-5,
    what: {
      ko: `evaluate(XOR).loss와 이 예측 ${render(got.predictions)}의 categorical cross-entropy 비교 (loss가 'categorical_crossentropy'인가요?)`,
      en: `evaluate(XOR).loss vs the categorical cross-entropy of the predictions ${render(got.predictions)} (is the loss 'categorical_crossentropy'?)`,
    },
  });
  const predicted = argmaxRows(got.predictions);
  const accuracy = predicted.filter((c, i) => c === XOR_CLASS[i]).length / XOR_CLASS.length;
  const accuracyVerdict =
    typeof got.evaluated.accuracy === 'number'
      ? expectClose(got.evaluated.accuracy, accuracy, {
          what: { ko: 'evaluate(XOR).accuracy', en: 'evaluate(XOR).accuracy' },
        })
      : fail({
          ko: `evaluate() 결과에 accuracy가 없습니다 (${render(got.evaluated)}). compile의 metrics: ['accuracy']를 확인하세요.`,
          en: `evaluate() has no accuracy (${render(got.evaluated)}). Check compile's metrics: ['accuracy'].`,
        });
  const expectedSteps = kerasBatchGradients(got.before).map((g) => adamFirstStep(g));
  const stepVerdict = expectClose(got.steps, expectedSteps, {
    rtol: 1e-3,
    atol: 1e-7,
    what: {
      ko: "fit 1 Epoch 동안 weight의 변화량 (Adam의 첫 걸음 −0.001·g / (|g| + 3.2e-6), g는 XOR 배치의 기울기; optimizer가 'adam'인가요?)",
      en: "the weights' change in one epoch of fit (Adam's first step −0.001·g / (|g| + 3.2e-6), g the XOR batch's gradient; is the optimizer 'adam'?)",
    },
  });
  const verdict = allOf([lossVerdict, accuracyVerdict, stepVerdict]);
  return verdict.pass
    ? pass({
        ko: 'loss는 categorical cross-entropy, metrics에 accuracy, 첫 갱신은 Adam의 첫 걸음과 같습니다.',
        en: "The loss is categorical cross-entropy, accuracy is a metric, and the first update is Adam's first step.",
      })
    : verdict;
}
