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
