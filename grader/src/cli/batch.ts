/**
 * `pnpm grade --batch DIR [--jobs N] [--resume]`: every subfolder of DIR graded as a submission
 * (`record/batch.ts`), N at a time, one line per submission as it ends with the progress (a bar on a
 * terminal, plain lines in CI: `batch-progress.ts`), then the gradebook. Exit 2 when tamper detection
 * stopped it.
 */
import path from 'node:path';
import { t } from '../i18n/index.js';
import type { CliOptions } from './args.js';
import { BatchProgress } from './batch-progress.js';
import type { CliIo } from './io.js';

export async function runBatchMode(options: CliOptions, root: string, io: CliIo): Promise<number> {
  const [{ runBatch }, { journalMessage }, { renderGradebook }, { readRoster }] = await Promise.all([
    import('../record/batch.js'),
    import('../record/batch-resume.js'),
    import('../report/index.js'),
    import('../record/roster.js'),
  ]);
  const lang = options.lang;
  // Read first: a roster with a problem stops the run before any grading (exit 2, usage).
  const roster = options.roster
    ? { ...readRoster(path.resolve(io.cwd, options.roster)), file: path.resolve(io.cwd, options.roster) }
    : undefined;
  const resumedTag = ` (${t('report.batch.resumedTag', lang)})`;
  // A bar redrawn in place only on a terminal a person watches; CI logs and files get plain lines.
  const progress = new BatchProgress({
    lang,
    tty: Boolean(io.stdout.isTTY) && !io.env.CI && !options.ci,
    columns: (io.stdout as { columns?: number }).columns ?? 80,
    write: (text) => io.stdout.write(text),
  });
  const result = await runBatch({
    repoRoot: root,
    batchDir: path.resolve(io.cwd, options.batch ?? '.'),
    seed: options.seed,
    ...(options.seedHidden ? { seedHidden: true } : {}),
    lang,
    filters: options.filters,
    ...(roster ? { roster } : {}),
    ...(options.before ? { before: options.before } : {}),
    ...(options.feedback ? { feedbackDir: path.resolve(io.cwd, options.feedback) } : {}),
    ...(options.jobs !== undefined ? { concurrency: options.jobs } : {}),
    ...(options.resume ? { resume: true } : {}),
    onStart: (info) => progress.start(info),
    // Resuming is progress (stdout); a journal that was set aside is a warning (stderr).
    onJournal: (notice) =>
      (notice.kind === 'resumed' ? io.stdout : io.stderr).write(`${journalMessage(notice)[lang]}\n`),
    // One line per submission as it ends; an empty one says why, so it is never read as a 0.
    onSubmissionDone: (row, { resumed }) =>
      progress.line(
        `${row.submission}: ${row.score}/${row.maxScore} (${row.status})${resumed ? resumedTag : ''}${row.status === 'empty' && row.note ? ` ${row.note}` : ''}`,
        resumed,
      ),
  });
  progress.end();
  const written = [result.files.csv, result.files.json, ...(result.files.lms ? [result.files.lms] : [])];
  io.stdout.write(`\n${renderGradebook(result.gradebook, options.lang)}\n${written.join('\n')}\n`);
  if (!result.tampered) return 0;
  const { submissions, files } = result.tampered;
  io.stderr.write(
    `${t('core.tamper.batchStopped', options.lang, { submission: submissions.join(', '), files: files.join(', ') })}\n`,
  );
  return 2;
}
