/**
 * The grader's one directory walk, and its one list of folders not to walk. Three jobs use it, each
 * with its own options: taking a submission (`core/submission.ts`: what it holds beyond the listed
 * files), tamper detection (`core/tamper.ts`: what it fingerprints) and the student export
 * (`instructor/export-filter.ts`, `export-student.ts`: what is copied).
 *
 * It lives in a folder of its own (`fs/`) because it belongs to none of those three.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Folder names that are never walked, wherever they appear, because nothing in them is the course's
 * own source or a student's work:
 *
 * - `node_modules`: installed packages (tamper detection walks the ones grading loads on purpose,
 *   with `skip: NOTHING_SKIPPED`);
 * - `.git`: version control;
 * - `.grade`: the grader's own caches and reports;
 * - `.turbo`: turbo's cache;
 * - `dist`: build output;
 * - `coverage`: test coverage reports.
 *
 * A file (or a link) with one of these names is not a folder and is not skipped by this list.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.grade',
  '.turbo',
  'dist',
  'coverage',
]);

/** For a walk that skips no folder by name (`skip: NOTHING_SKIPPED`). */
export const NOTHING_SKIPPED: ReadonlySet<string> = new Set();

/**
 * What was found: `file` a regular file; `link` a symbolic link (to anything, even nothing);
 * `skipped` a folder named in `skip`, not walked; `other` a socket, FIFO or device.
 */
export type WalkEntryKind = 'file' | 'link' | 'skipped' | 'other';

/** One entry met by {@link walk}. */
export interface WalkEntry {
  /** Relative to the walk's root, `/`-separated (`exercises/03-softmax/src/softmax.ts`). */
  relative: string;
  /** The absolute path. */
  full: string;
  kind: WalkEntryKind;
}

/** Options of {@link walk}. */
export interface WalkOptions {
  /** The folder to walk, relative to the root (`/`-separated; default: the root itself). */
  under?: string;
  /** Folder names not walked, reported as `skipped` (default {@link SKIPPED_FOLDERS}). */
  skip?: ReadonlySet<string>;
  /**
   * Whether to walk into links to folders too. By default a link is reported (`link`) and never
   * followed: a link could lead anywhere, outside the tree. With `true` (for pnpm's `node_modules`,
   * links into its store) a link is reported, then the folder it leads to is walked under the link's
   * path, each real folder once (so link cycles end).
   */
  followLinks?: boolean;
  /** The real folders already walked; pass one set to several walks to walk each folder once. */
  seen?: Set<string>;
  /** Leaves out a file or folder (and all below it) entirely: it is not reported. */
  exclude?: (relative: string) => boolean;
  /** A folder that cannot be read: `throw` the error (default), or `ignore` it as empty. */
  unreadable?: 'throw' | 'ignore';
}

/**
 * Calls `visit` for every file, link, skipped folder and special file below `root` (or below
 * `options.under`), folders first to last in no fixed order (entries of one folder are visited
 * concurrently). Folders themselves are not visited.
 *
 * @example
 * ```ts
 * const files: string[] = [];
 * await walk(repoRoot, ({ relative, kind }) => void (kind === 'file' && files.push(relative)), {
 *   under: 'exercises',
 * });
 * ```
 */
export async function walk(
  root: string,
  visit: (entry: WalkEntry) => void | Promise<void>,
  options: WalkOptions = {},
): Promise<void> {
  const skip = options.skip ?? SKIPPED_FOLDERS;
  const seen = options.seen ?? new Set<string>();
  const walkFolder = async (relative: string): Promise<void> => {
    const full = path.join(root, ...(relative ? relative.split('/') : []));
    if (options.followLinks) {
      const real = await realpath(full).catch(() => full);
      if (seen.has(real)) return;
      seen.add(real);
    }
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(full, { withFileTypes: true });
    } catch (error) {
      if (options.unreadable === 'ignore') return;
      throw error;
    }
    await Promise.all(
      entries.map(async (entry) => {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (options.exclude?.(child)) return;
        const childFull = path.join(full, entry.name);
        if (entry.isDirectory()) {
          if (skip.has(entry.name)) await visit({ relative: child, full: childFull, kind: 'skipped' });
          else await walkFolder(child);
        } else if (entry.isSymbolicLink()) {
          await visit({ relative: child, full: childFull, kind: 'link' });
          if (options.followLinks && (await stat(childFull).catch(() => null))?.isDirectory())
            await walkFolder(child);
        } else {
          await visit({ relative: child, full: childFull, kind: entry.isFile() ? 'file' : 'other' });
        }
      }),
    );
  };
  await walkFolder(options.under ?? '');
}
