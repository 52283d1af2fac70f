/**
 * End to end: a submission folder graded by the real core (sandbox included) on the fixture
 * exercises. Slow-ish (child processes), so only the cases that need the real thing live here.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { grade } from '../src/core/run.js';
import { DEFAULT_SEED } from '../src/core/seed.js';
import { runBatch } from '../src/record/batch.js';
import { prepareSubmission } from '../src/record/submission.js';
import { validateJsonReport } from '../src/report/schema.js';
import { exercise, FIXTURE_EXERCISES, FIXTURES } from './helpers.js';

const CORRECT = `export function add(a: number, b: number): number { return a + b; }
export function mean(xs: number[]): number { return xs.reduce((s, x) => s + x, 0) / xs.length; }
export function double(x: number): number { return 2 * x; }
export function shape(): unknown { return { rows: [1, 2] }; }
`;
/** A checks.ts a student might "fix": one check that always passes, worth everything. */
const CHEATING_CHECKS = `import { defineChecks, pass } from '@gradschool/exercise-kit';
export default defineChecks([{ id: 'free', title: { ko: '공짜', en: 'free' }, points: 100, probe: () => 0, judge: () => pass() }]);
`;
const SYNTAX_ERROR = 'export function add(a: number, b: number): number { return a + ; }\n';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'gradschool-e2e-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('a submission graded by the real core', () => {
  it('an edited checks.ts in the submission is ignored and changes nothing', async () => {
    const dir = path.join(base, 'mallory');
    const starter = readFileSync(path.join(FIXTURE_EXERCISES, '02-failing/src/math.ts'), 'utf8');
    write(path.join(dir, 'exercises/02-failing/src/math.ts'), starter);
    write(path.join(dir, 'exercises/02-failing/checks.ts'), CHEATING_CHECKS);
    const { exercises } = await discover(FIXTURES);
    const prepared = await prepareSubmission({ repoRoot: FIXTURES, submissionDir: dir, exercises });
    try {
      const options = { seed: DEFAULT_SEED, lang: 'en' as const, filters: ['02'], concurrency: 1 };
      const report = await grade({
        ...options,
        root: FIXTURES,
        studentRoot: prepared.root,
        source: 'submission',
      });
      const pristine = await grade({ ...options, root: FIXTURES, source: 'src' });
      const got = exercise(report, '02-failing');
      expect(prepared.ignoredFiles).toEqual(['exercises/02-failing/checks.ts']);
      expect(got.checks.map((c) => c.id)).not.toContain('free');
      expect(got.checks.map((c) => [c.id, c.status, c.score])).toEqual(
        exercise(pristine, '02-failing').checks.map((c) => [c.id, c.status, c.score]),
      );
      expect(got.score).toBeLessThan(got.maxScore);
    } finally {
      await prepared.cleanup();
    }
  });

  it('--typecheck checks a submission as if its file stood in the exercise (imports and module settings resolve)', async () => {
    const dir = path.join(base, 'typist');
    write(
      path.join(dir, 'exercises/02-failing/src/math.ts'),
      `import type { Localized } from '@gradschool/exercise-kit';\n${CORRECT}export const label: Localized = { ko: '', en: '' };\nexport const wrong: number = 'x';\n`,
    );
    const { exercises } = await discover(FIXTURES);
    const prepared = await prepareSubmission({ repoRoot: FIXTURES, submissionDir: dir, exercises });
    try {
      const report = await grade({
        seed: DEFAULT_SEED,
        lang: 'en',
        filters: ['02'],
        root: FIXTURES,
        studentRoot: prepared.root,
        source: 'submission',
        typecheck: true,
      });
      const message = exercise(report, '02-failing').problem?.message.en ?? '';
      // Exactly the student's own mistake: not "cannot find module", not a CommonJS complaint.
      expect(message).toContain('1 type error');
      expect(message).toContain('TS2322');
      expect(message).not.toContain('TS2307');
    } finally {
      await prepared.cleanup();
    }
  }, 60_000);

  it('batch: a good, a broken and an empty submission each get their row', async () => {
    write(path.join(base, 'class/alice/exercises/02-failing/src/math.ts'), CORRECT);
    write(path.join(base, 'class/bob/exercises/02-failing/src/math.ts'), SYNTAX_ERROR);
    write(path.join(base, 'class/carol/README.md'), 'nothing here');
    const { rows, files } = await runBatch({
      repoRoot: FIXTURES,
      batchDir: path.join(base, 'class'),
      outDir: path.join(base, 'out'),
      seed: DEFAULT_SEED,
      lang: 'en',
      concurrency: 2,
      filters: ['02'],
    });
    const row = (name: string) => rows.find((r) => r.submission === name)!;
    expect(row('alice')).toMatchObject({ status: 'graded', percent: 100 });
    expect(row('alice').score).toBe(row('alice').maxScore);
    expect(row('bob')).toMatchObject({ status: 'graded', score: 0 });
    // No exercise file: empty (with why), out of the same total, never a silent 0 of the starter.
    expect(row('carol')).toMatchObject({ status: 'empty', score: 0, maxScore: row('alice').maxScore });
    expect(row('carol').note).toContain('none of the exercise files');
    const bobReport = JSON.parse(readFileSync(path.join(base, 'out', row('bob').report!), 'utf8'));
    expect(validateJsonReport(bobReport)).toEqual([]);
    expect(bobReport.exercises[0].status).toBe('error');
    expect(readFileSync(files.csv, 'utf8')).toContain('\r\nalice,');
  });
});
