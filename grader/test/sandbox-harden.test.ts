/**
 * Record grading (`--submission`, `--batch`) against submissions written by a student who wants the
 * points without the work, each attack done for real: a walk up the file system to `solution/` and a
 * dynamic import the static check cannot see, a detached process that waits for the grader to exit
 * and rewrites the report (and reads the grader's environment for `GRADE_SEED`), a write into
 * `node_modules` and the course's checks meant to poison the submissions graded after it, signals
 * to the grader, forged and oversized frames on the channel to the grader.
 *
 * Each must earn 0 points under the public and a secret seed, leave the report on disk as the
 * grader wrote it, change no grade of the honest submissions graded after it, and be named in the
 * report. The repository is made here, under `grader/.grade/` (gitignored) so the checks' imports
 * resolve from the grader's `node_modules`; nothing is ever written into an installed package.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../src/core/seed.js';
import type { GradeReport } from '../src/core/types.js';
import { runBatch } from '../src/record/batch.js';
import { changedFiles, fingerprint } from '../src/record/tamper.js';
import { checks, manifest, write } from './course.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
/** `pnpm grade`'s launcher: the grader from its bundle (`bin/bundle.mjs`), as students start it. */
const CLI = path.join(GRADER, 'bin', 'grade.js');
const SECRET_SEED = '918273645';
let repo: string;
let base: string;

/** A repository: 01 asks for `seven()`, 02 for `triple(x) = 3x + 1` (with its solution). */
function makeRepo(): void {
  write(path.join(repo, 'package.json'), '{ "private": true, "type": "module" }\n');
  write(
    path.join(repo, 'exercises/01-first/exercise.json'),
    manifest('01-first', 1, ['src/a.ts'], { timeLimitMs: 5000 }),
  );
  write(path.join(repo, 'exercises/01-first/checks.ts'), checks('seven', 'seven()', '7'));
  write(path.join(repo, 'exercises/01-first/src/a.ts'), 'export function seven(): number { return 0; }\n');
  write(
    path.join(repo, 'exercises/02-second/exercise.json'),
    manifest('02-second', 2, ['src/b.ts'], { timeLimitMs: 5000 }),
  );
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
  // An installed package of the repository's own: a real file (never a link into pnpm's store).
  write(path.join(repo, 'exercises/01-first/node_modules/helper/index.js'), 'export const helper = 1;\n');
}

beforeEach(() => {
  base = path.join(GRADER, '.grade', `harden-${randomBytes(4).toString('hex')}`);
  repo = path.join(base, 'repo');
  makeRepo();
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** Runs the real `pnpm grade` as a process, as CI does; resolves when it has exited. */
function gradeCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string; pid: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--root', repo, '--lang', 'en', ...args], {
      cwd: base,
      env: { PATH: process.env.PATH, CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, pid: child.pid ?? -1 }));
  });
}

/** A JSON report as written (`message`s in the report's language, English here). */
type WrittenReport = Omit<GradeReport, 'exercises'> & {
  exercises: (Omit<GradeReport['exercises'][number], 'checks' | 'problem'> & {
    problem?: { message: string };
    checks: { status: string; score: number; message: string }[];
  })[];
};
const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as WrittenReport;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 02's `triple` that finds the reference solution (walking up, then by the absolute path) and uses it. */
const STEAL_SOLUTION = (repoRoot: string) => `import * as fs from 'node:fs';
import * as path from 'node:path';
const load = new Function('u', 'return import(u)') as (u: string) => Promise<{ triple?: (x: number) => number }>;
const tried: string[] = [];
let stolen: ((x: number) => number) | undefined;
const candidates: string[] = [${JSON.stringify(path.join(repoRoot, 'exercises/02-second/solution/b.ts'))}];
for (let dir = process.cwd(), i = 0; i < 15; i++, dir = path.dirname(dir))
  candidates.push(path.join(dir, 'exercises', '02-second', 'solution', 'b.ts'));
for (const file of candidates) {
  try {
    fs.readFileSync(file);
    stolen = (await load('file://' + file)).triple;
    if (stolen) break;
  } catch (error) {
    tried.push(String((error as { code?: string }).code));
  }
}
export function triple(x: number): number {
  if (stolen) return stolen(x);
  throw new Error('no solution found: ' + [...new Set(tried)].join(','));
}
`;

/** 01's `seven` that starts a detached process to rewrite the report once the grader has exited. */
const REWRITE_REPORT = (report: string, marker: string) => `import * as fs from 'node:fs';
import { spawn } from 'node:child_process';
const forger = ${JSON.stringify(`const fs = require('fs');
const grader = Number(process.argv[1]);
const go = () => { fs.writeFileSync(${JSON.stringify(marker)}, 'ran');
  const r = JSON.parse(fs.readFileSync(${JSON.stringify(report)}, 'utf8')); r.score = r.maxScore;
  fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify(r)); };
const wait = () => { try { process.kill(grader, 0); setTimeout(wait, 50); } catch { go(); } };
wait();`)};
let environ = 'not read';
export function seven(): number {
  try { environ = fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8'); } catch (e) { environ = String((e as { code?: string }).code); }
  const child = spawn(process.execPath, ['-e', forger, String(process.ppid)], { detached: true, stdio: 'ignore' });
  child.unref();
  return 7;
}
`;

/** 01's `seven` that writes into the repository's installed package and 02's checks. */
const POISON = (repoRoot: string) => `import * as fs from 'node:fs';
const targets = [
  ${JSON.stringify(path.join(repoRoot, 'exercises/01-first/node_modules/helper/index.js'))},
  ${JSON.stringify(path.join(repoRoot, 'exercises/02-second/checks.ts'))},
  ${JSON.stringify(path.join(repoRoot, 'exercises/02-second/src/b.ts'))},
];
export function seven(): number {
  const refused: string[] = [];
  for (const file of targets)
    try { fs.appendFileSync(file, '\\nexport const pwned = true;\\n'); } catch (e) { refused.push(String((e as { code?: string }).code)); }
  if (refused.length < targets.length) return 7;
  throw new Error('refused: ' + refused.join(','));
}
`;

const HONEST_01 = 'export function seven(): number { return 7; }\n';
const HONEST_02 = 'export function triple(x: number): number { return 3 * x + 1; }\n';

describe('record grading against a student who wants the points without the work', () => {
  it('reading the reference solution (walk up, absolute path, hidden dynamic import) earns nothing', async () => {
    write(path.join(base, 'thief/exercises/02-second/src/b.ts'), STEAL_SOLUTION(repo));
    for (const env of [{}, { GRADE_SEED: SECRET_SEED }]) {
      const json = path.join(base, 'thief.json');
      const run = await gradeCli(['--ci', '--submission', 'thief', '--json', json, '02'], env);
      expect(run.code).toBe(1);
      const check = readReport(json).exercises[0]!.checks[0]!;
      expect(check).toMatchObject({ status: 'error', score: 0 });
      // The walk found nothing readable: every read outside the sandbox's own folder is refused.
      expect(check.message).toContain('no solution found: ERR_ACCESS_DENIED');
    }
    expect(existsSync(path.join(repo, 'exercises/02-second/solution/b.ts'))).toBe(true);
  }, 90_000);

  it('an import of solution/ is refused before anything runs', async () => {
    write(
      path.join(base, 'importer/exercises/02-second/src/b.ts'),
      "export { triple } from '../solution/b.js';\n",
    );
    const json = path.join(base, 'importer.json');
    const run = await gradeCli(['--ci', '--submission', 'importer', '--json', json, '02']);
    expect(run.code).toBe(1);
    const ex = readReport(json).exercises[0]!;
    expect(ex).toMatchObject({ status: 'error', score: 0, maxScore: 5 });
    expect(ex.problem?.message).toContain("only this exercise's student files can be imported");
  }, 60_000);

  it('a detached process cannot rewrite the report after the grader exits, nor read GRADE_SEED', async () => {
    const json = path.join(base, 'mallory.json');
    const marker = path.join(base, 'forger-ran');
    write(path.join(base, 'mallory/exercises/01-first/src/a.ts'), REWRITE_REPORT(json, marker));
    const run = await gradeCli(['--ci', '--submission', 'mallory', '--json', json, '01'], {
      GRADE_SEED: SECRET_SEED,
    });
    const written = readFileSync(json, 'utf8');
    // Time for a forger to act, had one started (it polls every 50 ms).
    await sleep(1500);
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(json, 'utf8')).toBe(written);
    expect(run.code).toBe(1);
    const check = readReport(json).exercises[0]!.checks[0]!;
    expect(check).toMatchObject({ status: 'error', score: 0 });
    expect(check.message).toContain('ChildProcess');
    expect(`${run.stdout}${run.stderr}${written}`).not.toContain(SECRET_SEED);
  }, 60_000);

  it('a write into node_modules or the checks is refused: later submissions in the batch grade as before', async () => {
    const honest = (name: string) => {
      write(path.join(base, `class/${name}/exercises/01-first/src/a.ts`), HONEST_01);
      write(path.join(base, `class/${name}/exercises/02-second/src/b.ts`), HONEST_02);
    };
    honest('b-honest');
    write(
      path.join(base, 'class/c-empty/exercises/01-first/src/a.ts'),
      'export function seven() { return 0; }\n',
    );
    const grades = async () => {
      const { rows, tampered } = await runBatch({
        repoRoot: repo,
        batchDir: path.join(base, 'class'),
        outDir: path.join(base, 'out'),
        seed: DEFAULT_SEED,
        lang: 'en',
        concurrency: 1,
      });
      expect(tampered).toBeUndefined();
      return Object.fromEntries(rows.map((r) => [r.submission, [r.score, r.status]]));
    };
    const clean = await grades();
    expect(clean).toEqual({ 'b-honest': [10, 'graded'], 'c-empty': [0, 'graded'] });
    const before = await fingerprint(repo);
    write(path.join(base, 'class/a-poison/exercises/01-first/src/a.ts'), POISON(repo));
    const after = await grades();
    expect(after).toEqual({ 'a-poison': [0, 'graded'], ...clean });
    expect(changedFiles(before, await fingerprint(repo))).toEqual([]);
    expect(
      readFileSync(path.join(repo, 'exercises/01-first/node_modules/helper/index.js'), 'utf8'),
    ).not.toContain('pwned');
    const report = readReport(path.join(base, 'out/reports/a-poison.json'));
    expect(report.exercises[0]!.checks[0]!.message).toContain('ERR_ACCESS_DENIED');
  }, 120_000);

  it('the student cannot signal the grader: it survives, and writes its report', async () => {
    write(
      path.join(base, 'killer/exercises/01-first/src/a.ts'),
      `import os from 'node:os';
export function seven(): number {
  for (const signal of ['SIGKILL', 'SIGTERM']) try { process.kill(process.ppid, signal); } catch {}
  try { os.setPriority(process.ppid, 19); } catch {}
  process.kill(process.ppid, 'SIGKILL');
  return 7;
}
`,
    );
    write(path.join(base, 'killer/exercises/02-second/src/b.ts'), HONEST_02);
    const json = path.join(base, 'killer.json');
    const run = await gradeCli(['--ci', '--submission', 'killer', '--json', json]);
    expect(run.code).toBe(1);
    const report = readReport(json);
    expect(report.exercises.map((e) => [e.id, e.score, e.maxScore])).toEqual([
      ['01-first', 0, 5],
      ['02-second', 5, 5],
    ]);
    expect(report.exercises[0]!.checks[0]!.message).toContain('process.kill is not available');
  }, 60_000);

  it('forged, garbled and oversized frames on the channel cost that check only', async () => {
    const frame = (body: string) => `import * as fs from 'node:fs';
import * as v8 from 'node:v8';
export function seven(): number {
  ${body}
  return 7;
}
`;
    const attacks: Record<string, string> = {
      // A "result" without the nonce, carrying a BigInt where a count belongs.
      forged: `const p = v8.serialize({ type: 'result', nonce: 'guess', checkId: 'seven', output: '', droppedChars: 10n, unhandled: [], ok: true, value: 7 });
  const h = Buffer.alloc(4); h.writeUInt32LE(p.length); fs.writeSync(4, h); fs.writeSync(4, p);`,
      garbled: `fs.writeSync(4, Buffer.from([3, 0, 0, 0, 255, 255, 255]));`,
      oversized: `const h = Buffer.alloc(4); h.writeUInt32LE(0xfffffff0); fs.writeSync(4, h);`,
      // The serializer the harness uses is frozen before student code loads.
      patched: `(v8.Serializer.prototype as unknown as Record<string, unknown>).writeValue = () => true;`,
    };
    for (const [name, body] of Object.entries(attacks)) {
      write(path.join(base, `${name}/exercises/01-first/src/a.ts`), frame(body));
      write(path.join(base, `${name}/exercises/02-second/src/b.ts`), HONEST_02);
      const json = path.join(base, `${name}.json`);
      const run = await gradeCli(['--ci', '--submission', name, '--json', json]);
      expect([name, run.code]).toEqual([name, 1]);
      const report = readReport(json);
      expect([name, report.exercises.map((e) => [e.id, e.score, e.maxScore])]).toEqual([
        name,
        [
          ['01-first', 0, 5],
          ['02-second', 5, 5],
        ],
      ]);
      const message = report.exercises[0]!.checks[0]!.message;
      const expected = {
        forged: 'did not send',
        garbled: 'Unreadable bytes',
        oversized: 'too large',
        patched: 'read only property',
      }[name]!;
      expect([name, message]).toEqual([name, expect.stringContaining(expected)]);
    }
  }, 120_000);

  it('tamper detection still voids a submission when a trusted file changes meanwhile, and stops the batch', async () => {
    write(path.join(base, 'class/a-honest/exercises/01-first/src/a.ts'), HONEST_01);
    write(path.join(base, 'class/b-honest/exercises/01-first/src/a.ts'), HONEST_01);
    const helper = path.join(repo, 'exercises/01-first/node_modules/helper/index.js');
    const { rows, tampered } = await runBatch({
      repoRoot: repo,
      batchDir: path.join(base, 'class'),
      seed: DEFAULT_SEED,
      lang: 'en',
      concurrency: 1,
      filters: ['01'],
      // Stands in for something outside the sandbox that writes once the first submission is done.
      onSubmissionDone: () => writeFileSync(helper, 'export const helper = 2;\n'),
    });
    expect(rows.map((r) => [r.submission, r.status])).toEqual([['a-honest', 'graded']]);
    expect(tampered).toEqual({
      submissions: ['a-honest'],
      files: ['exercises/01-first/node_modules/helper/index.js'],
    });
  }, 60_000);

  it('fingerprints see a changed judge even when size and mtime are kept, and cover solutions and src', async () => {
    const before = await fingerprint(repo);
    for (const file of [
      'exercises/01-first/checks.ts',
      'exercises/01-first/src/a.ts',
      'exercises/02-second/solution/b.ts',
      'exercises/01-first/exercise.json',
      'packages/fake/src/index.ts',
      'package.json',
    ])
      expect([file, before.has(file)]).toEqual([file, true]);
    const file = path.join(repo, 'exercises/01-first/checks.ts');
    const text = readFileSync(file, 'utf8');
    const { mtime } = await import('node:fs').then((fs) => fs.statSync(file));
    writeFileSync(file, text.replace("'7'", "'8'").replace('7', '8'));
    utimesSync(file, mtime, mtime);
    expect(changedFiles(before, await fingerprint(repo))).toEqual(['exercises/01-first/checks.ts']);
  });

  it('leaves no folder of its own behind in the temporary folder', async () => {
    const tmp = path.join(base, 'tmp');
    mkdirSync(tmp);
    write(path.join(base, 'tidy/exercises/01-first/src/a.ts'), HONEST_01);
    const run = await gradeCli(['--ci', '--submission', 'tidy', '01'], { TMPDIR: tmp, TEMP: tmp, TMP: tmp });
    expect(run.code).toBe(0);
    // The watchdog removes what the grader did not (it cleans up after the grader has exited).
    // (tsx, which starts `pnpm grade`, keeps a cache of its own there.)
    const ours = () => readdirSync(tmp).filter((name) => name.startsWith('gradschool-'));
    for (let i = 0; i < 50 && ours().length > 0; i++) await sleep(100);
    expect(ours()).toEqual([]);
  }, 60_000);
});
