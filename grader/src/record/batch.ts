/**
 * Batch mode (`--batch DIR`): every folder of DIR is one student's submission. They are graded a
 * few at a time (one per core), each in its own temporary copy, and the results land in
 * `gradebook.csv` and `gradebook.json`, plus one JSON report per submission under `reports/`.
 * A broken submission (no `exercises/` folder, a syntax error, a crash) costs its own row only.
 * A journal in the output folder (`batch-journal.ts`) lets a batch that was killed resume.
 */
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Lang } from '@gradschool/exercise-kit';
import { discover, matchesFilters } from '../core/discover.js';
import { grade } from '../core/run.js';
import { exactPercent, maxScoreOfChecks, sumScores } from '../core/score.js';
import { loadSuites, type SuiteLoad } from '../core/suite.js';
import type { GradeReport } from '../core/types.js';
import { GraderError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { both } from '../i18n/index.js';
import {
  type Gradebook,
  type GradebookColumn,
  type GradebookRow,
  toGradebookCsv,
  toLmsCsv,
} from '../report/gradebook.js';
import { writeJsonReport } from '../report/json.js';
import { allChildrenExited } from '../sandbox/sandbox.js';
import type { RunSettings } from './batch-journal.js';
import { courseHash, type JournalNotice, openJournal, submissionStamp } from './batch-resume.js';
import { type Roster, rosterEntryFor } from './roster.js';
import { type PreparedSubmission, prepareSubmission, type SubmissionExercise } from './submission.js';
import { emptyReport, recordOf, seededChecks, writeFeedback } from './submission-record.js';
import { locateSubmission, type SubmissionSource } from './submission-source.js';
import { changedFiles, fingerprint, tamperMessage, voidReport } from './tamper.js';

/** What a batch needs from the core; tests pass a fake. */
export interface BatchEngine {
  discover(
    root: string,
  ): Promise<{ exercises: (SubmissionExercise & { id: string; checksPath?: string })[] }>;
  grade(options: {
    root: string;
    studentRoot: string;
    seed: number;
    seedHidden?: boolean;
    lang: Lang;
    source: 'submission';
    filters?: string[];
    concurrency?: number;
    signal?: AbortSignal;
    /** The suites, loaded once from the pristine repository before any submission ran. */
    suites?: ReadonlyMap<string, SuiteLoad>;
  }): Promise<GradeReport>;
}

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** The pristine repository. */
  repoRoot: string;
  /** The folder whose subfolders are submissions. */
  batchDir: string;
  seed: number;
  /** The seed is the secret `GRADE_SEED`: the gradebook and the reports do not show it. */
  seedHidden?: boolean;
  lang: Lang;
  /** Submissions graded at once (default: the number of cores). */
  concurrency?: number;
  /** Where the gradebook and the reports go (default: `batchDir`). */
  outDir?: string;
  /** Exercise id prefixes to grade (none: all). */
  filters?: string[];
  /** `--roster`: who the folders belong to (`roster.ts`); `file` is named in the gradebook. */
  roster?: Roster & { file: string };
  /** `--before`: grade each git submission's last commit at or before this time. */
  before?: Date;
  /** `--feedback`: the folder to write one Markdown and one HTML file per student into. */
  feedbackDir?: string;
  /**
   * `--resume`: keep the journal once the gradebook is complete, and build on a complete one, so
   * that a later run grades only new or changed submissions (`batch-resume.ts`).
   */
  resume?: boolean;
  signal?: AbortSignal;
  /**
   * Called as each submission finishes, e.g. to print progress; at the start for each row kept
   * from the journal of a run that stopped (`resumed`).
   */
  onSubmissionDone?: (row: GradebookRow, info: { resumed: boolean }) => void;
  /** Called once, before any submission, when the output folder held a journal (see {@link BatchResult.journal}). */
  onJournal?: (notice: JournalNotice) => void;
  /** Called once, before any submission: how many there are, and how many the journal kept. */
  onStart?: (info: { total: number; kept: number; jobs: number }) => void;
  /** Called as a submission starts to be graded. */
  onSubmissionStart?: (name: string) => void;
  /** The core functions (default: the real `discover` and `grade`). */
  engine?: BatchEngine;
}

/** What {@link runBatch} produced. */
export interface BatchResult {
  rows: GradebookRow[];
  gradebook: Gradebook;
  /** `lms`: `gradebook-lms.csv`, written with a roster. */
  files: { csv: string; json: string; lms?: string };
  /**
   * Set when the grader's trusted files changed during the batch: it stopped there. `submissions`
   * names the one that was running when it was seen (and any graded at the same time), or, when it
   * was seen before a submission started, the ones still running and the last one that finished.
   */
  tampered?: { submissions: string[]; files: string[] };
  /** What the journal of an earlier run said: resumed from it, or why it was not. */
  journal?: JournalNotice;
}

const defaultEngine: BatchEngine = { discover, grade };

/** A whole-run percentage to four decimals: exact for the LMS, without float noise (66.6667). */
function rowPercent(score: number, maxScore: number): number {
  return Math.round(exactPercent(score, maxScore) * 10000) / 10000;
}

/** Subfolders of `batchDir` that are submissions (hidden folders and files are not). */
async function submissionFolders(batchDir: string, outDir: string): Promise<string[]> {
  const entries = await readdir(batchDir, { withFileTypes: true }).catch(() => null);
  if (!entries) throw new GraderError('usage', both('report.batch.empty', { dir: batchDir }));
  const reports = path.resolve(outDir, 'reports');
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .filter((e) => path.resolve(batchDir, e.name) !== reports)
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Grades every submission of `batchDir` and writes the gradebook. Never throws because of one
 * submission; throws a `GraderError` (`usage`) when `batchDir` holds no submission at all.
 *
 * @example
 * ```ts
 * const { rows } = await runBatch({ repoRoot: process.cwd(), batchDir: 'submissions', seed: 42, lang: 'ko' });
 * ```
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const engine = options.engine ?? defaultEngine;
  const outDir = options.outDir ?? options.batchDir;
  const folders = await submissionFolders(options.batchDir, outDir);
  if (folders.length === 0) {
    throw new GraderError('usage', both('report.batch.empty', { dir: options.batchDir }));
  }
  // Rows, reports and the roster use the NFC name (macOS writes Korean names decomposed, NFD, and
  // a spreadsheet lookup of the roster's 김민수 would miss it); the files are read by the real name.
  const folderOf = new Map(folders.map((folder) => [folder.normalize('NFC'), folder]));
  const names = [...folderOf.keys()];
  const { exercises: all } = await engine.discover(options.repoRoot);
  const filters = options.filters ?? [];
  const exercises = all.filter((e) => matchesFilters(e.id, filters));
  const columns = new Map<string, GradebookColumn>();
  // Tamper detection: every submission's end is compared with the trusted files before the first.
  const baseline = await fingerprint(options.repoRoot);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([stop.signal, options.signal]) : stop.signal;
  const running = new Set<string>();
  const finished: string[] = [];
  let tampered: BatchResult['tampered'];
  // Loaded from the pristine repository before any submission runs: submissions graded side by side
  // cannot rewrite the checks another one's grading imports (a fake engine may not know checksPath).
  const withChecks = exercises.filter(
    (e): e is typeof e & { checksPath: string } => e.checksPath !== undefined,
  );
  const suites =
    withChecks.length === exercises.length ? await loadSuites(withChecks, options.repoRoot) : undefined;
  const settings: RunSettings = {
    seed: options.seed,
    seedHidden: options.seedHidden ?? false,
    lang: options.lang,
    filters,
    exercises: exercises.map((e) => {
      const suite = suites?.get(e.id);
      return {
        id: e.id,
        maxScore: suite && 'checks' in suite ? maxScoreOfChecks(suite.checks) : null,
      };
    }),
    course: await courseHash(options.repoRoot, baseline),
    before: options.before?.toISOString() ?? null,
    roster: options.roster?.hash ?? null,
  };
  const knownMax = settings.exercises.reduce((sum, e) => sum + (e.maxScore ?? 0), 0);
  // With the secret seed, feedback leaves out the messages of checks whose inputs it drew.
  const seeded =
    options.feedbackDir && options.seedHidden && suites ? seededChecks(suites) : new Set<string>();
  const hints = Object.fromEntries(exercises.map((e) => [e.id, e.manifest.hints ?? []]));

  /** The submission located and its listed files taken; `prepared` is absent when there is no commit to take. */
  const prepare = async (name: string) => {
    const source = await locateSubmission(path.join(options.batchDir, folderOf.get(name) ?? name), {
      ...(options.before ? { before: options.before } : {}),
    });
    try {
      const prepared = source.noCommitBefore
        ? undefined
        : await prepareSubmission({ repoRoot: options.repoRoot, submissionDir: source.dir, exercises });
      return { source, prepared };
    } catch (error) {
      await source.cleanup();
      throw error;
    }
  };
  /** What a resumed row must still match: the files taken, and the commit they came from. */
  const stampFor = async (source: SubmissionSource, prepared: PreparedSubmission | undefined) =>
    prepared
      ? `${await submissionStamp(prepared)}:${source.commit?.sha ?? ''}:${source.nestedIn ?? ''}`
      : 'no-commit-before-the-deadline';
  const stampOf = async (name: string) => {
    const found = await prepare(name).catch(() => undefined);
    try {
      return found ? await stampFor(found.source, found.prepared) : null;
    } finally {
      await found?.prepared?.cleanup();
      await found?.source.cleanup();
    }
  };
  const {
    journal,
    notice,
    kept,
    columns: keptColumns,
  } = await openJournal({ outDir, settings, names, stampOf, resume: options.resume === true });
  if (notice) options.onJournal?.(notice);
  for (const column of keptColumns) columns.set(column.id, column);

  const gradeOne = async (name: string): Promise<GradebookRow> => {
    const student = options.roster ? rosterEntryFor(options.roster, name) : undefined;
    const row: GradebookRow = {
      submission: name,
      status: 'failed',
      ...(student ? { studentId: student.studentId, name: student.name } : {}),
      score: 0,
      maxScore: 0,
      percent: 0,
      exercises: {},
      ignoredFiles: 0,
      refusedFiles: 0,
    };
    let found: Awaited<ReturnType<typeof prepare>> | undefined;
    let stamp: string | null = null;
    const rowColumns: GradebookColumn[] = [];
    running.add(name);
    journal.started(name);
    options.onSubmissionStart?.(name);
    try {
      found = await prepare(name);
      const { source, prepared } = found;
      stamp = await stampFor(source, prepared);
      const record = recordOf(source, prepared, options.lang, options.before);
      let report: GradeReport;
      let changed: string[] = [];
      if (record.status === 'empty' || !prepared) {
        // Nothing to grade: recorded as such, never as a silent 0 of a starter graded in its place.
        report = emptyReport({
          seed: options.seed,
          ...(options.seedHidden ? { seedHidden: true } : {}),
          lang: options.lang,
          maxScore: knownMax,
          ignoredFiles: prepared?.ignoredFiles ?? [],
        });
      } else {
        report = await engine.grade({
          root: options.repoRoot,
          studentRoot: prepared.root,
          seed: options.seed,
          ...(options.seedHidden ? { seedHidden: true } : {}),
          lang: options.lang,
          source: 'submission',
          filters,
          concurrency: 1,
          ...(suites ? { suites } : {}),
          signal,
        });
        report.ignoredFiles = prepared.ignoredFiles;
        changed = changedFiles(baseline, await fingerprint(options.repoRoot));
        if (changed.length > 0) {
          voidReport(report, changed);
          tampered ??= { submissions: [...running], files: changed };
          stop.abort();
        }
      }
      for (const ex of report.exercises) {
        row.exercises[ex.id] = ex.score;
        rowColumns.push({ id: ex.id, title: ex.title[options.lang], maxScore: ex.maxScore });
      }
      for (const column of rowColumns) columns.set(column.id, column);
      Object.assign(row, {
        status: record.status,
        score: report.score,
        maxScore: report.maxScore,
        percent: rowPercent(report.score, report.maxScore),
        ignoredFiles: prepared?.ignoredFiles.length ?? 0,
        refusedFiles: prepared?.refused.length ?? 0,
        ...(record.changedTrustedFiles.length > 0 ? { changedTrustedFiles: record.changedTrustedFiles } : {}),
        ...(record.nestedIn ? { nestedIn: record.nestedIn } : {}),
        ...(record.commit ? { commit: record.commit.sha, committedAt: record.commit.committedAt } : {}),
        ...(record.message ? { note: record.message } : {}),
      });
      if (changed.length > 0)
        Object.assign(row, { status: 'failed', error: tamperMessage(changed)[options.lang] });
      // Every child of this submission has exited (`runChecks` waits for it): nothing of it can
      // run on while its row and its report are written.
      const reportFile = `reports/${name}.json`;
      try {
        writeJsonReport(report, options.lang, path.join(outDir, reportFile), {
          refusedFiles: prepared?.refused ?? [],
          submission: record,
        });
        row.report = reportFile;
        if (options.feedbackDir) {
          const file = writeFeedback(options.feedbackDir, name, {
            report,
            lang: options.lang,
            student: student
              ? [student.name, student.studentId && `(${student.studentId})`].filter(Boolean).join(' ')
              : name,
            hints,
            seeded,
            ...(record.commit ? { commit: record.commit } : {}),
            ...(record.status === 'empty' && record.message ? { note: record.message } : {}),
          });
          row.feedback = path.relative(outDir, file).split(path.sep).join('/');
        }
      } catch (error) {
        row.error = describe(error);
      }
    } catch (error) {
      row.error = both('report.batch.failed', { reason: describe(error) })[options.lang];
    } finally {
      running.delete(name);
      await found?.prepared?.cleanup();
      await found?.source.cleanup();
    }
    // A row that ends after the batch was stopped may have been cut short: the journal does not keep it.
    journal.finished(name, signal.aborted ? null : { row, stamp }, rowColumns);
    options.onSubmissionDone?.(row, { resumed: false });
    return row;
  };

  const rows: GradebookRow[] = new Array(names.length);
  const pending = names.flatMap((name, index) => (kept.has(name) ? [] : [index]));
  let next = 0;
  // Each worker takes the next submission in name order; the rows land by index, so the gradebook's
  // order and content do not depend on how many run at once or which finishes first.
  const workers = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), pending.length));
  options.onStart?.({ total: names.length, kept: names.length - pending.length, jobs: workers });
  for (const [index, name] of names.entries()) {
    const row = kept.get(name);
    if (!row) continue;
    rows[index] = row;
    options.onSubmissionDone?.(row, { resumed: true });
  }
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < pending.length && !signal.aborted) {
        const index = pending[next++]!;
        // Checked before each submission too: a process an earlier one left running may have
        // written since. That one is named, and this one is not graded.
        const changed = changedFiles(baseline, await fingerprint(options.repoRoot));
        if (changed.length > 0) {
          tampered ??= { submissions: [...running, ...finished.slice(-1)], files: changed };
          stop.abort();
          break;
        }
        rows[index] = await gradeOne(names[index]!);
        finished.push(names[index]!);
      }
    }),
  );
  const graded = rows.filter((row): row is GradebookRow => row !== undefined);
  for (const row of graded) {
    // A failed or empty submission is out of the same total as the others, so percentages compare.
    if (row.status !== 'graded') row.maxScore = sumScores(columns.values()).maxScore;
  }
  const roster = options.roster
    ? {
        file: options.roster.file,
        missing: options.roster.entries
          .filter((entry) => !names.some((name) => rosterEntryFor(options.roster!, name) === entry))
          .map((entry) => ({ ...entry })),
        unknownFolders: names.filter((name) => !rosterEntryFor(options.roster!, name)),
      }
    : undefined;
  const gradebook: Gradebook = {
    version: 1,
    seed: options.seedHidden ? null : options.seed,
    ...(options.seedHidden ? { seedHidden: true } : {}),
    lang: options.lang,
    // Over every run of this batch when it was resumed: when the first began, the time spent grading.
    startedAt: journal.startedAt,
    durationMs: journal.elapsedMs(),
    ...(options.before ? { before: options.before.toISOString() } : {}),
    exercises: exercises.filter((e) => columns.has(e.id)).map((e) => columns.get(e.id)!),
    rows: graded,
    ...(roster ? { roster } : {}),
  };
  const files: BatchResult['files'] = {
    csv: path.join(outDir, 'gradebook.csv'),
    json: path.join(outDir, 'gradebook.json'),
    ...(roster ? { lms: path.join(outDir, 'gradebook-lms.csv') } : {}),
  };
  await allChildrenExited();
  writeFileAtomic(files.csv, toGradebookCsv(gradebook));
  if (files.lms) writeFileAtomic(files.lms, toLmsCsv(gradebook));
  writeFileAtomic(files.json, `${JSON.stringify(gradebook, null, 2)}\n`);
  // The journal stays when the batch did not finish: marked when tamper detection stopped it (the
  // next run starts over), as it is when it was aborted (the next run resumes).
  if (tampered) journal.stoppedByTamper(tampered);
  else if (graded.length === names.length && options.resume) journal.keepComplete();
  else if (graded.length === names.length) journal.remove();
  else journal.save();
  return {
    rows: graded,
    gradebook,
    files,
    ...(tampered ? { tampered } : {}),
    ...(notice ? { journal: notice } : {}),
  };
}
