/**
 * The sandbox child's entry point: loads the checks and the student's module, then runs one probe
 * per `run` message. It runs as plain JavaScript (`bundle.ts`) under Node's permission model: it may
 * read only its own folder, write nowhere, start no process, worker or addon (`spawn.ts`).
 *
 * Before any student code loads, the harness takes what it needs and closes the doors the
 * permission model leaves open:
 * - its wire to the grader is two pipes (fd 3 in, fd 4 out: `channel.ts`), read and written with
 *   `fs.read`/`fs.writeSync` and V8's serializer captured here, the serializer's prototypes frozen,
 *   so student code cannot see the run's nonce or write in its name;
 * - `process.kill` (and its binding `_kill`) are gone and `os.setPriority` refuses: student code
 *   cannot signal or slow down the grader or anything else;
 * - `process.stdout`/`stderr` are replaced by captures before Node ever opens the real pipes, so
 *   fd 1 stays blocking (a print loop blocks, never fails with EAGAIN);
 * - `process.exit` throws instead of exiting, so exiting costs the check and not the child.
 *
 * Late output and errors: each probe runs in its own async context (`AsyncLocalStorage`), which
 * timers and promises started by the student's code inherit. After a probe settles the harness
 * waits a few event-loop turns, so what that code does just after (a `setTimeout(..., 0)`, a
 * rejection) still counts for its own check. Anything arriving later from an earlier probe's
 * context is not charged to the check running then: it is dropped.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import nodeModule from 'node:module';
import { Socket } from 'node:net';
import os from 'node:os';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { OutputCapture } from './capture.js';
import { FrameReader } from './channel.js';
import { isWarmUpEngine, warmUpEngine } from './engine-warm-up.js';
import type { FromChild, InitMessage, PrepareMessage, RunMessage, SerializedError } from './messages.js';
import { toPlain } from './plain.js';
import { findThenable, watchPromises } from './promise-guard.js';

/** The pipes to the grader (see `spawn.ts`). */
const FROM_GRADER = 3;
const TO_GRADER = 4;

// Captured before student code exists: it may replace any of these later.
const writeSync = fs.writeSync;
const serializeValue = v8.serialize;
const deserializeValue = v8.deserialize;
const realExit = process.exit.bind(process);
const clock = performance.now.bind(performance);
const NativePromise = Promise;
const NativeUint8Array = Uint8Array;
const NativeBuffer = Buffer;
const bufferFrom = Buffer.from;
const utf8 = (text: string): Uint8Array => Reflect.apply(bufferFrom, NativeBuffer, [text, 'utf8']);
const nextMacrotask = setImmediate;
const nextTimer = setTimeout;
for (const proto of [
  v8.Serializer.prototype,
  v8.Deserializer.prototype,
  v8.DefaultSerializer.prototype,
  v8.DefaultDeserializer.prototype,
])
  Object.freeze(proto);

/** Writes all of `bytes` to `fd` (the pipes are blocking: a full pipe waits, never fails). */
function writeAll(bytes: Uint8Array, fd = TO_GRADER): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Sends one frame: its length (4 bytes, little-endian) and the serialized message. */
const send = (message: FromChild): void => {
  const payload = serializeValue(message);
  const n = payload.length;
  const header = new NativeUint8Array(4);
  header[0] = n & 0xff;
  header[1] = (n >>> 8) & 0xff;
  header[2] = (n >>> 16) & 0xff;
  header[3] = (n >>> 24) & 0xff;
  writeAll(header);
  writeAll(payload);
};

/** Which probe started the code running now (a number per probe; undefined: the harness, loading). */
const origin = new AsyncLocalStorage<number>();
let probeCount = 0;
/** The probe whose output and errors are being collected. */
let current = 0;
/** True when the code running now was started by an earlier probe, which already answered. */
const late = (): boolean => {
  const from = origin.getStore();
  return from !== undefined && from !== current;
};
const capture = new OutputCapture();
let nonce = '';
let probes = new Map<string, (student: unknown, input: unknown) => unknown>();
let student: unknown;
/** The names of the student's exports that returned a Promise during the current probe. */
let returnedPromise: string[] = [];
/** Errors escaping student code (uncaught, unhandled rejections) while a probe runs. */
let escaped: SerializedError[] = [];

/** Thrown in place of `process.exit`, so exiting costs the check and not the child. */
class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
    this.name = 'ExitCalled';
  }
}

function serialize(error: unknown): SerializedError {
  const notImplemented =
    typeof error === 'object' &&
    error !== null &&
    (error as { gradschoolNotImplemented?: unknown }).gradschoolNotImplemented === true;
  if (error instanceof ExitCalled)
    return { name: 'ExitCalled', message: error.message, notImplemented, exitCode: error.code };
  if (error instanceof Error) {
    let stack: string | undefined;
    try {
      stack = typeof error.stack === 'string' ? error.stack : undefined;
    } catch {}
    const { code, permission, resource } = error as {
      code?: unknown;
      permission?: unknown;
      resource?: unknown;
    };
    const denied =
      code === 'ERR_ACCESS_DENIED' ? `${String(permission ?? '')} ${String(resource ?? '')}`.trim() : '';
    // Cut to what the grader takes (`messages.ts`): a 1 MB message is still that check's error.
    return {
      name: String(error.name).slice(0, 200),
      message: String(error.message).slice(0, 2000),
      notImplemented,
      ...(stack ? { stack: stack.slice(0, 10_000) } : {}),
      ...(typeof code === 'string' ? { code: code.slice(0, 100) } : {}),
      ...(denied ? { denied: denied.slice(0, 1000) } : {}),
    };
  }
  let text: string;
  try {
    text = typeof error === 'string' ? JSON.stringify(error) : (JSON.stringify(error) ?? String(error));
  } catch {
    text = Object.prototype.toString.call(error);
  }
  return { name: 'non-error', message: `throw ${text.slice(0, 300)}`, notImplemented };
}

/** A stand-in for `process.stdout`/`stderr`: what student code prints goes to the capture. */
function captureStream(): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: unknown, _encoding, callback) {
      if (!late()) {
        const kept = capture.add(chunk);
        // Echoed to the real fd 1, so the grader still has it if the check never answers (a
        // timeout or a crash kills the child before its result is sent).
        if (kept) writeAll(utf8(kept), 1);
      }
      callback();
    },
  });
}

function contain(): void {
  // Replaced before anything reads them, so Node never opens the real stdout/stderr pipes.
  for (const name of ['stdout', 'stderr'] as const)
    Object.defineProperty(process, name, { value: captureStream(), configurable: true, writable: true });
  process.exit = ((code?: number) => {
    throw new ExitCalled(typeof code === 'number' ? code : 0);
  }) as typeof process.exit;
  // No signals: not to the grader, not to anything else (the permission model does not cover
  // them). `_kill` is the binding `kill` calls: gone, so nothing can bring `kill` back.
  const refuse = (what: string) => () => {
    throw Object.assign(new Error(`${what} is not available while grading`), {
      code: 'ERR_ACCESS_DENIED',
      permission: what,
    });
  };
  const p = process as unknown as Record<string, unknown>;
  delete p._kill;
  p.kill = refuse('process.kill');
  os.setPriority = refuse('os.setPriority');
  nodeModule.syncBuiltinESMExports();
  // Node runs these handlers in the async context of the throw or rejection (see `late`).
  process.on('uncaughtException', (error) => {
    if (!late()) escaped.push(describe(error));
  });
  process.on('unhandledRejection', (reason) => {
    if (!late()) escaped.push(describe(reason));
  });
}

type ChecksModule = { default?: { checks?: { id: string; probe: (s: unknown, i: unknown) => unknown }[] } };
/** The libraries loading ahead (`prepare`); `load` waits for them so nothing loads twice at once. */
let preloading: Promise<unknown> = NativePromise.resolve();

/** A file of this child's folder (where the grader wrote the bundles) as a URL to import. */
const here = (file: string) => pathToFileURL(`${process.cwd()}/${file}`).href;

/**
 * Loads the course's libraries ahead; the same files the checks import later (module cache). The
 * engine, when named, is warmed up too (`engine-warm-up.ts`); `load` waits for all of it.
 */
function prepare(message: PrepareMessage): void {
  if (nonce) return;
  const loads = message.modules.map((file) =>
    import(here(file))
      .then((loaded: unknown) => {
        if (file === message.warmUp && isWarmUpEngine(loaded)) warmUpEngine(loaded);
      })
      .catch(() => undefined),
  );
  preloading = NativePromise.all(loads);
}

async function load(init: InitMessage): Promise<void> {
  nonce = init.nonce;
  contain();
  try {
    await preloading;
    const checks = (await import(here(init.checks))) as ChecksModule;
    probes = new Map((checks.default?.checks ?? []).map((c) => [c.id, c.probe]));
    const watched = watchPromises(await import(here(init.student)));
    student = watched.student;
    returnedPromise = watched.returnedPromise;
    escaped = [];
    send({ type: 'ready', nonce });
  } catch (error) {
    send({ type: 'load-error', nonce, error: describe(error), ...capture.take() });
  }
}

/**
 * The window after a probe settles in which its code still counts for its check: a macrotask turn
 * (rejections left unhandled are reported by then), the timers phase (`setTimeout(..., 0)`), and one
 * more turn for what those timers left behind.
 */
async function afterglow(): Promise<void> {
  await new NativePromise((resolve) => nextMacrotask(resolve));
  await new NativePromise((resolve) => nextTimer(resolve, 1));
  await new NativePromise((resolve) => nextMacrotask(resolve));
}

async function run(message: RunMessage): Promise<void> {
  send({ type: 'began', nonce, checkId: message.checkId });
  const started = clock();
  current = ++probeCount;
  escaped = [];
  capture.take();
  returnedPromise.length = 0;
  let outcome: { ok: true; value: unknown } | { ok: false; error: SerializedError };
  let probeMs = 0;
  try {
    const probe = probes.get(message.checkId);
    if (!probe) throw new Error(`no probe for check "${message.checkId}"`);
    const value = await origin.run(current, () => probe(student, message.input));
    probeMs = clock() - started;
    // A Promise inside the answer cannot be sent. One the probe returned was awaited above and its
    // value is the answer: that works, and probes (and some courses' functions) may be async.
    const nested = findThenable(value) !== null;
    outcome = nested ? { ok: false, error: promiseError() } : { ok: true, value: toPlain(value) };
  } catch (error) {
    const described = describe(error);
    // Using a Promise as if it were the value usually throws (`.map is not a function`): say why.
    outcome = {
      ok: false,
      error: returnedPromise.length > 0 && !described.notImplemented ? promiseError() : described,
    };
  }
  await afterglow();
  const base = {
    type: 'result' as const,
    nonce,
    checkId: message.checkId,
    // How long the probe ran, by the harness's own clock: over its limit it is a timeout, even
    // when the answer reached the grader before the grader's own timer went off.
    ms: probeMs || clock() - started,
    ...capture.take(),
    unhandled: escaped,
  };
  try {
    send({ ...base, ...outcome });
  } catch (error) {
    send({ ...base, ok: false, error: { ...describe(error), unclonable: true } });
  }
}

/** The error for a Promise returned by student code, naming the call that returned it. */
function promiseError(): SerializedError {
  const [name] = returnedPromise;
  return {
    name: 'ReturnedPromise',
    message: 'returned a Promise',
    notImplemented: false,
    returnedPromise: name === undefined ? null : `${name}(…)`,
  };
}

/** `serialize`, for errors whose own properties throw when read (student code can build those). */
function describe(error: unknown): SerializedError {
  try {
    return serialize(error);
  } catch {
    return { name: 'non-error', message: '', notImplemented: false, undescribable: true };
  }
}

// Messages are handled one at a time, in order; the grader sends the next `run` only after a result.
let queue: Promise<void> = NativePromise.resolve();
function handle(message: InitMessage | PrepareMessage | RunMessage): void {
  // A failure here (say, sending failed) must not stop the queue: the grader times the check out.
  queue = queue
    .then(() => {
      if (message.type === 'prepare') return prepare(message);
      if (message.type === 'init') return nonce ? undefined : load(message);
      return run(message);
    })
    .catch(() => undefined);
}

/**
 * Reads the grader's frames from fd 3 for as long as the child lives. The end of the pipe means
 * the grader is gone: so is the child. (A child stuck in a loop never sees it; the grader's
 * watchdog, `watchdog.ts`, ends that one.) A socket, not `fs.read`: a read blocked in libuv's
 * thread pool would keep `process.reallyExit` from ever finishing.
 */
function listen(): void {
  const reader = new FrameReader(
    (message) => handle(message as InitMessage | PrepareMessage | RunMessage),
    // Bytes out of step with the frames: nothing that follows can be trusted, so the child ends.
    () => realExit(0),
    Number.POSITIVE_INFINITY,
    deserializeValue,
  );
  const pipe = new Socket({ fd: FROM_GRADER, readable: true, writable: false });
  pipe.on('data', (chunk: Buffer) => reader.push(chunk));
  pipe.on('end', () => realExit(0));
  pipe.on('error', () => realExit(0));
}

listen();
