/**
 * Resuming a batch from its journal (`batch-journal.ts`). A run resumes when the journal in the
 * output folder is from a run with the same settings, else grades every submission again and says
 * why. What must match:
 * - the seed (by its hash), and whether it is the secret `GRADE_SEED` (its reports do not show it);
 * - the language (rows, reports and titles are written in it);
 * - the exercises graded, with their maximum points (so the filters, through what they select);
 * - the course: a SHA-256 of the content of every file the tamper check trusts (`tamper.ts`:
 *   exercises, checks, engine, grader, configuration, lockfile), not of installed packages, which
 *   the lockfile pins. Content, not mtimes: a fresh checkout of the same commit still resumes.
 *
 * A finished submission is kept only if its report is still on disk and its files read the same
 * (a hash of what was taken, missing, refused and ignored); a row without a report (the submission
 * could not be graded) and the ones that were running when the last run stopped are graded again.
 * A batch stopped by tamper detection is never resumed.
 *
 * A journal is removed once its gradebook is complete, unless the batch ran with `--resume`: then it
 * is kept, marked complete, and the next `--resume` grades only the submissions that are new or
 * changed (a late submission, a regrade request). A run without `--resume` starts over from a
 * complete journal, as it would without one.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { both, t } from '../i18n/index.js';
import type { GradebookColumn, GradebookRow } from '../report/gradebook.js';
import {
  BatchJournal,
  differences,
  JOURNAL_FILE,
  type RunSettings,
  readJournal,
  type SettingName,
} from './batch-journal.js';
import type { PreparedSubmission } from './submission.js';
import type { Fingerprint } from './tamper.js';

/** What the journal found at the start of a run, for the CLI to say. */
export type JournalNotice =
  | { kind: 'resumed'; done: number; total: number; interrupted: string[]; regraded: string[] }
  | { kind: 'otherRun'; differs: SettingName[] }
  | { kind: 'tampered'; submissions: string[] }
  | { kind: 'unreadable'; file: string; reason: string };

/**
 * A SHA-256 over the content of the course's trusted files: the keys of `trusted` (a tamper
 * {@link Fingerprint}) outside `node_modules`, read again here by content only.
 */
export async function courseHash(repoRoot: string, trusted: Fingerprint): Promise<string> {
  const hash = createHash('sha256');
  const files = [...trusted.keys()].filter((file) => !file.split('/').includes('node_modules')).sort();
  for (const file of files) {
    const content = await readFile(path.join(repoRoot, ...file.split('/'))).catch(() => null);
    hash.update(`${file}\0${content ? `${content.length}\0` : 'unreadable\0'}`);
    if (content) hash.update(content);
  }
  return hash.digest('base64');
}

/**
 * A SHA-256 of what grading took from a submission: the content of each file taken, and the names
 * of the missing, refused and ignored ones (so a resumed row equals the row a new grading would give).
 */
export async function submissionStamp(prepared: PreparedSubmission): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...prepared.taken].sort()) {
    const content = await readFile(path.join(prepared.root, ...file.split('/')));
    hash.update(`taken\0${file}\0${content.length}\0`).update(content);
  }
  for (const file of [...prepared.missing].sort()) hash.update(`missing\0${file}\0`);
  for (const { path: file, reason } of prepared.refused) hash.update(`refused\0${file}\0${reason.en}\0`);
  for (const file of prepared.ignoredFiles) hash.update(`ignored\0${file}\0`);
  return hash.digest('base64');
}

/** A journal opened at the start of a run, with the rows it kept. */
export interface OpenedJournal {
  journal: BatchJournal;
  /** What to tell the instructor; none when there was no journal. */
  notice?: JournalNotice;
  /** Rows of the last run kept as they are, by submission name. */
  kept: Map<string, GradebookRow>;
  /** The gradebook columns of the kept rows. */
  columns: GradebookColumn[];
}

/**
 * Opens the journal of `outDir` for a run with `settings` over the submissions `names`: resumes
 * the last run's journal when it is this run's (see the top of this file), else starts a new one,
 * saying why. `stampOf` gives the {@link submissionStamp} of a submission as it is now (`null`
 * when it cannot be read). Throws only when the output folder is not writable.
 *
 * @example
 * ```ts
 * const { journal, notice, kept } = await openJournal({ outDir, settings, names, stampOf });
 * // grade every name not in `kept`: journal.started(name) ... journal.finished(name, { row, stamp })
 * ```
 */
export async function openJournal(options: {
  outDir: string;
  settings: RunSettings;
  names: readonly string[];
  stampOf: (name: string) => Promise<string | null>;
  /** `--resume`: build on a complete journal too. */
  resume?: boolean;
}): Promise<OpenedJournal> {
  const { outDir, settings, names } = options;
  const fresh = (notice?: JournalNotice): OpenedJournal => {
    const journal = BatchJournal.create(outDir, settings, new Date().toISOString());
    journal.save(true);
    return { journal, ...(notice ? { notice } : {}), kept: new Map(), columns: [] };
  };
  const previous = readJournal(outDir);
  if (previous.kind === 'none') return fresh();
  if (previous.kind === 'unreadable')
    return fresh({ kind: 'unreadable', file: path.join(outDir, JOURNAL_FILE), reason: previous.reason });
  const { data } = previous;
  // A finished batch is only built on when asked: grading the same folder again means grading it.
  if (data.complete && !options.resume) return fresh();
  if (data.tampered) return fresh({ kind: 'tampered', submissions: data.tampered.submissions });
  const differs = differences(data, settings);
  if (differs.length > 0) return fresh({ kind: 'otherRun', differs });

  const journal = new BatchJournal(
    outDir,
    { ...data.settings, filters: [...settings.filters] },
    data.startedAt,
    data.elapsedMs,
  );
  const present = new Set(names);
  const kept = new Map<string, GradebookRow>();
  const regraded: string[] = [];
  for (const entry of data.done) {
    const name = entry.row.submission;
    const report = entry.row.report;
    // A row without a report could not be graded last time: it simply gets another try.
    if (!present.has(name) || report === undefined || kept.has(name)) continue;
    const same =
      entry.stamp !== null &&
      report === `reports/${name}.json` &&
      existsSync(path.join(outDir, report)) &&
      (await options.stampOf(name)) === entry.stamp;
    if (!same) {
      regraded.push(name);
      continue;
    }
    kept.set(name, entry.row);
    journal.keep(entry, data.columns);
  }
  journal.save(true);
  const running = new Set(data.running);
  const interrupted = names.filter((name) => running.has(name) && !kept.has(name));
  regraded.sort((a, b) => names.indexOf(a) - names.indexOf(b));
  const columns = data.columns.filter((c) =>
    [...kept.values()].some((row) => row.exercises[c.id] !== undefined),
  );
  return {
    journal,
    notice: { kind: 'resumed', done: kept.size, total: names.length, interrupted, regraded },
    kept,
    columns,
  };
}

/** The message of a {@link JournalNotice}, in both languages. */
export function journalMessage(notice: JournalNotice): Localized {
  switch (notice.kind) {
    case 'resumed': {
      const parts = [both('report.batch.resuming', { done: notice.done, total: notice.total })];
      if (notice.interrupted.length > 0)
        parts.push(both('report.batch.interrupted', { names: notice.interrupted.join(', ') }));
      if (notice.regraded.length > 0)
        parts.push(both('report.batch.changedSince', { names: notice.regraded.join(', ') }));
      return { ko: parts.map((p) => p.ko).join(' '), en: parts.map((p) => p.en).join(' ') };
    }
    case 'otherRun': {
      const settings = (lang: Lang) =>
        notice.differs.map((name) => t(`report.batch.setting.${name}`, lang)).join(', ');
      return {
        ko: t('report.batch.otherRun', 'ko', { settings: settings('ko') }),
        en: t('report.batch.otherRun', 'en', { settings: settings('en') }),
      };
    }
    case 'tampered':
      return both('report.batch.afterTamper', { submission: notice.submissions.join(', ') });
    case 'unreadable':
      return both('report.batch.unreadable', { file: notice.file, reason: notice.reason });
  }
}
