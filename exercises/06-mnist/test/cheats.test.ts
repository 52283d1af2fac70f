/**
 * Cheating students, graded for real (static checks, sandbox child, judges), as `pnpm verify` grades
 * a mutant: judges trust data, never objects, and accuracy is measured on test images the student's
 * code never received. Each cheat's `makeModel` passes, so the training check is really judged.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '@gradschool/grader/src/core/seed.js';
import type { ExerciseResult } from '@gradschool/grader/src/core/types.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('..', import.meta.url));
const cheat = (name: string) => path.join(DIR, 'test', 'cheats', name);

function byId(result: ExerciseResult) {
  return (id: string) => {
    const found = result.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no check ${id}: ${result.problem?.message.en ?? ''}`);
    return found;
  };
}

describe.each([DEFAULT_SEED, 20260328])('cheats graded by the real grader, seed %i', (seed) => {
  it.each([
    ['untrained.ts', 'a compiled but untrained model with a made-up History'],
    ['pretend-model.ts', 'a plain object reporting the slide model with hand-written weights'],
  ])(
    '%s (%s) earns nothing for training',
    async (file) => {
      const check = byId(await gradeWithFile(DIR, cheat(file), seed, 'en'));
      expect(check('make-model').status).toBe('pass');
      const train = check('train-accuracy');
      expect({ status: train.status, score: train.score }).toEqual({ status: 'fail', score: 0 });
      expect(train.message.en).toMatch(
        /^train\(makeModel\(\), digits, \d+\): the model the grader rebuilt from the weights classifies \d+\.\d\d% of 5,000 unseen test images right \(expected at least 95%/,
      );
      // Even failing, the student sees the grader's confusion matrix and the mistakes.
      expect(train.table?.diagonal).toBe(true);
      expect(train.pictures?.length).toBe(8);
    },
    180_000,
  );
});
