/**
 * The fault-injection suites' small course and how they run the real `pnpm grade` against it.
 *
 * Every exercise has the same three checks: `before` and `after` call `base(x)` (expected `2x`),
 * `twist` calls `twist(x)` (expected `x + 1`, read from `{ value }` so that a Promise inside the
 * answer is seen). A fault planted in `twist` may cost only that check (5 of the exercise's 10
 * points); one in the file itself costs the exercise all 10. The course lives under
 * `grader/.grade/` (gitignored), so the checks resolve `@gradschool/exercise-kit` from the grader's
 * `node_modules`.
 *
 * Each CLI run gets its own temporary folder (`TMPDIR`): a sandbox child's command line holds its
 * private folder under it, which is how {@link harnessPids} tells this run's children from those of
 * tests running alongside.
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { validateJsonReport } from '../src/report/schema.js';
import { write } from './course.js';

export const GRADER = fileURLToPath(new URL('..', import.meta.url));
/** `pnpm grade`'s launcher: the grader from its bundle (`bin/bundle.mjs`), as students start it. */
const CLI = path.join(GRADER, 'bin', 'grade.js');

/** Points of each check: a fault in `twist` leaves the exercise 5 of 10. */
export const POINTS = { before: 2, twist: 5, after: 3 } as const;
export const EXERCISE_MAX = POINTS.before + POINTS.twist + POINTS.after;

/** Writes `text` to `file`, making its folder. */
export { write } from './course.js';

/** A fresh folder `grader/.grade/faults-<name>-<random>/` for one suite's course and runs. */
export function makeBase(name: string): string {
  const base = path.join(GRADER, '.grade', `faults-${name}-${randomBytes(4).toString('hex')}`);
  mkdirSync(base, { recursive: true });
  return realpathSync(base);
}

export const removeBase = (base: string) => rmSync(base, { recursive: true, force: true });

const CHECKS = `import { defineChecks, expectClose } from '@gradschool/exercise-kit';
const named = (text: string) => ({ ko: text, en: text });
const base = {
  points: 0,
  input: (ctx: { seed: number }) => 1 + (ctx.seed % 50),
  probe: (s: { base(x: number): number }, x: number) => s.base(x),
  judge: (got: unknown, x: number) => expectClose(got, 2 * x, { what: named('base(' + x + ')') }),
};
export default defineChecks([
  { ...base, id: 'before', title: named('before'), points: ${POINTS.before} },
  {
    id: 'twist',
    title: named('twist'),
    points: ${POINTS.twist},
    input: (ctx) => 1 + (ctx.seed % 50),
    probe: (s: { twist(x: number): unknown }, x: number) => ({ value: s.twist(x) }),
    judge: (got: { value: unknown }, x: number) => expectClose(got.value, x + 1, { what: named('twist(' + x + ')') }),
  },
  { ...base, id: 'after', title: named('after'), points: ${POINTS.after} },
]);
`;

/** The manifest of exercise `id`, whose student file is `src/<file>.ts`. */
function manifest(id: string, order: number, file: string, limits: Limits): string {
  const text = { ko: id, en: id };
  return JSON.stringify({
    id,
    order,
    title: text,
    summary: text,
    lecture: { section: text, slides: [] },
    files: [`src/${file}.ts`],
    hints: [{ ko: `${id} 힌트`, en: `${id} hint` }],
    ...limits,
  });
}

export interface Limits {
  timeLimitMs?: number;
  memoryLimitMb?: number;
}

/** A student file: `base` right, `twist` with `body` (and `prelude` at the top level). */
export function studentFile(body: string, prelude = ''): string {
  return `${prelude}
export function base(x: number): number {
  return 2 * x;
}

export function twist(x: number): unknown {
  ${body}
}
`;
}

/** The right answer for `twist`. */
export const CORRECT = studentFile('return x + 1;');

/** The course's starter: both functions still to write (what a refused submitted file leaves). */
export const STARTER = `import { NotImplemented } from '@gradschool/exercise-kit';
export function base(x: number): number {
  throw new NotImplemented('base');
}
export function twist(x: number): unknown {
  throw new NotImplemented('twist');
}
`;

/**
 * A course under `root`: one exercise per entry (`NN-name`, student file `src/<name>.ts`), checks
 * and manifests as above, with `limits` (and an exercise's `own`); the student files are written by
 * the caller.
 */
export function writeCourse(
  root: string,
  ids: readonly string[],
  limits: Limits = {},
  own: Record<string, Limits> = {},
): void {
  write(path.join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  ids.forEach((id, i) => {
    const dir = path.join(root, 'exercises', id);
    write(path.join(dir, 'exercise.json'), manifest(id, i + 1, fileOf(id), { ...limits, ...own[id] }));
    write(path.join(dir, 'checks.ts'), CHECKS);
  });
}

/** `03-softmax` -> `softmax`: the student file's name. */
export const fileOf = (id: string) => id.slice(3);

/** Where exercise `id`'s student file sits in a tree with the repository's layout. */
export const studentPath = (tree: string, id: string) =>
  path.join(tree, 'exercises', id, 'src', `${fileOf(id)}.ts`);

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The run's own temporary folder (its `TMPDIR`). */
  tmp: string;
  /** True when the run had to be killed after `timeoutMs`. */
  timedOut: boolean;
}

/** A started CLI: its process, and the run once it has exited. */
export interface StartedCli {
  pid: number;
  tmp: string;
  output: () => string;
  done: Promise<CliRun>;
  kill: (signal: NodeJS.Signals) => void;
}

let runs = 0;

/**
 * Starts the real `pnpm grade` on the course at `root` (English unless `lang`), as CI does, with its
 * own temporary folder under `base`.
 */
export function startCli(
  base: string,
  root: string,
  args: readonly string[],
  opts: { lang?: 'en' | 'ko'; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): StartedCli {
  const tmp = path.join(base, `tmp-${++runs}`);
  mkdirSync(tmp, { recursive: true });
  const child = spawn(process.execPath, [CLI, '--root', root, '--lang', opts.lang ?? 'en', ...args], {
    cwd: base,
    env: { PATH: process.env.PATH, CI: 'true', TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 120_000);
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, tmp, timedOut });
    }),
  );
  return {
    pid: child.pid ?? -1,
    tmp,
    output: () => stdout,
    done,
    kill: (signal) => child.kill(signal),
  };
}

/** {@link startCli}, resolved once the CLI has exited. */
export const gradeCli = (...args: Parameters<typeof startCli>): Promise<CliRun> => startCli(...args).done;

/**
 * The sandbox children (`harness.mjs`) alive whose command line names a folder under `tmp`: those
 * of one CLI run. Linux only (`/proc`).
 */
export function harnessPids(tmp: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    if (cmdline.includes('harness.mjs') && cmdline.includes(`${tmp}${path.sep}`)) found.push(Number(entry));
  }
  return found;
}

/** This run's private folders left in its temporary folder (`gradschool-*`). */
export const privateFolders = (tmp: string) =>
  readdirSync(tmp).filter((name) => name.startsWith('gradschool-'));

/** Checks that no sandbox child of `run` is alive (where `/proc` can tell). */
export function expectNoSurvivors(run: Pick<CliRun, 'tmp'>): void {
  if (process.platform !== 'linux') return;
  expect(harnessPids(run.tmp)).toEqual([]);
}

/** A check of the JSON report as written (messages in the run's language). */
export interface WrittenCheck {
  id: string;
  status: string;
  score: number;
  maxScore: number;
  message: string;
  output: string;
}

/** An exercise of the JSON report as written. */
export interface WrittenExercise {
  id: string;
  status: string;
  score: number;
  maxScore: number;
  problem?: { code: string; message: string };
  checks: WrittenCheck[];
}

export interface WrittenReport {
  score: number;
  maxScore: number;
  exercises: WrittenExercise[];
  refusedFiles?: { path: string; reason: string }[];
}

/** Reads the JSON report at `file`, after checking it against the report's schema. */
export function readValidReport(file: string): WrittenReport {
  const report = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  expect(validateJsonReport(report)).toEqual([]);
  return report as WrittenReport;
}

/** Exercise `id` of `report` (fails the test when it is missing). */
export function exerciseOf(report: WrittenReport, id: string): WrittenExercise {
  const found = report.exercises.find((e) => e.id === id);
  expect(found, `exercise ${id} in the report`).toBeDefined();
  return found!;
}

/** Check `id` of exercise `ex`. */
export function checkOf(ex: WrittenExercise, id: keyof typeof POINTS): WrittenCheck {
  const found = ex.checks.find((c) => c.id === id);
  expect(found, `check ${id} of ${ex.id}`).toBeDefined();
  return found!;
}

/**
 * The report's total is the course's full maximum (no exercise dropped), the exercises of `correct`
 * have full marks and every other one has lost exactly what `lost` says (`twist`: that check,
 * `all`: the whole exercise).
 */
export function expectTotals(
  report: WrittenReport,
  ids: readonly string[],
  lost: Record<string, 'twist' | 'all'>,
): void {
  expect(report.exercises.map((e) => e.id)).toEqual([...ids]);
  expect(report.maxScore).toBe(ids.length * EXERCISE_MAX);
  const scores = Object.fromEntries(report.exercises.map((e) => [e.id, [e.score, e.maxScore]]));
  const expected = Object.fromEntries(
    ids.map((id) => [
      id,
      [
        lost[id] === 'all' ? 0 : lost[id] === 'twist' ? EXERCISE_MAX - POINTS.twist : EXERCISE_MAX,
        EXERCISE_MAX,
      ],
    ]),
  );
  expect(scores).toEqual(expected);
  const lostPoints = Object.values(lost).reduce(
    (sum, what) => sum + (what === 'all' ? EXERCISE_MAX : POINTS.twist),
    0,
  );
  expect(report.score).toBe(ids.length * EXERCISE_MAX - lostPoints);
}

/** Exercise `id` lost the `twist` check only: `before` and `after` passed; returns `twist`. */
export function twistOnly(report: WrittenReport, id: string): WrittenCheck {
  const ex = exerciseOf(report, id);
  expect(ex.problem).toBeUndefined();
  expect([checkOf(ex, 'before').status, checkOf(ex, 'after').status]).toEqual(['pass', 'pass']);
  const twist = checkOf(ex, 'twist');
  expect(twist.score).toBe(0);
  expect(twist.status).not.toBe('pass');
  return twist;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `predicate` holds (polling), failing after `timeoutMs`. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
