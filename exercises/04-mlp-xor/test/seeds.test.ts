/**
 * The slide's `epochs: 1000` for trainXor passes the public seed by luck (and fails run seeds 4, 7,
 * 10 and 11 of 1–11): graded as `pnpm grade 04` grades it, with the run's seed and two derived from
 * it, it fails locally, naming the seed that broke it and the command that reproduces it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, extraRunSeeds } from '@gradschool/grader/src/core/seed.js';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { scratchMutant } from '@gradschool/grader/src/dev/mutant-patch.js';
import { afterAll, describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('..', import.meta.url));
// The student: the reference solution with the slide's one change, written as a patch (like a
// mutant) so it follows the solution instead of being a copy that drifts from it.
const made = scratchMutant(DIR, 'mlp.ts', path.join(DIR, 'test', 'students', 'slide-epochs.patch'));
if ('problem' in made)
  throw new Error(`test/students/slide-epochs.patch no longer applies: ${JSON.stringify(made.problem)}`);
const SLIDE_EPOCHS = made.entry;
afterAll(() => made.remove());

describe('trainXor with the slide’s 1000 epochs', () => {
  it('fails `pnpm grade 04` on the public seed, with the failing seed and its rerun command', async () => {
    const result = await gradeWithFile(DIR, SLIDE_EPOCHS, DEFAULT_SEED);
    const train = result.checks.find((c) => c.id === 'train-xor');
    const failed = train?.failedSeed;
    expect(failed).toBeDefined();
    expect(extraRunSeeds(DEFAULT_SEED, 2)).toContain(failed);
    expect(train).toMatchObject({ status: 'fail', score: 0 });
    expect(train?.seeds?.[0]).toEqual({ seed: DEFAULT_SEED, status: 'pass' });
    expect(train?.message.en).toMatch(
      new RegExp(
        `^Failed with seed ${failed} \\(it passed with seed ${DEFAULT_SEED}\\)\\. .*Rerun it: \`pnpm grade 04 --seed ${failed}\`\\. trainXor\\(\\d+\\): expected accuracy 1\\.0`,
      ),
    );
    expect(train?.message.ko).toContain(`시드 ${failed}에서 실패했습니다`);
    expect(train?.message.ko).toContain(`\`pnpm grade 04 --seed ${failed}\``);
    // Everything else of the solution still passes: only the seed-dependent check caught it.
    expect(result.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual(['train-xor']);

    // The command reproduces it: with that seed as the run's seed, the first seed already fails.
    const rerun = await gradeWithFile(DIR, SLIDE_EPOCHS, failed as number);
    const again = rerun.checks.find((c) => c.id === 'train-xor');
    expect(again?.status).toBe('fail');
    expect(again?.seeds).toEqual([{ seed: failed, status: 'fail' }]);
    expect(again?.message.en).toMatch(/^trainXor\(\d+\): expected accuracy 1\.0/);
  }, 300_000);
});
