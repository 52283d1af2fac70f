/**
 * Writes every report file the CLI's flags asked for, in one call.
 */
import type { Lang } from '@gradschool/exercise-kit';
import type { GradeReport } from '../core/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { type GradescopeVisibility, toGradescope } from './gradescope.js';
import { type JsonReportExtras, type RefusedFile, writeJsonReport } from './json.js';
import { toJUnit } from './junit.js';
import { appendStepSummary } from './markdown.js';

/** Which reports to write, and where (each one optional). */
export interface WriteReportsOptions {
  lang: Lang;
  /** `--json FILE`: validated against the schema before it is written. */
  json?: string;
  /** `--junit FILE`. */
  junit?: string;
  /** `--gradescope FILE`. */
  gradescope?: string;
  /** The file to append the Markdown summary to: pass `process.env.GITHUB_STEP_SUMMARY`. */
  stepSummary?: string;
  /** Refused submission files, recorded in the JSON report. */
  refusedFiles?: readonly RefusedFile[];
  /** What record grading found about the submission, recorded in the JSON report. */
  submission?: JsonReportExtras['submission'];
  /** Gradescope test visibility (default `visible`). */
  gradescopeVisibility?: GradescopeVisibility;
}

/**
 * Writes the requested reports. The JSON report goes first: if it fails validation (a grader bug)
 * this throws before anything else is written. Files are written atomically; the step summary is
 * appended.
 *
 * @example
 * writeReports(report, { lang: 'ko', json: 'grade.json', stepSummary: process.env.GITHUB_STEP_SUMMARY });
 */
export function writeReports(report: GradeReport, options: WriteReportsOptions): void {
  const { lang } = options;
  if (options.json) {
    writeJsonReport(report, lang, options.json, {
      ...(options.refusedFiles ? { refusedFiles: options.refusedFiles } : {}),
      ...(options.submission ? { submission: options.submission } : {}),
    });
  }
  if (options.junit) writeFileAtomic(options.junit, toJUnit(report, lang));
  if (options.gradescope) {
    const results = toGradescope(
      report,
      lang,
      options.gradescopeVisibility ? { visibility: options.gradescopeVisibility } : {},
    );
    writeFileAtomic(options.gradescope, `${JSON.stringify(results, null, 2)}\n`);
  }
  if (options.stepSummary) appendStepSummary(report, lang, options.stepSummary);
}
