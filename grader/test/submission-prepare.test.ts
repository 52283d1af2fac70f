import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraderError } from '../src/errors.js';
import { prepareSubmission, type SubmissionExercise } from '../src/record/submission.js';

let base: string;
let repo: string;
let submission: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A tiny repository shaped like ours: pnpm-style relative links from an exercise to a package. */
function makeRepo(): void {
  write(path.join(repo, 'package.json'), '{"name":"fake-root"}');
  write(path.join(repo, 'packages/kit/package.json'), '{"name":"@gradschool/kit","main":"index.js"}');
  write(path.join(repo, 'packages/kit/index.js'), 'module.exports = 1;');
  write(path.join(repo, 'exercises/01-x/checks.ts'), 'export default "pristine checks";');
  write(path.join(repo, 'exercises/01-x/src/main.ts'), 'export const answer = "starter";');
  write(path.join(repo, 'exercises/01-x/src/extra.ts'), 'export const extra = "starter";');
  write(path.join(repo, 'exercises/01-x/solution/main.ts'), 'export const answer = 42;');
  mkdirSync(path.join(repo, 'exercises/01-x/node_modules/@gradschool'), { recursive: true });
  symlinkSync(
    '../../../../packages/kit',
    path.join(repo, 'exercises/01-x/node_modules/@gradschool/kit'),
    'dir',
  );
  write(path.join(repo, 'exercises/02-y/src/y.ts'), 'export const y = "starter";');
  mkdirSync(path.join(repo, 'node_modules'), { recursive: true });
}

function exercise(id: string, files: string[]): SubmissionExercise {
  return { dir: path.join(repo, 'exercises', id), manifest: { files } };
}

beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-submission-')));
  repo = path.join(base, 'repo');
  submission = path.join(base, 'alice');
  makeRepo();
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('prepareSubmission', () => {
  it('takes only listed files, into a private copy outside the course tree; everything else is ignored', async () => {
    write(path.join(submission, 'exercises/01-x/src/main.ts'), 'export const answer = "alice";');
    write(path.join(submission, 'exercises/01-x/checks.ts'), 'export default "cheating checks";');
    write(path.join(submission, 'notes.txt'), 'hello');
    write(path.join(submission, 'node_modules/huge/index.js'), '');
    const prepared = await prepareSubmission({
      repoRoot: repo,
      submissionDir: submission,
      exercises: [exercise('01-x', ['src/main.ts', 'src/extra.ts'])],
    });
    try {
      const copy = (p: string) => readFileSync(path.join(prepared.root, p), 'utf8');
      expect(copy('exercises/01-x/src/main.ts')).toBe('export const answer = "alice";');
      // A listed file the submission lacks: the course's starter is graded in its place.
      expect(copy('exercises/01-x/src/extra.ts')).toBe('export const extra = "starter";');
      expect(prepared.taken).toEqual(['exercises/01-x/src/main.ts']);
      expect(prepared.missing).toEqual(['exercises/01-x/src/extra.ts']);
      expect(prepared.ignoredFiles).toEqual(['exercises/01-x/checks.ts', 'node_modules/', 'notes.txt']);
      expect(prepared.refused).toEqual([]);
      // Only the listed files: no checks, no solution, no links back into the course tree.
      const everything = readdirSync(prepared.root, { recursive: true }).map(String).sort();
      expect(everything).toEqual(
        [
          'exercises',
          'exercises/01-x',
          'exercises/01-x/src',
          'exercises/01-x/src/extra.ts',
          'exercises/01-x/src/main.ts',
        ]
          .map((p) => p.split('/').join(path.sep))
          .sort(),
      );
      // Outside the course tree, in a folder only this user may enter.
      expect(prepared.root.startsWith(repo)).toBe(false);
      if (process.platform !== 'win32') expect(statSync(prepared.root).mode & 0o777).toBe(0o700);
      // The repository itself is untouched.
      expect(readFileSync(path.join(repo, 'exercises/01-x/src/main.ts'), 'utf8')).toContain('starter');
      expect(existsSync(path.join(repo, '.grade'))).toBe(false);
    } finally {
      await prepared.cleanup();
    }
    expect(existsSync(prepared.root)).toBe(false);
    expect(existsSync(path.join(repo, 'packages/kit/index.js'))).toBe(true);
  });

  it('refuses symlinks, linked folders, oversized and special files, and escaping manifest paths', async () => {
    write(path.join(base, 'secret.ts'), 'export const answer = "outside";');
    mkdirSync(path.join(submission, 'exercises/01-x/src'), { recursive: true });
    symlinkSync(path.join(base, 'secret.ts'), path.join(submission, 'exercises/01-x/src/main.ts'));
    write(path.join(submission, 'exercises/01-x/src/big.ts'), 'x'.repeat(2048));
    mkdirSync(path.join(submission, 'exercises/01-x/src/dir.ts'));
    write(path.join(base, 'elsewhere/src/y.ts'), 'export const y = "linked";');
    mkdirSync(path.join(submission, 'exercises'), { recursive: true });
    symlinkSync(path.join(base, 'elsewhere'), path.join(submission, 'exercises/02-y'), 'dir');
    const prepared = await prepareSubmission({
      repoRoot: repo,
      submissionDir: submission,
      maxFileBytes: 1024,
      exercises: [
        exercise('01-x', ['src/main.ts', 'src/big.ts', 'src/dir.ts', '../../secret.ts']),
        exercise('02-y', ['src/y.ts']),
      ],
    });
    try {
      const reasons = Object.fromEntries(prepared.refused.map((r) => [r.path, r.reason.en]));
      expect(reasons['exercises/01-x/src/main.ts']).toMatch(/symbolic links are not accepted/);
      expect(reasons['exercises/01-x/src/big.ts']).toMatch(/too large: 2048 bytes \(at most 1024\)/);
      expect(reasons['exercises/01-x/src/dir.ts']).toMatch(/not a regular file/);
      expect(reasons['exercises/02-y/src/y.ts']).toMatch(/outside the submission/);
      expect(reasons['secret.ts']).toMatch(/outside the submission/);
      for (const r of prepared.refused) expect(r.reason.ko.length).toBeGreaterThan(0);
      expect(prepared.taken).toEqual([]);
      const copy = (p: string) => readFileSync(path.join(prepared.root, p), 'utf8');
      expect(copy('exercises/01-x/src/main.ts')).toContain('starter');
      expect(copy('exercises/02-y/src/y.ts')).toContain('starter');
      expect(existsSync(path.join(prepared.root, 'secret.ts'))).toBe(false);
    } finally {
      await prepared.cleanup();
    }
  });

  it('names a file or folder whose name differs only in case, and grades the starter in its place', async () => {
    write(path.join(submission, 'exercises/01-x/src/Main.ts'), 'export const answer = 42;');
    write(path.join(submission, 'exercises/02-y/Src/y.ts'), 'export const y = 1;');
    const prepared = await prepareSubmission({
      repoRoot: repo,
      submissionDir: submission,
      exercises: [exercise('01-x', ['src/main.ts']), exercise('02-y', ['src/y.ts'])],
    });
    try {
      const reasons = Object.fromEntries(prepared.refused.map((r) => [r.path, r.reason.en]));
      expect(reasons).toEqual({
        'exercises/01-x/src/main.ts': expect.stringContaining('Main.ts differs from main.ts only in case'),
        'exercises/02-y/src/y.ts': expect.stringContaining('Src differs from src only in case'),
      });
      expect(prepared.missing).toEqual([]);
      expect(readFileSync(path.join(prepared.root, 'exercises/01-x/src/main.ts'), 'utf8')).toContain(
        'starter',
      );
    } finally {
      await prepared.cleanup();
    }
  });

  it('throws a coded error for a missing submission folder, leaving nothing behind', async () => {
    const attempt = prepareSubmission({
      repoRoot: repo,
      submissionDir: path.join(base, 'nobody'),
      exercises: [],
    });
    await expect(attempt).rejects.toBeInstanceOf(GraderError);
    await expect(attempt).rejects.toMatchObject({ code: 'usage' });
    expect(existsSync(path.join(repo, '.grade'))).toBe(false);
  });
});
