/**
 * Tamper detection for record grading (`--submission`, `--batch`). Student code runs with the
 * grader's own file-system rights, so it could write through the copy's links (or by absolute path)
 * into the repository's checks, engine or grader, changing how this and later submissions are
 * graded. Before and after each submission the grader fingerprints the files it trusts (size, mtime
 * and a hash of each); any difference voids that submission's result, and a batch stops.
 *
 * This detects, it does not prevent: see "Threat model" in `grader/README.md`.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import { isTrustedExerciseFile, toPosix } from './submission-tree.js';
import type { ExerciseProblem, GradeReport } from './types.js';

/** Repository-relative path (`/`-separated) -> `size:mtime:hash` of each trusted file. */
export type Fingerprint = ReadonlyMap<string, string>;

/** Folders never walked inside the trusted trees. */
const SKIPPED = new Set(['node_modules', '.git', '.grade', '.turbo', 'dist', 'coverage']);

/** Every file under `dir` (recursively, not following links), relative to `root`. */
async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) found.push(...(await filesUnder(root, full)));
    else if (entry.isFile()) found.push(toPosix(path.relative(root, full)));
  }
  return found;
}

/** The names of the folders directly in `dir`. */
async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !SKIPPED.has(e.name)).map((e) => e.name);
}

/**
 * The trusted files of `repoRoot`: `exercises/<id>/{exercise.json,checks.ts,checks/**}`,
 * `packages/<name>/src/**`, `grader/src/**`, `grader/schema/**`, and the `package.json` files and root
 * `tsconfig*.json` that decide how modules resolve (repository-relative, sorted).
 */
export async function trustedFiles(repoRoot: string): Promise<string[]> {
  const files: string[] = [];
  for (const id of await folders(path.join(repoRoot, 'exercises'))) {
    const dir = path.join(repoRoot, 'exercises', id);
    for (const file of await filesUnder(dir, dir))
      if (isTrustedExerciseFile(file)) files.push(`exercises/${id}/${file}`);
  }
  for (const name of await folders(path.join(repoRoot, 'packages')))
    files.push(...(await filesUnder(repoRoot, path.join(repoRoot, 'packages', name, 'src'))));
  for (const sub of ['src', 'schema'])
    files.push(...(await filesUnder(repoRoot, path.join(repoRoot, 'grader', sub))));
  // What decides how modules resolve (a package's `exports`, the TypeScript settings).
  const configs = [
    'package.json',
    'grader/package.json',
    ...(await folders(path.join(repoRoot, 'packages'))).map((name) => `packages/${name}/package.json`),
    ...(await folders(path.join(repoRoot, 'exercises'))).map((id) => `exercises/${id}/package.json`),
    ...(await readdir(repoRoot).catch(() => [] as string[])).filter((f) => /^tsconfig.*\.json$/.test(f)),
  ];
  for (const file of configs)
    if (
      await stat(path.join(repoRoot, ...file.split('/'))).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      files.push(file);
  return files.sort();
}

/**
 * Fingerprints the trusted files of `repoRoot` (about 50 ms for this course's ~200 files on a busy 2-core machine).
 *
 * @example
 * ```ts
 * const before = await fingerprint(repoRoot);
 * // ... grade a submission ...
 * const changed = changedFiles(before, await fingerprint(repoRoot)); // [] when nothing changed
 * ```
 */
export async function fingerprint(repoRoot: string): Promise<Fingerprint> {
  const prints = new Map<string, string>();
  for (const file of await trustedFiles(repoRoot)) {
    const full = path.join(repoRoot, ...file.split('/'));
    try {
      const [info, bytes] = await Promise.all([stat(full), readFile(full)]);
      const hash = createHash('sha1').update(bytes).digest('base64');
      prints.set(file, `${info.size}:${info.mtimeMs}:${hash}`);
    } catch {
      prints.set(file, 'unreadable');
    }
  }
  return prints;
}

/** Files added, removed or changed between two fingerprints (sorted). */
export function changedFiles(before: Fingerprint, after: Fingerprint): string[] {
  const changed = new Set<string>();
  for (const [file, print] of before) if (after.get(file) !== print) changed.add(file);
  for (const file of after.keys()) if (!before.has(file)) changed.add(file);
  return [...changed].sort();
}

/** The message of a voided submission, naming the changed files. */
export function tamperMessage(changed: readonly string[]): Localized {
  return both('core.tamper.void', { files: changed.join(', ') });
}

/**
 * Voids `report` in place: every exercise becomes `error` with the tamper problem, every check
 * `error` with no points. The maximum stays, so the total reads 0 of the usual maximum.
 */
export function voidReport(report: GradeReport, changed: readonly string[]): void {
  const problem: ExerciseProblem = { code: 'tampered', message: tamperMessage(changed) };
  for (const ex of report.exercises) {
    ex.status = 'error';
    ex.score = 0;
    ex.problem = problem;
    for (const check of ex.checks)
      Object.assign(check, { status: 'error', score: 0, message: problem.message });
  }
  report.score = 0;
}
