/**
 * The protocol between the grader and a sandbox child, in frames on two pipes (`channel.ts`). The
 * grader's `init` carries the run's nonce before any student code loads; every message the child
 * sends carries it back, so a message without it (say, one student code wrote itself) is never
 * believed. Whatever arrives is checked against {@link FROM_CHILD_SCHEMA} before it is used: a
 * message of another shape (a BigInt where a count belongs, a 1 MB "stack") is that check's
 * `error`, never the grader's crash.
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
  /** Node's error code (`ERR_ACCESS_DENIED` when the permission model refused something). */
  code?: string;
  /** For `ERR_ACCESS_DENIED`: what was refused (`FileSystemRead /etc/passwd`, `ChildProcess`). */
  denied?: string;
  /** What was thrown could not even be described (its properties throw when read, say a Proxy). */
  undescribable?: boolean;
}

/** Grader -> child, first message: what to load. */
export interface InitMessage {
  type: 'init';
  nonce: string;
  /** The checks' bundle, a file of the child's folder (`bundle.ts`). */
  checks: string;
  /** The student's module's bundle, a file of the child's folder. */
  student: string;
}

/**
 * Grader -> pre-started child, optional, before `init`: load the course's own libraries already
 * (`modules`, files of the child's folder), so `init` has less to load. Never the exercise's
 * checks: a `checks.ts` that imports the student's module would load it before it is saved.
 */
export interface PrepareMessage {
  type: 'prepare';
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

/**
 * Child -> grader, as a probe begins: the child read the request. A probe that times out without
 * it never ran (the child could no longer read its messages), so it is not the probe's fault.
 */
export interface BeganMessage {
  type: 'began';
  nonce: string;
  checkId: string;
}

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
  /** How long the probe ran (ms), by the harness's clock. */
  ms: number;
} & ({ ok: true; value: unknown } | { ok: false; error: SerializedError });

export type FromChild = LoadedMessage | BeganMessage | ResultMessage;

/** Characters of a check's output kept (the rest is counted, not kept). */
export const OUTPUT_LIMIT = 500;

/** Longest text the grader takes in an error's fields (a longer one is not an error the harness wrote). */
const TEXT = { type: 'string', maxLength: 20_000 } as const;

const SERIALIZED_ERROR = {
  type: 'object',
  required: ['name', 'message', 'notImplemented'],
  properties: {
    name: { type: 'string', maxLength: 500 },
    message: TEXT,
    stack: TEXT,
    notImplemented: { type: 'boolean' },
    exitCode: { type: 'integer' },
    unclonable: { type: 'boolean' },
    returnedPromise: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'null' }] },
    undescribable: { type: 'boolean' },
    code: { type: 'string', maxLength: 100 },
    denied: { type: 'string', maxLength: 1000 },
  },
  additionalProperties: false,
} as const;

const CAPTURED = {
  output: { type: 'string', maxLength: OUTPUT_LIMIT },
  droppedChars: { type: 'integer', minimum: 0 },
} as const;

/** A `result`: with its `value` when the probe answered (`ok`), else with the `error`. */
function resultSchema(ok: boolean) {
  return {
    type: 'object',
    required: [
      'type',
      'nonce',
      'checkId',
      'output',
      'droppedChars',
      'unhandled',
      'ok',
      ok ? 'value' : 'error',
    ],
    properties: {
      type: { const: 'result' },
      nonce: { type: 'string' },
      checkId: { type: 'string', maxLength: 500 },
      ...CAPTURED,
      unhandled: { type: 'array', maxItems: 100, items: SERIALIZED_ERROR },
      ms: { type: 'number', minimum: 0 },
      ok: { const: ok },
      ...(ok ? { value: {} } : { error: SERIALIZED_ERROR }),
    },
    additionalProperties: false,
  } as const;
}

/** The shape of every message a child may send (the answer's `value` is judged, not checked, here). */
export const FROM_CHILD_SCHEMA = {
  oneOf: [
    {
      type: 'object',
      required: ['type', 'nonce'],
      properties: { type: { const: 'ready' }, nonce: { type: 'string' } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['type', 'nonce', 'checkId'],
      properties: {
        type: { const: 'began' },
        nonce: { type: 'string' },
        checkId: { type: 'string', maxLength: 500 },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['type', 'nonce', 'error', 'output', 'droppedChars'],
      properties: {
        type: { const: 'load-error' },
        nonce: { type: 'string' },
        error: SERIALIZED_ERROR,
        ...CAPTURED,
      },
      additionalProperties: false,
    },
    resultSchema(true),
    resultSchema(false),
  ],
} as const;
