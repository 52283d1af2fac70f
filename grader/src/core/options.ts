/** What `grade()` takes, and the events it reports while it runs (for the UI). */
import type { Lang, Localized } from '@gradschool/exercise-kit';
import type { WarmSandboxes } from '../sandbox/warm.js';
import type { SuiteLoad } from './suite.js';
import type { CheckResult, ExerciseResult } from './types.js';

export interface RunOptions {
  /** The course repository: manifests, checks (never a copy a submission could have touched). */
  root: string;
  /**
   * Where the students' files are read from, with the repository's layout (a submission's private
   * copy, outside the course tree); default `root`.
   */
  studentRoot?: string;
  /** Exercise id prefixes (`['03']`); none = every exercise. */
  filters?: string[];
  /** The run seed (`--seed`, `GRADE_SEED`, else `DEFAULT_SEED`). */
  seed: number;
  /** The seed is the secret `GRADE_SEED`: the report is marked so no output shows it. */
  seedHidden?: boolean;
  lang: Lang;
  /** Grade the students' `src/`, the reference `solution/`, or a submission (from `studentRoot`). */
  source: 'src' | 'solution' | 'submission';
  /** Exercise id -> absolute path of a module used in place of the student's file (mutants, tests). */
  studentFileOverride?: Record<string, string>;
  /** Exercises graded at once (default: the number of cores). */
  concurrency?: number;
  /**
   * Grade the hidden checks too (`pnpm verify`). Record grading (`source: 'submission'`) always
   * does; a student's local run never does.
   */
  hidden?: boolean;
  /** Type-check the student's file before running it. */
  typecheck?: boolean;
  /**
   * Stop at the first check that does not pass; the rest are `fail`, not run (`pnpm verify` uses it
   * for mutants, which only need to lose a point). The checks then run cheapest first, each after
   * those it depends on (`cheapestFirst` in `lanes.ts`).
   */
  failFast?: boolean;
  /**
   * Pre-started sandbox children (watch mode, the UI): a grading takes the waiting one instead of
   * starting its own, and a new one is started after it. Each child still serves one grading only.
   */
  warm?: WarmSandboxes;
  /**
   * Resolve an exercise's grading only once its sandbox children have exited (default true). Watch
   * mode and the UI show a regrade at once (false): a killed child takes tens of milliseconds to be
   * torn down, and it can no longer run anything. Whatever writes a report or a gradebook row waits
   * for `allChildrenExited()` first either way.
   */
  waitForExit?: boolean;
  /**
   * Sandbox children that run one exercise's checks side by side (default 1). A regrade on save
   * grades one exercise while the machine's other core waits, so watch mode and the UI use
   * `REGRADE_LANES`. Which child runs which check depends on the suite alone (`lanes.ts`); a check
   * never relies on what an earlier probe left in its child (after a timeout a fresh child runs on).
   */
  lanes?: number;
  /**
   * The exercises' suites, loaded before any student code ran (exercise id -> suite). `grade()` loads
   * every selected one up front when this is missing; a batch passes the ones it loaded from the
   * pristine repository once. Without it, `gradeExercise` loads the suite itself (watch regrades).
   */
  suites?: ReadonlyMap<string, SuiteLoad>;
  /**
   * Grade seed-dependent checks (`Check.seeds`) with their extra seeds too (default true). A
   * regrade on save leaves them out so its result shows at once (`core/regrade.ts`), then confirms
   * the result with them (`Regrader.confirm`, which sets `extraSeedsOnly`).
   */
  extraSeeds?: boolean;
  /**
   * Run only these seed-dependent checks, and only with their extra seeds: their run seed's result
   * is already known to pass (a quick regrade's). What `Regrader.confirm` grades.
   */
  extraSeedsOnly?: readonly string[];
  /** Stops grading: running children are killed, the checks left are `error` (cancelled). */
  signal?: AbortSignal;
  onEvent?: (event: GradeEvent) => void;
}

/** Progress, in order per exercise: start, then per check start/done, then done. */
export type GradeEvent =
  | { type: 'exercise-start'; id: string }
  | {
      type: 'check-start';
      exerciseId: string;
      checkId: string;
      /** The check's title, its place (1-based) among `total` checks, and its wall-clock limit. */
      title: Localized;
      index: number;
      total: number;
      limitMs: number;
    }
  | { type: 'check-done'; exerciseId: string; result: CheckResult }
  | { type: 'exercise-done'; result: ExerciseResult };
