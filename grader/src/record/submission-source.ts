/**
 * Where a submission's files are read from, before `prepareSubmission` takes the listed ones:
 *
 * - **nested**: a folder whose only entry is one folder holding `exercises/` (an unzipped download:
 *   `kim/ai-x-lab3-kimminsu/exercises/...`) is read from that inner folder, and the result says so;
 * - **a git repository** (a GitHub Classroom clone): the commit graded is recorded, HEAD's when the
 *   working folder is graded;
 * - **`--before DEADLINE`**: for a git repository, the files of its last commit at or before the
 *   deadline, written into a temporary folder (`git.ts`); no such commit: nothing to grade.
 *
 * The student's folder is only read, never changed.
 */
import { lstat, mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { watchdog } from '../sandbox/watchdog.js';
import { type GradedCommit, headCommit, isGitRepository, lastCommitBefore, writeCommitFiles } from './git.js';

/** Entries an unzip or a file manager leaves beside the real folder, which do not count. */
const CLUTTER = new Set(['__MACOSX', '.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** A submission located: the folder to take its files from, and what was found on the way. */
export interface SubmissionSource {
  /** The folder with the repository's layout (`exercises/...`) to take the listed files from. */
  dir: string;
  /** The one inner folder the files were found in (`ai-x-lab3-kimminsu`), when they were nested. */
  nestedIn?: string;
  /** The commit graded, when the submission is a git repository. */
  commit?: GradedCommit;
  /** Set with `--before` when the repository has no commit at or before the deadline. */
  noCommitBefore?: true;
  /** Removes the temporary copy of a commit, if one was made. */
  cleanup(): Promise<void>;
}

async function isFolder(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => null))?.isDirectory() ?? false;
}

/**
 * The one inner folder of `dir` that holds `exercises/`, when `dir` has no `exercises/` itself and
 * nothing else but clutter ({@link CLUTTER}, hidden files); else `null`.
 */
export async function nestedFolder(dir: string): Promise<string | null> {
  if (await isFolder(path.join(dir, 'exercises'))) return null;
  const entries = (await readdir(dir).catch(() => [] as string[])).filter(
    (name) => !CLUTTER.has(name) && !name.startsWith('.'),
  );
  if (entries.length !== 1) return null;
  const [only] = entries as [string];
  return (await isFolder(path.join(dir, only))) && (await isFolder(path.join(dir, only, 'exercises')))
    ? only
    : null;
}

/**
 * Locates the submission in `dir` (see the top of this file). `before`: grade the last commit at or
 * before this time, when the submission is a git repository.
 *
 * @example
 * ```ts
 * const source = await locateSubmission('submissions/kim', { before: new Date('2026-12-10T23:59+09:00') });
 * try {
 *   const prepared = await prepareSubmission({ repoRoot, submissionDir: source.dir, exercises });
 * } finally {
 *   await source.cleanup();
 * }
 * ```
 */
export async function locateSubmission(
  dir: string,
  options: { before?: Date } = {},
): Promise<SubmissionSource> {
  const top = await realpath(dir).catch(() => dir);
  const inner = await nestedFolder(top);
  // The repository is the folder itself, or the one folder it was unzipped into.
  const repo = isGitRepository(top)
    ? top
    : inner && isGitRepository(path.join(top, inner))
      ? path.join(top, inner)
      : null;
  const nothing = async () => {};
  if (!repo || !options.before) {
    const commit = repo ? headCommit(repo) : null;
    return {
      dir: inner ? path.join(top, inner) : top,
      ...(inner ? { nestedIn: inner } : {}),
      ...(commit ? { commit } : {}),
      cleanup: nothing,
    };
  }
  const commit = lastCommitBefore(repo, options.before);
  if (!commit) return { dir: top, noCommitBefore: true, cleanup: nothing };
  const copy = await realpath(await mkdtemp(path.join(os.tmpdir(), 'gradschool-commit-')));
  watchdog().removeOnExit(copy);
  const cleanup = () => rm(copy, { recursive: true, force: true });
  try {
    await writeCommitFiles(repo, commit.sha, copy);
    // The commit's tree may itself be one folder deeper (a repository that holds the course folder).
    const innerOfCommit = await nestedFolder(copy);
    const nestedIn = [repo === top ? null : inner, innerOfCommit].filter(Boolean).join('/');
    return {
      dir: innerOfCommit ? path.join(copy, innerOfCommit) : copy,
      ...(nestedIn ? { nestedIn } : {}),
      commit,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
