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
import { copyFile, lstat, mkdir, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import { GraderError } from './errors.js';
import {
  buildPristineCopy,
  COPY_PREFIX,
  isInside,
  removeCopy,
  removeStaleCopies,
  toPosix,
} from './submission-tree.js';

/** Default cap on a submitted file's size: 1 MiB is far more than any exercise needs. */
export const MAX_SUBMISSION_FILE_BYTES = 1024 * 1024;

/** Folders of a submission that are never walked: listed once, as `name/`. */
const UNWALKED = new Set(['node_modules', '.git', '.grade', '.turbo', 'dist', 'coverage']);

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

  const copies = path.join(repoRoot, '.grade', 'tmp');
  await removeStaleCopies(copies);
  const root = path.join(copies, `${COPY_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  const cleanup = () => removeCopy(root);
  try {
    await buildPristineCopy(repoRoot, root);
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
