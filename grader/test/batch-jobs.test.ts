/**
 * `--batch --jobs N` for real: a small course (under `grader/.grade/`, so its checks resolve the kit
 * from the grader's `node_modules`) and a mixed class — solved, half done, wrong, a syntax error, one
 * that loops until its time limit, one that crashes its child at load, one that tries to tamper
 * (write into the course, signal the grader), an empty folder — graded with 1, 2 and 3 submissions at
 * once. Each bad one costs its own row only, and the gradebook (order and content) is the same for
 * every N. Then the CLI: `--jobs` and `--resume` reach the batch, and CI gets plain progress lines.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import { GraderError } from '../src/errors.js';
import { runBatch } from '../src/record/batch.js';
import type { Gradebook } from '../src/report/gradebook.js';
import { checks, manifest, write } from './course.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
/** `pnpm grade`'s launcher: the grader from its bundle (`bin/bundle.mjs`), as students start it. */
const CLI = path.join(GRADER, 'bin', 'grade.js');
let base: string;
let repo: string;
let batch: string;

const SEVEN = 'export function seven(): number { return 7; }\n';
const TRIPLE = 'export function triple(x: number): number { return 3 * x + 1; }\n';
/** Tries what an attacker would: write the course's checks, signal the grader. Both are refused. */
const TAMPER = `import { writeFileSync } from 'node:fs';
export function seven(): number {
  for (const target of ['../../../exercises/01-first/checks.ts', '${'REPO'}/exercises/01-first/checks.ts']) {
    try { writeFileSync(target, 'export default []'); } catch {}
  }
  try { process.kill(process.ppid, 'SIGKILL'); } catch {}
  return 7;
}
`;

beforeAll(() => {
  base = path.join(GRADER, '.grade', `jobs-${randomBytes(4).toString('hex')}`);
  repo = path.join(base, 'repo');
  batch = path.join(base, 'class');
  write(path.join(repo, 'package.json'), '{ "private": true, "type": "module" }\n');
  write(
    path.join(repo, 'exercises/01-first/exercise.json'),
    manifest('01-first', 1, ['src/a.ts'], { timeLimitMs: 1500 }),
  );
  write(path.join(repo, 'exercises/01-first/checks.ts'), checks('seven', 'seven()', '7'));
  write(path.join(repo, 'exercises/01-first/src/a.ts'), 'export function seven(): number { return 0; }\n');
  write(
    path.join(repo, 'exercises/02-second/exercise.json'),
    manifest('02-second', 2, ['src/b.ts'], { timeLimitMs: 1500 }),
  );
  write(path.join(repo, 'exercises/02-second/checks.ts'), checks('triple', 'triple(x)', '3 * x + 1'));
  write(
    path.join(repo, 'exercises/02-second/src/b.ts'),
    'export function triple(x: number): number { return 0; }\n',
  );
  const submission = (name: string, a?: string, b?: string) => {
    mkdirSync(path.join(batch, name), { recursive: true });
    if (a) write(path.join(batch, name, 'exercises/01-first/src/a.ts'), a);
    if (b) write(path.join(batch, name, 'exercises/02-second/src/b.ts'), b);
  };
  submission('a-solved', SEVEN, TRIPLE);
  submission('b-half', SEVEN);
  submission('c-wrong', 'export function seven(): number { return 8; }\n', TRIPLE);
  submission('d-syntax', 'export function seven(: number { return 7; }\n', TRIPLE);
  submission('e-loops', 'export function seven(): number { for (;;) {} }\n', TRIPLE);
  submission('f-crashes', 'process.exit(3);\nexport function seven(): number { return 7; }\n', TRIPLE);
  submission('g-tampers', TAMPER.replace('REPO', repo), TRIPLE);
  submission('h-empty');
  submission('i-solved', SEVEN, TRIPLE);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A gradebook without what differs between runs of the same grades (when, how long). */
function comparable(book: Gradebook) {
  const { startedAt, durationMs, ...rest } = book;
  return rest;
}

/** The batch graded with `jobs` at once, into an output folder of its own. */
async function gradeWith(jobs: number) {
  const outDir = path.join(base, `out-${jobs}`);
  const result = await runBatch({
    repoRoot: repo,
    batchDir: batch,
    outDir,
    seed: 7,
    lang: 'en',
    concurrency: jobs,
  });
  const csv = readFileSync(path.join(outDir, 'gradebook.csv'), 'utf8');
  return { result, csv };
}

describe('--batch --jobs N on a mixed class', () => {
  it('gives the same gradebook for N = 1, 2 and 3; each bad submission costs its own row only', async () => {
    const runs = [];
    for (const jobs of [1, 2, 3]) runs.push(await gradeWith(jobs));
    const [one, two, three] = runs;
    for (const run of runs) expect(run.result.tampered).toBeUndefined();
    expect(one!.result.rows.map((r) => [r.submission, r.status, r.exercises, r.score])).toEqual([
      ['a-solved', 'graded', { '01-first': 5, '02-second': 5 }, 10],
      ['b-half', 'graded', { '01-first': 5, '02-second': 0 }, 5],
      ['c-wrong', 'graded', { '01-first': 0, '02-second': 5 }, 5],
      ['d-syntax', 'graded', { '01-first': 0, '02-second': 5 }, 5],
      ['e-loops', 'graded', { '01-first': 0, '02-second': 5 }, 5],
      ['f-crashes', 'graded', { '01-first': 0, '02-second': 5 }, 5],
      ['g-tampers', 'graded', { '01-first': 5, '02-second': 5 }, 10],
      ['h-empty', 'empty', {}, 0],
      ['i-solved', 'graded', { '01-first': 5, '02-second': 5 }, 10],
    ]);
    // The attacker's writes were refused: the course's checks are as they were.
    expect(readFileSync(path.join(repo, 'exercises/01-first/checks.ts'), 'utf8')).toBe(
      checks('seven', 'seven()', '7'),
    );
    const loops = JSON.parse(readFileSync(path.join(base, 'out-2/reports/e-loops.json'), 'utf8'));
    expect(loops.exercises[0].checks[0].status).toBe('timeout');
    for (const other of [two!, three!]) {
      expect(comparable(other.result.gradebook)).toEqual(comparable(one!.result.gradebook));
      expect(other.csv).toBe(one!.csv);
    }
  }, 240_000);
});

describe('pnpm grade --batch (the command)', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, '--root', repo, ...args], {
      cwd: base,
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    });

  it('grades with --jobs, prints plain progress lines in CI, and --resume grades only what changed', () => {
    const copy = path.join(base, 'class-cli');
    cpSync(batch, copy, { recursive: true, filter: (from) => !from.includes('e-loops') });
    const first = cli(['--batch', copy, '--jobs', '2', '--resume', '--lang', 'en'], { CI: 'true' });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Grading 8 submissions, 2 at a time.');
    expect(first.stdout).toMatch(/^a-solved: 10\/10 \(graded\)$/m);
    expect(first.stdout).toMatch(/^\[8\/8 done · \d+\.\d\/min · all done\]$/m);
    // No bar redrawn in a log.
    expect(first.stdout).not.toContain('\r');

    write(path.join(copy, 'b-half/exercises/02-second/src/b.ts'), TRIPLE);
    const second = cli(['--batch', copy, '--resume', '--lang', 'en'], { CI: 'true' });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Resuming: 7 of 8 submissions already graded.');
    expect(second.stdout).toContain(
      'Changed since graded (the submitted files or the report), so graded again: b-half.',
    );
    expect(second.stdout).toContain('Grading 1 submission, 1 at a time.');
    expect(second.stdout).toMatch(/^b-half: 10\/10 \(graded\)$/m);
    expect(second.stdout).toMatch(/^a-solved: 10\/10 \(graded\) \(resumed\)$/m);
    const book = JSON.parse(readFileSync(path.join(copy, 'gradebook.json'), 'utf8')) as Gradebook;
    expect(book.rows.find((r) => r.submission === 'b-half')?.score).toBe(10);
    expect(book.rows).toHaveLength(8);
  }, 240_000);

  it('refuses a --jobs that is not a whole number from 1 to 64, and --jobs or --resume without --batch', () => {
    const usage = (argv: string[]) => {
      try {
        parseCli(argv, {});
      } catch (error) {
        expect(error).toBeInstanceOf(GraderError);
        return (error as GraderError).message;
      }
      throw new Error(`accepted: ${argv.join(' ')}`);
    };
    for (const bad of ['0', '--jobs=-1', '1.5', 'many', '65', ''])
      expect(usage(['--batch', 'c', ...(bad.startsWith('--') ? [bad] : ['--jobs', bad])])).toContain(
        'a whole number from 1 to 64',
      );
    expect(parseCli(['--batch', 'c', '-j', '3'], {}).jobs).toBe(3);
    expect(parseCli(['--batch', 'c'], {}).jobs).toBeUndefined();
    expect(usage(['--jobs', '2'])).toContain('--jobs is for --batch.');
    expect(usage(['--submission', 's', '--resume'])).toContain('--resume is for --batch.');
  });
});
