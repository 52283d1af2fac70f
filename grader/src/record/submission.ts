/**
 * Grading a submission folder (`--submission DIR`, each folder of `--batch DIR`): a folder with the
 * repository's layout (`DIR/exercises/03-softmax/src/softmax.ts`). Only the files the manifests list
 * are taken from it, into a fresh private folder (mode 0700) in the system's temporary folder,
 * **outside** the course tree, removed afterwards: a submission never has a path into the course's
 * `solution/`, `node_modules` or the folder the next submission uses. The manifests and checks come
 * from the course tree itself (`grade({ root: repo, studentRoot: copy })`); the sandbox child reads
 * neither tree (`sandbox/spawn.ts`). Everything else in the submission is listed as ignored.
 */
import { copyFile, lstat, mkdir, mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
import { isInside, toPosix } from '../core/paths.js';
import { MAX_STUDENT_FILE_BYTES } from '../core/student-file.js';
import { GraderError } from '../errors.js';
import { type SKIPPED_FOLDERS, walk } from '../fs/walk.js';
import { both } from '../i18n/index.js';
import { watchdog } from '../sandbox/watchdog.js';

/** Cap on a submitted file's size: the same as every student file's (`student-file.ts`). */
export const MAX_SUBMISSION_FILE_BYTES = MAX_STUDENT_FILE_BYTES;

/** What {@link prepareSubmission} needs of an exercise (a `LoadedExercise` from `discover` fits). */
export interface SubmissionExercise {
  /** The exercise's folder in the pristine repository, absolute. */
  dir: string;
  manifest: { files: readonly string[]; hints?: readonly Localized[] };
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

/** A private copy ready to grade with `grade({ root: repo, studentRoot: copy, source: 'submission' })`. */
export interface PreparedSubmission {
  /** The private copy: the listed files only, with the repository's layout. */
  root: string;
  /** Listed files found in the submission and copied in (repository-relative). */
  taken: string[];
  /** Listed files absent from the submission: the course's starter is graded (repository-relative). */
  missing: string[];
  /** Everything in the submission that no manifest lists (repository-relative, sorted). */
  ignoredFiles: string[];
  /** Listed files that were refused: symlinks, escaping paths, oversized or special files, other capitals. */
  refused: RefusedSubmissionFile[];
  /**
   * Course files the submission holds changed (its `checks.ts`, `exercise.json`, a package's
   * `package.json`, ...): never graded, since the course's own are used, but worth a look.
   * Repository-relative, sorted; a subset of `ignoredFiles`.
   */
  changedTrustedFiles: string[];
  /**
   * Why nothing of the submission was graded: `folder` it holds no file at all, `noListedFiles` none
   * of the files the manifests list. Absent when at least one listed file was found (taken or refused).
   */
  empty?: 'folder' | 'noListedFiles';
  /** Removes the private copy. */
  cleanup(): Promise<void>;
}

async function lstatOrNull(file: string) {
  try {
    return await lstat(file);
  } catch {
    return null;
  }
}

/**
 * Everything in the submission, relative to it: files, links (never followed) and special files by
 * name, and each folder that is not walked ({@link SKIPPED_FOLDERS}: `node_modules`, `.git`, ...)
 * once, as `name/`.
 */
async function listFiles(submissionRoot: string): Promise<string[]> {
  const found: string[] = [];
  await walk(submissionRoot, ({ relative, kind }) => {
    found.push(kind === 'skipped' ? `${relative}/` : relative);
  });
  return found;
}

/**
 * For a listed path that is missing: the name in `folder` that differs from `name` only in case, if
 * any (`Softmax.ts` for `softmax.ts`: found on Windows and macOS, not on Linux, where grading runs).
 */
async function otherCase(folder: string, name: string): Promise<Localized | 'missing'> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  const found = entries.find((entry) => entry !== name && entry.toLowerCase() === name.toLowerCase());
  return found ? both('core.static.caseMismatch', { found, name }) : 'missing';
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
    if (!stat) return otherCase(path.join(submissionRoot, ...parts.slice(0, i - 1)), parts[i - 1]!);
    if (stat.isSymbolicLink()) return both('report.refused.escape');
    if (!stat.isDirectory()) return 'missing';
  }
  const stat = await lstatOrNull(target);
  if (!stat) return otherCase(path.dirname(target), path.basename(target));
  if (stat.isSymbolicLink()) return both('report.refused.symlink');
  if (!stat.isFile()) return both('report.refused.notFile');
  if (stat.size > maxBytes) return both('report.refused.tooLarge', { size: stat.size, max: maxBytes });
  return null;
}

/**
 * Whether `relative` is one of the course's own files that the export hands students unchanged:
 * under `exercises/`, `packages/` or `grader/`, not a text for people (`*.md`). The top-level files
 * (`package.json`, `pnpm-lock.yaml`, the README) are rewritten by `export-student`, so a student's
 * copy differs from the course's by design and is not compared.
 */
function isTrustedCourseFile(relative: string): boolean {
  return /^(exercises|packages|grader)\//.test(relative) && !relative.toLowerCase().endsWith('.md');
}

/**
 * The ignored files of a submission that the course tree also has, with other content: an edited
 * `checks.ts`, `exercise.json` or `package.json` (never used for grading, but a sign to look at).
 * Links and unreadable files are passed over: they are listed as ignored already.
 */
async function changedCourseFiles(
  repoRoot: string,
  submissionRoot: string,
  ignoredFiles: readonly string[],
): Promise<string[]> {
  const changed: string[] = [];
  for (const file of ignoredFiles) {
    if (file.endsWith('/') || !isTrustedCourseFile(file)) continue;
    const parts = file.split('/');
    const [ours, theirs] = await Promise.all([
      lstatOrNull(path.join(repoRoot, ...parts)),
      lstatOrNull(path.join(submissionRoot, ...parts)),
    ]);
    if (!ours?.isFile() || !theirs?.isFile()) continue;
    if (ours.size !== theirs.size) {
      changed.push(file);
      continue;
    }
    const [a, b] = await Promise.all([
      readFile(path.join(repoRoot, ...parts)),
      readFile(path.join(submissionRoot, ...parts)),
    ]);
    if (!a.equals(b)) changed.push(file);
  }
  return changed;
}

/**
 * Takes a submission's listed files into a temporary copy of the pristine tree.
 *
 * @example
 * ```ts
 * const prepared = await prepareSubmission({ repoRoot, submissionDir: 'hw/alice', exercises });
 * try {
 *   const report = await grade({ root: repoRoot, studentRoot: prepared.root, source: 'submission', seed, lang });
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

  const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'gradschool-submission-')));
  // Removed after grading; and by the watchdog if the grader is killed first.
  watchdog().removeOnExit(root);
  const cleanup = () => rm(root, { recursive: true, force: true });
  try {
    const taken: string[] = [];
    const missing: string[] = [];
    const refused: RefusedSubmissionFile[] = [];
    for (const [relative, folder] of listed) {
      const reason = folder
        ? await refusal(submissionRoot, relative, maxBytes)
        : both('report.refused.escape');
      const destination = path.join(root, ...relative.split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      if (reason === 'missing' || reason) {
        // Not taken: the course's starter is graded in its place (all `todo`), as if untouched.
        if (reason === 'missing') missing.push(relative);
        else refused.push({ path: relative, reason });
        if (folder) await copyFile(path.join(repoRoot, ...relative.split('/')), destination).catch(() => {});
      } else {
        await copyFile(path.join(submissionRoot, relative), destination);
        taken.push(relative);
      }
    }
    const everything = await listFiles(submissionRoot);
    const ignoredFiles = everything.filter((file) => !listed.has(file)).sort();
    const changedTrustedFiles = await changedCourseFiles(repoRoot, submissionRoot, ignoredFiles);
    const empty =
      taken.length > 0 || refused.length > 0
        ? undefined
        : everything.length === 0
          ? ('folder' as const)
          : ('noListedFiles' as const);
    return {
      root,
      taken,
      missing,
      ignoredFiles,
      refused,
      changedTrustedFiles,
      ...(empty ? { empty } : {}),
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
