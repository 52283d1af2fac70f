/**
 * What record grading (`--submission`, `--batch`) says about a submission beyond its points, shared
 * by both modes: whether it was empty (and why), where its files were found, the commit graded, the
 * course files it changed; the report of an empty submission; its feedback files.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Localized } from '@gradschool/exercise-kit';
import type { SuiteLoad } from '../core/suite.js';
import type { GradeReport } from '../core/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { both } from '../i18n/index.js';
import { checkKey, type FeedbackInput, toFeedbackHtml, toFeedbackMarkdown } from '../report/feedback.js';
import type { JsonReportExtras } from '../report/json.js';
import type { PreparedSubmission } from './submission.js';
import type { SubmissionSource } from './submission-source.js';

/** Why a submission had nothing to grade. */
export type EmptyReason = 'folder' | 'noListedFiles' | 'noCommitBefore';

/** Why nothing of the submission can be graded, or `undefined` when something can. */
export function emptyReason(
  source: SubmissionSource,
  prepared: PreparedSubmission | undefined,
): EmptyReason | undefined {
  if (source.noCommitBefore) return 'noCommitBefore';
  return prepared?.empty;
}

/** The message of an empty submission, in both languages. */
export function emptyMessage(reason: EmptyReason, before?: Date): Localized {
  return reason === 'noCommitBefore'
    ? both('report.submission.empty.noCommitBefore', { before: before?.toISOString() ?? '' })
    : both(`report.submission.empty.${reason}`);
}

/**
 * The submission's record for its JSON report: `empty` or `graded`, the message (why empty, or
 * where the files were found), the commit, the changed course files.
 */
export function recordOf(
  source: SubmissionSource,
  prepared: PreparedSubmission | undefined,
  lang: Lang,
  before?: Date,
): NonNullable<JsonReportExtras['submission']> {
  const empty = emptyReason(source, prepared);
  const message = empty
    ? emptyMessage(empty, before)[lang]
    : source.nestedIn
      ? both('report.submission.nested', { folder: source.nestedIn })[lang]
      : undefined;
  return {
    status: empty ? 'empty' : 'graded',
    ...(message ? { message } : {}),
    ...(source.nestedIn ? { nestedIn: source.nestedIn } : {}),
    ...(source.commit ? { commit: { ...source.commit } } : {}),
    changedTrustedFiles: [...(prepared?.changedTrustedFiles ?? [])],
  };
}

/** The report of a submission with nothing to grade: no exercise ran, 0 of `maxScore`. */
export function emptyReport(options: {
  seed: number;
  seedHidden?: boolean;
  lang: Lang;
  maxScore: number;
  ignoredFiles: readonly string[];
}): GradeReport {
  return {
    version: 1,
    seed: options.seed,
    ...(options.seedHidden ? { seedHidden: true } : {}),
    lang: options.lang,
    score: 0,
    maxScore: options.maxScore,
    durationMs: 0,
    startedAt: new Date().toISOString(),
    source: 'submission',
    ignoredFiles: [...options.ignoredFiles],
    exercises: [],
  };
}

/**
 * A name for a student's files: the folder name, with anything a file system could take for a
 * path (separators, `..`, control characters) replaced.
 */
export function fileBaseFor(name: string): string {
  const safe = name.normalize('NFC').replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? `_${safe}` : safe;
}

/**
 * Writes `DIR/BASE.md` and `DIR/BASE.html` (`feedback.ts`), atomically, and returns their paths
 * without the extension.
 */
export function writeFeedback(dir: string, base: string, input: FeedbackInput): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileBaseFor(base));
  writeFileAtomic(`${file}.md`, toFeedbackMarkdown(input));
  writeFileAtomic(`${file}.html`, toFeedbackHtml(input));
  return file;
}

/**
 * The checks of `suites` whose inputs come from the seed: `input` is called once (it is the
 * course's trusted code, run in the grader as grading does) with a context that notes any read of
 * `seed` or `runSeed`; an `input` that throws, and a judge whose code names the seed, count too.
 */
export function seededChecks(suites: ReadonlyMap<string, SuiteLoad>): Set<string> {
  const seeded = new Set<string>();
  for (const [exerciseId, load] of suites) {
    if (!('checks' in load)) continue;
    for (const check of load.checks) {
      let read = /\b(seed|runSeed)\b/.test(String(check.judge));
      if (check.input && !read) {
        const ctx = {
          lang: 'en' as const,
          get seed() {
            read = true;
            return 1;
          },
          get runSeed() {
            read = true;
            return 1;
          },
        };
        try {
          check.input(ctx);
        } catch {
          read = true;
        }
      }
      if (read) seeded.add(checkKey(exerciseId, check.id));
    }
  }
  return seeded;
}
