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
import { Sandbox } from './sandbox.js';

/**
 * What the next grading probably needs: the heap cap. A waiting child loads the course's own
 * libraries ahead (trusted; importing them runs no student code) and warms the engine up
 * (`engine-warm-up.ts`); never an exercise's checks or a student's file.
 */
export interface WarmTarget {
  heapMb: number;
}

/** Holds at most one pre-started, unused sandbox child for the next grading. */
export class WarmSandboxes {
  private waiting: Sandbox | undefined;
  private closed = false;

  /**
   * @example
   * ```ts
   * const warm = new WarmSandboxes();
   * await gradeExercise(ex, { ...options, warm }); // takes the waiting child, then starts the next
   * warm.close();
   * ```
   */

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
    this.waiting = Sandbox.spawn({ heapMb: target.heapMb }, true);
    this.waiting.prepare();
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
