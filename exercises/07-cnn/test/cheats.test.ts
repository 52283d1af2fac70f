/**
 * A cheating student graded for real (static checks, sandbox child, judges), as `pnpm verify`
 * grades a mutant: judges trust data, never objects. An engine patched to train nothing while
 * reporting a perfect history, predictions and evaluation earns nothing for the training check: the
 * judge rebuilds the model from its weights and measures it on test images itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '@gradschool/grader/src/core/seed.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { describe, expect, it } from 'vitest';
import { TEST_COUNT } from '../checks/data.js';

const DIR = fileURLToPath(new URL('..', import.meta.url));

describe('cheats graded by the real grader', () => {
  it('an engine patched to report the digits learned earns nothing for the training check', async () => {
    const result = await gradeWithFile(
      DIR,
      path.join(DIR, 'test', 'cheats', 'patched-engine.ts'),
      DEFAULT_SEED,
    );
    const check = (id: string) => {
      const found = result.checks.find((c) => c.id === id);
      if (!found) throw new Error(`no check ${id}: ${result.problem?.message.en ?? ''}`);
      return found;
    };
    for (const id of ['conv2d-naive', 'output-shape', 'param-count', 'make-conv-model'])
      expect(check(id).status, id).toBe('pass');
    const train = check('train-mnist');
    expect({ status: train.status, score: train.score }).toEqual({ status: 'fail', score: 0 });
    expect(train.message.en).toMatch(
      new RegExp(`the model classifies \\d+\\.\\d% of ${TEST_COUNT} unseen test images right \\(the bar`),
    );
    // The untrained model's guess: far below the bar, whatever the patched history says.
    expect(Number(/classifies (\d+\.\d)%/.exec(train.message.en)?.[1])).toBeLessThan(50);
  }, 600_000);
});
