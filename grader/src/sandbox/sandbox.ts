/**
 * The grader's side of one sandbox child: starts it, hands it one check at a time, and turns
 * everything that can go wrong (a timeout, a crash, running out of memory, a malformed answer) into
 * an outcome. One `Sandbox` per exercise; after a timeout or a crash the caller starts a fresh one.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { residentMb } from './memory.js';
import { type FromChild, isFromChild, OUTPUT_LIMIT } from './messages.js';
import type { Captured, Outcome, SandboxOptions, SpawnOptions } from './options.js';
import { forkHarness } from './spawn.js';

export type { Captured, Outcome, SandboxOptions, SpawnOptions } from './options.js';

const MEMORY_POLL_MS = 50;

interface Pending {
  resolve: (outcome: Outcome) => void;
  checkId: string | null;
  timer: NodeJS.Timeout;
  poll?: NodeJS.Timeout;
}

export class Sandbox {
  private readonly child: ChildProcess;
  private readonly nonce = randomBytes(16).toString('hex');
  private pending: Pending | undefined;
  /** Bytes written straight to the child's file descriptors (not through `process.stdout`). */
  private raw = '';
  private dead = false;

  /** Set once `load` was called: a child loads one exercise, once, and is never reused. */
  private used = false;
  /** The heap cap the child was started with (`--max-old-space-size`). */
  readonly heapMb: number;

  private constructor(
    spawnOptions: SpawnOptions,
    private options: SandboxOptions = {
      ...spawnOptions,
      checksPath: '',
      studentPath: '',
      rssMb: Infinity,
      loadTimeoutMs: 0,
    },
  ) {
    this.heapMb = spawnOptions.heapMb;
    this.child = forkHarness(spawnOptions);
    const collect = (chunk: Buffer) => {
      if (this.raw.length < 4 * OUTPUT_LIMIT) this.raw += chunk.toString('utf8');
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.child.on('message', (message) => this.onMessage(message));
    this.child.on('error', (error) =>
      this.settle({ kind: 'crashed', how: error.message, outOfMemory: false }),
    );
    this.child.on('exit', (code, signal) => {
      this.dead = true;
      // V8's "heap out of memory" arrives on stderr, possibly after the exit: wait for the pipes to
      // close (or a moment, in case a grandchild holds them) before deciding what happened.
      const decide = () => {
        const outOfMemory = /heap out of memory|Reached heap limit|Allocation failed/i.test(this.raw);
        this.settle({ kind: 'crashed', how: signal ? `signal ${signal}` : `exit code ${code}`, outOfMemory });
      };
      const timer = setTimeout(decide, 250);
      this.child.once('close', () => {
        clearTimeout(timer);
        decide();
      });
    });
  }

  /**
   * Starts a child and loads the checks and the student's module. The outcome is `value` (with
   * `value: undefined`) when ready, `threw` when loading threw, or a timeout/crash.
   */
  static async start(options: SandboxOptions): Promise<{ sandbox: Sandbox; outcome: Outcome }> {
    const sandbox = Sandbox.spawn(options);
    return { sandbox, outcome: await sandbox.load(options) };
  }

  /**
   * Starts a child (node, tsx, the harness) that waits for {@link load}; the caller may kill it
   * meanwhile. With `background`, the child does not keep the grader's process alive.
   */
  static spawn(options: SpawnOptions, background = false): Sandbox {
    const sandbox = new Sandbox({ cwd: options.cwd, heapMb: options.heapMb });
    if (background) sandbox.background(true);
    return sandbox;
  }

  /** Whether the child keeps the grader's process alive (a waiting pre-started child does not). */
  background(on: boolean): void {
    const { stdout, stderr, channel } = this.child;
    const handles = [this.child, channel, stdout, stderr].filter(Boolean) as unknown as {
      ref(): void;
      unref(): void;
    }[];
    for (const handle of handles) on ? handle.unref() : handle.ref();
  }

  /** True while the child is running and has not loaded anything yet: it may still be handed out. */
  get fresh(): boolean {
    return !this.used && this.alive;
  }

  /**
   * Has a pre-started child load `modules` (resolved from the file `from`) ahead of `load`: the
   * course's libraries, which every exercise's checks import. `warmUp`, one of them (the engine),
   * is also warmed up (`engine-warm-up.ts`). Only before `load`.
   */
  prepare(from: string, modules: readonly string[], warmUp?: string): void {
    if (this.used || !this.alive) return;
    try {
      this.child.send({ type: 'prepare', from, modules: [...modules], ...(warmUp ? { warmUp } : {}) });
    } catch {
      // A child that cannot be told is only less prepared.
    }
  }

  /** The child's process id (for tests). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Loads `options`' checks and student module in this child. Only once per child: a second call is
   * a `crashed` outcome, so no child ever holds two gradings' state.
   */
  load(options: SandboxOptions): Promise<Outcome> {
    if (this.used) {
      const outcome: Outcome = {
        kind: 'crashed',
        how: 'already used',
        outOfMemory: false,
        output: '',
        droppedChars: 0,
      };
      return Promise.resolve(outcome);
    }
    this.used = true;
    this.options = options;
    this.background(false);
    return this.request(null, options.loadTimeoutMs, () =>
      this.child.send({
        type: 'init',
        nonce: this.nonce,
        checksPath: options.checksPath,
        studentPath: options.studentPath,
        cwd: options.cwd,
      }),
    );
  }

  /** True while the child can take another check. */
  get alive(): boolean {
    return !this.dead && this.child.connected;
  }

  /** Runs check `checkId`'s probe on `input`, within `timeLimitMs` of wall-clock time. */
  run(checkId: string, input: unknown, timeLimitMs: number): Promise<Outcome> {
    return this.request(checkId, timeLimitMs, () => this.child.send({ type: 'run', checkId, input }));
  }

  /** Ends the child (idempotent). */
  dispose(): void {
    if (!this.dead) this.child.kill('SIGKILL');
    this.dead = true;
  }

  private request(checkId: string | null, ms: number, sendIt: () => void): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      this.raw = '';
      const timer = setTimeout(() => {
        this.settle({ kind: 'timeout', ms });
        this.dispose();
      }, ms);
      const pending: Pending = { resolve, checkId, timer };
      if (process.platform === 'linux') pending.poll = setInterval(() => this.checkMemory(), MEMORY_POLL_MS);
      this.pending = pending;
      if (this.dead) return this.settle({ kind: 'crashed', how: 'not running', outOfMemory: false });
      try {
        sendIt();
      } catch (error) {
        this.settle({ kind: 'bad-answer', reason: `could not send: ${(error as Error).message}` });
      }
    });
  }

  private checkMemory(): void {
    const pid = this.child.pid;
    if (pid === undefined || this.dead) return;
    const mb = residentMb(pid);
    if (mb !== null && mb > this.options.rssMb) {
      this.settle({ kind: 'crashed', how: `${Math.round(mb)} MiB resident`, outOfMemory: true });
      this.dispose();
    }
  }

  private onMessage(message: unknown): void {
    if (!isFromChild(message, this.nonce)) {
      // A message without this run's nonce is not the harness speaking: never believed.
      if ((message as { nonce?: unknown } | null)?.nonce === this.nonce)
        this.settle({ kind: 'bad-answer', reason: 'malformed message' });
      return;
    }
    this.answer(message);
  }

  private answer(message: FromChild): void {
    const expected = this.pending?.checkId;
    if (message.type === 'ready') {
      if (expected === null) this.settle({ kind: 'value', value: undefined, unhandled: [] });
      return;
    }
    if (message.type === 'load-error') {
      this.settle({ kind: 'threw', error: message.error, unhandled: [] }, message);
      return;
    }
    if (message.checkId !== expected) {
      this.settle({ kind: 'bad-answer', reason: `answer for "${message.checkId}", expected "${expected}"` });
      return;
    }
    if (message.ok)
      this.settle({ kind: 'value', value: message.value, unhandled: message.unhandled }, message);
    else this.settle({ kind: 'threw', error: message.error, unhandled: message.unhandled }, message);
  }

  /** Resolves the pending request once; later outcomes for it (say, an exit after a kill) are ignored. */
  private settle(outcome: DistributiveOmit<Outcome, keyof Captured>, captured?: Captured): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if (pending.poll) clearInterval(pending.poll);
    // With an answer, the child's own capture is exact (the pipe only echoes it). Without one (a
    // timeout, a crash), what reached the pipe is all there is; V8's out-of-memory report is noise.
    const all = captured
      ? captured.output
      : outcome.kind === 'crashed' && outcome.outOfMemory
        ? ''
        : this.raw;
    pending.resolve({
      ...outcome,
      output: all.slice(0, OUTPUT_LIMIT),
      droppedChars: (captured?.droppedChars ?? 0) + Math.max(0, all.length - OUTPUT_LIMIT),
    } as Outcome);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
