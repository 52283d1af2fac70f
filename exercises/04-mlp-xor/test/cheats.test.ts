/**
 * Cheating students, graded for real (static checks, sandbox child, judges), as `pnpm verify` grades
 * a mutant: judges trust data, never objects. Each cheat's honest `makeModel` must pass, so the checks
 * under attack are really judged; then those checks must earn nothing, and say what was wrong.
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

/** The check earned nothing, failed (not `todo`, not skipped), and says why in both languages. */
function expectCaught(check: ReturnType<ReturnType<typeof byId>>, en: RegExp, ko: RegExp) {
  expect({ id: check.id, status: check.status, score: check.score }).toEqual({
    id: check.id,
    status: 'fail',
    score: 0,
  });
  expect(check.skippedBecause).toBeUndefined();
  expect(check.message.en).toMatch(en);
  expect(check.message.ko).toMatch(ko);
}

describe.each([DEFAULT_SEED, 20260328])('cheats graded by the real grader, seed %i', (seed) => {
  it('plain objects pretending to be trained models, and made-up gradient norms, earn nothing', async () => {
    const check = byId(await gradeWithFile(DIR, cheat('pretend-models.ts'), seed, 'en', { hidden: true }));
    expect(check('make-model-structure').status).toBe('pass');
    expectCaught(
      check('train-xor'),
      /^trainXor\(\d+\): history\.loss at epoch 1 should be [\d.]+, got 0\.7 \(the grader's replay/,
      /^trainXor\(\d+\): 1번째 Epoch의 history\.loss로 [\d.]+(을|를) 기대했지만 0\.7이 나왔습니다/,
    );
    expectCaught(
      check('single-layer-cannot'),
      /^singleLayerAccuracy\(\d+\): history\.loss at epoch 1 should be/,
      /^singleLayerAccuracy\(\d+\): 1번째 Epoch의 history\.loss로/,
    );
    // Made-up norms of the right shape pass the public check; the hidden one compares the values.
    expect(check('gradient-vanishing').status).toBe('pass');
    expect(check('gradient-norms-reference').hidden).toBe(true);
    expectCaught(
      check('gradient-norms-reference'),
      /^firstLayerGradNorm\('sigmoid', 1, \d+\): expected [\d.e-]+, got 1\.00e-1/,
      /^firstLayerGradNorm\('sigmoid', 1, \d+\): [\d.e-]+(을|를) 기대했지만 1\.00e-1이 나왔습니다/,
    );
  }, 120_000);

  it('an engine patched to answer XOR after a real but short training earns nothing', async () => {
    const check = byId(await gradeWithFile(DIR, cheat('patched-engine.ts'), seed));
    expect(check('make-model-structure').status).toBe('pass');
    expectCaught(
      check('train-xor'),
      /^For the weights after trainXor\(\d+\) \(the grader's replay: setSeed\(\d+\).*epochs: 1000.*getWeights\(\)\[0\]: at \[0, 0\] expected .*, got 20 /,
      /^trainXor\(\d+\)의 학습 뒤 가중치 .*getWeights\(\)\[0\]: 위치 \[0, 0\]에서 .*20이 나왔습니다/,
    );
    expectCaught(check('make-model-compile'), /after fit\(XOR_X, XOR_Y/, /fit\(XOR_X, XOR_Y/);
  }, 120_000);
});
