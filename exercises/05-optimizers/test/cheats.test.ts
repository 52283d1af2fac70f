/**
 * A cheating student, graded for real (static checks, sandbox child, judges), as `pnpm verify` grades
 * a mutant: judges trust data, never objects. With `fit` and `evaluate` patched to report XOR learned,
 * the XOR checks and the comparison must earn nothing: the judge evaluates the final weights itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '@gradschool/grader/src/core/seed.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../checks/reference.js';

const DIR = fileURLToPath(new URL('..', import.meta.url));

describe.each([DEFAULT_SEED, 20260328])('a cheat graded by the real grader, seed %i', (seed) => {
  it('an engine patched to report XOR learned earns nothing for the training checks', async () => {
    const result = await gradeWithFile(DIR, path.join(DIR, 'test', 'cheats', 'patched-engine.ts'), seed);
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
        /expected at least 2 to reach accuracy 1 .*; 0 did: seed \d+: [\d.]+ → [\d.]+, accuracy 0\.\d+/,
      );
      expect(xor.message.ko).toMatch(/적어도 2번은 정답률 1.*0번이었습니다/);
    }
    const comparison = check('compare-on-xor');
    expect({ status: comparison.status, score: comparison.score }).toEqual({ status: 'fail', score: 0 });
    expect(comparison.message.en).toMatch(
      /expected Adam, .* to learn XOR \(accuracy 1\); got accuracy 0\.\d+/,
    );
    expect(comparison.message.ko).toContain('Adam이 강의의 시작점에서 XOR을 풀길');
  }, 180_000);
});
