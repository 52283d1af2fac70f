/**
 * Failures of the reporters and of submission handling, each with a stable `code` so the CLI can
 * map them to an exit code and tests can assert which one happened.
 */

/** The codes of {@link ReportError}. */
export type ReportErrorCode =
  /** A report did not validate against its schema: a grader bug, never the student's fault. */
  | 'REPORT_INVALID'
  /** A submission folder is missing or not a folder. */
  | 'SUBMISSION_NOT_FOUND'
  /** A batch folder is missing or holds no submission. */
  | 'BATCH_EMPTY';

/** A grader error raised by the reporting side (reports, submissions, batch). */
export class ReportError extends Error {
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportError';
    this.code = code;
  }
}
