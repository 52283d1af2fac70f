/**
 * The grader's side of one sandbox child: starts it (`spawn.ts`), hands it one check at a time over
 * its pipes (`channel.ts`), and turns everything that can go wrong (a timeout, a crash, running out
 * of memory, an answer too large, forged or malformed) into an outcome. One `Sandbox` per exercise;
 * after a timeout or a crash the caller starts a fresh one. Nothing a child sends can throw here.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import v8 from 'node:v8';
import type { Localized } from '@gradschool/exercise-kit';
import { both } from '../i18n/index.js';
import { answerShapeProblem, MAX_ANSWER_DEPTH, MAX_ANSWER_VALUES } from './answer-shape.js';
import { builtSharedFiles, libraryFile } from './bundle.js';
import { encodeFrame, type FrameProblem, FrameReader, MAX_FRAME_BYTES as MAX_ANSWER } from './channel.js';
import { checkFromChild } from './check-message.js';
import { residentMb } from './memory.js';
import { type FromChild, OUTPUT_LIMIT, type ToChild } from './messages.js';
import type { Captured, Outcome, SandboxOptions, SpawnOptions } from './options.js';
import { killTree, removeChildFolder, type SpawnedChild, spawnHarness, spawnWith } from './spawn.js';

export type { Captured, Outcome, SandboxOptions, SpawnOptions } from './options.js';

const MEMORY_POLL_MS = 50;

/** Every child that loaded student code and has not exited yet: no report is written while one lives. */
const living = new Set<Promise<void>>();

/**
 * Resolves once every sandbox child of this process that loaded student code has exited (each is
 * killed when its exercise ends; this waits for the OS to confirm it). Reports are written after
 * this. A pre-started child still waiting has run nothing of a student's and is not waited for.
 */
export async function allChildrenExited(): Promise<void> {
  while (living.size > 0) await Promise.all([...living]);
}

interface Pending {
  resolve: (outcome: Outcome) => void;
  checkId: string | null;
  /** The child said it began this probe (a `began` message). */
  began: boolean;
  ms: number;
  timer: NodeJS.Timeout;
  poll?: NodeJS.Timeout;
}

export class Sandbox {
  private spawned: SpawnedChild | undefined;
  /** Settles once the child is started (or could not be). */
  private readonly started: Promise<void>;
  private readonly nonce = randomBytes(16).toString('hex');
  private pending: Pending | undefined;
  /** Bytes written straight to the child's file descriptors 1 and 2 (not through the capture). */
  private raw = '';
  private dead = false;
  private spawnError: string | undefined;

  /** Set once `load` was called: a child loads one exercise, once, and is never reused. */
  private used = false;
  private options: SandboxOptions | undefined;
  /** The heap cap the child was started with (`--max-old-space-size`). */
  readonly heapMb: number;
  private markExited!: () => void;
  /** Resolves once the child has exited (at once if it never started). */
  readonly exited = new Promise<void>((resolve) => {
    this.markExited = resolve;
  });

  private constructor(spawnOptions: SpawnOptions) {
    this.heapMb = spawnOptions.heapMb;
    // Started at once when the bundles are built (every child but the grader's first).
    const shared = builtSharedFiles();
    if (shared) {
      let spawned: SpawnedChild | undefined;
      try {
        spawned = spawnWith(spawnOptions, shared);
      } catch (error) {
        this.dead = true;
        this.spawnError = (error as Error).message;
        this.markExited();
      }
      if (spawned) this.wire(spawned);
      this.started = Promise.resolve();
      return;
    }
    this.started = spawnHarness(spawnOptions).then(
      (spawned) => this.wire(spawned),
      (error: Error) => {
        this.dead = true;
        this.spawnError = error.message;
        this.markExited();
        this.settle({ kind: 'crashed', how: error.message, outOfMemory: false });
      },
    );
  }

  private wire(spawned: SpawnedChild): void {
    this.spawned = spawned;
    const { child } = spawned;
    const collect = (chunk: Buffer) => {
      if (this.raw.length < 4 * OUTPUT_LIMIT) this.raw += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const fromChild = child.stdio[4];
    const reader = new FrameReader(
      (message) => this.onMessage(message),
      (problem) => this.refuse(problem),
    );
    fromChild?.on('data', (chunk: Buffer) => reader.push(chunk));
    fromChild?.on('error', () => {});
    child.stdio[3]?.on('error', () => {});
    child.on('error', (error) => {
      this.settle({ kind: 'crashed', how: error.message, outOfMemory: false });
      // A child that could not even start never exits: nothing to wait for.
      if (child.pid === undefined) {
        this.dead = true;
        this.markExited();
      }
    });
    child.on('exit', (code, signal) => {
      this.dead = true;
      // Gone now: what waits for the child (the end of an exercise, a report) need not wait for
      // the pipes to drain too.
      removeChildFolder(spawned.folder);
      this.markExited();
      // V8's "heap out of memory" arrives on stderr, possibly after the exit: wait for the pipes to
      // close (or a moment) before deciding what happened.
      const decide = () => {
        const outOfMemory = /heap out of memory|Reached heap limit|Allocation failed/i.test(this.raw);
        this.settle({ kind: 'crashed', how: signal ? `signal ${signal}` : `exit code ${code}`, outOfMemory });
      };
      const timer = setTimeout(decide, 250);
      child.once('close', () => {
        clearTimeout(timer);
        decide();
      });
    });
    if (this.isBackground) this.background(true);
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
   * Starts a child (node and the harness) that waits for {@link load}; the caller may kill it
   * meanwhile. With `background`, the child does not keep the grader's process alive.
   */
  static spawn(options: SpawnOptions, background = false): Sandbox {
    const sandbox = new Sandbox({ heapMb: options.heapMb });
    if (background) sandbox.background(true);
    return sandbox;
  }

  private isBackground = false;

  /** Whether the child keeps the grader's process alive (a waiting pre-started child does not). */
  background(on: boolean): void {
    this.isBackground = on;
    const child = this.spawned?.child;
    if (!child) return;
    const handles = [child, ...child.stdio].filter(Boolean) as unknown as { ref(): void; unref(): void }[];
    for (const handle of handles) on ? handle.unref?.() : handle.ref?.();
  }

  /** True while the child is running and has not loaded anything yet: it may still be handed out. */
  get fresh(): boolean {
    return !this.used && !this.dead;
  }

  /**
   * Has a pre-started child load the course's libraries ahead of `load`, and warm the engine up
   * (`engine-warm-up.ts`). Only before `load`.
   */
  prepare(): void {
    void this.started.then(() => {
      if (this.used || !this.alive) return;
      const engine = libraryFile('@gradschool/autograd');
      this.send({
        type: 'prepare',
        modules: [libraryFile('@gradschool/exercise-kit'), engine],
        warmUp: engine,
      });
    });
  }

  /** The child's process id (for tests), once it is started. */
  get pid(): number | undefined {
    return this.spawned?.child.pid;
  }

  /** Resolves once the child is started (for tests). */
  ready(): Promise<void> {
    return this.started;
  }

  /**
   * Loads `options`' checks and student module in this child. Only once per child: a second call is
   * a `crashed` outcome, so no child ever holds two gradings' state.
   */
  async load(options: SandboxOptions): Promise<Outcome> {
    if (this.used)
      return { kind: 'crashed', how: 'already used', outOfMemory: false, output: '', droppedChars: 0 };
    this.used = true;
    this.options = options;
    this.background(false);
    living.add(this.exited);
    void this.exited.then(() => living.delete(this.exited));
    await this.started;
    if (!this.spawned) this.markExited();
    return this.request(null, options.loadTimeoutMs, () => {
      const folder = this.spawned!.folder;
      writeFileSync(path.join(folder, 'checks.mjs'), options.checksCode);
      writeFileSync(path.join(folder, 'student.mjs'), options.studentCode);
      this.send({ type: 'init', nonce: this.nonce, checks: 'checks.mjs', student: 'student.mjs' });
    });
  }

  /** True while the child can take another check. */
  get alive(): boolean {
    return !this.dead && this.spawned !== undefined;
  }

  /**
   * Runs check `checkId`'s probe on `input`, within `timeLimitMs` of wall-clock time. A started
   * child gets the probe before this returns (so the grader can judge the previous answer meanwhile).
   */
  run(checkId: string, input: unknown, timeLimitMs: number): Promise<Outcome> {
    const request = () =>
      this.request(checkId, timeLimitMs, () => this.send({ type: 'run', checkId, input }));
    return this.spawned || this.dead ? request() : this.started.then(request);
  }

  /** Ends the child and its process group (idempotent). */
  dispose(): void {
    this.dead = true;
    if (this.spawned) killTree(this.spawned.child);
    else void this.started.then(() => this.spawned && killTree(this.spawned.child));
  }

  private send(message: ToChild): void {
    (this.spawned?.child.stdio[3] as Writable | undefined)?.write(encodeFrame(v8.serialize(message)));
  }

  private request(checkId: string | null, ms: number, sendIt: () => void): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      this.raw = '';
      // When the grader was busy as the limit passed, an answer may already wait in the pipe:
      // reading it (the poll phase) comes before deciding (the check phase, `setImmediate`).
      const timer = setTimeout(
        () =>
          setImmediate(() => {
            if (this.pending !== pending) return;
            this.settle({ kind: 'timeout', ms, began: pending.began });
            this.dispose();
          }),
        ms,
      );
      const pending: Pending = { resolve, checkId, timer, ms, began: false };
      if (process.platform === 'linux') pending.poll = setInterval(() => this.checkMemory(), MEMORY_POLL_MS);
      this.pending = pending;
      if (this.dead)
        return this.settle({ kind: 'crashed', how: this.spawnError ?? 'not running', outOfMemory: false });
      try {
        sendIt();
      } catch (error) {
        this.settle({
          kind: 'crashed',
          how: `could not send: ${(error as Error).message}`,
          outOfMemory: false,
        });
      }
    });
  }

  private checkMemory(): void {
    const pid = this.pid;
    if (pid === undefined || this.dead || !this.options) return;
    const mb = residentMb(pid);
    if (mb !== null && mb > this.options.rssMb) {
      this.settle({ kind: 'crashed', how: `${Math.round(mb)} MiB resident`, outOfMemory: true });
      this.dispose();
    }
  }

  /** A frame that could not be taken (too large, garbled): the child's answer is void, and so is the child. */
  private refuse(problem: FrameProblem): void {
    const reason =
      problem.kind === 'too-large'
        ? both('sandbox.answer.tooLarge', { mb: megabytes(problem.bytes), max: megabytes(MAX_ANSWER) })
        : both('sandbox.answer.garbled');
    this.badAnswer(reason);
  }

  private badAnswer(reason: Localized): void {
    this.settle({ kind: 'bad-answer', reason });
    this.dispose();
  }

  private onMessage(message: unknown): void {
    const checked = checkFromChild(message, this.nonce);
    if (!checked.ok) {
      this.badAnswer(
        both(checked.why === 'unauthentic' ? 'sandbox.answer.forged' : 'sandbox.answer.malformed'),
      );
      return;
    }
    // A probe that ran over its limit is a timeout, never judged late, even if its answer got here
    // before the grader's timer went off (the harness's own clock says how long it ran).
    const pending = this.pending;
    const answer = checked.message;
    if (pending && answer.type === 'result' && answer.ms > pending.ms) {
      this.settle({ kind: 'timeout', ms: pending.ms, began: true });
      this.dispose();
      return;
    }
    this.answer(answer);
  }

  private answer(message: FromChild): void {
    const expected = this.pending?.checkId;
    if (message.type === 'began') {
      if (this.pending && expected === message.checkId && !this.pending.began) this.pending.began = true;
      else this.badAnswer(both('sandbox.answer.outOfOrder'));
      return;
    }
    if (message.type === 'ready') {
      if (expected === null) this.settle({ kind: 'value', value: undefined, unhandled: [] });
      else this.badAnswer(both('sandbox.answer.outOfOrder'));
      return;
    }
    if (message.type === 'load-error') {
      this.settle({ kind: 'threw', error: message.error, unhandled: [] }, message);
      return;
    }
    if (message.checkId !== expected) this.badAnswer(both('sandbox.answer.outOfOrder'));
    else if (message.ok) {
      // Judges run here, in the grader: an answer that would hang or abort them is refused first.
      const shape = answerShapeProblem(message.value);
      if (shape === 'cycle') this.badAnswer(both('sandbox.answer.cycle'));
      else if (shape === 'deep') this.badAnswer(both('sandbox.answer.deep', { max: MAX_ANSWER_DEPTH }));
      else if (shape === 'expands')
        this.badAnswer(both('sandbox.answer.expands', { max: MAX_ANSWER_VALUES }));
      else this.settle({ kind: 'value', value: message.value, unhandled: message.unhandled }, message);
    } else this.settle({ kind: 'threw', error: message.error, unhandled: message.unhandled }, message);
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

/** Bytes as MiB with one decimal, for messages. */
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
