/**
 * `pnpm grade`: flags -> core -> the interactive UI or the plain reporter and report files.
 * Exit codes: 0 every check passed (or `--min-score` met), 1 some check did not, 2 usage or
 * configuration error. Heavy modules (ink, react, typescript) load only when a mode needs them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { discover, findRoot, type LoadedExercise, matchesFilters } from '../core/discover.js';
import { GraderError } from '../core/errors.js';
import type { RunOptions } from '../core/run.js';
import type { GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import { type CliOptions, langFromEnv, parseCli } from './args.js';
import { exitCodeFor, hasConfigProblem } from './exit-code.js';

/** Where output goes; tests pass their own. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /**
   * Ends the process once the interactive UI has closed (the real CLI passes `process.exit`). After
   * a quit, a module import still in flight (TypeScript, a `checks.ts`) cannot be cancelled and would
   * keep the process alive for up to a second; the terminal is already restored, so nothing is lost.
   */
  exit?: (code: number) => void;
}

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
async function finish(
  report: GradeReport,
  options: CliOptions,
  exercises: readonly LoadedExercise[],
  io: CliIo,
  refusedFiles: readonly { path: string; reason: Localized }[] = [],
  notSelected: readonly LoadedExercise[] = [],
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
  });
  if (hasConfigProblem(report)) {
    io.stderr.write(configProblems(report, options.lang));
    return 2;
  }
  return exitCodeFor(report, options.minScore === undefined ? {} : { minScore: options.minScore });
}

async function runBatchMode(options: CliOptions, root: string, io: CliIo): Promise<number> {
  const [{ runBatch }, { journalMessage }, { renderGradebook }] = await Promise.all([
    import('../record/batch.js'),
    import('../record/batch-resume.js'),
    import('../report/index.js'),
  ]);
  const lang = options.lang;
  const resumedTag = ` (${t('report.batch.resumedTag', lang)})`;
  const result = await runBatch({
    repoRoot: root,
    batchDir: path.resolve(io.cwd, options.batch ?? '.'),
    seed: options.seed,
    ...(options.seedHidden ? { seedHidden: true } : {}),
    lang,
    filters: options.filters,
    // Resuming is progress (stdout); a journal that was set aside is a warning (stderr).
    onJournal: (notice) =>
      (notice.kind === 'resumed' ? io.stdout : io.stderr).write(`${journalMessage(notice)[lang]}\n`),
    onSubmissionDone: (row, { resumed }) =>
      io.stdout.write(
        `${row.submission}: ${row.score}/${row.maxScore} (${row.status})${resumed ? resumedTag : ''}\n`,
      ),
  });
  io.stdout.write(
    `\n${renderGradebook(result.gradebook, options.lang)}\n${result.files.csv}\n${result.files.json}\n`,
  );
  if (!result.tampered) return 0;
  const { submissions, files } = result.tampered;
  io.stderr.write(
    `${t('core.tamper.batchStopped', options.lang, { submission: submissions.join(', '), files: files.join(', ') })}\n`,
  );
  return 2;
}

async function runSubmissionMode(
  options: CliOptions,
  root: string,
  exercises: LoadedExercise[],
  io: CliIo,
): Promise<number> {
  const [{ prepareSubmission }, { loadSuites }, tamper] = await Promise.all([
    import('../record/submission.js'),
    import('../core/suite.js'),
    import('../record/tamper.js'),
  ]);
  const before = await tamper.fingerprint(root);
  // The judges come from the pristine tree, imported before any student code runs.
  const suites = await loadSuites(exercises, root);
  const prepared = await prepareSubmission({
    repoRoot: root,
    submissionDir: path.resolve(io.cwd, options.submission ?? '.'),
    exercises,
  });
  try {
    const { grade } = await import('../core/run.js');
    const report = await grade({
      ...runOptions(options, root),
      studentRoot: prepared.root,
      source: 'submission',
      suites,
    });
    report.ignoredFiles = prepared.ignoredFiles;
    // Student code that wrote into the grader's own files voids its result (exit 2).
    const changed = tamper.changedFiles(before, await tamper.fingerprint(root));
    if (changed.length > 0) tamper.voidReport(report, changed);
    const code = await finish(report, options, exercises, io, prepared.refused);
    if (changed.length === 0) return code;
    io.stderr.write(`${tamper.tamperMessage(changed)[options.lang]}\n`);
    return 2;
  } finally {
    await prepared.cleanup();
  }
}

function runOptions(options: CliOptions, root: string): RunOptions {
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
 * Whether this run gets the Ink UI: a terminal that can draw it (not `TERM=dumb`, which has no
 * cursor movement: Emacs shells, some IDE consoles), not CI, and no flag that asks for plain output.
 */
export function interactive(options: CliOptions, io: Pick<CliIo, 'env' | 'stdout'>): boolean {
  const files = options.json || options.junit || options.gradescope;
  return (
    Boolean(io.stdout.isTTY) &&
    io.env.TERM !== 'dumb' &&
    !io.env.CI &&
    !options.ci &&
    !files &&
    !options.batch &&
    !options.submission
  );
}

/**
 * Runs the grader with `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['03', '--ci'], { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  try {
    const options = parseCli(argv, io.env);
    lang = options.lang;
    if (options.help) {
      io.stdout.write(`${t('core.cli.help', lang)}\n`);
      return 0;
    }
    const root = options.root ? path.resolve(io.cwd, options.root) : findRoot(io.cwd);
    if (options.batch) return await runBatchMode(options, root, io);
    const { exercises: all, problems } = await discover(root);
    const exercises = all.filter((e) => matchesFilters(e.id, options.filters));
    if (all.length === 0 && problems.length === 0) {
      io.stderr.write(`${t('core.cli.noExercises', lang, { root })}\n`);
      return 2;
    }
    if (
      options.filters.length > 0 &&
      exercises.length === 0 &&
      !problems.some((p) => matchesFilters(p.id, options.filters))
    ) {
      io.stderr.write(`${t('core.cli.noMatch', lang, { filters: options.filters.join('", "') })}\n`);
      return 2;
    }
    if (options.submission) return await runSubmissionMode(options, root, exercises, io);
    if (interactive(options, io)) {
      const { runInteractive } = await import('../ui/run.js');
      const { filters, seed, minScore } = options;
      const code = await runInteractive({
        root,
        filters,
        seed,
        lang,
        source: options.solutions ? 'solution' : 'src',
        ...(minScore !== undefined ? { minScore } : {}),
      });
      io.exit?.(code);
      return code;
    }
    const graded = runOptions(options, root);
    // Watching: sandbox children wait, started, for the next regrade (see core/regrade.ts).
    const regrader = options.watch ? (await import('../core/regrade.js')).openRegrader(graded) : undefined;
    const report = await (regrader ? regrader.gradeAll() : (await import('../core/run.js')).grade(graded));
    // Exercises left out by the filters (`pnpm grade 01`): named, so passing 01 is not the end.
    const notSelected = all.filter((e) => !exercises.includes(e));
    const code = await finish(report, options, exercises, io, [], notSelected);
    if (!regrader) return code;
    const { runPlainWatch } = await import('../core/watch.js');
    const byId = new Map(exercises.map((e) => [e.id, e]));
    await runPlainWatch({
      exercises,
      lang,
      regrade: async (id) => {
        const ex = byId.get(id);
        if (!ex) return;
        // A regrade on save runs on both cores and is shown at once; its children finish exiting meanwhile.
        const result = await regrader.regrade(ex);
        await finish(
          { ...report, exercises: [result], score: result.score, maxScore: result.maxScore },
          { ...options, json: undefined, junit: undefined, gradescope: undefined },
          exercises,
          io,
          [],
          all.filter((e) => e.id !== id),
        );
      },
    });
    regrader.close();
    return code;
  } catch (error) {
    if (error instanceof GraderError) {
      io.stderr.write(`${error.localized[lang]}\n`);
      return 2;
    }
    const localized = (error as { localized?: Localized }).localized;
    const reason =
      localized?.[lang] ?? (error instanceof Error ? (error.stack ?? error.message) : String(error));
    io.stderr.write(`${t('core.cli.failed', lang, { reason })}\n`);
    return 2;
  }
}

// Run when executed directly (`pnpm grade`, `node --import tsx grader/src/cli.tsx`), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    exit: (code) => process.exit(code),
  });
}
