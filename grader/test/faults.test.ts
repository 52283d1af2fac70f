/**
 * Fault injection, one check at a time: each exercise of a small course (`faults-course.ts`) has one
 * fault planted in its `twist` function — signals to the grader, a busy loop, forged and garbled
 * frames, answers that are cycles, huge or unclonable, throws of anything, memory hogs, floods of
 * output — and the real `pnpm grade` grades them all in one run, locally and as a submission.
 *
 * Each fault must cost its own check and nothing else: the run exits 1 (never a crash), its JSON
 * report is valid, the total is the course's full maximum, `before` and `after` of the same exercise
 * pass (a fresh child takes over after a killed one), the correct exercise keeps full marks, the
 * message says what went wrong, and no sandbox child outlives the run.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/index.js';
import {
  type CliRun,
  CORRECT,
  EXERCISE_MAX,
  exerciseOf,
  expectNoSurvivors,
  expectTotals,
  gradeCli,
  makeBase,
  privateFolders,
  readValidReport,
  removeBase,
  STARTER,
  studentFile,
  studentPath,
  twistOnly,
  until,
  type WrittenCheck,
  type WrittenReport,
  write,
  writeCourse,
} from './faults-course.js';

const FS = "import * as fs from 'node:fs';\nimport * as v8 from 'node:v8';";
/** Writes straight to the grader's pipe (fd 4), then answers right: only the frames can cost it. */
const onTheWire = (body: string) => studentFile(`${body}\n  return x + 1;`, FS);
const throwing = (what: string) => studentFile(`throw ${what};`);

interface Fault {
  student: string;
  /** Asserts what the `twist` check says (for a harmless fault: that it passed). */
  expect: (twist: WrittenCheck) => void;
}

const failsWith = (status: string | string[], message: string | RegExp) => (twist: WrittenCheck) => {
  expect([status].flat()).toContain(twist.status);
  if (typeof message === 'string') expect(twist.message).toContain(message);
  else expect(twist.message).toMatch(message);
};

/** One exercise per fault; `01` and `02` run at the same time (two at once, in course order). */
const FAULTS: Record<string, Fault> = {
  '01-kill': {
    student: studentFile(
      `for (const signal of ['SIGTERM', 'SIGKILL'] as const)
    try {
      process.kill(process.ppid, signal);
    } catch {}
  process.kill(process.ppid, 'SIGKILL');
  return x + 1;`,
    ),
    expect: failsWith('error', 'process.kill is not available while grading'),
  },
  '02-busy': { student: studentFile('while (true) {}'), expect: failsWith('timeout', 'within 2 s') },
  '03-forged': {
    // A result without the run's nonce, with a BigInt where a count belongs.
    student:
      onTheWire(`const p = v8.serialize({ type: 'result', nonce: 'guess', checkId: 'twist', output: '', droppedChars: 10n, unhandled: [], ok: true, value: { value: x + 1 } });
  const h = Buffer.alloc(4);
  h.writeUInt32LE(p.length);
  fs.writeSync(4, h);
  fs.writeSync(4, p);`),
    expect: failsWith('error', t('sandbox.answer.forged', 'en')),
  },
  '04-garbled': {
    student: onTheWire('fs.writeSync(4, Buffer.from([3, 0, 0, 0, 255, 255, 255]));'),
    expect: failsWith('error', t('sandbox.answer.garbled', 'en')),
  },
  '05-oversized': {
    student: onTheWire('const h = Buffer.alloc(4);\n  h.writeUInt32LE(0xfffffff0);\n  fs.writeSync(4, h);'),
    expect: failsWith('error', 'The answer is too large: 4096 MiB (the limit is 32 MiB)'),
  },
  '06-huge': {
    // About 40 MiB once serialized: refused by its length before the grader keeps it.
    student: studentFile("return new Array(1e7).fill('ab');"),
    expect: failsWith('error', /The answer is too large: \d+(\.\d)? MiB \(the limit is 32 MiB\)/),
  },
  '07-stdout': {
    // Blocking fd 1: the loop waits for the pipe instead of failing with EAGAIN.
    student: studentFile(
      "for (let i = 0; i < 100; i++) fs.writeSync(1, 'x'.repeat(1e5));\n  return x + 1;",
      FS,
    ),
    expect: (twist) => expect([twist.status, twist.message]).toEqual(['pass', expect.any(String)]),
  },
  '08-console': {
    student: studentFile("for (let i = 0; i < 5e4; i++) console.log('flood ' + i);\n  return x + 1;"),
    expect: (twist) => {
      expect(twist.status).toBe('pass');
      expect(twist.output).toMatch(/^flood 0\nflood 1\n/);
      // The first 500 characters, then how many more there were.
      expect(twist.output.length).toBeLessThan(600);
      expect(twist.output).toMatch(/… \(\d+ more characters of output\)$/);
    },
  },
  '09-exit': {
    student: studentFile('process.exit(3);'),
    expect: failsWith('error', 'Your code called process.exit(3)'),
  },
  '10-string': {
    student: throwing("'a string'"),
    expect: failsWith('error', 'threw an error: throw "a string"'),
  },
  '11-null': { student: throwing('null'), expect: failsWith('error', 'threw an error: throw null') },
  '12-object': {
    student: throwing("{ reason: 'an object' }"),
    expect: failsWith('error', 'threw an error: throw {"reason":"an object"}'),
  },
  '13-proxy': {
    // Every trap throws: even reading what was thrown fails.
    student: throwing(`new Proxy({}, {
    get() { throw new Error('trap'); },
    getPrototypeOf() { throw new Error('trap'); },
    ownKeys() { throw new Error('trap'); },
    has() { throw new Error('trap'); },
    getOwnPropertyDescriptor() { throw new Error('trap'); },
  })`),
    expect: failsWith('error', t('sandbox.check.undescribable', 'en')),
  },
  '14-selfish': {
    student: studentFile('const o: Record<string, unknown> = {};\n  o.self = o;\n  return o;'),
    expect: failsWith('error', 'The answer contains itself'),
  },
  '15-bigint': { student: studentFile('return BigInt(x + 1);'), expect: failsWith('fail', 'got a bigint') },
  '16-symbol': {
    student: studentFile("return Symbol('answer');"),
    expect: failsWith('error', 'cannot be sent to the grader'),
  },
  '17-hog': {
    // Untouched pages: the heap barely grows and resident memory neither; the time limit ends it.
    student: studentFile('const a: Float64Array[] = [];\n  for (;;) a.push(new Float64Array(1e6));'),
    expect: failsWith(['timeout', 'error'], /within 2 s|too much memory/),
  },
  '18-resident': {
    // Typed arrays live outside the heap: the watch on resident memory ends it.
    student: studentFile('const a: Uint8Array[] = [];\n  for (;;) a.push(new Uint8Array(1e8).fill(1));'),
    expect: failsWith('error', 'Used too much memory (limit 64 MiB)'),
  },
  '19-heap': {
    student: studentFile('const a: number[][] = [];\n  for (;;) a.push(new Array(1e6).fill(0.5));'),
    expect: failsWith('error', 'Used too much memory (limit 64 MiB)'),
  },
  '20-long': {
    student: studentFile("return 'x'.repeat(2 ** 29);"),
    expect: failsWith('error', 'RangeError: Invalid string length'),
  },
  '21-async': {
    student: CORRECT.replace('export function twist', 'export async function twist'),
    expect: failsWith('error', '`twist(…)` returned a Promise: remove `async`'),
  },
  '22-dag': {
    // 41 arrays on the wire, 2^40 numbers to a judge that walks it (in the grader's own process).
    student: studentFile('let v: unknown = 1;\n  for (let i = 0; i < 40; i++) v = [v, v];\n  return v;'),
    expect: failsWith('error', 'stands for more than 33554432 values'),
  },
  '23-cycle': {
    student: studentFile('const a: unknown[] = [];\n  a.push(a);\n  return a;'),
    expect: failsWith('error', 'The answer contains itself'),
  },
  '24-right': { student: CORRECT, expect: (twist) => expect(twist.status).toBe('pass') },
  // Student code shares the harness's realm: this breaks how the child reads the grader's next
  // message, so the child dies when "after" is sent. "after" runs again in a fresh child.
  '25-poisons-pipe': {
    student: studentFile('Buffer.prototype.readUInt32LE = () => 0;\n  return x + 1;'),
    expect: (twist) => expect(twist.status).toBe('pass'),
  },
  // This makes the child deaf: no stream hears its 'data' again, so "after" never reaches the probe
  // and runs out of time without the child saying it began. "after" runs again in a fresh child.
  '26-deafens-child': {
    student: studentFile(
      `const events = Object.getPrototypeOf(Object.getPrototypeOf(process));
  const emit = events.emit;
  events.emit = function (this: unknown, name: string, ...rest: unknown[]) {
    return name === 'data' ? false : emit.call(this, name, ...rest);
  };
  return x + 1;`,
    ),
    expect: (twist) => expect(twist.status).toBe('pass'),
  },
};
const IDS = Object.keys(FAULTS);
/** Exercises whose fault must not cost anything. */
const HARMLESS = new Set(['07-stdout', '08-console', '24-right', '25-poisons-pipe', '26-deafens-child']);
const LOST = Object.fromEntries(IDS.filter((id) => !HARMLESS.has(id)).map((id) => [id, 'twist' as const]));
const LIMITS = { timeLimitMs: 2000 };
/**
 * The hogs get a small heap, and time to reach it (touching 500 MB takes seconds on a busy machine);
 * the huge answer time to build, copy and send 40 MiB, the floods time to write: their limits, or
 * nothing, must end them, not the clock.
 */
const OWN = {
  '06-huge': { timeLimitMs: 30_000 },
  '07-stdout': { timeLimitMs: 10_000 },
  '08-console': { timeLimitMs: 10_000 },
  '17-hog': { memoryLimitMb: 64 },
  '18-resident': { memoryLimitMb: 64, timeLimitMs: 30_000 },
  '19-heap': { memoryLimitMb: 64, timeLimitMs: 30_000 },
};

let base: string;
const runs: Record<'local' | 'submission', CliRun> = {} as never;
const reports = new Map<string, WrittenReport>();
/** The run's JSON report, checked against the schema (read once). */
function reportOf(mode: 'local' | 'submission'): WrittenReport {
  if (!reports.has(mode)) reports.set(mode, readValidReport(path.join(base, `${mode}.json`)));
  return reports.get(mode)!;
}

beforeAll(async () => {
  base = makeBase('checks');
  // Local: the faults are the course's own student files.
  const course = path.join(base, 'course');
  writeCourse(course, IDS, LIMITS, OWN);
  // Record grading: a pristine course with its starters, and a submission holding the faults.
  const repo = path.join(base, 'repo');
  writeCourse(repo, IDS, LIMITS, OWN);
  for (const [id, fault] of Object.entries(FAULTS)) {
    write(studentPath(course, id), fault.student);
    write(studentPath(repo, id), STARTER);
    write(studentPath(path.join(base, 'submission'), id), fault.student);
  }
  [runs.local, runs.submission] = await Promise.all([
    gradeCli(base, course, ['--ci', '--json', 'local.json']),
    gradeCli(base, repo, ['--ci', '--submission', 'submission', '--json', 'submission.json']),
  ]);
}, 240_000);
afterAll(() => removeBase(base));

describe.each(['local', 'submission'] as const)('a fault in one check, graded %s', (mode) => {
  it('the run ends on its own with exit code 1 and a schema-valid report', () => {
    const run = runs[mode];
    expect([run.timedOut, run.signal, run.code]).toEqual([false, null, 1]);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('EAGAIN');
    reportOf(mode);
  });

  it('each fault costs its own check only: the total is the full maximum, the rest keep full marks', () => {
    const report = reportOf(mode);
    expectTotals(report, IDS, LOST);
    expect(exerciseOf(report, '24-right').score).toBe(EXERCISE_MAX);
    for (const id of Object.keys(LOST)) expect([id, twistOnly(report, id).maxScore]).toEqual([id, 5]);
  });

  it.each(IDS)('%s: the check says what went wrong', (id) => {
    const twist = exerciseOf(reportOf(mode), id).checks.find((c) => c.id === 'twist');
    FAULTS[id]!.expect(twist!);
    // fd 1 stays blocking (no EAGAIN), and nothing is a fatal error of a process.
    expect(twist!.message).not.toMatch(/EAGAIN|Fatal/);
  });

  it('leaves no sandbox child and no private folder behind', async () => {
    const run = runs[mode];
    expectNoSurvivors(run);
    await until(() => privateFolders(run.tmp).length === 0, 'the private folders to go', 10_000);
  });
});

describe('messages in Korean', () => {
  it('a thrown Proxy is described in Korean too', async () => {
    const run = await gradeCli(base, path.join(base, 'course'), ['--ci', '--json', 'ko.json', '13'], {
      lang: 'ko',
    });
    expect(run.code).toBe(1);
    const twist = twistOnly(readValidReport(path.join(base, 'ko.json')), '13-proxy');
    expect(twist.message).toBe(t('sandbox.check.undescribable', 'ko'));
    expect(twist.message).toContain('설명할 수 없는 값');
    expectNoSurvivors(run);
  }, 60_000);
});
