import type { Localized } from '@gradschool/exercise-kit';

/** Student-facing strings of the grader's core part. */
export const core = {} satisfies Record<string, Localized>;
