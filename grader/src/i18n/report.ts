import type { Localized } from '@gradschool/exercise-kit';

/** Student-facing strings of the grader's report part. */
export const report = {} satisfies Record<string, Localized>;
