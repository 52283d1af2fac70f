/**
 * The contracts the README states, enforced where they are stated: `trainStep` leaves the weights it
 * was given alone. A trainStep that updates them in place computes the right numbers, so before,
 * it kept its points here and the mistake surfaced in `trainRound`, sending the student to the wrong
 * function.
 */
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/perceptron.js';

type Student = typeof solution;
const trainStepCheck = suite.checks.find((c) => c.id === 'train-step')!;

async function judged(student: Student) {
  const ctx = { seed: 1234, runSeed: 98765, lang: 'en' as const };
  const input = trainStepCheck.input!(ctx);
  const output = await trainStepCheck.probe(student, input);
  return trainStepCheck.judge(output, input, ctx);
}

describe('train-step enforces "leave the given weights alone"', () => {
  it('passes the reference solution', async () => {
    expect((await judged(solution)).pass).toBe(true);
  });

  it('fails an update in place with a message naming the contract, although the numbers are right', async () => {
    const inPlace: Student['trainStep'] = (weights, x, d, lr) => {
      const delta = lr * (d - solution.perceptron(x, weights.w, weights.b));
      weights.w.forEach((wi, i) => {
        weights.w[i] = wi + delta * (x[i] ?? 0);
      });
      weights.b += delta;
      return weights;
    };
    const verdict = await judged({ ...solution, trainStep: inPlace });
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toContain('trainStep changed the weights it was given');
    expect(verdict.message.ko).toContain('받은 `weights`를 바꿨습니다');
  });

  it('fails a trainStep that changes only b of its input', async () => {
    const bOnly: Student['trainStep'] = (weights, x, d, lr) => {
      const next = solution.trainStep(weights, x, d, lr);
      weights.b = next.b;
      return next;
    };
    const verdict = await judged({ ...solution, trainStep: bOnly });
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(/\(b: /);
  });
});

/** The verdict of check `id` for `student`, as the grader would judge it (probe → judge). */
async function judgedBy(id: string, student: Student) {
  const check = suite.checks.find((c) => c.id === id)!;
  const ctx = { seed: 4321, runSeed: 12345, lang: 'en' as const };
  const input = check.input!(ctx);
  // Through structured clone, as the sandbox sends answers.
  const output = structuredClone(await check.probe(student, input));
  return check.judge(output, input, ctx);
}

describe('return types: the README’s contracts are named before any value is compared', () => {
  it.each([
    [
      'step-boundary',
      { step: (x: number) => (x >= 0 ? '1' : '0') },
      /`step` must return a number \(0 or 1\); it returned the string "[01]"/,
      /`step` 함수는 0 또는 1인 숫자를 반환해야 하는데 문자열 "[01]"을 반환했습니다/,
    ],
    [
      'weighted-sum',
      { weightedSum: (x: number[], w: number[], b: number) => [solution.weightedSum(x, w, b)] },
      /`weightedSum` must return a number; it returned an array \[/,
      /`weightedSum` 함수는 숫자를 반환해야 하는데 배열 \[/,
    ],
    [
      'perceptron-output',
      { perceptron: (x: number[], w: number[], b: number) => solution.perceptron(x, w, b) === 1 },
      /`perceptron` must return a number \(0 or 1\); it returned the boolean (true|false)/,
      /`perceptron` 함수는 0 또는 1인 숫자를 반환해야 하는데 불리언 값/,
    ],
    [
      'init-weights',
      {
        initWeights: (n: number, rng: () => number) => {
          const { w, b } = solution.initWeights(n, rng);
          return [...w, b];
        },
      },
      /`initWeights` must return an object \{ w, b \}; it returned an array \[/,
      /`initWeights` 함수는 객체 \{ w, b \}를 반환해야 하는데 배열/,
    ],
    [
      'train-step',
      {
        trainStep: (...a: Parameters<Student['trainStep']>) => {
          const { w, b } = solution.trainStep(...a);
          return { w: [w], b };
        },
      },
      /The w of `trainStep`'s result must be a flat array of \d numbers \(number\[\]\); it is a nested array/,
      /`trainStep` 함수의 결과 중 w는 길이 \d인 number\[\] 꼴의 평평한 숫자 배열이어야 하는데 중첩 배열/,
    ],
    [
      'train-round',
      {
        trainRound: (...a: Parameters<Student['trainRound']>) =>
          solution.trainRound(...a).map(({ w, b }) => ({ w, b: String(b) })),
      },
      /`trainRound` must return an array, each item an object \{ w, b \}; .*\(its \[0\]\.b is the string "/,
      /`trainRound` 함수는 객체 \{ w, b \}의 배열을 반환해야 하는데 .*\(\[0\]번째 값의 b가 문자열 "/,
    ],
    [
      'accuracy',
      { accuracy: (...a: Parameters<Student['accuracy']>) => `${solution.accuracy(...a) * 100}%` },
      /`accuracy` must return a number; it returned the string "/,
      /`accuracy` 함수는 숫자를 반환해야 하는데 문자열 "/,
    ],
    [
      'uniform-sampler',
      { uniform: (rng: () => number, lo: number, hi: number) => String(solution.uniform(rng, lo, hi)) },
      /`uniform` must return a number; it returned the string "/,
      /`uniform` 함수는 숫자를 반환해야 하는데 문자열/,
    ],
    [
      'normal-sampler',
      { normal: (rng: () => number, m: number, s: number) => [solution.normal(rng, m, s)] },
      /`normal` must return a number; it returned an array \[/,
      /`normal` 함수는 숫자를 반환해야 하는데 배열/,
    ],
  ] as const)('%s', async (id, override, en, ko) => {
    expect((await judgedBy(id, solution)).pass).toBe(true);
    const verdict = await judgedBy(id, { ...solution, ...override } as unknown as Student);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(en);
    expect(verdict.message.ko).toMatch(ko);
  });
});
