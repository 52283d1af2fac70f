/**
 * A cheating student, graded for real (static checks, sandbox child, judges), as `pnpm verify` grades
 * a mutant: `train` reports a perfect accuracy history without training (50% for XOR). The learning
 * checks must earn nothing: the judge measures the final weights on the gate itself, and replays the
 * XOR training.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '@gradschool/grader/src/core/seed.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('..', import.meta.url));

describe.each([DEFAULT_SEED, 20260328])('a cheat graded by the real grader, seed %i', (seed) => {
  it('a made-up accuracy history earns nothing for learning AND and OR, nor for XOR never perfect', async () => {
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
    // Its XOR history (50% in every round) is plausible, but not what training from that rng gives.
    const xor = result.checks.find((c) => c.id === 'xor-never-perfect');
    expect({ status: xor?.status, score: xor?.score }).toEqual({ status: 'fail', score: 0 });
    expect(xor?.message.en).toMatch(
      /^train\(XOR, .*\): the accuracy of round \d+ should be 0\.\d+, got 0\.5 \(the grader's own replay of train with the same Rng\(\d+\)\)/,
    );
    expect(xor?.message.ko).toMatch(/라운드의 정답률로 0\.\d+[을를] 기대했지만 0\.5가 나왔습니다/);
  }, 120_000);
});
