/**
 * Finding the exercises: every `exercises/<folder>/exercise.json` under the root, validated. No
 * central list: adding a folder adds an exercise. A broken manifest becomes a `ManifestProblem` and
 * the other exercises are still loaded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseManifest, Localized } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import { validateManifest } from './manifest.js';

/** An exercise whose manifest is valid. */
export interface LoadedExercise {
  /** The manifest's id, equal to the folder name. */
  id: string;
  /** The exercise's folder, absolute. */
  dir: string;
  manifest: ExerciseManifest;
  /** The checks module, absolute (`manifest.checks`, default `checks.ts`). */
  checksPath: string;
  /**
   * The hidden checks module, absolute (`manifest.hidden.checks`), when the manifest declares one.
   * It may be missing: a student's copy (the export) declares it without holding it.
   */
  hiddenChecksPath?: string;
}

/** A manifest that could not be loaded: which file, which field, and why. */
export interface ManifestProblem {
  /** The exercise's folder name (its would-be id). */
  id: string;
  /** The manifest, relative to the root, with `/` separators (e.g. `exercises/03-softmax/exercise.json`). */
  file: string;
  /** The failing field (`files[0]`, `title.en`, ...), or `(file)` when the file itself is broken. */
  field: string;
  message: Localized;
}

/** Folder under the root that holds the exercises. */
export const EXERCISES_DIR = 'exercises';

/** Exercise order: the manifest's `order`, then the id. */
function byOrder(a: LoadedExercise, b: LoadedExercise): number {
  return a.manifest.order - b.manifest.order || a.id.localeCompare(b.id);
}

/**
 * Loads every exercise under `root/exercises/`. Never throws for a broken manifest: it lands in
 * `problems`, with the path and the failing field.
 *
 * @example
 * ```ts
 * const { exercises, problems } = await discover(process.cwd());
 * ```
 */
export async function discover(
  root: string,
): Promise<{ exercises: LoadedExercise[]; problems: ManifestProblem[] }> {
  const base = path.resolve(root, EXERCISES_DIR);
  const exercises: LoadedExercise[] = [];
  const problems: ManifestProblem[] = [];
  const folders = existsSync(base)
    ? readdirSync(base, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  for (const folder of folders) {
    const dir = path.join(base, folder);
    const manifestPath = path.join(dir, 'exercise.json');
    if (!existsSync(manifestPath)) continue;
    const file = `${EXERCISES_DIR}/${folder}/exercise.json`;
    const problem = (field: string, message: Localized) =>
      problems.push({ id: folder, file, field, message });
    let text: string;
    try {
      text = readFileSync(manifestPath, 'utf8');
    } catch (error) {
      problem('(file)', both('core.manifest.unreadable', { file, reason: String(error) }));
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      problem('(file)', both('core.manifest.invalidJson', { file, reason: (error as Error).message }));
      continue;
    }
    const issues = validateManifest(data, file, folder);
    if (issues.length > 0) {
      for (const issue of issues) problem(issue.field, issue.message);
      continue;
    }
    const manifest = data as ExerciseManifest;
    const checks = manifest.checks ?? 'checks.ts';
    // Only the course's own file: a student file that is missing (deleted, renamed, a folder now)
    // is the student's to fix, and grading says so (`student-file.ts`), never a broken manifest.
    if (!existsSync(path.join(dir, checks))) {
      problem('checks', both('core.manifest.missingFile', { file, field: 'checks', path: checks }));
      continue;
    }
    exercises.push({
      id: manifest.id,
      dir,
      manifest,
      checksPath: path.join(dir, checks),
      ...(manifest.hidden ? { hiddenChecksPath: path.join(dir, manifest.hidden.checks) } : {}),
    });
  }
  return { exercises: exercises.sort(byOrder), problems };
}

/** True when `id` is selected by the CLI's positional filters (an id prefix each; none = all). */
export function matchesFilters(id: string, filters: readonly string[] | undefined): boolean {
  return !filters || filters.length === 0 || filters.some((f) => matchesFilter(id, f));
}

/**
 * One filter: the start of an id (`0`, `03`, `03-soft`), or an exercise's number however it is
 * written (`1` names `01-perceptron` as `01` does; as a start it still names `10-…` too).
 */
function matchesFilter(id: string, filter: string): boolean {
  if (id.startsWith(filter)) return true;
  const number = /^(\d+)-/.exec(id)?.[1];
  return /^\d+$/.test(filter) && number !== undefined && Number(filter) === Number(number);
}

/** The course repository around `start`: the nearest folder upwards with `exercises/` and a `package.json` (else `start`). */
export function findRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, EXERCISES_DIR)) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}
