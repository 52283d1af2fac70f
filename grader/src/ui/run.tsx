/** @jsxRuntime automatic @jsxImportSource react */
// (That pragma is in every .tsx of the UI: `pnpm grade` runs from the repository root, where no
// tsconfig.json tells tsx how to compile JSX.)
/**
 * `pnpm grade` on a terminal: the Ink UI. The CLI calls `runInteractive` when stdout is a TTY and
 * neither `CI` nor `--ci` is set; everything else (pipes, CI) gets the plain reporter. This file only
 * connects the core (discover, grade, gradeExercise, the watcher) to the screens.
 */
import path from 'node:path';
import type { Lang } from '@gradschool/exercise-kit';
import { render } from 'ink';
import { exitCodeFor } from '../cli/exit-code.js';
import { discover, type LoadedExercise, matchesFilters } from '../core/discover.js';
import { studentModulePath } from '../core/grade-exercise.js';
import { openRegrader } from '../core/regrade.js';
import { sumScores } from '../core/score.js';
import type { GradeReport } from '../core/types.js';
import { errorMessage, watchStudentFiles } from '../core/watch.js';
import { both } from '../i18n/index.js';
import { App } from './components/App.js';
import { loadHints, saveHints } from './hint-store.js';
import { supportsHyperlinks } from './hyperlink.js';
import type { ExerciseInfo, GraderSession } from './session.js';
import { ThemeContext, themeFromEnv } from './theme.js';

/** The CLI's parsed options that the interactive UI uses. */
export interface InteractiveOptions {
  /** The course repository's root (where `exercises/` is). */
  root: string;
  /** Only exercises whose id starts with one of these (`pnpm grade 03`). */
  filters?: string[];
  seed: number;
  lang: Lang;
  source: 'src' | 'solution' | 'submission';
  /**
   * The UI regrades on save by default, `--watch` or not (only when grading `src`: a solution is not
   * edited). `noWatch` turns that off.
   */
  noWatch?: boolean;
  /** `--min-score`: the exit code's threshold, as in plain mode. */
  minScore?: number;
  /** For tests: the streams to draw on and read keys from (default: the process's). */
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

// The alternate screen keeps the student's scrollback intact and is restored on exit.
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

function toInfo(root: string, ex: LoadedExercise, source: InteractiveOptions['source']): ExerciseInfo {
  // The file actually graded: the student's, or the reference with --solutions.
  const file = studentModulePath(ex, { source });
  const shown = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  return {
    id: ex.id,
    order: ex.manifest.order,
    title: ex.manifest.title,
    hints: ex.manifest.hints,
    studentFile: file,
    studentFileShown: shown(file),
    readme: path.join(ex.dir, 'README.md'),
    readmeShown: shown(path.join(ex.dir, 'README.md')),
  };
}

/** Folds a one-exercise regrade into the last full report, so the exit code reflects every save. */
function merge(report: GradeReport, result: GradeReport['exercises'][number]): GradeReport {
  const exercises = report.exercises.map((ex) => (ex.id === result.id ? result : ex));
  return { ...report, exercises, ...sumScores(exercises) };
}

/**
 * Runs the interactive grader until the student quits (q or Ctrl-C); resolves with the exit code of
 * the last results (0 when every check passes, or `minScore` is met; else 1).
 *
 * @example
 * ```ts
 * process.exitCode = await runInteractive({ root: process.cwd(), seed: 12345, lang: 'ko', source: 'src' });
 * ```
 */
export async function runInteractive(options: InteractiveOptions): Promise<number> {
  const root = path.resolve(options.root);
  const { exercises: all, problems } = await discover(root);
  const exercises = all.filter((ex) => matchesFilters(ex.id, options.filters));
  const byId = new Map(exercises.map((ex) => [ex.id, ex]));
  const watching = !options.noWatch && options.source === 'src';
  // With regrades on save, sandbox children wait, started, for the next grading (one per lane).
  const regrader = openRegrader({
    root,
    seed: options.seed,
    lang: options.lang,
    source: options.source,
    ...(options.filters ? { filters: options.filters } : {}),
    prestart: watching,
  });
  let report: GradeReport | null = null;

  const session: GraderSession = {
    exercises: exercises.map((ex) => toInfo(root, ex, options.source)),
    notSelected: all
      .filter((ex) => !exercises.includes(ex))
      .map((ex) => ({ id: ex.id, order: ex.manifest.order, title: ex.manifest.title })),
    notices: problems
      .filter((p) => matchesFilters(p.id, options.filters))
      .map((p) => ({
        ko: `${p.file} (${p.field}): ${p.message.ko}`,
        en: `${p.file} (${p.field}): ${p.message.en}`,
      })),
    async gradeAll(onProgress, signal) {
      const next = await regrader.gradeAll({ signal, onEvent: onProgress });
      if (!signal.aborted) report = next;
    },
    async gradeOne(id, onProgress, signal) {
      const ex = byId.get(id);
      if (!ex) return;
      // gradeExercise reports its own start and done events.
      // Shown at once: the sandbox children finish exiting meanwhile (no report file is written here).
      const result = await regrader.regrade(ex, { signal, onEvent: onProgress });
      if (!signal.aborted && report) report = merge(report, result);
    },
    loadHints: () => loadHints(root),
    saveHints: (hints) => saveHints(root, hints),
  };
  if (watching) {
    session.watch = (onSaved, onProblem) => {
      const watcher = watchStudentFiles(exercises, onSaved, {
        onError: (error) => onProblem?.(both('ui.watch.failed', { message: errorMessage(error) })),
      });
      return () => void watcher.close();
    };
  }

  const stdout = options.stdout ?? process.stdout;
  stdout.write(ENTER_ALT_SCREEN);
  const instance = render(
    <ThemeContext.Provider value={themeFromEnv()}>
      <App
        session={session}
        lang={options.lang}
        watch={session.watch !== undefined}
        links={supportsHyperlinks()}
      />
    </ThemeContext.Provider>,
    { stdout, stdin: options.stdin ?? process.stdin, exitOnCtrlC: true },
  );
  // A closed terminal window, `kill`, or Ctrl-C when stdin is not a terminal (so not in raw mode, and
  // Ink never sees the key) should leave the terminal as cleanly as Ctrl-C in the UI does.
  const stop = () => instance.unmount();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.once(signal, stop);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const signal of signals) process.off(signal, stop);
    regrader.close();
    instance.cleanup();
    stdout.write(LEAVE_ALT_SCREEN);
  }
  return report
    ? exitCodeFor(report, options.minScore === undefined ? {} : { minScore: options.minScore })
    : 1;
}
