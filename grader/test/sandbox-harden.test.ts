/**
 * Record grading (`--submission`, `--batch`) against submissions that attack the grader with the
 * file-system rights student code has: rewriting a later exercise's judge in the copy, importing
 * the reference solution from the copy, and writing through the copy's links into the repository.
 * Each runs the real core on a small repository made here (under `grader/.grade/`, gitignored, so
 * `@gradschool/exercise-kit` resolves from the grader's node_modules).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { runBatch } from '../src/core/batch.js';
import { discover } from '../src/core/discover.js';
import { DEFAULT_SEED } from '../src/core/seed.js';
import { prepareSubmission } from '../src/core/submission.js';
import { changedFiles, fingerprint } from '../src/core/tamper.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
let repo: string;
let base: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function manifest(id: string, order: number, file: string): string {
  const text = { ko: id, en: id };
  return JSON.stringify({
    id,
    order,
    title: text,
    summary: text,
    lecture: { section: text, slides: [] },
    files: [file],
    hints: [text],
    timeLimitMs: 5000,
  });
}

/** The judge of exercise `id`: `probe` calls `call`, the answer must be `expected` (as code). */
function checks(id: string, call: string, expected: string): string {
  return `import { defineChecks, expectClose } from '@gradschool/exercise-kit';
export default defineChecks([{ id: '${id}', title: { ko: '${id}', en: '${id}' }, points: 5,
  input: (ctx) => ctx.seed % 1000,
  probe: (s, x) => s.${call},
  judge: (got, x) => expectClose(got, ${expected}, { what: { ko: 'x', en: 'x' } }) }]);
`;
}

/** A repository: 01 asks for `seven()`, 02 for `triple(x) = 3x + 1` (with its solution). */
function makeRepo(): void {
  write(path.join(repo, 'exercises/01-first/exercise.json'), manifest('01-first', 1, 'src/a.ts'));
  write(path.join(repo, 'exercises/01-first/checks.ts'), checks('seven', 'seven()', '7'));
  write(path.join(repo, 'exercises/01-first/src/a.ts'), 'export function seven(): number { return 0; }\n');
  write(path.join(repo, 'exercises/02-second/exercise.json'), manifest('02-second', 2, 'src/b.ts'));
  write(path.join(repo, 'exercises/02-second/checks.ts'), checks('triple', 'triple(x)', '3 * x + 1'));
  write(
    path.join(repo, 'exercises/02-second/src/b.ts'),
    'export function triple(x: number): number { return 0; }\n',
  );
  write(
    path.join(repo, 'exercises/02-second/solution/b.ts'),
    'export function triple(x: number): number { return 3 * x + 1; }\n',
  );
  write(path.join(repo, 'packages/fake/src/index.ts'), 'export const trusted = true;\n');
}

beforeEach(() => {
  base = path.join(GRADER, '.grade', `harden-${randomBytes(4).toString('hex')}`);
  repo = path.join(base, 'repo');
  makeRepo();
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** A student's 01 that replaces 02's judge in its copy (undoing the read-only bit first). */
const SWAP_JUDGE = `import { chmodSync, writeFileSync } from 'node:fs';
const target = new URL('../../02-second/checks.ts', import.meta.url);
try { chmodSync(target, 0o644); } catch {}
writeFileSync(target, \`import { defineChecks, pass } from '@gradschool/exercise-kit';
export default defineChecks([{ id: 'triple', title: { ko: 'free', en: 'free' }, points: 100, probe: () => 0, judge: () => pass() }]);
\`);
export function seven(): number { return 7; }
`;

/** A student's 02 that takes the reference solution from its copy (a computed specifier). */
const PEEK_SOLUTION = `const spec = ['..', 'solution', 'b.js'].join('/');
const solution: { triple?: (x: number) => number } = await import(spec).catch(() => ({}));
export function triple(x: number): number { return solution.triple ? solution.triple(x) : 0; }
`;

/** A student's 01 that writes through the copy's link into the repository's packages/. */
const TAMPER = `import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../../../packages/fake/src/index.ts', import.meta.url), 'export const trusted = false;\\n');
export function seven(): number { return 7; }
`;

const HONEST = 'export function seven(): number { return 7; }\n';

describe('record grading against hostile submissions', () => {
  it('a judge rewritten by an earlier exercise and a peeked solution earn nothing', async () => {
    write(path.join(base, 'class/mallory/exercises/01-first/src/a.ts'), SWAP_JUDGE);
    write(path.join(base, 'class/peeker/exercises/02-second/src/b.ts'), PEEK_SOLUTION);
    const { rows, tampered } = await runBatch({
      repoRoot: repo,
      batchDir: path.join(base, 'class'),
      outDir: path.join(base, 'out'),
      seed: DEFAULT_SEED,
      lang: 'en',
      concurrency: 1,
    });
    expect(tampered).toBeUndefined();
    const row = (name: string) => rows.find((r) => r.submission === name)!;
    // mallory earned 01 honestly; 02 is judged by the real checks (5 points), not the fake 100.
    expect(row('mallory').exercises).toEqual({ '01-first': 5, '02-second': 0 });
    expect(row('mallory').maxScore).toBe(10);
    expect(row('peeker').exercises['02-second']).toBe(0);
    // The copy never held the solution; the repository's is untouched.
    expect(existsSync(path.join(repo, 'exercises/02-second/solution/b.ts'))).toBe(true);
  }, 60_000);

  it('a submission that writes into the repository is void and stops the batch', async () => {
    write(path.join(base, 'class/a-tamper/exercises/01-first/src/a.ts'), TAMPER);
    write(path.join(base, 'class/b-honest/exercises/01-first/src/a.ts'), HONEST);
    const { rows, tampered } = await runBatch({
      repoRoot: repo,
      batchDir: path.join(base, 'class'),
      seed: DEFAULT_SEED,
      lang: 'en',
      concurrency: 1,
      filters: ['01'],
    });
    expect(tampered).toEqual({ submissions: ['a-tamper'], files: ['packages/fake/src/index.ts'] });
    // Nothing after it is graded: its results could not be trusted.
    expect(rows.map((r) => r.submission)).toEqual(['a-tamper']);
    expect(rows[0]).toMatchObject({ status: 'failed', score: 0 });
    const report = JSON.parse(readFileSync(path.join(base, 'class/reports/a-tamper.json'), 'utf8'));
    expect(report.score).toBe(0);
    expect(report.exercises[0].problem.message).toContain('its result is void');
  }, 60_000);

  it('a change seen before a submission starts stops the batch there, naming the last one graded', async () => {
    write(path.join(base, 'class/a-honest/exercises/01-first/src/a.ts'), HONEST);
    write(path.join(base, 'class/b-honest/exercises/01-first/src/a.ts'), HONEST);
    const { rows, tampered } = await runBatch({
      repoRoot: repo,
      batchDir: path.join(base, 'class'),
      seed: DEFAULT_SEED,
      lang: 'en',
      concurrency: 1,
      filters: ['01'],
      // Stands in for a process left behind that writes once the first submission is done.
      onSubmissionDone: () => writeFileSync(path.join(repo, 'packages/fake/src/index.ts'), 'export {};\n'),
    });
    expect(rows.map((r) => [r.submission, r.status])).toEqual([['a-honest', 'graded']]);
    expect(tampered).toEqual({ submissions: ['a-honest'], files: ['packages/fake/src/index.ts'] });
  }, 60_000);

  it('--submission: the voided report is written and the exit code is 2', async () => {
    write(path.join(base, 'mallory/exercises/01-first/src/a.ts'), TAMPER);
    const json = path.join(base, 'report.json');
    const io = { stdout: '', stderr: '' };
    const sink = (key: 'stdout' | 'stderr') =>
      new Writable({
        write(chunk, _enc, done) {
          io[key] += String(chunk);
          done();
        },
      });
    const args = ['--submission', 'mallory', '--root', repo, '--lang', 'en', '--json', json, '01'];
    const code = await main(args, {
      cwd: base,
      env: { CI: 'true' },
      stdout: sink('stdout'),
      stderr: sink('stderr'),
    });
    expect(code).toBe(2);
    expect(io.stderr).toContain('packages/fake/src/index.ts');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.score).toBe(0);
    expect(report.exercises[0].status).toBe('error');
  }, 60_000);

  it("a submission's copy has no solution/, mutants/ or test/, and read-only judges", async () => {
    write(path.join(repo, 'exercises/02-second/mutants/off-by-one.ts'), 'export const m = 1;\n');
    write(path.join(repo, 'exercises/02-second/test/b.test.ts'), 'export {};\n');
    mkdirSync(path.join(base, 'empty'));
    const { exercises } = await discover(repo);
    const prepared = await prepareSubmission({
      repoRoot: repo,
      submissionDir: path.join(base, 'empty'),
      exercises,
    });
    try {
      const copy = (p: string) => path.join(prepared.root, 'exercises/02-second', p);
      for (const folder of ['solution', 'mutants', 'test']) expect(existsSync(copy(folder))).toBe(false);
      expect(existsSync(copy('src/b.ts'))).toBe(true);
      expect(statSync(copy('checks.ts')).mode & 0o222).toBe(0);
      expect(statSync(copy('src/b.ts')).mode & 0o200).not.toBe(0);
    } finally {
      await prepared.cleanup();
    }
    expect(existsSync(prepared.root)).toBe(false);
  });

  it('fingerprints see a changed judge even when size and mtime are kept', async () => {
    const before = await fingerprint(repo);
    expect([...before.keys()]).toEqual([
      'exercises/01-first/checks.ts',
      'exercises/01-first/exercise.json',
      'exercises/02-second/checks.ts',
      'exercises/02-second/exercise.json',
      'packages/fake/src/index.ts',
    ]);
    const file = path.join(repo, 'exercises/01-first/checks.ts');
    const text = readFileSync(file, 'utf8');
    const { mtime } = await import('node:fs').then((fs) => fs.statSync(file));
    writeFileSync(file, text.replace("'7'", "'8'").replace('7', '8'));
    await import('node:fs').then((fs) => fs.utimesSync(file, mtime, mtime));
    expect(changedFiles(before, await fingerprint(repo))).toEqual(['exercises/01-first/checks.ts']);
  });
});
