/**
 * `pnpm grade --ci` (and any run without the UI): grade once, print the plain report, write the
 * requested report files, and decide the exit code. `finish` is also how watch mode prints each
 * regrade and how a submission's report is written.
 */
import path from 'node:path';
import type { Lang, Localized } from '@gradschool/exercise-kit';
import type { LoadedExercise } from '../core/discover.js';
import type { RunOptions } from '../core/options.js';
import type { GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import type { CliOptions } from './args.js';
import { exitCodeFor, hasConfigProblem } from './exit-code.js';
import type { CliIo } from './io.js';
import { recordsLastResults, saveLastResults } from './last-results.js';

function colorWanted(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.CI === undefined;
}

/** One line per configuration problem, for stderr. */
function configProblems(report: GradeReport, lang: Lang): string {
  const problems = report.exercises.filter(
    (e) => e.problem && hasConfigProblem({ ...report, exercises: [e] }),
  );
  const lines = problems.map((e) => `  ${e.problem?.message[lang].split('\n').join('\n  ')}`);
  return `${t('core.cli.problems', lang, { n: problems.length })}\n${lines.join('\n')}\n`;
}

/** Prints the report, writes the requested files, and returns the exit code. */
export async function finish(
  report: GradeReport,
  options: CliOptions,
  exercises: readonly LoadedExercise[],
  io: CliIo,
  refusedFiles: readonly { path: string; reason: Localized }[] = [],
  notSelected: readonly LoadedExercise[] = [],
  submission?: import('../report/json.js').JsonReportExtras['submission'],
): Promise<number> {
  const reports = await import('../report/index.js');
  // Nothing the grading started is alive any more when a report file is written. (Printing need
  // not wait: a child is killed before its exercise's result exists, and its output is a pipe to us.)
  const writesFiles = options.json || options.junit || options.gradescope || io.env.GITHUB_STEP_SUMMARY;
  if (writesFiles) await (await import('../sandbox/sandbox.js')).allChildrenExited();
  const hints = Object.fromEntries(exercises.map((e) => [e.id, e.manifest.hints]));
  io.stdout.write(
    reports.renderPlain(report, {
      lang: options.lang,
      color: colorWanted(io),
      width: (io.stdout as { columns?: number }).columns ?? 80,
      hints,
      ...(refusedFiles.length ? { refusedFiles } : {}),
      ...(notSelected.length
        ? { notSelected: notSelected.map((e) => ({ id: e.id, title: e.manifest.title })) }
        : {}),
    }),
  );
  reports.writeReports(report, {
    lang: options.lang,
    ...(options.json ? { json: path.resolve(io.cwd, options.json) } : {}),
    ...(options.junit ? { junit: path.resolve(io.cwd, options.junit) } : {}),
    ...(options.gradescope ? { gradescope: path.resolve(io.cwd, options.gradescope) } : {}),
    ...(io.env.GITHUB_STEP_SUMMARY ? { stepSummary: io.env.GITHUB_STEP_SUMMARY } : {}),
    ...(refusedFiles.length ? { refusedFiles } : {}),
    ...(submission ? { submission } : {}),
  });
  if (hasConfigProblem(report)) {
    io.stderr.write(configProblems(report, options.lang));
    return 2;
  }
  return exitCodeFor(report, options.minScore === undefined ? {} : { minScore: options.minScore });
}

/** What the flags mean for a grading. */
export function runOptions(options: CliOptions, root: string): RunOptions {
  return {
    root,
    filters: options.filters,
    seed: options.seed,
    ...(options.seedHidden ? { seedHidden: true } : {}),
    lang: options.lang,
    source: options.solutions ? 'solution' : 'src',
    typecheck: options.typecheck,
  };
}

/**
 * Grades the selected exercises once and finishes (prints, writes the reports) with the exit code.
 * `all` is every exercise found: those the filters left out are named, so passing 01 is not the end.
 */
export async function runPlainMode(
  options: CliOptions,
  root: string,
  all: readonly LoadedExercise[],
  exercises: readonly LoadedExercise[],
  io: CliIo,
): Promise<number> {
  const { grade } = await import('../core/run.js');
  const report = await grade(runOptions(options, root));
  // Each exercise's status for `--list`, from the student's own gradings.
  if (recordsLastResults(options, io.env)) saveLastResults(root, exercises, report.exercises);
  const notSelected = all.filter((e) => !exercises.includes(e));
  return finish(report, options, exercises, io, [], notSelected);
}
