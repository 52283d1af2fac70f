import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BatchEngine, runBatch } from '../src/record/batch.js';
import { csvCell } from '../src/report/gradebook.js';
import { validateJsonReport } from '../src/report/schema.js';
import { fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

let base: string;
let repo: string;
let batch: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * A stand-in for the core: it "grades" by reading the student file from the prepared copy, so the
 * test sees exactly what the copy holds. `crash` in the file makes it throw like a grader bug would.
 */
const engine: BatchEngine = {
  discover: async (root) => ({
    exercises: ['01-x', '02-y'].map((id) => ({
      id,
      dir: path.join(root, 'exercises', id),
      manifest: { files: ['src/main.ts'] },
    })),
  }),
  grade: async ({ studentRoot, seed }) => {
    const exercises = ['01-x', '02-y'].map((id) => {
      const code = readFileSync(path.join(studentRoot, 'exercises', id, 'src/main.ts'), 'utf8');
      if (code.includes('crash')) throw new Error(`grader exploded on ${id}`);
      const solved = code.includes('solved');
      return fakeExercise({
        id,
        status: solved ? 'pass' : 'todo',
        checks: [fakeCheck({ id: 'c', status: solved ? 'pass' : 'todo' })],
      });
    });
    return fakeReport(exercises, { seed, source: 'submission' });
  },
};

beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-batch-')));
  repo = path.join(base, 'repo');
  batch = path.join(base, 'class');
  for (const id of ['01-x', '02-y']) write(path.join(repo, 'exercises', id, 'src/main.ts'), 'starter');
  write(path.join(batch, 'alice/exercises/01-x/src/main.ts'), 'solved');
  write(path.join(batch, 'alice/exercises/02-y/src/main.ts'), 'solved');
  write(path.join(batch, 'bob/readme.txt'), 'I forgot the exercises folder');
  write(path.join(batch, 'carol/exercises/02-y/src/main.ts'), 'crash');
  write(path.join(batch, '=cmd|calc/exercises/01-x/src/main.ts'), 'solved');
  write(path.join(batch, 'stray-file.txt'), 'not a submission');
  write(path.join(batch, '.hidden/exercises/01-x/src/main.ts'), 'solved');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('runBatch', () => {
  it('grades every submission folder; a broken one never stops the batch', async () => {
    const done: string[] = [];
    const { rows, files } = await runBatch({
      repoRoot: repo,
      batchDir: batch,
      seed: 7,
      lang: 'en',
      concurrency: 2,
      engine,
      onSubmissionDone: (row) => done.push(row.submission),
    });
    expect(rows.map((r) => r.submission)).toEqual(['=cmd|calc', 'alice', 'bob', 'carol']);
    expect(done.sort()).toEqual(['=cmd|calc', 'alice', 'bob', 'carol']);
    const row = (name: string) => rows.find((r) => r.submission === name)!;
    expect(row('alice')).toMatchObject({ status: 'graded', score: 4, maxScore: 4, percent: 100 });
    expect(row('alice').exercises).toEqual({ '01-x': 2, '02-y': 2 });
    // No exercise file at all: recorded as empty (with why), never as a silent 0 of the starter.
    expect(row('bob')).toMatchObject({ status: 'empty', score: 0, maxScore: 4, ignoredFiles: 1 });
    expect(row('bob').note).toContain('none of the exercise files');
    expect(row('carol')).toMatchObject({ status: 'failed', score: 0, maxScore: 4 });
    expect(row('carol').error).toContain('grader exploded on 02-y');
    expect(row('=cmd|calc').score).toBe(2);

    const csv = readFileSync(files.csv, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'submission,student_id,name,01-x,02-y,total,max,percent,status,commit,committed_at,note,error',
    );
    expect(lines[1]).toBe('(max),,,2,2,4,4,100');
    expect(lines).toContain('alice,,,2,2,4,4,100,graded,,,,');
    expect(lines).toContain("'=cmd|calc,,,2,0,2,4,50,graded,,,,");
    expect(lines.find((l) => l.startsWith('carol,'))).toMatch(/^carol,,,0,0,0,4,0,failed,,,,/);
    expect(lines.find((l) => l.startsWith('bob,'))).toMatch(
      /^bob,,,0,0,0,4,0,empty,,,"?The submission holds none/,
    );

    const book = JSON.parse(readFileSync(files.json, 'utf8'));
    expect(book).toMatchObject({ version: 1, seed: 7, lang: 'en' });
    expect(book.exercises.map((e: { id: string }) => e.id)).toEqual(['01-x', '02-y']);
    expect(book.rows).toHaveLength(4);

    const aliceReport = JSON.parse(readFileSync(path.join(batch, row('alice').report!), 'utf8'));
    expect(validateJsonReport(aliceReport)).toEqual([]);
    const bobReport = JSON.parse(readFileSync(path.join(batch, row('bob').report!), 'utf8'));
    expect(bobReport.ignoredFiles).toEqual(['readme.txt']);
    // Every temporary copy is gone.
    expect(readdirNames(path.join(repo, '.grade', 'tmp'))).toEqual([]);
  });

  it('writes to outDir when given, and refuses an empty batch folder', async () => {
    const out = path.join(base, 'out');
    const { files } = await runBatch({
      repoRoot: repo,
      batchDir: batch,
      seed: 1,
      lang: 'ko',
      engine,
      outDir: out,
    });
    expect(files.csv).toBe(path.join(out, 'gradebook.csv'));
    expect(readFileSync(files.csv, 'utf8').startsWith('\uFEFFsubmission,')).toBe(true);
    mkdirSync(path.join(base, 'empty'));
    await expect(
      runBatch({ repoRoot: repo, batchDir: path.join(base, 'empty'), seed: 1, lang: 'ko', engine }),
    ).rejects.toMatchObject({ code: 'usage' });
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell(-3)).toBe('-3');
  });
});

function readdirNames(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}
