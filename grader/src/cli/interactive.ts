/**
 * `pnpm grade` on a terminal: the grader behind the Ink UI. The CLI runs it when stdout is a terminal
 * that can draw it and neither `CI` nor `--ci` (nor a report flag) is set; everything else (pipes, CI)
 * gets the plain reporter. This file connects the core (discover, the regrader, the watcher) to the
 * UI's session; `ui/run.tsx` draws it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { discover, type LoadedExercise, matchesFilters } from '../core/discover.js';
import { studentModulePath } from '../core/grade-exercise.js';
import { awaitsExtraSeeds, openRegrader } from '../core/regrade.js';
import { maxScoreOfChecks, sumScores } from '../core/score.js';
import { loadSuites } from '../core/suite.js';
import type { GradeReport } from '../core/types.js';
import { errorMessage, watchStudentFiles } from '../core/watch.js';
import { both } from '../i18n/index.js';
import { loadHints, saveHints } from '../ui/hint-store.js';
import { taskSectionLines } from '../ui/readme-section.js';
import { runUi } from '../ui/run.js';
import type { ExerciseInfo, GraderSession } from '../ui/session.js';
import { exitCodeFor } from './exit-code.js';
import { saveLastResults } from './last-results.js';

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
  /** Keep each grading as the exercise's last result, for `--list` (the student's own `src/`). */
  record?: boolean;
  /** `--min-score`: the exit code's threshold, as in plain mode. */
  minScore?: number;
  /** For tests: the streams to draw on and read keys from (default: the process's). */
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

/** `README.md:line` of the task heading in each language, or undefined when it has none (or no README). */
function readmeSection(readme: string, shown: string): Localized | undefined {
  let text: string;
  try {
    text = readFileSync(readme, 'utf8');
  } catch {
    return undefined;
  }
  const lines = taskSectionLines(text);
  if (lines.ko === undefined || lines.en === undefined) return undefined;
  return { ko: `${shown}:${lines.ko}`, en: `${shown}:${lines.en}` };
}

function toInfo(root: string, ex: LoadedExercise, source: InteractiveOptions['source']): ExerciseInfo {
  // The file actually graded: the student's, or the reference with --solutions.
  const file = studentModulePath(ex, { source });
  const shown = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const section = readmeSection(path.join(ex.dir, 'README.md'), shown(path.join(ex.dir, 'README.md')));
  return {
    ...(section ? { readmeSection: section } : {}),
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
 * the last results (0 when every check passes, or `minScore` is met; else 1). Builds the session the
 * UI draws (`ui/session.ts`) from the core: discover, the regrader (`core/regrade.ts`), the watcher.
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
      if (signal.aborted) return;
      report = next;
      if (options.record) saveLastResults(root, exercises, next.exercises);
    },
    async gradeOne(id, onProgress, signal) {
      const ex = byId.get(id);
      if (!ex) return;
      // gradeExercise reports its own start and done events.
      // Shown at once: the sandbox children finish exiting meanwhile (no report file is written here).
      const result = await regrader.regrade(ex, { signal, onEvent: onProgress });
      if (signal.aborted) return;
      if (report) report = merge(report, result);
      if (options.record) saveLastResults(root, [ex], [result]);
      if (!awaitsExtraSeeds(result)) return;
      // Then the seed-dependent checks' extra seeds, quietly: the list shows the quick result until
      // this one is done (a newer save aborts it), then this one.
      const confirmed = await regrader.confirm(ex, result, { signal });
      if (signal.aborted) return;
      onProgress({ type: 'exercise-done', result: confirmed });
      if (report) report = merge(report, confirmed);
      if (options.record) saveLastResults(root, [ex], [confirmed]);
    },
    // The suites grading loads anyway (Node keeps one instance of each module): their points in all,
    // for the header's total before the first result. A suite that does not load counts 0, as it grades.
    async maxScores() {
      const suites = await loadSuites(exercises, root);
      return Object.fromEntries(
        [...suites].map(([id, suite]) => [id, 'checks' in suite ? maxScoreOfChecks(suite.checks) : 0]),
      );
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

  try {
    await runUi(session, {
      lang: options.lang,
      ...(options.stdout ? { stdout: options.stdout } : {}),
      ...(options.stdin ? { stdin: options.stdin } : {}),
    });
  } finally {
    regrader.close();
  }
  return report
    ? exitCodeFor(report, options.minScore === undefined ? {} : { minScore: options.minScore })
    : 1;
}
