/**
 * Watch mode: saving a student file regrades its exercise. `watchStudentFiles` turns file-system
 * events into one debounced "exercise X changed" call (editors often write a file in several
 * steps); the interactive UI's session uses it (`cli/interactive.ts`), and so does `pnpm grade --watch`
 * without a terminal UI (`cli/watch.ts`). Only the files that the manifests list regrade anything: nothing else is ever graded.
 *
 * What is watched is the folders on the way to those files, not the files themselves: a watch on a
 * file follows its inode, so a file deleted and written again at once (`git checkout`, some editors'
 * saves) went unseen from then on, and so did the file once its folder was deleted and re-created.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

/** What watching needs of an exercise (a `LoadedExercise` fits). */
export interface WatchTarget {
  id: string;
  /** The exercise's folder, absolute. */
  dir: string;
  manifest: { files: string[] };
}

/** A running watcher. */
export interface Watcher {
  /** Resolves once the files are being watched (saves before that may be missed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** How `watchStudentFiles` behaves. */
export interface WatchOptions {
  /** Quiet time after the last event before `onSaved` (default `DEFAULT_DEBOUNCE_MS`). */
  debounceMs?: number;
  /**
   * Called with what went wrong instead of throwing: an error of the watcher itself, or one thrown
   * (or rejected) by `onSaved`. Watching goes on either way. Without it, such errors are dropped.
   */
  onError?: (error: unknown) => void;
}

/** Quiet time after the last event before regrading: editors save in bursts. */
export const DEFAULT_DEBOUNCE_MS = 25;

/** The text of a thrown value, for a one-line message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * How paths are compared: absolute and case-folded. A student's `Softmax.ts` names the listed
 * `softmax.ts` (the grading then says what is wrong with it), and on a case-insensitive file system
 * a rename to another case may arrive as one event under either name.
 */
function key(file: string): string {
  return path.resolve(file).toLowerCase();
}

/** A folder on the way from an exercise's folder to its listed files. */
interface Folder {
  dir: string;
  /** The exercises with a listed file somewhere below. */
  ids: Set<string>;
  /** Its subfolders that are on the way too (by key). */
  subfolders: Set<string>;
}

/** The listed files (by key) with their exercise, the folders on the way, and the exercises' folders. */
function watchPlan(targets: readonly WatchTarget[]) {
  const owner = new Map<string, string>();
  const folders = new Map<string, Folder>();
  const folder = (dir: string) => {
    const found = folders.get(key(dir)) ?? { dir, ids: new Set<string>(), subfolders: new Set<string>() };
    folders.set(key(dir), found);
    return found;
  };
  for (const target of targets) {
    const root = key(target.dir);
    for (const file of target.manifest.files) {
      const absolute = path.resolve(target.dir, file);
      owner.set(key(absolute), target.id);
      // Manifest paths stay inside the exercise's folder (the schema refuses `..`): this ends at root.
      let below: string | undefined;
      for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
        const entry = folder(dir);
        entry.ids.add(target.id);
        if (below !== undefined) entry.subfolders.add(below);
        below = key(dir);
        if (below === root || path.dirname(dir) === dir) break;
      }
    }
  }
  const roots = [...new Set(targets.map((target) => key(target.dir)))];
  return { owner, folders, roots };
}

/** The folder is not there (now): its parent's watch will see it come back. */
function gone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Calls `onSaved(id)` once per burst of changes to the student files of exercise `id`: a save, a
 * delete, a (re-)creation, a rename away or back (a case-only one too), the file turning into a
 * folder or back, or a folder on its way being deleted or re-created. Other files are ignored.
 *
 * Each folder from the exercise's folder down to a listed file has its own `fs.watch` (not
 * recursive), and an event maps to an exercise by the name it carries alone, with no idea of what
 * is on disk: so a file that became a folder and back, or was replaced at once, cannot be missed.
 * (chokidar, used before, keeps such a picture; it lost the file turning back from a folder now
 * and then.) A folder on the way that is renamed (deleted, re-created) is watched afresh.
 *
 * @example
 * ```ts
 * const watcher = watchStudentFiles(exercises, (id) => console.log(`${id} changed`), {
 *   onError: (error) => console.error(errorMessage(error)),
 * });
 * await watcher.ready;
 * // ... later
 * await watcher.close();
 * ```
 */
export function watchStudentFiles(
  targets: readonly WatchTarget[],
  // May return a promise: its rejection is reported like a throw.
  onSaved: (id: string) => void,
  opts: WatchOptions = {},
): Watcher {
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const report = (error: unknown) => {
    try {
      opts.onError?.(error);
    } catch {
      // Whoever shows the error failed too: watching still goes on.
    }
  };
  const { owner, folders, roots } = watchPlan(targets);
  const timers = new Map<string, NodeJS.Timeout>();
  const open = new Map<string, FSWatcher>();
  let closed = false;

  const changed = (id: string) => {
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        Promise.resolve()
          .then(() => onSaved(id))
          .catch(report);
      }, debounceMs),
    );
  };

  const unwatch = (folderKey: string) => {
    open.get(folderKey)?.close();
    open.delete(folderKey);
  };

  // (Re)watches a folder and the folders on the way below it; one that is not there is skipped.
  const watchFolder = (folderKey: string) => {
    const folder = folders.get(folderKey);
    if (closed || !folder) return;
    unwatch(folderKey);
    try {
      const watcher = watch(folder.dir, (event, name) => seen(folder, event, name));
      // Windows reports a watched folder's deletion as an error: it is watched again when it returns.
      watcher.on('error', (error) => {
        if (open.get(folderKey) === watcher) unwatch(folderKey);
        for (const id of folder.ids) changed(id);
        if (existsSync(folder.dir)) report(error);
      });
      open.set(folderKey, watcher);
    } catch (error) {
      if (!gone(error)) report(error);
      return;
    }
    for (const sub of folder.subfolders) watchFolder(sub);
  };

  const seen = (folder: Folder, event: string, name: string | null) => {
    if (closed) return;
    if (name === null) {
      // No name (some platforms, some events): anything in this folder may have changed.
      for (const id of folder.ids) changed(id);
      for (const sub of folder.subfolders) watchFolder(sub);
      return;
    }
    const entry = key(path.join(folder.dir, name));
    const id = owner.get(entry);
    if (id !== undefined) changed(id);
    // A folder on the way was renamed, deleted or (re-)created: its watch is renewed.
    const sub = folders.get(entry);
    if (sub && event === 'rename') {
      for (const below of sub.ids) changed(below);
      watchFolder(entry);
    }
  };

  for (const root of roots) watchFolder(root);
  return {
    ready: Promise.resolve(),
    async close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const folderKey of [...open.keys()]) unwatch(folderKey);
    },
  };
}
