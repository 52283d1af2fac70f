/**
 * The sandbox child's entry point: loads the checks and the student's module, then runs one probe
 * per `run` message. Everything the student's code can do to the process (exit, throw anything,
 * leave promises rejected or pending, print) is contained here or noticed by the grader.
 *
 * The harness keeps its own references to what it needs (`process.send`, the real `exit`) before
 * student code loads, and takes `process.send` away from it.
 *
 * Late output and errors: each probe runs in its own async context (`AsyncLocalStorage`), which
 * timers and promises started by the student's code inherit. After a probe settles the harness
 * waits a few event-loop turns, so what that code does just after (a `setTimeout(..., 0)`, a
 * rejection) still counts for its own check. Anything arriving later from an earlier probe's
 * context is not charged to the check running then: it is dropped.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { OutputCapture } from './capture.js';
import { isWarmUpEngine, warmUpEngine } from './engine-warm-up.js';
import type { FromChild, InitMessage, PrepareMessage, RunMessage, SerializedError } from './messages.js';
import { toPlain } from './plain.js';
import { findThenable, watchPromises } from './promise-guard.js';

const send: (message: FromChild) => void = process.send!.bind(process) as never;
const realExit = process.exit.bind(process);
// Student code may replace these globals; the harness keeps the originals.
const NativePromise = Promise;
const nextMacrotask = setImmediate;
const nextTimer = setTimeout;
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
    return {
      name: String(error.name),
      message: String(error.message),
      notImplemented,
      ...(stack ? { stack } : {}),
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

function contain(): void {
  // What is kept is also echoed to the real stdout, so the grader still has it when the check
  // never answers (a timeout or a crash kills the child before its result is sent).
  const echo = process.stdout.write.bind(process.stdout);
  const write = (chunk: unknown, ...rest: unknown[]) => {
    if (!late()) {
      const kept = capture.add(chunk);
      if (kept) echo(kept);
    }
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  process.stdout.write = write as typeof process.stdout.write;
  process.stderr.write = write as typeof process.stderr.write;
  process.exit = ((code?: number) => {
    throw new ExitCalled(typeof code === 'number' ? code : 0);
  }) as typeof process.exit;
  // Student code may not talk to the grader: only the harness holds `send`.
  process.send = undefined;
  // Node runs these handlers in the async context of the throw or rejection (see `late`).
  process.on('uncaughtException', (error) => {
    if (!late()) escaped.push(describe(error));
  });
  process.on('unhandledRejection', (reason) => {
    if (!late()) escaped.push(describe(reason));
  });
  // If the grader goes away, so does the child.
  process.on('disconnect', () => realExit(0));
}

type ChecksModule = { default?: { checks?: { id: string; probe: (s: unknown, i: unknown) => unknown }[] } };
/** The libraries loading ahead (`prepare`); `load` waits for them so nothing loads twice at once. */
let preloading: Promise<unknown> = NativePromise.resolve();

/**
 * Loads the course's libraries ahead; the same files the checks import later (module cache). The
 * engine, when named, is warmed up too (`engine-warm-up.ts`); `load` waits for all of it.
 */
function prepare(message: PrepareMessage): void {
  if (nonce) return;
  const resolve = createRequire(message.from).resolve;
  const loads = message.modules.map((specifier) => {
    try {
      return import(pathToFileURL(resolve(specifier)).href)
        .then((loaded: unknown) => {
          if (specifier === message.warmUp && isWarmUpEngine(loaded)) warmUpEngine(loaded);
        })
        .catch(() => undefined);
    } catch {
      return undefined; // not resolvable from there: the checks will say so when they load
    }
  });
  preloading = NativePromise.all(loads);
}

async function load(init: InitMessage): Promise<void> {
  nonce = init.nonce;
  process.chdir(init.cwd);
  contain();
  try {
    await preloading;
    const checks = (await import(pathToFileURL(init.checksPath).href)) as ChecksModule;
    probes = new Map((checks.default?.checks ?? []).map((c) => [c.id, c.probe]));
    const watched = watchPromises(await import(pathToFileURL(init.studentPath).href));
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
  current = ++probeCount;
  escaped = [];
  capture.take();
  returnedPromise.length = 0;
  let outcome: { ok: true; value: unknown } | { ok: false; error: SerializedError };
  try {
    const probe = probes.get(message.checkId);
    if (!probe) throw new Error(`no probe for check "${message.checkId}"`);
    const value = await origin.run(current, () => probe(student, message.input));
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
    return { name: 'non-error', message: 'an error that cannot be described', notImplemented: false };
  }
}

// Messages are handled one at a time, in order; the grader sends the next `run` only after a result.
let queue: Promise<void> = NativePromise.resolve();
process.on('message', (message: InitMessage | PrepareMessage | RunMessage) => {
  // A failure here (say, sending failed) must not stop the queue: the grader times the check out.
  queue = queue
    .then(() => {
      if (message.type === 'prepare') return prepare(message);
      if (message.type === 'init') return nonce ? undefined : load(message);
      return run(message);
    })
    .catch(() => undefined);
});
