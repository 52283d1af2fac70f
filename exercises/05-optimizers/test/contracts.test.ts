/**
 * The contract the README states for `step`: update `param.data` in place. An SGD that assigns a new
 * array (`param.data = param.data.map(…)`) computes the right numbers, and it got full marks unless
 * the grading type-checked; an SGD that computes the new values but never writes them back was told
 * to "check the formula" although the formula was right. Each now gets its own message.
 */
import type { Tensor } from '@gradschool/autograd';
import type { CheckSuite } from '@gradschool/exercise-kit';
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/optimizers.js';
import type * as starter from '../src/optimizers.js';

type Student = typeof starter;
const checks = (suite as CheckSuite<Student>).checks;
const reference = solution as unknown as Student;

async function verdictOf(student: Student, id: string) {
  const check = checks.find((c) => c.id === id)!;
  const ctx = { seed: 4242, runSeed: 98765, lang: 'en' as const };
  const input = check.input?.(ctx);
  return check.judge(structuredClone(await check.probe(student, input)), input, ctx);
}

/** The reference SGD with its `step` replaced. */
function sgdWith(step: (this: { learningRate: number }, params: readonly Tensor[]) => void): Student {
  class Variant extends solution.SGD {
    override step(params: readonly Tensor[]): void {
      step.call(this, params);
    }
  }
  return { ...reference, SGD: Variant } as unknown as Student;
}

describe('step updates param.data in place', () => {
  it('passes the reference SGD', async () => {
    expect((await verdictOf(reference, 'sgd-quadratic')).pass).toBe(true);
  });

  it('fails an SGD that assigns a new array, naming the contract, although every number is right', async () => {
    const swapping = sgdWith(function (params) {
      for (const param of params) {
        if (param.grad === null) continue;
        const g = param.grad.data;
        (param as { data: Float64Array }).data = param.data.map((w, i) => w - this.learningRate * g[i]!);
      }
    });
    for (const id of ['sgd-quadratic', 'sgd-rosenbrock']) {
      const verdict = await verdictOf(swapping, id);
      expect(verdict.pass).toBe(false);
      expect(verdict.message.en).toContain('at step 1, parameter 0 got a new array as param.data');
      expect(verdict.message.ko).toContain('제자리에서 고쳐야 합니다');
    }
  });

  it('tells an SGD that never writes back apart from a wrong formula', async () => {
    const computesOnly = sgdWith(function (params) {
      for (const param of params) {
        if (param.grad === null) continue;
        const g = param.grad.data;
        const next = param.data.map((w, i) => w - this.learningRate * g[i]!);
        void next; // computed, never written back
      }
    });
    const verdict = await verdictOf(computesOnly, 'sgd-quadratic');
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toContain('without writing them back into param.data');
    expect(verdict.message.en).not.toContain('check the formula');

    const wrongFormula = sgdWith(function (params) {
      for (const param of params) {
        if (param.grad === null) continue;
        const g = param.grad.data;
        for (let i = 0; i < param.data.length; i++) param.data[i]! += this.learningRate * g[i]!;
      }
    });
    const wrong = await verdictOf(wrongFormula, 'sgd-quadratic');
    expect(wrong.pass).toBe(false);
    expect(wrong.message.en).toContain('check the formula');
  });
});
