/**
 * softmaxTensor: softmax from the engine's ops, its values and the gradient that reaches x.
 */
import { Rng, Tensor, tensor } from '@gradschool/autograd';
import {
  allOf,
  check,
  expectClose,
  expectReturn,
  fail,
  render,
  type Verdict,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/softmax.js';
import { randomMatrix, refSoftmax, softmaxGradient } from './math.js';
import { code } from './text.js';

/** What the probe returns when the student's softmaxTensor called the engine's own softmax. */
interface Thrown {
  threw: string;
}

/** Infers each check's input and output types from its `input` and `probe`. */
const c = check<typeof Student>();

export const tensorChecks = [
  c({
    id: 'softmax-tensor-values',
    title: {
      ko: 'softmaxTensor: 값 (1차원, 2차원, 큰 입력)',
      en: 'softmaxTensor: values (1-D, 2-D, large inputs)',
    },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return [[1, 1, 2], [1000, 1001, 1002], randomMatrix(rng, 3, 4, -5, 5)] as (number[] | number[][])[];
    },
    probe: (student, cases) =>
      withoutBuiltinSoftmax(() => cases.map((x) => sent(student.softmaxTensor(tensor(x))))),
    judge: (got, cases) => {
      if (isThrown(got)) return builtinSoftmaxVerdict(got);
      return allOf(
        cases.map((x, i) => {
          const what = code(`softmaxTensor(tensor(${render(x)}))`);
          const expected = Array.isArray(x[0])
            ? (x as number[][]).map(refSoftmax)
            : refSoftmax(x as number[]);
          const shape = Array.isArray(x[0]) ? [x.length, (x[0] as number[]).length] : [x.length];
          return (
            expectReturn(got[i], 'softmaxTensor', { type: 'tensor', shape }, { what }) ??
            expectClose(got[i], expected, { what })
          );
        }),
      );
    },
  }),
  c({
    id: 'softmax-tensor-gradient',
    title: { ko: 'softmaxTensor: 기울기가 x까지 전달됨', en: 'softmaxTensor: gradients flow back to x' },
    points: 3,
    dependsOn: ['softmax-tensor-values'],
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const rows = 2 + rng.int(3);
      const cols = 2 + rng.int(4);
      return { x: randomMatrix(rng, rows, cols, -3, 3), c: randomMatrix(rng, rows, cols, -1, 1) };
    },
    // L = Σ c ⊙ softmax(x): a scalar whose gradient depends on every output of the softmax.
    // The probe has to call the student's tensor (mul, sum, backward): that is what is tested. What it
    // returns is only a claim, which the judge holds against its own analytic gradient (`math.ts`), so an
    // object faking those methods earns the points only by producing the true gradient of softmax.
    // (The engine's softmax is kept out while the probe runs; a file that saved it at import time
    // could still call it, a rule the judge cannot see in the numbers.)
    probe: (student, { x, c }) =>
      withoutBuiltinSoftmax(() => {
        const xs = tensor(x, { requiresGrad: true });
        const y = student.softmaxTensor(xs);
        // Not a tensor: sent as it is, for the judge to name the contract.
        if (!isTensorLike(y)) return { y: sent(y), grad: null };
        // A tensor of another shape than x's cannot be weighed by c: the judge names the contract.
        const sameShape = y.shape.length === 2 && y.shape[0] === x.length && y.shape[1] === x[0]!.length;
        if (!sameShape) return { y: toPlain(y), grad: null };
        // A result computed outside the graph cannot be differentiated: report "no gradient".
        if (!y.requiresGrad) return { y: toPlain(y), grad: null };
        y.mul(tensor(c)).sum().backward();
        return { y: toPlain(y), grad: xs.grad ? toPlain(xs.grad) : null };
      }),
    judge: (got, { x, c }) => {
      if (isThrown(got)) return builtinSoftmaxVerdict(got);
      const what = {
        ko: `L = Σ c ⊙ softmaxTensor(x), x = ${render(x)}, c = ${render(c)}에서 dL/dx`,
        en: `dL/dx of L = Σ c ⊙ softmaxTensor(x), x = ${render(x)}, c = ${render(c)}`,
      };
      const broken = expectReturn(got.y, 'softmaxTensor', {
        type: 'tensor',
        shape: [x.length, x[0]!.length],
      });
      if (broken) return broken;
      if (got.grad === null) {
        return fail({
          ko: `${what.ko}: x.grad가 null입니다 — 계산이 엔진 연산 밖에서(숫자 배열로) 이루어져 기울기가 x까지 오지 않았습니다.`,
          en: `${what.en}: x.grad is null — the result was computed outside the engine's ops (on plain numbers), so no gradient reached x.`,
        });
      }
      return expectClose(got.grad, softmaxGradient(x, c), { rtol: 1e-6, atol: 1e-9, what });
    },
  }),
];

/** A tensor as plain data for the trip out of the sandbox (its data still a typed array). */
function toPlain(t: Tensor): { shape: number[]; data: Float64Array } {
  return { shape: [...t.shape], data: Float64Array.from(t.data) };
}

/**
 * True for what looks like a tensor (a `shape` array and typed-array `data`): the student's module
 * bundles its own copy of the engine, so `instanceof Tensor` cannot tell.
 */
function isTensorLike(value: unknown): value is Tensor {
  if (typeof value !== 'object' || value === null) return false;
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  return Array.isArray(shape) && ArrayBuffer.isView(data);
}

/** What `softmaxTensor` returned, ready for the trip: a tensor as plain data, anything else as it is. */
const sent = (value: unknown): unknown => (isTensorLike(value) ? toPlain(value) : value);

function isThrown(value: unknown): value is Thrown {
  return typeof value === 'object' && value !== null && 'threw' in value;
}

/**
 * Runs `fn` with the engine's own `softmax`/`logSoftmax` replaced by a function that throws: the
 * exercise is to build softmax from the elementary ops.
 */
function withoutBuiltinSoftmax<T>(fn: () => T): T | Thrown {
  const proto = Tensor.prototype as unknown as Record<string, unknown>;
  const saved = { softmax: proto.softmax, logSoftmax: proto.logSoftmax };
  const forbidden = () => {
    throw new BuiltinSoftmaxUsed();
  };
  proto.softmax = forbidden;
  proto.logSoftmax = forbidden;
  try {
    return fn();
  } catch (error) {
    if (error instanceof BuiltinSoftmaxUsed) return { threw: 'builtin-softmax' };
    throw error;
  } finally {
    proto.softmax = saved.softmax;
    proto.logSoftmax = saved.logSoftmax;
  }
}

class BuiltinSoftmaxUsed extends Error {}

function builtinSoftmaxVerdict(_got: Thrown): Verdict {
  return fail({
    ko: 'softmaxTensor가 엔진의 x.softmax() (또는 logSoftmax)를 불렀습니다. max, sub, exp, sum, div로 직접 만드세요.',
    en: "softmaxTensor called the engine's x.softmax() (or logSoftmax). Build it from max, sub, exp, sum and div.",
  });
}
