/**
 * Pre-started sandbox children for watch mode and the interactive UI, one per lane of the next
 * grading: node is up, the course's libraries are loaded, the engine is warmed up (compiled by V8:
 * `engine-warm-up.ts`), and the harness waits for an exercise, so a regrade after a save only loads
 * the exercise's checks and the student's module.
 *
 * Pre-started is not reused: a child is handed out once, before it has loaded any exercise, and a
 * grading never gets a child that ran anything before (`Sandbox.load` refuses a second load) other
 * than the engine's own warm-up, which leaves no state that changes a result. A waiting child does
 * not keep the grader's process alive, and when it died meanwhile the grading simply starts its own.
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

/** Holds a few pre-started, unused sandbox children for the next grading (one per lane). */
export class WarmSandboxes {
  private waiting: Sandbox[] = [];
  private closed = false;

  /**
   * @param capacity How many children wait at most: one per lane of the next grading
   * (`RunOptions.lanes`; a regrade on save runs `REGRADE_LANES`).
   *
   * @example
   * ```ts
   * const warm = new WarmSandboxes(REGRADE_LANES);
   * await gradeExercise(ex, { ...options, warm, lanes: REGRADE_LANES }); // takes the waiting children, then starts the next
   * warm.close();
   * ```
   */
  constructor(private readonly capacity = 1) {}

  /** A waiting child that is alive, unused, and started with heap cap `heapMb`; else none. */
  take(heapMb: number): Sandbox | undefined {
    this.waiting = this.waiting.filter((sandbox) => {
      if (sandbox.fresh && sandbox.heapMb === heapMb) return true;
      sandbox.dispose();
      return false;
    });
    return this.waiting.shift();
  }

  /** Starts children for the next grading until `capacity` with this heap cap are waiting. */
  replenish(target: WarmTarget): void {
    if (this.closed) return;
    this.waiting = this.waiting.filter((sandbox) => {
      if (sandbox.fresh && sandbox.heapMb === target.heapMb) return true;
      sandbox.dispose();
      return false;
    });
    while (this.waiting.length < this.capacity) {
      const sandbox = Sandbox.spawn({ heapMb: target.heapMb }, true);
      sandbox.prepare();
      this.waiting.push(sandbox);
    }
  }

  /** The first waiting child's process id, if one is waiting (for tests). */
  get waitingPid(): number | undefined {
    return this.waitingPids[0];
  }

  /** The process ids of the children waiting (for tests). */
  get waitingPids(): number[] {
    return this.waiting.flatMap((sandbox) =>
      sandbox.fresh && sandbox.pid !== undefined ? [sandbox.pid] : [],
    );
  }

  /** Ends the waiting children; nothing is started after this. */
  close(): void {
    this.closed = true;
    for (const sandbox of this.waiting) sandbox.dispose();
    this.waiting = [];
  }
}
