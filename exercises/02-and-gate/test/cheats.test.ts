/**
 * Cheating students, graded for real (static checks, sandbox child, judges), as `pnpm verify` grades
 * a mutant: judges trust data, never objects. Each cheat's honest `makeModel` passes, so the model
 * checks are really judged; the trained-model check must then earn nothing, and say what was wrong.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '@gradschool/grader/src/core/seed.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('..', import.meta.url));

async function checksOf(cheat: string, seed: number) {
  const result = await gradeWithFile(DIR, path.join(DIR, 'test', 'cheats', cheat), seed);
  return (id: string) => {
    const found = result.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no check ${id}: ${result.problem?.message.en ?? ''}`);
    return found;
  };
}

describe.each([DEFAULT_SEED, 20260328])('cheats graded by the real grader, seed %i', (seed) => {
  for (const [cheat, what] of [
    ['pretend-models.ts', 'a plain object pretending to be the trained model'],
    ['patched-engine.ts', 'an engine patched to skip training and predict the AND targets'],
  ] as const) {
    it(`${what} earns nothing for the trained model`, async () => {
      const check = await checksOf(cheat, seed);
      expect(check('model-summary').status).toBe('pass');
      const trained = check('model-trained');
      expect({ status: trained.status, score: trained.score }).toEqual({ status: 'fail', score: 0 });
      expect(trained.message.en).toMatch(
        /^trainModel\(\d+\): history\.loss at epoch 1 should be 0\.69\d+, got 0\.7 \(the grader's replay: new Sequential\(\{ seed: \d+ \}\)/,
      );
      expect(trained.message.ko).toMatch(
        /^trainModel\(\d+\): 1번째 Epoch의 history\.loss로 0\.69\d+(을|를) 기대했지만 0\.7이 나왔습니다 \(채점기의 재현: new Sequential/,
      );
    }, 120_000);
  }
});
