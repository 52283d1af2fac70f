/**
 * The whole CLI, as CI runs it: a real `node --import tsx grader/src/cli/main.ts --ci --json FILE` on the
 * fixtures, checking the report file (valid against the report schema) and the exit code; plus the
 * in-process `main()` for usage errors and the exit-code rules.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import { interactive, main } from '../src/cli/main.js';
import { validateJsonReport } from '../src/report/index.js';
import { FIXTURES, REPO_ROOT } from './helpers.js';

const run = promisify(execFile);
const out = mkdtempSync(path.join(tmpdir(), 'grade-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs the real CLI in a child process; resolves with its exit code and output. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['grader/bin/grade.js', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs `main()` in-process with captured output. */
async function inProcess(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(args, {
    cwd: REPO_ROOT,
    env: { CI: 'true', ...env },
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
  });
  return { code, stdout, stderr };
}

describe('pnpm grade --ci --json', () => {
  it('writes a valid report and exits 0 when everything passes', async () => {
    const file = path.join(out, 'pass.json');
    const result = await cli(['--ci', '--root', FIXTURES, '--json', file, '--lang', 'en', '01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('01-passing');
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(validateJsonReport(report)).toEqual([]);
    expect(report).toMatchObject({ version: 1, seed: 12345, lang: 'en', score: 5, maxScore: 5 });
    expect(report.exercises[0].checks.map((c: { status: string }) => c.status)).toEqual(['pass', 'pass']);
  });

  it('exits 1 when a check fails, honours --seed and GRADE_SEED, and --min-score', async () => {
    const file = path.join(out, 'fail.json');
    const failing = await cli(['--ci', '--root', FIXTURES, '--json', file, '02'], { GRADE_SEED: '4242' });
    expect(failing.code).toBe(1);
    const report = JSON.parse(readFileSync(file, 'utf8'));
    // GRADE_SEED is CI's secret: used, never written.
    expect(report).toMatchObject({ seed: null, seedHidden: true });
    expect(readFileSync(file, 'utf8')).not.toContain('4242');
    expect(report.lang).toBe('ko');
    expect(report.score).toBe(2);
    const threshold = await cli(['--ci', '--root', FIXTURES, '--seed', '7', '--min-score', '10', '02']);
    expect(threshold.code).toBe(0);
  });

  it('exits 2 on a broken manifest, still grading the others', async () => {
    const file = path.join(out, 'broken.json');
    const result = await cli(['--ci', '--root', FIXTURES, '--json', file, '--lang', 'en', '01', '09']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('exercises/09-bad-manifest/exercise.json');
    expect(result.stderr).toContain('hints');
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report.exercises.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
      ['01-passing', 'pass'],
      ['09-bad-manifest', 'error'],
    ]);
  });
});

describe('pnpm grade --submission', () => {
  it('grades only the listed files of a submission and lists what it ignored', async () => {
    const submission = path.join(out, 'submission');
    const dir = path.join(submission, 'exercises', '10-verified');
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    copyFileSync(
      path.join(FIXTURES, 'exercises/10-verified/solution/scale.ts'),
      path.join(dir, 'src/scale.ts'),
    );
    // A cheat: checks that always pass. Not listed by the manifest, so never read.
    writeFileSync(path.join(dir, 'checks.ts'), 'export default { checks: [] };\n');
    const file = path.join(out, 'submission.json');
    const result = await inProcess([
      '--ci',
      '--root',
      FIXTURES,
      '--submission',
      submission,
      '--json',
      file,
      '10',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report).toMatchObject({ source: 'submission', score: 4, maxScore: 4 });
    expect(report.ignoredFiles).toEqual(['exercises/10-verified/checks.ts']);
  });
});

describe('main()', () => {
  it('exits 2 with a clear message on usage errors', async () => {
    for (const args of [
      ['--bogus'],
      ['--seed', 'abc'],
      ['--lang', 'fr'],
      ['--min-score', '120'],
      ['--solutions', '--batch', 'x'],
    ]) {
      const result = await inProcess(['--root', FIXTURES, ...args], { LANG: 'en_US.UTF-8' });
      expect([args, result.code]).toEqual([args, 2]);
      expect(result.stderr.length).toBeGreaterThan(10);
    }
    const none = (await inProcess(['--root', FIXTURES, '99'])).stderr;
    expect(none).toContain('"99"에 맞는 실습이 없습니다');
    expect(none).toContain('  01-passing'); // the exercises there are
    const empty = await inProcess(['--ci', '--root', out, '--lang', 'en']);
    expect([empty.code, empty.stderr]).toEqual([2, expect.stringContaining('No exercises')]);
  });

  it('prints help in the chosen language', async () => {
    expect((await inProcess(['--help', '--lang', 'en'])).stdout).toContain('Exit codes: 0');
    expect((await inProcess(['-h'])).stdout).toContain('종료 코드');
  });

  it('grades the solutions with --solutions', async () => {
    const result = await inProcess(['--ci', '--root', FIXTURES, '--solutions', '10']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10-verified');
  });
});

describe('interactive()', () => {
  const tty = { isTTY: true } as NodeJS.WritableStream & { isTTY?: boolean };
  const options = parseCli([], {});

  it('opens the UI on a terminal', () => {
    expect(interactive(options, { env: { TERM: 'xterm-256color' }, stdout: tty })).toBe(true);
  });

  it('gives TERM=dumb, CI, pipes and report flags the plain reporter', () => {
    expect(interactive(options, { env: { TERM: 'dumb' }, stdout: tty })).toBe(false);
    expect(interactive(options, { env: { CI: 'true' }, stdout: tty })).toBe(false);
    expect(interactive(options, { env: {}, stdout: { isTTY: false } as typeof tty })).toBe(false);
    expect(interactive(parseCli(['--json', 'r.json'], {}), { env: {}, stdout: tty })).toBe(false);
  });
});

describe('the last result of each exercise (what --list shows)', () => {
  it('is kept on a local grading of src/, not in CI and not for --solutions', async () => {
    const { manifest, checks, write } = await import('./course.js');
    const grader = path.resolve(REPO_ROOT, 'grader');
    mkdirSync(path.join(grader, '.grade'), { recursive: true });
    const root = mkdtempSync(path.join(grader, '.grade', 'last-results-'));
    try {
      write(path.join(root, 'package.json'), '{ "name": "course", "private": true }\n');
      const dir = path.join(root, 'exercises', '01-double');
      write(path.join(dir, 'exercise.json'), manifest('01-double', 1, ['src/double.ts']));
      write(path.join(dir, 'checks.ts'), checks('doubles', 'double(x)', '2 * x'));
      write(path.join(dir, 'src', 'double.ts'), 'export const double = (x: number) => 2 * x;\n');
      write(path.join(dir, 'solution', 'double.ts'), 'export const double = (x: number) => 2 * x;\n');
      const kept = path.join(root, '.grade', 'last', '01-double.json');
      const grade = (args: string[], env: NodeJS.ProcessEnv) =>
        main([...args, '--root', root, '--lang', 'en'], {
          cwd: root,
          env,
          stdout: new Writable({ write: (_c, _e, done) => done() }),
          stderr: new Writable({ write: (_c, _e, done) => done() }),
        });
      expect(await grade([], { CI: 'true' })).toBe(0);
      expect(await grade(['--solutions'], {})).toBe(0);
      expect(() => readFileSync(kept)).toThrow();
      expect(await grade(['01'], {})).toBe(0);
      const last = JSON.parse(readFileSync(kept, 'utf8'));
      expect(last).toMatchObject({
        id: '01-double',
        status: 'pass',
        score: 5,
        maxScore: 5,
        passed: 1,
        checks: 1,
      });
      let listed = '';
      await main(['--list', '--root', root, '--lang', 'en'], {
        cwd: root,
        env: {},
        stdout: new Writable({
          write: (c, _e, done) => {
            listed += String(c);
            done();
          },
        }),
        stderr: new Writable({ write: (_c, _e, done) => done() }),
      });
      expect(listed).toMatch(/01-double {2}01-double\s+5\/5 pts {2}passed · 1\/1 check passed/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
