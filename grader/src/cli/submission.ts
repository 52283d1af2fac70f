/**
 * `pnpm grade --submission DIR`: the manifest-listed files of DIR graded in a private copy
 * (`record/submission.ts`), with the judges loaded from the pristine tree first; student code that
 * wrote into the grader's own files voids the result (`record/tamper.ts`, exit 2).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LoadedExercise } from '../core/discover.js';
import { both } from '../i18n/index.js';
import type { CliOptions } from './args.js';
import type { CliIo } from './io.js';
import { finish, runOptions } from './plain.js';

export async function runSubmissionMode(
  options: CliOptions,
  root: string,
  exercises: LoadedExercise[],
  io: CliIo,
): Promise<number> {
  const [{ prepareSubmission }, { loadSuites }, tamper, { locateSubmission }, record] = await Promise.all([
    import('../record/submission.js'),
    import('../core/suite.js'),
    import('../record/tamper.js'),
    import('../record/submission-source.js'),
    import('../record/submission-record.js'),
  ]);
  const before = await tamper.fingerprint(root);
  // The judges come from the pristine tree, imported before any student code runs.
  const suites = await loadSuites(exercises, root);
  const submissionDir = path.resolve(io.cwd, options.submission ?? '.');
  const { GraderError } = await import('../errors.js');
  // A missing folder is a usage error, before git or a nested folder is looked for.
  if (!existsSync(submissionDir))
    throw new GraderError('usage', both('report.submission.notFound', { dir: submissionDir }));
  const source = await locateSubmission(submissionDir, options.before ? { before: options.before } : {});
  try {
    const prepared = source.noCommitBefore
      ? undefined
      : await prepareSubmission({ repoRoot: root, submissionDir: source.dir, exercises });
    try {
      return await gradePrepared(options, root, exercises, io, {
        suites,
        before,
        tamper,
        source,
        prepared,
        record,
      });
    } finally {
      await prepared?.cleanup();
    }
  } finally {
    await source.cleanup();
  }
}

/** What {@link gradePrepared} needs, loaded and located by {@link runSubmissionMode}. */
interface Located {
  suites: Awaited<ReturnType<typeof import('../core/suite.js').loadSuites>>;
  before: import('../record/tamper.js').Fingerprint;
  tamper: typeof import('../record/tamper.js');
  source: import('../record/submission-source.js').SubmissionSource;
  prepared: import('../record/submission.js').PreparedSubmission | undefined;
  record: typeof import('../record/submission-record.js');
}

/**
 * Grades a located submission and finishes (prints, writes the reports and the feedback). An empty
 * one (nothing to grade) is not graded: it says why, on stderr, and exits 1 with an `empty` report.
 */
async function gradePrepared(
  options: CliOptions,
  root: string,
  exercises: LoadedExercise[],
  io: CliIo,
  { suites, before, tamper, source, prepared, record }: Located,
): Promise<number> {
  const lang = options.lang;
  const submission = record.recordOf(source, prepared, lang, options.before);
  const name = path.basename(path.resolve(io.cwd, options.submission ?? '.'));
  const writeFeedback = (report: import('../core/types.js').GradeReport) => {
    if (!options.feedback) return;
    const { seededChecks } = record;
    const file = record.writeFeedback(path.resolve(io.cwd, options.feedback), name, {
      report,
      lang,
      student: name.normalize('NFC'),
      hints: Object.fromEntries(exercises.map((e) => [e.id, e.manifest.hints])),
      seeded: options.seedHidden ? seededChecks(suites) : new Set(),
      ...(submission.commit ? { commit: submission.commit } : {}),
      ...(submission.status === 'empty' && submission.message ? { note: submission.message } : {}),
    });
    io.stdout.write(`${file}.md\n${file}.html\n`);
  };
  if (submission.commit)
    io.stdout.write(
      `${both('report.submission.commit', { commit: submission.commit.sha.slice(0, 12), time: submission.commit.committedAt })[lang]}\n`,
    );
  if (submission.status === 'empty' || !prepared) {
    await finishEmpty(options, io, suites, record, submission, prepared?.ignoredFiles ?? [], writeFeedback);
    return 1;
  }
  if (submission.message) io.stdout.write(`${submission.message}\n`);
  if (submission.changedTrustedFiles.length > 0)
    io.stderr.write(
      `${both('report.submission.changedTrusted', { files: submission.changedTrustedFiles.join(', ') })[lang]}\n`,
    );
  {
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
    const code = await finish(report, options, exercises, io, prepared.refused, [], submission);
    writeFeedback(report);
    if (changed.length === 0) return code;
    io.stderr.write(`${tamper.tamperMessage(changed)[options.lang]}\n`);
    return 2;
  }
}

/**
 * A submission with nothing to grade: its reason on stderr, and every report asked for (JSON, JUnit,
 * Gradescope, the step summary) written with no exercise, 0 of the course's maximum and the reason,
 * so that an autograder shows why instead of a bare 0.
 */
async function finishEmpty(
  options: CliOptions,
  io: CliIo,
  suites: Located['suites'],
  record: Located['record'],
  submission: import('../report/json.js').JsonReportExtras['submission'] & object,
  ignoredFiles: readonly string[],
  writeFeedback: (report: import('../core/types.js').GradeReport) => void,
): Promise<void> {
  const lang = options.lang;
  const message = submission.message ?? '';
  io.stderr.write(`${message}\n`);
  const [{ maxScoreOfChecks }, reports] = await Promise.all([
    import('../core/score.js'),
    import('../report/index.js'),
  ]);
  const maxScore = [...suites.values()].reduce(
    (sum, load) => sum + ('checks' in load ? maxScoreOfChecks(load.checks) : 0),
    0,
  );
  const report = record.emptyReport({
    seed: options.seed,
    ...(options.seedHidden ? { seedHidden: true } : {}),
    lang,
    maxScore,
    ignoredFiles,
  });
  reports.writeReports(report, {
    lang,
    ...(options.json ? { json: path.resolve(io.cwd, options.json) } : {}),
    ...(options.junit ? { junit: path.resolve(io.cwd, options.junit) } : {}),
    ...(io.env.GITHUB_STEP_SUMMARY ? { stepSummary: io.env.GITHUB_STEP_SUMMARY } : {}),
    submission,
  });
  if (options.gradescope) {
    const results = reports.toGradescope(report, lang);
    results.output = [message, results.output].filter(Boolean).join('\n');
    reports.writeFileAtomic(
      path.resolve(io.cwd, options.gradescope),
      `${JSON.stringify(results, null, 2)}\n`,
    );
  }
  writeFeedback(report);
}
