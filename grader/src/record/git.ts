/**
 * Reading a submission that is a git repository (a GitHub Classroom clone): which commit is graded,
 * and, for `--before DEADLINE`, the files of the last commit made before the deadline, taken into a
 * temporary folder outside the student's checkout.
 *
 * Only read-only plumbing runs (`log`, `ls-tree`, `cat-file`): none of them runs hooks, filters
 * (`.gitattributes` smudge drivers from the submission's own `.git/config`) or an fsmonitor, so a
 * hostile `.git/config` in a submission runs nothing. The student's checkout, index and `.git` are
 * never written (no `git worktree add`, which writes into `.git/worktrees`).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A commit that was graded: its id and its committer time (ISO 8601, with the committer's offset). */
export interface GradedCommit {
  sha: string;
  committedAt: string;
}

/** Blobs larger than this are not taken out of history (no listed file may be that large anyway). */
const MAX_BLOB_BYTES = 4 * 1024 * 1024;

/** Whether `dir` itself is the top of a git repository (a `.git` folder or file right in it). */
export function isGitRepository(dir: string): boolean {
  try {
    const stat = lstatSync(path.join(dir, '.git'));
    return stat.isDirectory() || stat.isFile();
  } catch {
    return false;
  }
}

/**
 * Runs a read-only git command in `dir`. Git never looks above `dir` for a repository (the
 * ceiling), reads no system or user configuration that could point it elsewhere, and trusts the
 * folder though the instructor may not own it (the clone of a zip, another user's copy).
 */
function git(dir: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', ['-c', 'safe.directory=*', '-C', dir, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GIT_CEILING_DIRECTORIES: path.dirname(dir),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
    },
    maxBuffer: 512 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`git ${args[0]}: ${result.stderr.toString('utf8').trim() || `exit ${result.status}`}`);
  return result.stdout;
}

/** Every commit reachable from HEAD, with its committer time: `[sha, seconds, ISO time]`. */
function commits(dir: string): { sha: string; seconds: number; iso: string }[] {
  const out = git(dir, ['log', '--format=%H %ct %cI', 'HEAD']).toString('utf8');
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha = '', seconds = '0', iso = ''] = line.split(' ');
      return { sha, seconds: Number(seconds), iso };
    });
}

/** The commit HEAD points at, or `null` when the repository has none yet (or cannot be read). */
export function headCommit(dir: string): GradedCommit | null {
  try {
    const first = commits(dir)[0];
    return first ? { sha: first.sha, committedAt: first.iso } : null;
  } catch {
    return null;
  }
}

/**
 * The last commit reachable from HEAD whose committer time is at or before `deadline`, or `null`
 * when there is none. The latest by time, not the first in history order: a rebase or a merge can
 * put an older commit above a newer one.
 */
export function lastCommitBefore(dir: string, deadline: Date): GradedCommit | null {
  const limit = Math.floor(deadline.getTime() / 1000);
  let best: { sha: string; seconds: number; iso: string } | null = null;
  for (const commit of commits(dir)) {
    if (commit.seconds <= limit && (!best || commit.seconds > best.seconds)) best = commit;
  }
  return best ? { sha: best.sha, committedAt: best.iso } : null;
}

/**
 * Writes the regular files of `sha`'s tree into `into` (which must exist), by their content in
 * the object store: no checkout, no filters. Links and submodules are left out (a link would be
 * refused anyway), and so are blobs over {@link MAX_BLOB_BYTES}.
 */
export async function writeCommitFiles(dir: string, sha: string, into: string): Promise<void> {
  const tree = git(dir, ['ls-tree', '-r', '-z', '-l', '--full-tree', sha]).toString('utf8');
  const files: { oid: string; file: string }[] = [];
  for (const entry of tree.split('\0').filter(Boolean)) {
    // `<mode> <type> <oid> <size>\t<path>`
    const tab = entry.indexOf('\t');
    const [mode, type, oid, size] = entry.slice(0, tab).trim().split(/\s+/);
    const file = entry.slice(tab + 1);
    if (type !== 'blob' || !(mode === '100644' || mode === '100755')) continue;
    if (Number(size) > MAX_BLOB_BYTES || !oid) continue;
    const parts = file.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..' || part === '.git')) continue;
    files.push({ oid, file });
  }
  if (files.length === 0) return;
  // One `cat-file --batch` for them all: `<oid> blob <size>\n<content>\n` for each.
  const out = git(dir, ['cat-file', '--batch'], `${files.map((f) => f.oid).join('\n')}\n`);
  let at = 0;
  for (const { file } of files) {
    const newline = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, newline).toString('utf8').split(' ')[2]);
    const content = out.subarray(newline + 1, newline + 1 + size);
    at = newline + 1 + size + 1;
    const target = path.join(into, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
