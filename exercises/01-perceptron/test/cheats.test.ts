/**
 * A cheating student, graded for real (static checks, sandbox child, judges), as `pnpm verify` grades
 * a mutant: `train` reports a perfect accuracy history without training. The learning checks must
 * earn nothing: the judge measures the final weights on the gate itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '@gradschool/grader/src/core/seed.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('..', import.meta.url));

describe.each([DEFAULT_SEED, 20260328])('a cheat graded by the real grader, seed %i', (seed) => {
  it('a made-up accuracy history earns nothing for learning AND and OR', async () => {
    const result = await gradeWithFile(DIR, path.join(DIR, 'test', 'cheats', 'made-up-history.ts'), seed);
    for (const gate of ['AND', 'OR']) {
      const check = result.checks.find((c) => c.id === `learns-${gate.toLowerCase()}`);
      expect({ status: check?.status, score: check?.score }).toEqual({ status: 'fail', score: 0 });
      expect(check?.message.en).toMatch(
        new RegExp(
          `^train\\(${gate}, .*\\): the accuracy history reaches 1, but the final weights returned, .*, classify only [0-3] of the 4 ${gate} rows \\(measured by the grader\\)`,
        ),
      );
      expect(check?.message.ko).toMatch(
        new RegExp(`${gate}의 네 줄 중 [0-3]줄만 맞힙니다 \\(채점기가 잰 값\\)`),
      );
    }
  }, 120_000);
});
