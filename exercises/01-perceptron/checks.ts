/**
 * Checks of 01-perceptron. Inputs come from the check's seed through the engine's `Rng`; every
 * expected value is recomputed here (`checks/replay.ts`), never taken from the reference solution.
 */
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  type Contract,
  check,
  defineChecks,
  expectClose,
  expectReturn,
  fail,
  type Localized,
  pass,
  render,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import {
  accuracyOf,
  initOf,
  outputOf,
  roundOf,
  type Sample,
  stepOf,
  sumOf,
  updateOf,
  type Weights,
} from './checks/replay.js';
import { samplerChecks } from './checks/samplers.js';
import { learningChecks } from './checks/training.js';
import type * as Student from './src/perceptron.js';

const same = (text: string): Localized => ({ ko: text, en: text });
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** A random vector of `n` numbers in [lo, hi), rounded so messages stay readable. */
const vector = (rng: Rng, n: number, lo = -1, hi = 1): number[] =>
  Array.from({ length: n }, () => round(rng.uniform(lo, hi)));

/**
 * Rounded inputs can sum to exactly 0, where a different (equally right) order of additions could
 * land on either side of the step. Generated cases keep every weighted sum they meet clear of it.
 */
const CLEAR = 1e-9;
const clear = (x: readonly number[], w: readonly number[], b: number): boolean =>
  Math.abs(sumOf(x, w, b)) > CLEAR;

/** Draws from `make` until `ok` holds (a try or two in practice). */
function drawUntil<T>(make: () => T, ok: (value: T) => boolean): T {
  for (;;) {
    const value = make();
    if (ok(value)) return value;
  }
}

/**
 * A failure when `trainStep` changed the weights it was given (`after`: them after the call), which
 * the README forbids: `trainRound` keeps the weights after every sample, so an update in place
 * would rewrite the ones it kept, and the mistake would show there, far from its cause.
 */
function changedInput(before: Weights, after: unknown, call: string): Verdict | null {
  const a = after as Partial<Weights> | undefined;
  const sameW =
    Array.isArray(a?.w) && a.w.length === before.w.length && a.w.every((v, k) => Object.is(v, before.w[k]));
  if (sameW && Object.is(a?.b, before.b)) return null;
  const [what, was, now] = sameW
    ? ['b', render(before.b), render(a?.b)]
    : ['w', render(before.w), render(a?.w)];
  return fail(
    {
      ko: `${call}: trainStep이 받은 \`weights\`를 바꿨습니다 (${what}: ${was} → ${now}). 받은 \`weights\`는 그대로 두고 새 { w, b }를 만들어 돌려주세요. trainRound는 샘플마다의 가중치를 모아 두므로, 제자리에서 고치면 이미 모아 둔 가중치까지 바뀝니다.`,
      en: `${call}: trainStep changed the weights it was given (${what}: ${was} → ${now}). Leave them as they are and return a new { w, b }: trainRound keeps the weights after every sample, so changing them in place rewrites the ones it already kept.`,
    },
    { expected: `${what} === ${was}`, got: `${what} === ${now}` },
  );
}

/** The return types the README states (checked before any value: `expectReturn`). */
const ZERO_OR_ONE: Contract = { type: 'number', oneOf: [0, 1] };
const NUMBER: Contract = { type: 'number' };
const weightsOf = (n: number): Contract => ({
  type: 'object',
  fields: { w: { type: 'array', length: n }, b: NUMBER },
});

/** Random weights and a sample whose target disagrees with the output when `wrong`. */
function randomCase(rng: Rng, n: number, wrong: boolean) {
  const { weights, x } = drawUntil(
    () => ({ weights: { w: vector(rng, n), b: round(rng.uniform(-1, 1)) }, x: vector(rng, n, -2, 2) }),
    (c) => clear(c.x, c.weights.w, c.weights.b),
  );
  const y = outputOf(x, weights);
  return { weights, x, d: wrong ? 1 - y : y, lr: round(rng.uniform(0.01, 0.5)) };
}

/** Random samples with 0/1 targets. */
const randomData = (rng: Rng, count: number, n: number): Sample[] =>
  Array.from({ length: count }, () => ({ x: vector(rng, n, -2, 2), d: rng.int(2) }));

/** True when every weighted sum met during a round from `weights`, and after it, is clear of 0. */
function roundIsClear(weights: Weights, data: readonly Sample[], lr: number): boolean {
  const seen = [weights, ...roundOf(weights, data, lr)];
  const last = seen.at(-1)!;
  return data.every((s, k) => clear(s.x, seen[k]!.w, seen[k]!.b) && clear(s.x, last.w, last.b));
}

/** One verdict per case: its first failure, else a pass. */
const firstFailure = (verdicts: Verdict[]): Verdict => verdicts.find((v) => !v.pass) ?? pass();

/** Types each check's input and output from its `input` and `probe`. */
const c = check<typeof Student>();

export default defineChecks<typeof Student>([
  c({
    id: 'step-boundary',
    title: { ko: '활성화 함수 step: 경계 x = 0에서 1', en: 'The step activation: 1 at the boundary x = 0' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return [0, -0, 1e-12, -1e-12, 5, -5, Number.MIN_VALUE, ...vector(rng, 5, -3, 3)];
    },
    probe: (student, xs) => xs.map((x) => student.step(x)),
    judge: (got, xs) =>
      allOf(
        xs.map((x, i) => {
          const what = same(`step(${render(x)})`);
          return (
            expectReturn(got[i], 'step', ZERO_OR_ONE, { what }) ??
            expectClose(got[i], stepOf(x), { rtol: 0, atol: 0, what })
          );
        }),
      ),
  }),
  c({
    id: 'weighted-sum',
    title: { ko: '가중합 Σ wᵢxᵢ + b', en: 'The weighted sum Σ wᵢxᵢ + b' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const cases = [{ x: [1, 1], w: [0.4, 0.2], b: -0.5 }];
      for (let n = 1; n <= 5; n++)
        cases.push({ x: vector(rng, n, -2, 2), w: vector(rng, n), b: round(rng.uniform(-1, 1)) });
      return cases;
    },
    probe: (student, cases) => cases.map(({ x, w, b }) => student.weightedSum(x, w, b)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ x, w, b }, i) => {
          const what = same(`weightedSum(${render(x)}, ${render(w)}, ${render(b)})`);
          return (
            expectReturn(got[i], 'weightedSum', NUMBER, { what }) ??
            expectClose(got[i], sumOf(x, w, b), { rtol: 1e-9, what })
          );
        }),
      ),
  }),
  c({
    id: 'perceptron-output',
    title: { ko: '퍼셉트론 출력 y = f(가중합)', en: 'The perceptron output y = f(weighted sum)' },
    points: 1,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const cases = [{ x: [1, 1], w: [0.5, 0.5], b: -1 }]; // exactly on the boundary: y = 1
      for (let k = 0; k < 8; k++)
        cases.push(
          drawUntil(
            () => ({ x: vector(rng, 3, -2, 2), w: vector(rng, 3), b: round(rng.uniform(-1, 1)) }),
            (c) => clear(c.x, c.w, c.b),
          ),
        );
      return cases;
    },
    probe: (student, cases) => cases.map(({ x, w, b }) => student.perceptron(x, w, b)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ x, w, b }, i) => {
          const what = same(`perceptron(${render(x)}, ${render(w)}, ${render(b)})`);
          return (
            expectReturn(got[i], 'perceptron', ZERO_OR_ONE, { what }) ??
            expectClose(got[i], outputOf(x, { w, b }), { rtol: 0, atol: 0, what })
          );
        }),
      ),
  }),
  ...samplerChecks,
  c({
    id: 'init-weights',
    title: {
      ko: '가중치 초기값: -1 ~ 1 사이 랜덤, 정해진 순서',
      en: 'Initial weights: random in [-1, 1), in the documented order',
    },
    points: 1,
    input: (ctx) => [2, 3, 5].map((n, k) => ({ n, seed: (ctx.seed + k * 7919) >>> 0 })),
    probe: (student, cases) =>
      cases.map(({ n, seed }) => {
        const rng = new Rng(seed);
        let calls = 0;
        const weights = student.initWeights(n, () => {
          calls++;
          return rng.next();
        });
        return { returned: weights, w: weights?.w, b: weights?.b, calls };
      }),
    judge: (got, cases) =>
      allOf(
        cases.map(({ n, seed }, i) => {
          const rng = new Rng(seed);
          const want = initOf(n, () => rng.next());
          const call = `initWeights(${n}, rng = Rng(${seed}).next)`;
          const calls = got[i]?.calls;
          if (calls !== n + 1)
            return fail(
              {
                ko: `${call}: rng()를 ${n + 1}번 (w ${n}개, b 1개) 불러야 하는데 ${render(calls)}번 불렀습니다${calls === 0 ? '. Math.random()이 아니라 인자로 받은 rng를 uniform(rng, -1, 1)로 쓰세요' : ''}.`,
                en: `${call}: rng() should be called ${n + 1} times (${n} w's, one b), it was called ${render(calls)} times${calls === 0 ? '. Use the rng argument through uniform(rng, -1, 1), not Math.random()' : ''}.`,
              },
              { expected: `rng() × ${n + 1}`, got: `rng() × ${render(calls)}` },
            );
          const broken = expectReturn(got[i]?.returned, 'initWeights', weightsOf(n), { what: same(call) });
          if (broken) return broken;
          return firstFailure([
            expectClose(got[i]?.w, want.w, { rtol: 1e-12, what: same(`${call}.w`) }),
            expectClose(got[i]?.b, want.b, { rtol: 1e-12, what: same(`${call}.b`) }),
          ]);
        }),
      ),
  }),
  c({
    id: 'train-step',
    title: { ko: '가중치 갱신 한 번 (퍼셉트론 학습 규칙)', en: 'One weight update (the perceptron rule)' },
    points: 3,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return [false, true, true, true, false, true].map((wrong, k) => randomCase(rng, 2 + (k % 3), wrong));
    },
    // The README's contract: trainStep leaves the weights it was given alone. So the probe also
    // sends them back as they are after the call.
    probe: (student, cases) =>
      cases.map(({ weights, x, d, lr }) => {
        const given = { w: [...weights.w], b: weights.b };
        const returned = student.trainStep(given, x, d, lr);
        return { returned, given: { w: Array.isArray(given.w) ? [...given.w] : given.w, b: given.b } };
      }),
    judge: (got, cases) =>
      allOf(
        cases.map(({ weights, x, d, lr }, i) => {
          const want = updateOf(weights, x, d, lr);
          const call = `trainStep(${render(weights)}, ${render(x)}, d=${d}, lr=${lr})`;
          const changed = changedInput(weights, got[i]?.given, call);
          if (changed) return changed;
          const broken = expectReturn(got[i]?.returned, 'trainStep', weightsOf(x.length), {
            what: same(call),
          });
          if (broken) return broken;
          return firstFailure([
            expectClose(got[i]?.returned?.w, want.w, { rtol: 1e-12, what: same(`${call}.w`) }),
            expectClose(got[i]?.returned?.b, want.b, { rtol: 1e-12, what: same(`${call}.b`) }),
          ]);
        }),
      ),
  }),
  c({
    id: 'train-round',
    title: { ko: '한 라운드의 가중치 변화 전체', en: "A whole round's weight trajectory" },
    points: 3,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const and: Sample[] = [
        { x: [0, 0], d: 0 },
        { x: [0, 1], d: 0 },
        { x: [1, 0], d: 0 },
        { x: [1, 1], d: 1 },
      ];
      const start = (n: number) => ({ w: vector(rng, n), b: round(rng.uniform(-1, 1)) });
      return [
        drawUntil(
          () => ({ weights: start(2), data: and, lr: 0.05 }),
          (c) => roundIsClear(c.weights, c.data, c.lr),
        ),
        drawUntil(
          () => ({ weights: start(3), data: randomData(rng, 6, 3), lr: 0.1 }),
          (c) => roundIsClear(c.weights, c.data, c.lr),
        ),
      ];
    },
    probe: (student, cases) =>
      cases.map(({ weights, data, lr }) => student.trainRound({ w: [...weights.w], b: weights.b }, data, lr)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ weights, data, lr }, i) => {
          const want = roundOf(weights, data, lr);
          const g = got[i];
          const call = `trainRound(${render(weights)}, ${render(data)}, lr=${lr})`;
          const broken = expectReturn(
            g,
            'trainRound',
            { type: 'list', of: weightsOf(weights.w.length) },
            {
              what: same(call),
            },
          );
          if (broken) return broken;
          if (!Array.isArray(g) || g.length !== want.length)
            return expectClose(Array.isArray(g) ? g.length : g, want.length, {
              what: {
                ko: `${withParticle(call, '이')} 돌려준 가중치 개수 (샘플마다 하나)`,
                en: `the number of weights ${call} returned (one per sample)`,
              },
            });
          return firstFailure(
            want.flatMap((wk, k) => {
              const at = { ko: `${call}의 ${k + 1}번째 샘플 뒤`, en: `${call}, after sample ${k + 1}` };
              return [
                expectClose(g[k]?.w, wk.w, { rtol: 1e-12, what: { ko: `${at.ko} w`, en: `${at.en}: w` } }),
                expectClose(g[k]?.b, wk.b, { rtol: 1e-12, what: { ko: `${at.ko} b`, en: `${at.en}: b` } }),
              ];
            }),
          );
        }),
      ),
  }),
  c({
    id: 'accuracy',
    title: { ko: '정답률 = 맞힌 샘플 수 / 전체 샘플 수', en: 'Accuracy = correct samples / all samples' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return [3, 4, 7, 10].map((count) =>
        drawUntil(
          () => ({
            weights: { w: vector(rng, 2), b: round(rng.uniform(-1, 1)) },
            data: randomData(rng, count, 2),
          }),
          (c) => c.data.every((s) => clear(s.x, c.weights.w, c.weights.b)),
        ),
      );
    },
    probe: (student, cases) => cases.map(({ weights, data }) => student.accuracy(weights, data)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ weights, data }, i) => {
          const what = same(`accuracy(${render(weights)}, ${render(data)})`);
          return (
            expectReturn(got[i], 'accuracy', NUMBER, { what }) ??
            expectClose(got[i], accuracyOf(weights, data), { rtol: 1e-12, what })
          );
        }),
      ),
  }),
  ...learningChecks,
]);
