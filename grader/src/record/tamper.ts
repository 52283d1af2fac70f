/**
 * Tamper detection for record grading (`--submission`, `--batch`): the second line of defence.
 * The first is the sandbox (`sandbox/spawn.ts`): student code may write nowhere and start nothing.
 * Should anything still change what code runs for the next submission, this notices: before and
 * after each submission the grader fingerprints
 *
 * - the course's own files, by content (SHA-1): every exercise's files (`src/`, `solution/`,
 *   `checks*`, `exercise.json`, `mutants/`, ...), the engine's and the kit's `src/`, the grader's
 *   `src/` and `schema/`, and the `package.json`, `tsconfig*.json` and workspace files that decide
 *   how modules resolve;
 * - every installed file that grading loads (`node_modules` of the grader, the libraries and the
 *   exercises, followed through pnpm's links into its store, and tsx), by size, mtime and inode
 *   (hashing them all would take seconds). Not the ctime: another checkout's `pnpm install`
 *   hard-links the same store files and so changes it, which would stop a batch for nothing. A
 *   write that also puts the mtime back goes unseen here; the sandbox allows no writes at all.
 *
 * Any difference voids that submission's result, and a batch stops.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
import type { ExerciseProblem, GradeReport } from '../core/types.js';
import { NOTHING_SKIPPED, SKIPPED_FOLDERS, type WalkEntry, walk } from '../fs/walk.js';
import { both } from '../i18n/index.js';

/** Repository-relative path (`/`-separated) -> a print of each trusted file. */
export type Fingerprint = ReadonlyMap<string, string>;

/** Names of the folders directly in `dir`. */
async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)).map((e) => e.name);
}

/** The course's own trusted folders, relative to the repository (hashed by content). */
async function courseFolders(repoRoot: string): Promise<string[]> {
  return [
    ...(await folders(path.join(repoRoot, 'exercises'))).map((id) => `exercises/${id}`),
    ...(await folders(path.join(repoRoot, 'packages'))).map((name) => `packages/${name}/src`),
    'grader/src',
    'grader/schema',
  ];
}

/** The files at the top of the repository and of each package that decide how modules resolve. */
async function configFiles(repoRoot: string): Promise<string[]> {
  const packages = [
    '.',
    'grader',
    ...(await folders(path.join(repoRoot, 'packages'))).map((name) => `packages/${name}`),
    ...(await folders(path.join(repoRoot, 'exercises'))).map((id) => `exercises/${id}`),
  ];
  const top = (await readdir(repoRoot).catch(() => [] as string[])).filter((f) =>
    /^(tsconfig.*\.json|pnpm-workspace\.yaml|pnpm-lock\.yaml|\.npmrc)$/.test(f),
  );
  return [...packages.map((p) => (p === '.' ? 'package.json' : `${p}/package.json`)), ...top];
}

/**
 * The installed packages that grading loads: the grader's, the libraries' and the exercises'
 * dependencies (walked through pnpm's links, so each one's own dependencies too), and tsx, which
 * `pnpm grade` starts with. Not the developer tools (Biome, turbo, vitest).
 */
async function nodeModulesFolders(repoRoot: string): Promise<string[]> {
  const owners = [
    'grader',
    ...(await folders(path.join(repoRoot, 'packages'))).map((name) => `packages/${name}`),
    ...(await folders(path.join(repoRoot, 'exercises'))).map((id) => `exercises/${id}`),
  ];
  return [...owners.map((owner) => `${owner}/node_modules`), 'node_modules/tsx'];
}

const hashOf = async (full: string) =>
  createHash('sha1')
    .update(await readFile(full))
    .digest('base64');

/**
 * Fingerprints what decides the code that runs for the next submission (see the top of this file).
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
  const byContent = async ({ relative, full, kind }: WalkEntry) => {
    if (kind !== 'file' && kind !== 'link') return;
    const isLink = kind === 'link';
    try {
      const info = await lstat(full);
      prints.set(
        relative,
        isLink ? `link:${await readlink(full)}` : `${info.size}:${info.mtimeMs}:${await hashOf(full)}`,
      );
    } catch {
      prints.set(relative, 'unreadable');
    }
  };
  const byStat = async ({ relative, full, kind }: WalkEntry) => {
    if (kind !== 'file' && kind !== 'link') return;
    const isLink = kind === 'link';
    // Keyed by where the entry really is: the walk visits a package folder once, through whichever
    // of its links it reaches first (the order varies from walk to walk), so a key taken from the
    // link's path named the same file differently in two fingerprints, and voided honest gradings.
    const real = await realpath(path.dirname(full)).then(
      (dir) =>
        path
          .relative(repoRoot, path.join(dir, path.basename(full)))
          .split(path.sep)
          .join('/'),
      () => relative,
    );
    try {
      const info = await lstat(full);
      prints.set(real, isLink ? `link:${await readlink(full)}` : `${info.size}:${info.mtimeMs}:${info.ino}`);
    } catch {
      prints.set(real, 'unreadable');
    }
  };
  // The course's folders: by content, without what SKIPPED_FOLDERS names (`node_modules` included:
  // the installed files are fingerprinted below, by stat); a link is printed as its target.
  for (const under of await courseFolders(repoRoot))
    await walk(repoRoot, byContent, { under, unreadable: 'ignore' });
  for (const file of await configFiles(repoRoot)) {
    const full = path.join(repoRoot, ...file.split('/'));
    if (
      await stat(full).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      await byContent({ relative: file, full, kind: 'file' });
  }
  // The installed packages: everything (a package's `dist/` is its code), through pnpm's links.
  const seen = new Set<string>();
  for (const under of await nodeModulesFolders(repoRoot))
    await walk(repoRoot, byStat, {
      under,
      skip: NOTHING_SKIPPED,
      followLinks: true,
      seen,
      unreadable: 'ignore',
    });
  return prints;
}

/** The trusted files of `repoRoot`, repository-relative and sorted (what {@link fingerprint} covers). */
export async function trustedFiles(repoRoot: string): Promise<string[]> {
  return [...(await fingerprint(repoRoot)).keys()].sort();
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
