import type { Localized } from './protocol.js';

/**
 * An exercise's `exercise.json`, as validated by `grader/schema/exercise.schema.json`.
 * Paths are relative to the exercise's folder and never leave it.
 */
export interface ExerciseManifest {
  /** Points editors at the schema, for autocompletion. */
  $schema?: string;
  /** Equal to the folder name, e.g. `"03-softmax"`. */
  id: string;
  /** Position in the course (1, 2, ...). */
  order: number;
  title: Localized;
  summary: Localized;
  /** The lecture section (slide titles) the exercise follows. */
  lecture: { section: Localized; slides: string[] };
  /**
   * The student-editable files, e.g. `["src/softmax.ts"]`. Nothing else of a submission is ever
   * read. The first one is the module the probes receive, unless `entry` says otherwise.
   */
  files: string[];
  /** The module handed to `probe` (default: `files[0]`). */
  entry?: string;
  /** The checks module (default `"checks.ts"`). */
  checks?: string;
  /** Progressive hints: a nudge, then the formula, then the pitfall. */
  hints: Localized[];
  /** Default wall-clock limit of one check's probe, in milliseconds. */
  timeLimitMs?: number;
  /** Heap cap of the sandbox child, in MiB. */
  memoryLimitMb?: number;
  /**
   * Imports the student's files may not use: a module specifier (the whole module), or a module with
   * the names it may not import from it.
   */
  forbiddenImports?: (string | { from: string; names: string[] })[];
}
