import type { Localized } from '@gradschool/exercise-kit';

/** Every way the grader itself can fail (as opposed to student code failing a check). */
export type GraderErrorCode =
  | 'usage' // bad command-line flags
  | 'config' // broken manifests or checks modules
  | 'internal'; // a bug in the grader

/**
 * The grader's one error class: a `code` per failure mode and a bilingual message. Thrown for
 * usage/configuration problems and caught only at the top of the CLI (exit 2).
 */
export class GraderError extends Error {
  constructor(
    readonly code: GraderErrorCode,
    readonly localized: Localized,
  ) {
    super(localized.en);
    this.name = 'GraderError';
  }
}
