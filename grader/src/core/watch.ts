/**
 * Watch mode: saving a student file regrades its exercise. `watchStudentFiles` turns file-system
 * events into one debounced "exercise X was saved" call (editors often write a file in several
 * steps); the interactive UI uses it directly, and `runPlainWatch` is `pnpm grade --watch` without a
 * terminal UI. Only the files that the manifests list are watched: nothing else is ever graded.
 */
import path from 'node:path';
import type { Lang } from '@gradschool/exercise-kit';
import { watch } from 'chokidar';
import { t } from '../i18n/index.js';

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

/** Quiet time after the last event before regrading: editors save in bursts. */
export const DEFAULT_DEBOUNCE_MS = 120;

/**
 * Calls `onSaved(id)` once per burst of saves to the student files of exercise `id`.
 *
 * @example
 * ```ts
 * const watcher = watchStudentFiles(exercises, (id) => console.log(`${id} changed`));
 * await watcher.ready;
 * // ... later
 * await watcher.close();
 * ```
 */
export function watchStudentFiles(
  targets: readonly WatchTarget[],
  onSaved: (id: string) => void,
  opts: { debounceMs?: number } = {},
): Watcher {
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const owner = new Map<string, string>();
  for (const target of targets) {
    for (const file of target.manifest.files) owner.set(path.resolve(target.dir, file), target.id);
  }
  const timers = new Map<string, NodeJS.Timeout>();
  const watcher = watch([...owner.keys()], { ignoreInitial: true, atomic: true });
  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir') return;
    const id = owner.get(path.resolve(file));
    if (id === undefined) return;
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        onSaved(id);
      }, debounceMs),
    );
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await watcher.close();
    },
  };
}

/** What `runPlainWatch` needs from the CLI. */
export interface PlainWatchOptions {
  exercises: readonly WatchTarget[];
  lang: Lang;
  /** Grades exercise `id` and prints its report (the CLI's plain reporter). */
  regrade(id: string): Promise<void>;
  /** Where the watcher's own lines go (default: stdout). */
  print?: (line: string) => void;
  /** Stops watching; without it, Ctrl-C (SIGINT) does. */
  signal?: AbortSignal;
  debounceMs?: number;
}

/**
 * `pnpm grade --watch` without the Ink UI: after the CLI's first full report, regrades one exercise
 * per save, one grading at a time (a save during a grading queues that exercise). Resolves when
 * stopped.
 */
export async function runPlainWatch(options: PlainWatchOptions): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const queue: string[] = [];
  let busy = false;
  const drain = async () => {
    if (busy) return;
    busy = true;
    while (queue.length > 0) {
      const id = queue.shift() as string;
      print(t('ui.watch.regrading', options.lang, { id }));
      await options.regrade(id);
    }
    busy = false;
  };
  const watcher = watchStudentFiles(
    options.exercises,
    (id) => {
      if (!queue.includes(id)) queue.push(id);
      void drain();
    },
    options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs },
  );
  await watcher.ready;
  print(t('ui.watch.started', options.lang));
  await new Promise<void>((resolve) => {
    if (options.signal) {
      if (options.signal.aborted) resolve();
      else options.signal.addEventListener('abort', () => resolve(), { once: true });
    } else {
      process.once('SIGINT', () => resolve());
    }
  });
  await watcher.close();
}
