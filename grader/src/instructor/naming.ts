/**
 * Names of a new exercise: `pnpm new-exercise 06-attention` or `pnpm new-exercise attention` (the next
 * free number is taken). Everything else (folder, package, student file) is derived from the id, so
 * there is no central list to edit.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { InstructorError } from './messages.js';

/** What `new-exercise` derives from its argument. */
export interface ExerciseNames {
  /** `06-attention`: the folder name and the manifest's `id`. */
  id: string;
  /** `6`: the manifest's `order`. */
  order: number;
  /** `attention`: names the student file `src/attention.ts`. */
  slug: string;
  /** `@gradschool/exercise-06-attention`. */
  packageName: string;
  /** `src/attention.ts`: the manifest's `files[0]`. */
  studentFile: string;
}

const ARGUMENT = /^(?:(\d{2})-)?([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

/** The exercise folders under `exercisesDir` (`01-perceptron`, ...), sorted. */
export function existingExercises(exercisesDir: string): string[] {
  if (!existsSync(exercisesDir)) return [];
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{2}-/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** One more than the highest number in use (`01`..`05` in use -> 6). */
export function nextFreeNumber(existing: readonly string[]): number {
  const numbers = existing.map((name) => Number(name.slice(0, 2)));
  return Math.max(0, ...numbers) + 1;
}

/**
 * Parses `NN-slug` or `slug` and checks it against the exercises already there. Throws an
 * `InstructorError` when the argument is malformed, the number is taken, or the folder exists.
 *
 * @example
 * ```ts
 * exerciseNames('attention', ['01-perceptron', '05-optimizers']).id; // '06-attention'
 * ```
 */
export function exerciseNames(argument: string, existing: readonly string[]): ExerciseNames {
  const match = ARGUMENT.exec(argument.trim());
  if (!match) throw new InstructorError('badName', { name: argument });
  const [, digits, slug] = match as unknown as [string, string | undefined, string];
  const order = digits === undefined ? nextFreeNumber(existing) : Number(digits);
  if (order < 1 || order > 99) throw new InstructorError('badNumber', { name: argument });
  const id = `${String(order).padStart(2, '0')}-${slug}`;
  if (existing.includes(id)) throw new InstructorError('exists', { id });
  const sameNumber = existing.find((name) => name.startsWith(`${id.slice(0, 2)}-`));
  if (sameNumber) throw new InstructorError('numberTaken', { id, other: sameNumber, number: id.slice(0, 2) });
  return {
    id,
    order,
    slug,
    packageName: `@gradschool/exercise-${id}`,
    studentFile: path.posix.join('src', `${slug}.ts`),
  };
}
