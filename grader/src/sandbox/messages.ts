/**
 * The IPC protocol between the grader and a sandbox child (structured clone, `serialization:
 * 'advanced'`). The grader's first message carries the run's nonce; every message the child sends
 * carries it back, so a message without it (say, one student code sent itself) is never believed.
 */

/** An error as it crosses the process boundary. */
export interface SerializedError {
  /** `Error` subclass name, or `'non-error'` when something that is not an `Error` was thrown. */
  name: string;
  message: string;
  stack?: string;
  /** The kit's `NotImplemented` (the stub was not replaced yet). */
  notImplemented: boolean;
  /** Set when the student's code called `process.exit(code)`. */
  exitCode?: number;
  /** The probe's value could not be sent back (a function, a class with closures, ...). */
  unclonable?: boolean;
  /**
   * The probe's answer held a Promise (an `async` student function): the call that returned it,
   * like `softmax(…)`, or null when it is not known which one.
   */
  returnedPromise?: string | null;
}

/** Grader -> child, first message: what to load. */
export interface InitMessage {
  type: 'init';
  nonce: string;
  checksPath: string;
  studentPath: string;
  /** The exercise's folder: the child moves there first (a pre-started child began elsewhere). */
  cwd: string;
}

/**
 * Grader -> pre-started child, optional, before `init`: load the course's own libraries already
 * (`modules`, resolved from the file `from`), so `init` has less to load. Never the exercise's
 * checks: a `checks.ts` that imports the student's module would load it before it is saved.
 */
export interface PrepareMessage {
  type: 'prepare';
  from: string;
  modules: string[];
  /** One of `modules`, the engine: once loaded, it trains a tiny model to compile its hot paths. */
  warmUp?: string;
}

/** Grader -> child: run one check's probe on `input`. */
export interface RunMessage {
  type: 'run';
  checkId: string;
  input: unknown;
}

export type ToChild = InitMessage | PrepareMessage | RunMessage;

/** Child -> grader: the student's module and the checks loaded (or not). */
export type LoadedMessage =
  | { type: 'ready'; nonce: string }
  | { type: 'load-error'; nonce: string; error: SerializedError; output: string; droppedChars: number };

/** Child -> grader: one probe's outcome, with what the student's code printed meanwhile. */
export type ResultMessage = {
  type: 'result';
  nonce: string;
  checkId: string;
  /** What the student's code printed (the first `OUTPUT_LIMIT` characters) ... */
  output: string;
  /** ... and how many more characters it printed. */
  droppedChars: number;
  /** Errors thrown or rejections left unhandled by student code while the probe ran. */
  unhandled: SerializedError[];
} & ({ ok: true; value: unknown } | { ok: false; error: SerializedError });

export type FromChild = LoadedMessage | ResultMessage;

/** Characters of a check's output kept (the rest is counted, not kept). */
export const OUTPUT_LIMIT = 500;

/** True for a well-formed message from the child of this run. */
export function isFromChild(message: unknown, nonce: string): message is FromChild {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.nonce !== nonce) return false;
  if (m.type === 'ready') return true;
  if (m.type === 'load-error') return isSerializedError(m.error) && typeof m.output === 'string';
  if (m.type !== 'result') return false;
  if (typeof m.checkId !== 'string' || typeof m.output !== 'string' || !Array.isArray(m.unhandled))
    return false;
  if (m.ok === true) return 'value' in m;
  return m.ok === false && isSerializedError(m.error);
}

function isSerializedError(e: unknown): e is SerializedError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as SerializedError).name === 'string' &&
    typeof (e as SerializedError).message === 'string'
  );
}
