/**
 * `pnpm grade --submission DIR`: the manifest-listed files of DIR graded in a private copy
 * (`record/submission.ts`), with the judges loaded from the pristine tree first; student code that
 * wrote into the grader's own files voids the result (`record/tamper.ts`, exit 2).
 */
import path from 'node:path';
import type { LoadedExercise } from '../core/discover.js';
import type { CliOptions } from './args.js';
import type { CliIo } from './io.js';
import { finish, runOptions } from './plain.js';

export async function runSubmissionMode(
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
