/**
 * The real thing: `pnpm grade --batch` as a process on a small course, killed (SIGKILL: no handler
 * runs) while it grades, then started again. The course is made under `grader/.grade/`
 * (gitignored) so its checks resolve `@gradschool/exercise-kit` from the grader's `node_modules`.
 * No timing is assumed: the test waits for the journal to show a finished submission and one being
 * graded (one submission loops until its time limit, so there is one), and reads who was running
 * from the journal the killed process left.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { JOURNAL_FILE, type JournalData } from '../src/record/batch-journal.js';
import type { Gradebook } from '../src/report/gradebook.js';
import { checks, manifest, write } from './course.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
/** `pnpm grade`'s launcher: the grader from its bundle (`bin/bundle.mjs`), as students start it. */
const CLI = path.join(GRADER, 'bin', 'grade.js');
let base: string;
let repo: string;
let batch: string;
let tmp: string;
const children: ChildProcess[] = [];

const SEVEN = 'export function seven(): number { return 7; }\n';
const TRIPLE = 'export function triple(x: number): number { return 3 * x + 1; }\n';

beforeEach(() => {
  base = path.join(GRADER, '.grade', `resume-${randomBytes(4).toString('hex')}`);
  repo = path.join(base, 'repo');
  batch = path.join(base, 'class');
  tmp = path.join(base, 'tmp');
  mkdirSync(tmp, { recursive: true });
  write(path.join(repo, 'package.json'), '{ "private": true, "type": "module" }\n');
  write(
    path.join(repo, 'exercises/01-first/exercise.json'),
    manifest('01-first', 1, ['src/a.ts'], { timeLimitMs: 6000 }),
  );
  write(path.join(repo, 'exercises/01-first/checks.ts'), checks('seven', 'seven()', '7'));
  write(path.join(repo, 'exercises/01-first/src/a.ts'), 'export function seven(): number { return 0; }\n');
  write(
    path.join(repo, 'exercises/02-second/exercise.json'),
    manifest('02-second', 2, ['src/b.ts'], { timeLimitMs: 6000 }),
  );
  write(path.join(repo, 'exercises/02-second/checks.ts'), checks('triple', 'triple(x)', '3 * x + 1'));
  write(
    path.join(repo, 'exercises/02-second/src/b.ts'),
    'export function triple(x: number): number { return 0; }\n',
  );
  const submission = (name: string, a?: string, b?: string) => {
    if (a) write(path.join(batch, name, 'exercises/01-first/src/a.ts'), a);
    if (b) write(path.join(batch, name, 'exercises/02-second/src/b.ts'), b);
  };
  submission('a-loops', 'export function seven(): number { for (;;) {} }\n', TRIPLE);
  submission('b-solved', SEVEN, TRIPLE);
  submission('c-half', SEVEN);
  submission('d-wrong', 'export function seven(): number { return 8; }\n');
  submission('e-solved', SEVEN, TRIPLE);
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

/** `pnpm grade --batch class` as CI runs it; `output` grows as it prints. */
function startBatch() {
  const child = spawn(process.execPath, [CLI, '--root', repo, '--batch', batch, '--lang', 'en'], {
    cwd: base,
    env: { PATH: process.env.PATH, CI: 'true', TMPDIR: tmp, TEMP: tmp, TMP: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const run = {
    child,
    output: '',
    exited: new Promise<number | null>((resolve) => child.on('close', resolve)),
  };
  child.stdout.on('data', (d) => (run.output += d));
  child.stderr.on('data', (d) => (run.output += d));
  return run;
}

const journal = () => JSON.parse(readFileSync(path.join(batch, JOURNAL_FILE), 'utf8')) as JournalData;

it('a batch killed mid-way resumes: grades the rest, names the interrupted one, ends complete', async () => {
  const first = startBatch();
  await vi.waitFor(
    () => {
      expect(first.child.exitCode).toBeNull();
      const data = journal();
      expect(data.done.length).toBeGreaterThanOrEqual(1);
      expect(data.running.length).toBeGreaterThanOrEqual(1);
    },
    { timeout: 90_000, interval: 50 },
  );
  first.child.kill('SIGKILL');
  expect(await first.exited).toBeNull();
  expect(existsSync(path.join(batch, 'gradebook.json'))).toBe(false);
  // What the killed process left: the ones it had finished, and the ones it was grading.
  const left = journal();
  const kept = left.done.map((e) => e.row.submission);
  expect(left.running.length).toBeGreaterThanOrEqual(1);
  // The watchdog removes the copies of the submissions it was grading (and its sandbox folder).
  const ours = () => readdirSync(tmp).filter((name) => name.startsWith('gradschool-'));
  await vi.waitFor(() => expect(ours()).toEqual([]), { timeout: 30_000, interval: 100 });

  const second = startBatch();
  expect(await second.exited).toBe(0);
  const out = second.output;
  expect(out).toContain(`Resuming: ${kept.length} of 5 submissions already graded.`);
  expect(out).toContain(
    `Being graded when the last run stopped, so graded again: ${left.running.sort().join(', ')}.`,
  );
  for (const name of kept)
    expect(out).toMatch(new RegExp(`^${name}: \\d+/10 \\(graded\\) \\(resumed\\)$`, 'm'));
  for (const name of left.running) expect(out).toMatch(new RegExp(`^${name}: \\d+/10 \\(graded\\)$`, 'm'));

  const book = JSON.parse(readFileSync(path.join(batch, 'gradebook.json'), 'utf8')) as Gradebook;
  expect(book.rows.map((r) => [r.submission, r.exercises, r.score, r.status])).toEqual([
    ['a-loops', { '01-first': 0, '02-second': 5 }, 5, 'graded'],
    ['b-solved', { '01-first': 5, '02-second': 5 }, 10, 'graded'],
    ['c-half', { '01-first': 5, '02-second': 0 }, 5, 'graded'],
    ['d-wrong', { '01-first': 0, '02-second': 0 }, 0, 'graded'],
    ['e-solved', { '01-first': 5, '02-second': 5 }, 10, 'graded'],
  ]);
  const loops = JSON.parse(readFileSync(path.join(batch, 'reports/a-loops.json'), 'utf8'));
  expect(loops.exercises[0].checks[0].status).toBe('timeout');
  const csv = readFileSync(path.join(batch, 'gradebook.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(csv.slice(0, 7)).toEqual([
    'submission,student_id,name,01-first,02-second,total,max,percent,status,commit,committed_at,note,error',
    '(max),,,5,5,10,10,100',
    'a-loops,,,0,5,5,10,50,graded,,,,',
    'b-solved,,,5,5,10,10,100,graded,,,,',
    'c-half,,,5,0,5,10,50,graded,,,,',
    'd-wrong,,,0,0,0,10,0,graded,,,,',
    'e-solved,,,5,5,10,10,100,graded,,,,',
  ]);
  expect(existsSync(path.join(batch, JOURNAL_FILE))).toBe(false);
  await vi.waitFor(() => expect(ours()).toEqual([]), { timeout: 30_000, interval: 100 });
}, 240_000);
