/**
 * An exercise's sandbox child over a whole grading: started when the first probe needs it, replaced
 * after a timeout or a crash, never restarted after the student's module failed to load (loading is
 * deterministic: every later check would fail the same way).
 *
 * A child that crashes in a probe after it ran others may have been broken by one of those (student
 * code shares the harness's realm: patching `Buffer.prototype` in one check made the child unable to
 * read the next check's message), and so may one that times out without ever saying it began the
 * probe (patching `EventEmitter.prototype.emit` made it deaf): that probe runs once more in a fresh
 * child, so each fault costs its own check only. A probe that crashes a fresh child, or that began
 * and ran out of time, is its own fault (so a busy loop costs its time limit once, not twice).
 */
import { performance } from 'node:perf_hooks';
import { type Outcome, Sandbox, type SandboxOptions } from './sandbox.js';
import type { WarmSandboxes } from './warm.js';

export interface SlotAnswer {
  outcome: Outcome;
  /** The outcome is the module's load failure, not this probe's. */
  loadFailed: boolean;
  /** How long the probe itself took (the child's start-up not included). */
  probeMs: number;
}

export class SandboxSlot {
  private sandbox: Sandbox | undefined;
  /** A child still loading: killed too on abort, so an abort never waits for a slow load. */
  private starting: Sandbox | undefined;
  private loadFailure: Outcome | undefined;
  /** Every child this slot took or started. */
  private readonly used: Sandbox[] = [];
  /** Probes the current child has run. */
  private probes = 0;

  constructor(
    private readonly options: SandboxOptions,
    private readonly signal?: AbortSignal,
    /** Pre-started children (watch mode, the UI): the first start takes one, `close` orders the next. */
    private readonly warm?: WarmSandboxes,
  ) {
    signal?.addEventListener('abort', this.dispose);
  }

  /**
   * Runs one check's probe, starting a child first when none is alive. `onProbeStart` is called when
   * the probe itself starts (its time limit runs from there), after any child start.
   */
  async run(
    checkId: string,
    input: unknown,
    timeLimitMs: number,
    onProbeStart?: () => void,
  ): Promise<SlotAnswer> {
    if (!this.sandbox?.alive && !this.loadFailure && !this.signal?.aborted) await this.start();
    if (this.loadFailure) return { outcome: this.loadFailure, loadFailed: true, probeMs: 0 };
    if (this.signal?.aborted || !this.sandbox) {
      this.dispose();
      const outcome: Outcome = {
        kind: 'crashed',
        how: 'cancelled',
        outOfMemory: false,
        output: '',
        droppedChars: 0,
      };
      return { outcome, loadFailed: false, probeMs: 0 };
    }
    onProbeStart?.();
    let started = performance.now();
    let outcome = await this.probe(checkId, input, timeLimitMs);
    const brokenBefore = outcome.kind === 'crashed' || (outcome.kind === 'timeout' && !outcome.began);
    if (brokenBefore && this.probes > 1 && !this.signal?.aborted) {
      // Perhaps an earlier check's doing: the same probe once more, in a fresh child.
      await this.start();
      if (this.sandbox && !this.loadFailure) {
        started = performance.now();
        outcome = await this.probe(checkId, input, timeLimitMs);
      }
    }
    return { outcome, loadFailed: false, probeMs: Math.round(performance.now() - started) };
  }

  /** One probe in the current child, which is ended after a timeout or a crash. */
  private async probe(checkId: string, input: unknown, timeLimitMs: number): Promise<Outcome> {
    const sandbox = this.sandbox as Sandbox;
    this.probes += 1;
    const outcome = await sandbox.run(checkId, input, timeLimitMs);
    if (outcome.kind !== 'value' && outcome.kind !== 'threw') this.dispose();
    return outcome;
  }

  /** Starts a child (a pre-started one when there is one) and loads the checks and the student's module. */
  private async start(): Promise<void> {
    this.probes = 0;
    const prestarted = this.warm?.take(this.options.heapMb);
    let sandbox = prestarted ?? Sandbox.spawn(this.options);
    this.used.push(sandbox);
    this.starting = sandbox;
    let outcome = await sandbox.load(this.options);
    if (prestarted && outcome.kind === 'crashed' && !outcome.outOfMemory && !this.signal?.aborted) {
      // The child died before it loaded anything (say, a pre-started one that was killed while
      // it waited): not the student's doing. One fresh child gets the same chance.
      sandbox.dispose();
      sandbox = Sandbox.spawn(this.options);
      this.used.push(sandbox);
      this.starting = sandbox;
      outcome = await sandbox.load(this.options);
    }
    this.starting = undefined;
    if (this.signal?.aborted) sandbox.dispose();
    else if (outcome.kind === 'value') this.sandbox = sandbox;
    else {
      this.loadFailure = outcome;
      sandbox.dispose();
    }
  }

  /** Ends the child, if any (also on abort). */
  readonly dispose = (): void => {
    this.sandbox?.dispose();
    this.sandbox = undefined;
    this.starting?.dispose();
  };

  /**
   * Ends the child, stops listening for abort, and resolves once every child this slot used has
   * exited: nothing started for an exercise outlives its grading.
   */
  async close(): Promise<void> {
    this.signal?.removeEventListener('abort', this.dispose);
    this.dispose();
    if (!this.signal?.aborted) this.warm?.replenish({ heapMb: this.options.heapMb });
    await Promise.all(this.used.map((sandbox) => sandbox.exited));
  }
}
