/**
 * The last local grading of each exercise, one small file per exercise in
 * `<root>/.grade/last/<id>.json` (`.grade/` is the student's, gitignored): what `pnpm grade --list`
 * shows as an exercise's status. Written on every local grading of `src/` (plain, `--watch`, the UI),
 * never for `--solutions`, a submission, a batch or CI. A fingerprint of the student's files tells
 * the list when they changed since. A missing or damaged file means "not graded yet", never a crash.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LoadedExercise } from '../core/discover.js';
import { EXERCISE_STATUSES, type ExerciseResult, type ExerciseStatus } from '../core/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';

/** What is kept of one grading. */
export interface LastResult {
  version: 1;
  id: string;
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  /** Checks passed, of `checks`. */
  passed: number;
  checks: number;
  /** When it was graded (ISO 8601). */
  gradedAt: string;
  /** A fingerprint of the student's files as graded (see `filesFingerprint`). */
  files: string;
}

/** The folder of the last results, under the course root. */
export function lastResultsDir(root: string): string {
  return path.join(root, '.grade', 'last');
}

function fileOf(root: string, id: string): string {
  return path.join(lastResultsDir(root), `${id}.json`);
}

/**
 * A fingerprint (SHA-256) of the exercise's student files: their names and contents, a missing file
 * counted as missing. Equal fingerprints: the files are as they were when graded.
 */
export function filesFingerprint(ex: LoadedExercise): string {
  const hash = createHash('sha256');
  for (const file of ex.manifest.files) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(path.join(ex.dir, file)));
    } catch {
      hash.update('\0missing\0');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Keeps `result` as the last grading of its exercise. A failure to write is not the grading's: ignored. */
export function saveLastResult(
  root: string,
  ex: LoadedExercise,
  result: ExerciseResult,
  at = new Date(),
): void {
  const kept: LastResult = {
    version: 1,
    id: result.id,
    status: result.status,
    score: result.score,
    maxScore: result.maxScore,
    passed: result.checks.filter((c) => c.status === 'pass').length,
    checks: result.checks.length,
    gradedAt: at.toISOString(),
    files: filesFingerprint(ex),
  };
  try {
    writeFileAtomic(fileOf(root, result.id), `${JSON.stringify(kept, null, 2)}\n`);
  } catch {
    // A read-only checkout still grades; only --list loses the status.
  }
}

/** Keeps every result of `results` whose exercise is among `exercises` (a broken manifest has none). */
export function saveLastResults(
  root: string,
  exercises: readonly LoadedExercise[],
  results: readonly ExerciseResult[],
): void {
  const byId = new Map(exercises.map((ex) => [ex.id, ex]));
  for (const result of results) {
    const ex = byId.get(result.id);
    // A cancelled grading (the UI's r, a quit) is no result.
    if (ex && result.problem?.code !== 'cancelled') saveLastResult(root, ex, result);
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && value >= 0;

/** The last grading of exercise `id`, or undefined (none, or a file that is not one of ours). */
export function loadLastResult(root: string, id: string): LastResult | undefined {
  let data: Partial<LastResult>;
  try {
    data = JSON.parse(readFileSync(fileOf(root, id), 'utf8')) as Partial<LastResult>;
  } catch {
    return undefined;
  }
  const valid =
    typeof data === 'object' &&
    data !== null &&
    data.version === 1 &&
    data.id === id &&
    EXERCISE_STATUSES.includes(data.status as ExerciseStatus) &&
    [data.score, data.maxScore, data.passed, data.checks].every(isCount) &&
    typeof data.gradedAt === 'string' &&
    typeof data.files === 'string';
  return valid ? (data as LastResult) : undefined;
}

/** Forgets the last grading of `id` (after `--reset`: the starter is not what was graded). */
export function forgetLastResult(root: string, id: string): void {
  rmSync(fileOf(root, id), { force: true });
}

/**
 * Whether gradings of this run are the student's own, kept for `--list`: their `src/`, on their
 * machine. Not `--solutions`, a submission or a batch, and not in CI (`CI` set), where nobody lists.
 */
export function recordsLastResults(
  options: { solutions: boolean; submission?: string; batch?: string },
  env: NodeJS.ProcessEnv,
): boolean {
  return !options.solutions && !options.submission && !options.batch && !env.CI;
}
