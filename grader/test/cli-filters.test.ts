/**
 * The command line as a student meets it: `pnpm grade 1` is exercise 01, a name that matches nothing
 * lists the exercises there are, and the help of a student's repository (no solutions) leaves out
 * the instructor's flags.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { matchesFilters } from '../src/core/discover.js';
import { REPO_ROOT } from './helpers.js';

describe('matchesFilters', () => {
  it('takes a number however it is written, and the start of an id otherwise', () => {
    expect(matchesFilters('01-perceptron', ['1'])).toBe(true);
    expect(matchesFilters('01-perceptron', ['01'])).toBe(true);
    expect(matchesFilters('01-perceptron', ['001'])).toBe(true);
    expect(matchesFilters('10-attention', ['1'])).toBe(true); // as the start of the id, as before
    expect(matchesFilters('02-and-gate', ['0'])).toBe(true);
    expect(matchesFilters('02-and-gate', ['1'])).toBe(false);
    expect(matchesFilters('10-attention', ['10'])).toBe(true);
    expect(matchesFilters('03-softmax', ['03-soft'])).toBe(true);
    expect(matchesFilters('03-softmax', ['03-x'])).toBe(false);
    expect(matchesFilters('03-softmax', [])).toBe(true);
    expect(matchesFilters('03-softmax', ['2', '3'])).toBe(true);
  });
});

describe('an exercise name that matches nothing', () => {
  it('lists the exercises there are, in both languages, and exits 2', async () => {
    for (const lang of ['en', 'ko'] as const) {
      let stderr = '';
      const sink = new Writable({
        write(chunk, _encoding, done) {
          stderr += String(chunk);
          done();
        },
      });
      const code = await main(['--ci', '--lang', lang, '99'], {
        cwd: REPO_ROOT,
        env: { CI: 'true' },
        stdout: new Writable({ write: (_c, _e, done) => done() }),
        stderr: sink,
      });
      expect(code).toBe(2);
      expect(stderr).toContain(lang === 'en' ? 'No exercise matches "99"' : '"99"에 맞는 실습이 없습니다');
      for (const id of ['01-perceptron', '03-softmax', '05-optimizers']) expect(stderr).toContain(`  ${id}`);
    }
  });
});

/** `main(args)` in the repository, returning the exit code and what it printed. */
async function run(args: string[]) {
  let out = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  const code = await main(args, { cwd: REPO_ROOT, env: { CI: 'true' }, stdout: sink, stderr: sink });
  return { code, out };
}

describe('--help', () => {
  it("shows the instructor's flags in a course repository with solutions", async () => {
    const { code, out } = await run(['--help', '--lang', 'en']);
    expect(code).toBe(0);
    for (const flag of ['--solutions', '--submission DIR', '--batch DIR', 'For instructors'])
      expect(out).toContain(flag);
    expect(out).toContain('pnpm grade 3');
  });

  it("leaves them out in a student's repository", async () => {
    const student = mkdtempSync(path.join(tmpdir(), 'student-repo-'));
    try {
      mkdirSync(path.join(student, 'exercises', '01-perceptron', 'src'), { recursive: true });
      for (const lang of ['en', 'ko']) {
        const { code, out } = await run(['--help', '--lang', lang, '--root', student]);
        expect(code).toBe(0);
        expect(out).not.toContain('--solutions');
        expect(out).not.toContain('--batch');
        expect(out).toContain(lang === 'en' ? 'Exit codes: 0' : '종료 코드: 0');
      }
    } finally {
      rmSync(student, { recursive: true, force: true });
    }
  });
});
