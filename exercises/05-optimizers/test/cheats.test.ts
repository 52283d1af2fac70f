/**
 * Cheating students, graded for real (static checks, sandbox child, judges), as `pnpm verify` grades
 * a mutant: judges trust data, never objects. The XOR checks and the comparison must earn nothing
 * from an engine patched to report XOR learned, from an optimizer that writes an XOR solution into the
 * weights, or from a patched `fit` whose history starts at the true loss and which installs a
 * solution: the judge replays each run itself and the history leaves its replay at epoch 2.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '@gradschool/grader/src/core/seed.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../checks/reference.js';

const DIR = fileURLToPath(new URL('..', import.meta.url));

const CHEATS = [
  { file: 'patched-engine.ts', what: 'an engine patched to report XOR learned', honestSteps: false },
  {
    file: 'xor-solver.ts',
    what: 'optimizers that write an XOR solution into the weights',
    honestSteps: true,
  },
  { file: 'patched-fit.ts', what: 'a patched fit that installs a solution', honestSteps: true },
];

describe.each([DEFAULT_SEED, 20260328])('cheats graded by the real grader, seed %i', (seed) => {
  it.each(CHEATS)(
    '$what earns nothing for the training checks',
    async ({ file, honestSteps }) => {
      const result = await gradeWithFile(DIR, path.join(DIR, 'test', 'cheats', file), seed);
      const check = (id: string) => {
        const found = result.checks.find((c) => c.id === id);
        if (!found) throw new Error(`no check ${id}: ${result.problem?.message.en ?? ''}`);
        return found;
      };
      for (const name of OPTIMIZERS) {
        const xor = check(`${name.toLowerCase()}-xor`);
        expect({ id: xor.id, status: xor.status, score: xor.score }).toEqual({
          id: xor.id,
          status: 'fail',
          score: 0,
        });
        expect(xor.message.en).toMatch(
          /seed \d+: the loss at epoch 2 should be [\d.]+, got [\d.e-]+ \(for the first 30 epochs it must match/,
        );
        expect(xor.message.ko).toMatch(/2번째 Epoch의 손실로 .* 기대했지만/);
      }
      const comparison = check('compare-on-xor');
      expect({ status: comparison.status, score: comparison.score }).toEqual({ status: 'fail', score: 0 });
      expect(comparison.message.en).toMatch(/^SGD \(3000 epochs, 'normal', seed \d+\): the loss at epoch 2/);
      // The two cheats with honest steps pass every trajectory: only the XOR checks catch them.
      const trajectories = result.checks.filter((c) => /-(quadratic|rosenbrock)$/.test(c.id));
      expect(trajectories).toHaveLength(12);
      if (honestSteps) for (const c of trajectories) expect(c.status, c.id).toBe('pass');
    },
    180_000,
  );
});
