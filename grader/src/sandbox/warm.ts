/**
 * One pre-started sandbox child, for watch mode and the interactive UI: node is up, tsx is loaded,
 * the course's libraries are loaded, the engine is warmed up (compiled by V8: `engine-warm-up.ts`),
 * and the harness waits for an exercise, so a regrade after a save only loads the exercise's checks
 * and the student's module.
 *
 * Pre-started is not reused: a child is handed out once, before it has loaded any exercise, and a
 * grading never gets a child that ran anything before (`Sandbox.load` refuses a second load) other
 * than the engine's own warm-up, which leaves no state that changes a result. The
 * waiting child does not keep the grader's process alive, and when it died meanwhile the grading
 * simply starts its own.
 */
import os from 'node:os';
import { Sandbox } from './sandbox.js';

/**
 * Loaded ahead in a waiting child: the course's own libraries (trusted; importing them runs no
 * student code), which the checks import anyway. Never an exercise's `checks.ts` or student file.
 */
export const PRELOADED_MODULES: readonly string[] = ['@gradschool/exercise-kit', '@gradschool/autograd'];

/** Of those, the engine: the waiting child also trains a tiny model with it (`engine-warm-up.ts`). */
export const WARMED_UP_ENGINE = '@gradschool/autograd';

/** What the next grading probably needs: the heap cap, and a file to resolve the libraries from. */
export interface WarmTarget {
  heapMb: number;
  /** A file of the course (an exercise's `checks.ts`); without it nothing is loaded ahead. */
  resolveFrom?: string;
}

/** Holds at most one pre-started, unused sandbox child for the next grading. */
export class WarmSandboxes {
  private waiting: Sandbox | undefined;
  private closed = false;

  /**
   * @param cwd where a child waits; the harness moves to the exercise's folder when it loads one.
   *
   * @example
   * ```ts
   * const warm = new WarmSandboxes();
   * await gradeExercise(ex, { ...options, warm }); // takes the waiting child, then starts the next
   * warm.close();
   * ```
   */
  constructor(private readonly cwd: string = os.tmpdir()) {}

  /** The waiting child when it is alive, unused, and started with heap cap `heapMb`; else none. */
  take(heapMb: number): Sandbox | undefined {
    const sandbox = this.waiting;
    this.waiting = undefined;
    if (sandbox?.fresh && sandbox.heapMb === heapMb) return sandbox;
    sandbox?.dispose();
    return undefined;
  }

  /** Starts a child for the next grading, unless one with this heap cap is already waiting. */
  replenish(target: WarmTarget): void {
    if (this.closed) return;
    if (this.waiting?.fresh && this.waiting.heapMb === target.heapMb) return;
    this.waiting?.dispose();
    this.waiting = Sandbox.spawn({ cwd: this.cwd, heapMb: target.heapMb }, true);
    if (target.resolveFrom) this.waiting.prepare(target.resolveFrom, PRELOADED_MODULES, WARMED_UP_ENGINE);
  }

  /** The waiting child's process id, if one is waiting (for tests). */
  get waitingPid(): number | undefined {
    return this.waiting?.fresh ? this.waiting.pid : undefined;
  }

  /** Ends the waiting child; nothing is started after this. */
  close(): void {
    this.closed = true;
    this.waiting?.dispose();
    this.waiting = undefined;
  }
}
