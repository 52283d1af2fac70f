/**
 * Grading one exercise with a given module in place of the student's file, through the grader's
 * real path (static checks, sandbox child, judges): what `pnpm verify` does with a mutant. The
 * exercises' tests use it to grade cheating students written as an attacker would write them.
 *
 * @example
 * ```ts
 * const dir = fileURLToPath(new URL('..', import.meta.url));
 * const result = await gradeWithFile(dir, path.join(dir, 'test/cheats/pretend-models.ts'), 12345);
 * result.checks.find((c) => c.id === 'train-xor')?.score; // 0
 * ```
 */
import path from 'node:path';
import type { Lang } from '@gradschool/exercise-kit';
import { discover } from '../core/discover.js';
import { gradeExercise } from '../core/grade-exercise.js';
import type { ExerciseResult } from '../core/types.js';

/**
 * Grades the exercise in `exerciseDir` (`<root>/exercises/<id>`) with `file` as the student's
 * module, under `seed`, messages in `lang`, its hidden checks too when `hidden` (as record grading
 * and `pnpm verify` grade). Throws when no valid exercise lives in `exerciseDir`.
 */
export async function gradeWithFile(
  exerciseDir: string,
  file: string,
  seed: number,
  lang: Lang = 'en',
  { hidden = false }: { hidden?: boolean } = {},
): Promise<ExerciseResult> {
  const dir = path.resolve(exerciseDir);
  const root = path.resolve(dir, '..', '..');
  const ex = (await discover(root)).exercises.find((e) => path.resolve(e.dir) === dir);
  if (!ex) throw new Error(`gradeWithFile: no valid exercise in ${dir}`);
  return gradeExercise(ex, {
    root,
    seed,
    lang,
    source: 'src',
    hidden,
    studentFileOverride: { [ex.id]: path.resolve(file) },
    concurrency: 1,
  });
}
