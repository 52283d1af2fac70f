/**
 * `pnpm grade --watch` without the Ink UI: the first full report, then one exercise regraded and
 * printed per save (`core/watch.ts` watches the files; `core/regrade.ts` keeps sandbox children
 * waiting). The exit code is the first report's.
 */
import type { Lang } from '@gradschool/exercise-kit';
import type { LoadedExercise } from '../core/discover.js';
import { awaitsExtraSeeds, openRegrader } from '../core/regrade.js';
import type { ExerciseResult } from '../core/types.js';
import { errorMessage, type WatchTarget, watchStudentFiles } from '../core/watch.js';
import { t } from '../i18n/index.js';
import type { CliOptions } from './args.js';
import type { CliIo } from './io.js';
import { recordsLastResults, saveLastResults } from './last-results.js';
import { finish, runOptions } from './plain.js';

/**
 * Grades the selected exercises, finishes as plain mode does, then regrades each saved exercise and
 * prints it until Ctrl-C. Returns the first report's exit code.
 */
export async function runWatchMode(
  options: CliOptions,
  root: string,
  all: readonly LoadedExercise[],
  exercises: readonly LoadedExercise[],
  io: CliIo,
): Promise<number> {
  // Watching: sandbox children wait, started, for the next regrade (see core/regrade.ts).
  const regrader = openRegrader(runOptions(options, root));
  const report = await regrader.gradeAll();
  // Each exercise's status for `--list`, from the student's own gradings (and each regrade below).
  const record = recordsLastResults(options, io.env);
  if (record) saveLastResults(root, exercises, report.exercises);
  // Exercises left out by the filters (`pnpm grade 01`): named, so passing 01 is not the end.
  const notSelected = all.filter((e) => !exercises.includes(e));
  const code = await finish(report, options, exercises, io, [], notSelected);
  const byId = new Map(exercises.map((e) => [e.id, e]));
  await runPlainWatch({
    exercises,
    lang: options.lang,
    regrade: async (id, superseded) => {
      const ex = byId.get(id);
      if (!ex) return;
      const show = (result: ExerciseResult) =>
        finish(
          { ...report, exercises: [result], score: result.score, maxScore: result.maxScore },
          { ...options, json: undefined, junit: undefined, gradescope: undefined },
          exercises,
          io,
          [],
          all.filter((e) => e.id !== id),
        );
      // A regrade on save runs on both cores and is shown at once; its children finish exiting meanwhile.
      const result = await regrader.regrade(ex);
      if (record) saveLastResults(root, [ex], [result]);
      await show(result);
      if (!awaitsExtraSeeds(result) || superseded.aborted) return;
      // Then the seed-dependent checks' extra seeds, unless a newer save makes them pointless.
      const confirmed = await regrader.confirm(ex, result, { signal: superseded });
      if (superseded.aborted) return;
      if (record) saveLastResults(root, [ex], [confirmed]);
      const same = confirmed.status === result.status && confirmed.score === result.score;
      io.stdout.write(
        `${t(same ? 'ui.watch.seedsConfirmed' : 'ui.watch.seedsChanged', options.lang, { id })}\n`,
      );
      if (!same) await show(confirmed);
    },
  });
  regrader.close();
  return code;
}

/** What `runPlainWatch` needs from the CLI. */
export interface PlainWatchOptions {
  exercises: readonly WatchTarget[];
  lang: Lang;
  /**
   * Grades exercise `id` and prints its report (the CLI's plain reporter). `superseded` is aborted
   * when another save comes in meanwhile: what is left to do for this one (extra seeds) can stop.
   */
  regrade(id: string, superseded: AbortSignal): Promise<void>;
  /** Where the watcher's own lines go (default: stdout). */
  print?: (line: string) => void;
  /** Stops watching; without it, Ctrl-C (SIGINT) does. */
  signal?: AbortSignal;
  debounceMs?: number;
}

/**
 * `pnpm grade --watch` without the Ink UI: after the CLI's first full report, regrades one exercise
 * per save, one grading at a time (a save during a grading queues that exercise). Resolves when
 * stopped. Nothing on disk stops it: a regrade or the watcher that fails prints one line (once,
 * while the same failure repeats) and watching goes on.
 */
export async function runPlainWatch(options: PlainWatchOptions): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let lastProblem: string | undefined;
  const problem = (line: string) => {
    if (line !== lastProblem) print(line);
    lastProblem = line;
  };
  const queue: string[] = [];
  let busy = false;
  let current = new AbortController();
  const drain = async () => {
    if (busy) return;
    busy = true;
    try {
      while (queue.length > 0) {
        const id = queue.shift() as string;
        print(t('ui.watch.regrading', options.lang, { id }));
        current = new AbortController();
        try {
          await options.regrade(id, current.signal);
          lastProblem = undefined;
        } catch (error) {
          problem(t('ui.watch.regradeFailed', options.lang, { id, message: errorMessage(error) }));
        }
      }
    } finally {
      busy = false;
    }
  };
  const watcher = watchStudentFiles(
    options.exercises,
    (id) => {
      if (!queue.includes(id)) queue.push(id);
      current.abort();
      return drain();
    },
    {
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      onError: (error) => problem(t('ui.watch.failed', options.lang, { message: errorMessage(error) })),
    },
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
