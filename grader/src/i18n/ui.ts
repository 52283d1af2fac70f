import type { Localized } from '@gradschool/exercise-kit';

/** Student-facing strings of the grader's ui part. */
export const ui = {} satisfies Record<string, Localized>;
