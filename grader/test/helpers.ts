/** Shared by the grader's tests: where the fixture exercises live, and a quick way to grade them. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grade, type RunOptions } from '../src/core/run.js';
import { DEFAULT_SEED } from '../src/core/seed.js';
import type { ExerciseResult, GradeReport } from '../src/core/types.js';

/** A tree with `exercises/*` fixtures: passing, failing, hanging, crashing, cheating, broken... */
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
export const FIXTURE_EXERCISES = path.join(FIXTURES, 'exercises');
/** The repository root (for the real exercises). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Grades the fixtures (all, or those the filters select) in English with the public seed. */
export function gradeFixtures(options: Partial<RunOptions> = {}): Promise<GradeReport> {
  return grade({ root: FIXTURES, seed: DEFAULT_SEED, lang: 'en', source: 'src', concurrency: 2, ...options });
}

/** The exercise `id` of a report (fails the test when it is missing). */
export function exercise(report: GradeReport, id: string): ExerciseResult {
  const found = report.exercises.find((e) => e.id === id);
  if (!found)
    throw new Error(`no exercise ${id} in the report: ${report.exercises.map((e) => e.id).join(', ')}`);
  return found;
}

/** `check id -> status` of one exercise, for compact assertions. */
export function statuses(result: ExerciseResult): Record<string, string> {
  return Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
}

/** `check id -> score` of one exercise. */
export function scores(result: ExerciseResult): Record<string, number> {
  return Object.fromEntries(result.checks.map((c) => [c.id, c.score]));
}

/**
 * What a sandbox child runs for `checksPath` and `studentPath` (TypeScript, bundled as the grader
 * does), with the limits given.
 */
export async function sandboxCodeFor(
  checksPath: string,
  studentPath: string,
): Promise<{ checksCode: string; studentCode: string }> {
  const { checksBundle, studentBundle } = await import('../src/sandbox/bundle.js');
  const student = await studentBundle(studentPath, [studentPath], (f) => f);
  if (!('code' in student)) throw new Error(`${studentPath} did not bundle: ${student.problem.message.en}`);
  return { checksCode: await checksBundle(checksPath), studentCode: student.code };
}
