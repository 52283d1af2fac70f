/**
 * Grading a submission folder (`--submission DIR`, each folder of `--batch DIR`): a folder with the
 * repository's layout (`DIR/exercises/03-softmax/src/softmax.ts`). Only the files the manifests list
 * are taken from it, into a temporary copy of the pristine tree, so a submitted `checks.ts`, a
 * patched engine or anything else never reaches the grader. Everything else is listed as ignored.
 *
 * The copy lives inside the repository (`.grade/tmp/<run>/`, gitignored) and links `node_modules`
 * and the other top-level folders back to the real ones, so `@gradschool/*` imports resolve exactly
 * as they do in the repository. Folders are linked as junctions, which Windows allows without admin
 * rights.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rm,
  rmdir,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import { GraderError } from './errors.js';

/** Default cap on a submitted file's size: 1 MiB is far more than any exercise needs. */
export const MAX_SUBMISSION_FILE_BYTES = 1024 * 1024;

/** Folders of a submission that are never walked: listed once, as `name/`. */
const UNWALKED = new Set(['node_modules', '.git', '.grade', '.turbo', 'dist', 'coverage']);

/** Top-level entries of the repository that the temporary copy does not link. */
const NOT_LINKED = new Set(['exercises', '.git', '.grade', '.turbo']);

/** What {@link prepareSubmission} needs of an exercise (a `LoadedExercise` from `discover` fits). */
export interface SubmissionExercise {
  /** The exercise's folder in the pristine repository, absolute. */
  dir: string;
  manifest: { files: readonly string[] };
}

/** A submitted file that was not taken, and why (in both languages). */
export interface RefusedSubmissionFile {
  /** Repository-relative, `/`-separated (e.g. `exercises/03-softmax/src/softmax.ts`). */
  path: string;
  reason: Localized;
}

/** Options of {@link prepareSubmission}. */
export interface PrepareSubmissionOptions {
  /** The pristine repository (holds `exercises/`, `packages/`, `node_modules/`). */
  repoRoot: string;
  /** The student's folder, with the repository's layout. */
  submissionDir: string;
  /** The exercises whose listed files are taken from the submission. */
  exercises: readonly SubmissionExercise[];
  /** Files larger than this are refused (default {@link MAX_SUBMISSION_FILE_BYTES}). */
  maxFileBytes?: number;
}

/** A temporary tree ready to grade with `grade({ root, source: 'submission' })`. */
export interface PreparedSubmission {
  /** The temporary repository root to grade. */
  root: string;
  /** Listed files found in the submission and copied in (repository-relative). */
  taken: string[];
  /** Listed files absent from the submission: the pristine starter stays (repository-relative). */
  missing: string[];
  /** Everything in the submission that no manifest lists (repository-relative, sorted). */
  ignoredFiles: string[];
  /** Listed files that were refused: symlinks, escaping paths, oversized or special files. */
  refused: RefusedSubmissionFile[];
  /** Removes the temporary tree (the links only, never what they point to). */
  cleanup(): Promise<void>;
}

/** `/`-separated, for reports that read the same on Windows. */
const toPosix = (p: string) => p.split(path.sep).join('/');

/** True when `target` is `base` or inside it. */
function isInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function lstatOrNull(file: string) {
  try {
    return await lstat(file);
  } catch {
    return null;
  }
}

/** Every file under `dir` (not following links), repository-relative; unwalked folders as `name/`. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory() && UNWALKED.has(entry.name)) found.push(`${relative}/`);
    else if (entry.isDirectory()) found.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else found.push(relative);
  }
  return found;
}

/**
 * Why the listed file `relative` of the submission cannot be taken, or `null` if it can. Each folder
 * on the way is checked too: a linked `exercises/` folder would lead outside the submission.
 */
async function refusal(
  submissionRoot: string,
  relative: string,
  maxBytes: number,
): Promise<Localized | 'missing' | null> {
  const target = path.resolve(submissionRoot, relative);
  if (!isInside(submissionRoot, target) || relative.split('/').includes('..'))
    return both('report.refused.escape');
  const parts = relative.split('/');
  for (let i = 1; i < parts.length; i++) {
    const stat = await lstatOrNull(path.join(submissionRoot, ...parts.slice(0, i)));
    if (!stat) return 'missing';
    if (stat.isSymbolicLink()) return both('report.refused.escape');
    if (!stat.isDirectory()) return 'missing';
  }
  const stat = await lstatOrNull(target);
  if (!stat) return 'missing';
  if (stat.isSymbolicLink()) return both('report.refused.symlink');
  if (!stat.isFile()) return both('report.refused.notFile');
  if (stat.size > maxBytes) return both('report.refused.tooLarge', { size: stat.size, max: maxBytes });
  return null;
}

/** Links a folder: a junction on Windows (no admin rights needed), a symlink elsewhere. */
async function linkDir(target: string, link: string): Promise<void> {
  await symlink(target, link, process.platform === 'win32' ? 'junction' : 'dir');
}

/**
 * Copies a file into the temporary tree. A `tsconfig*.json` whose relative `"extends"` would leave
 * the copy (a root config extending one further up) gets the original's absolute path instead, so
 * TypeScript tooling reads the same settings as in the repository.
 */
async function copyTreeFile(from: string, to: string, copyRoot: string): Promise<void> {
  if (!/^tsconfig.*\.json$/.test(path.basename(from))) return copyFile(from, to);
  const text = await readFile(from, 'utf8');
  const fixed = text.replace(/("extends"\s*:\s*")(\.[^"]*)"/, (whole, head: string, target: string) =>
    isInside(copyRoot, path.resolve(path.dirname(to), target))
      ? whole
      : `${head}${toPosix(path.resolve(path.dirname(from), target))}"`,
  );
  await writeFile(to, fixed);
}

/** Copies an exercise folder, linking its `node_modules` (at any depth) instead of copying them. */
async function copyExercise(from: string, to: string, copyRoot: string, links: string[]): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    if (entry.name === 'node_modules') {
      await linkDir(await realpath(source), destination);
      links.push(destination);
    } else if (entry.isDirectory()) await copyExercise(source, destination, copyRoot, links);
    else if (entry.isFile()) await copyTreeFile(source, destination, copyRoot);
  }
}

/** Builds `<repo>/.grade/tmp/<run>/`: linked top-level folders, copied files, copied exercises. */
async function buildPristineCopy(repoRoot: string, root: string, links: string[]): Promise<void> {
  await mkdir(path.join(root, 'exercises'), { recursive: true });
  for (const entry of await readdir(repoRoot, { withFileTypes: true })) {
    if (NOT_LINKED.has(entry.name)) continue;
    const source = path.join(repoRoot, entry.name);
    const destination = path.join(root, entry.name);
    if (entry.isDirectory()) {
      await linkDir(source, destination);
      links.push(destination);
    } else if (entry.isFile()) await copyTreeFile(source, destination, root);
  }
  const exercisesDir = path.join(repoRoot, 'exercises');
  for (const entry of await readdir(exercisesDir, { withFileTypes: true })) {
    if (entry.isDirectory())
      await copyExercise(
        path.join(exercisesDir, entry.name),
        path.join(root, 'exercises', entry.name),
        root,
        links,
      );
  }
}

/**
 * Takes a submission's listed files into a temporary copy of the pristine tree.
 *
 * @example
 * ```ts
 * const prepared = await prepareSubmission({ repoRoot, submissionDir: 'hw/alice', exercises });
 * try {
 *   const report = await grade({ root: prepared.root, source: 'submission', seed, lang });
 *   report.ignoredFiles = prepared.ignoredFiles;
 * } finally {
 *   await prepared.cleanup();
 * }
 * ```
 */
export async function prepareSubmission(options: PrepareSubmissionOptions): Promise<PreparedSubmission> {
  const repoRoot = await realpath(options.repoRoot);
  const submissionStat = await lstatOrNull(options.submissionDir);
  if (!submissionStat?.isDirectory()) {
    throw new GraderError('usage', both('report.submission.notFound', { dir: options.submissionDir }));
  }
  const submissionRoot = await realpath(options.submissionDir);
  const maxBytes = options.maxFileBytes ?? MAX_SUBMISSION_FILE_BYTES;

  // Repository-relative listed path -> the exercise folder it belongs to, or null when the manifest's
  // path would leave that folder (manifests are validated, but this is the last line of defence).
  const listed = new Map<string, string | null>();
  for (const exercise of options.exercises) {
    const folder = `exercises/${path.basename(exercise.dir)}`;
    for (const file of exercise.manifest.files) {
      const relative = toPosix(path.normalize(`${folder}/${file}`));
      listed.set(relative, relative.startsWith(`${folder}/`) && !path.isAbsolute(file) ? folder : null);
    }
  }

  const root = path.join(
    repoRoot,
    '.grade',
    'tmp',
    `submission-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const links: string[] = [];
  const cleanup = async () => {
    // Unlink the links first, so removing the tree can never reach into what they point to.
    for (const link of links.splice(0)) await unlink(link).catch(() => rm(link, { force: true }));
    await rm(root, { recursive: true, force: true });
    // Tidy up `.grade/tmp` and `.grade` when this was the last run using them (rmdir keeps non-empty folders).
    for (const folder of [path.dirname(root), path.dirname(path.dirname(root))])
      await rmdir(folder).catch(() => {});
  };
  try {
    await buildPristineCopy(repoRoot, root, links);
    const taken: string[] = [];
    const missing: string[] = [];
    const refused: RefusedSubmissionFile[] = [];
    for (const [relative, folder] of listed) {
      const reason = folder
        ? await refusal(submissionRoot, relative, maxBytes)
        : both('report.refused.escape');
      if (reason === 'missing') missing.push(relative);
      else if (reason) refused.push({ path: relative, reason });
      else {
        const destination = path.join(root, ...relative.split('/'));
        await mkdir(path.dirname(destination), { recursive: true });
        await copyFile(path.join(submissionRoot, relative), destination);
        taken.push(relative);
      }
    }
    const ignoredFiles = (await listFiles(submissionRoot)).filter((file) => !listed.has(file)).sort();
    return { root, taken, missing, ignoredFiles, refused, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
