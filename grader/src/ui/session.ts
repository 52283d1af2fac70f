/**
 * What the terminal UI needs from the grader, as one small interface. `cli/interactive.ts` builds it
 * from the real core (discover, the regrader, the file watcher); the tests build it from fakes. The UI
 * itself never grades: it only shows what these calls report.
 */
import type { Localized } from '@gradschool/exercise-kit';
import type { CheckResult, ExerciseResult } from '../core/types.js';

/** One exercise as the UI lists it (from its manifest, before any result exists). */
export interface ExerciseInfo {
  id: string;
  order: number;
  title: Localized;
  hints: Localized[];
  /** The student's file, absolute (opened through a terminal hyperlink). */
  studentFile: string;
  /** The same file relative to the course root, as shown on screen. */
  studentFileShown: string;
  /** The exercise's README, absolute (a terminal hyperlink too). */
  readme: string;
  /** The README relative to the course root, as shown on screen. */
  readmeShown: string;
  /**
   * The README's "what to implement" section per language, as `readmeShown:line` (pointed at once
   * every hint is shown). Absent: the README has no such heading, and the README itself is named.
   */
  readmeSection?: Localized;
  /** The exercise's points in all, known before it is graded (its checks' sum). Absent: not known. */
  maxScore?: number;
}

/** An exercise left out of this run by the filters, as the ending names it. */
export interface NotSelected {
  id: string;
  order: number;
  title: Localized;
}

/** Progress reported while grading; the same shape as the core's `GradeEvent`. */
export type GradeProgress =
  | { type: 'exercise-start'; id: string }
  | {
      type: 'check-start';
      exerciseId: string;
      checkId: string;
      /** The check's title, its place (1-based) among `total`, and its limit (the core sends them all). */
      title?: Localized;
      index?: number;
      total?: number;
      limitMs?: number;
    }
  | { type: 'check-done'; exerciseId: string; result: CheckResult }
  | { type: 'exercise-done'; result: ExerciseResult };

/** How many hints of each exercise the student has revealed, by exercise id. */
export type HintsShown = Record<string, number>;

/**
 * The grader as the UI sees it.
 *
 * @example
 * ```ts
 * const session: GraderSession = { exercises, gradeAll, gradeOne, watch, loadHints, saveHints };
 * render(<App session={session} lang="ko" />);
 * ```
 */
export interface GraderSession {
  /** Every exercise, in course order. */
  exercises: ExerciseInfo[];
  /**
   * Exercises the run's filters left out (`pnpm grade 01`): when the selected ones pass, the ending
   * names these instead of congratulating on the whole course. Absent or empty: nothing left out.
   */
  notSelected?: NotSelected[];
  /** Problems found before grading (e.g. a broken `exercise.json`), shown above the list. */
  notices?: Localized[];
  /** Grades every exercise, reporting progress; resolves when done (or aborted). Never throws on student code. */
  gradeAll(onProgress: (event: GradeProgress) => void, signal: AbortSignal): Promise<void>;
  /** Grades one exercise (after a save), reporting progress like `gradeAll`. */
  gradeOne(id: string, onProgress: (event: GradeProgress) => void, signal: AbortSignal): Promise<void>;
  /**
   * Calls `onSaved(id)` when a student file of exercise `id` is saved (or deleted, created, renamed);
   * returns the unsubscribe. A problem of the watcher goes to `onProblem`, already worded, and watching
   * goes on. Absent: no watch mode.
   */
  watch?: (onSaved: (id: string) => void, onProblem?: (notice: Localized) => void) => () => void;
  /**
   * Each exercise's points in all (by id), from its checks, before any grading: the header's total is
   * right from the start. Absent, or until it resolves: the total waits for every result (shown as "…").
   */
  maxScores?(): Promise<Record<string, number>>;
  /** Hints revealed in earlier runs. */
  loadHints(): HintsShown;
  /** Remembers the hints revealed so far, for the next run. */
  saveHints(hints: HintsShown): void;
}
