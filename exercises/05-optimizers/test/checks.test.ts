import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CheckSuite, isNotImplemented } from '@gradschool/exercise-kit';
import { mutantPatches, scratchMutant } from '@gradschool/grader/src/dev/mutant-patch.js';
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/optimizers.js';
import * as starter from '../src/optimizers.js';

// The grader's verify test runs every check in the sandbox; this one runs the fast ones in-process
// (input -> probe -> judge) so a mistake in a check shows here first, with its message.
// Private state fields make each file's classes distinct types: the probes only need the shape.
type Student = typeof starter;
const checks = (suite as CheckSuite<Student>).checks;
const reference = solution as unknown as Student;
const trajectories = checks.filter((c) => /-(quadratic|rosenbrock)$/.test(c.id));
const ctxFor = (seed: number) => ({ seed, runSeed: seed, lang: 'en' as const });

async function verdictOf(student: Student, id: string, seed: number) {
  const check = checks.find((c) => c.id === id)!;
  const ctx = ctxFor(seed);
  const input = check.input?.(ctx);
  return check.judge(structuredClone(await check.probe(student, input)), input, ctx);
}

describe("exercise 05's checks", () => {
  it('has two trajectories per optimizer, one XOR run per optimizer and the comparison', () => {
    expect(trajectories).toHaveLength(12);
    expect(checks).toHaveLength(19);
  });

  it('passes the reference solution on every trajectory for several seeds', async () => {
    for (const seed of [1, 2, 3, 12345]) {
      for (const check of trajectories) {
        const verdict = await verdictOf(reference, check.id, seed);
        expect(verdict.pass, `${check.id}, seed ${seed}: ${verdict.message.en}`).toBe(true);
      }
    }
  });

  it('passes the reference solution on the XOR runs and the comparison, with a table and a chart', async () => {
    for (const check of checks.filter((c) => !trajectories.includes(c))) {
      const verdict = await verdictOf(reference, check.id, 7);
      expect(verdict.pass, `${check.id}: ${verdict.message.en}`).toBe(true);
      expect(verdict.chart?.series.length).toBeGreaterThan(0);
    }
    const comparison = await verdictOf(reference, 'compare-on-xor', 7);
    expect(comparison.table?.rows).toHaveLength(6);
    expect(comparison.chart?.series.map((s) => s.name)).toEqual([
      'SGD',
      'Momentum',
      'Nesterov',
      'Adagrad',
      'RMSprop',
      'Adam',
    ]);
  });

  it("meets the starter's NotImplemented in every probe", async () => {
    for (const check of checks) {
      const input = check.input?.(ctxFor(1));
      const outcome = await Promise.resolve()
        .then(() => check.probe(starter, input))
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(isNotImplemented(outcome), check.id).toBe(true);
    }
  });

  const exerciseDir = fileURLToPath(new URL('..', import.meta.url));
  for (const patch of mutantPatches(exerciseDir)) {
    const file = path.basename(patch);
    it(`catches the mutant ${file} in a trajectory, naming the step (or the parameter without a gradient)`, async () => {
      // The patch applied to a scratch copy of the solution (outside the repository), then imported.
      const made = scratchMutant(exerciseDir, 'optimizers.ts', patch);
      if ('problem' in made) throw new Error(`${file}: ${made.problem.kind}`);
      const mutant = await import(/* @vite-ignore */ pathToFileURL(made.entry).href).finally(made.remove);
      const failed = [];
      for (const check of trajectories) {
        const verdict = await verdictOf(mutant as Student, check.id, 12345);
        if (!verdict.pass) failed.push(verdict);
      }
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]!.message.en).toMatch(/step \d+ \(t = \d+\), parameter \d+|whose grad is null/);
      expect(failed[0]!.message.ko).toMatch(/\d+번째 step|grad가 null인 파라미터/);
    });
  }
});
