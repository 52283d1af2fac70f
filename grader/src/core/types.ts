/**
 * The grader's results: what the core produces and every reporter and the UI consume.
 * The JSON report (`report/schema.ts`) is these types with texts in one language; its schema takes
 * the statuses and sources from here, so a new status cannot be added here and forgotten there.
 */
import type { Chart, Lang, Localized, Picture, Table } from '@gradschool/exercise-kit';

/** What a report graded: the students' `src/`, the reference `solution/`, or a submission. */
export const SOURCES = ['src', 'solution', 'submission'] as const;
export type Source = (typeof SOURCES)[number];

/** The statuses of a check; the JSON report's schema (`report/schema.ts`) lists these same ones. */
export const CHECK_STATUSES = ['pass', 'fail', 'error', 'timeout', 'todo'] as const;
/** A check's outcome. `todo`: the student's stub still throws `NotImplemented`. */
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** The statuses of an exercise (the report's schema lists these same ones). */
export const EXERCISE_STATUSES = ['pass', 'fail', 'todo', 'error'] as const;
/**
 * An exercise's outcome: `pass` when every check passed, `todo` when every check is `todo` (not
 * started), `error` when the exercise could not run at all (syntax error, forbidden import, broken
 * manifest), else `fail`.
 */
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

/** One run seed a seed-dependent check (`Check.seeds`) was graded with, and how it went. */
export interface SeedOutcome {
  seed: number;
  status: CheckStatus;
}

export interface CheckResult {
  id: string;
  title: Localized;
  status: CheckStatus;
  score: number;
  maxScore: number;
  /** What happened; for `error`/`timeout` the grader's own explanation. */
  message: Localized;
  expected?: string;
  got?: string;
  /** What the student's code printed during this check (truncated), never parsed. */
  output: string;
  durationMs: number;
  /** Set when the check did not run because an earlier check it depends on did not pass. */
  skippedBecause?: string;
  /**
   * A seed-dependent check (`Check.seeds` > 1): the run seeds it was graded with, the run's own
   * first, then the extra ones (`extraRunSeeds`) in order. The extra seeds run only when the first
   * passed (and not in a quick regrade on save: then only the first is listed).
   */
  seeds?: SeedOutcome[];
  /** The first run seed that did not pass, when it is not the run's own seed (one of `seeds`). */
  failedSeed?: number;
  chart?: Chart;
  /** A table; `diagonal: true` (a confusion matrix) has its diagonal highlighted. */
  table?: Table;
  /** Pictures the verdict drew (digits, filters), checked against the kit's contract (`pictures.ts`). */
  pictures?: Picture[];
  /** How many of the verdict's pictures were dropped as malformed (wrong size, grey levels out of range) or too many. */
  picturesDropped?: number;
  /** A hidden check (the manifest's `hidden` module), graded only in record grading. */
  hidden?: boolean;
}

/**
 * An exercise's hidden checks as every report shows them: how many and their points, and whether
 * this run graded them (record grading) or only announces them (a student's local run, where the
 * numbers come from the manifest and nothing else of them is known).
 */
export interface HiddenSummary {
  checks: number;
  points: number;
  graded: boolean;
}

/** Why an exercise could not run at all. */
export interface ExerciseProblem {
  code: string;
  message: Localized;
  file?: string;
  line?: number;
  column?: number;
  /** A code frame around `line:column`, ready to print. */
  frame?: string;
}

export interface ExerciseResult {
  id: string;
  title: Localized;
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  checks: CheckResult[];
  durationMs: number;
  problem?: ExerciseProblem;
  /** The student's files graded (paths relative to the repository root). */
  files: string[];
  /** The exercise's hidden checks, when its manifest declares some. */
  hidden?: HiddenSummary;
}

export interface GradeReport {
  version: 1;
  /** The run seed. Reporters never print it when `seedHidden` is set. */
  seed: number;
  /**
   * The seed is the secret one from `GRADE_SEED`: every output says "secret / 비공개" instead of
   * the number (the JSON report has `seed: null`).
   */
  seedHidden?: boolean;
  lang: Lang;
  score: number;
  maxScore: number;
  durationMs: number;
  startedAt: string;
  /** What was graded: the students' `src/`, the reference `solution/`, or a submission folder. */
  source: Source;
  /** Files of a submission that were not read (not listed by any manifest), repository-relative. */
  ignoredFiles: string[];
  exercises: ExerciseResult[];
}

/** The largest side of a verdict's picture (the kit's contract: each at most 64 × 64). */
export const MAX_PICTURE_SIDE = 64;
