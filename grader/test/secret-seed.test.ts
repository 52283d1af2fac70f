/**
 * The secret seed (`GRADE_SEED`, CI's) never shows in any output: the CLI's plain text, the JSON
 * report (`seed: null`, `seedHidden: true`), JUnit, Gradescope, the step summary and the gradebook
 * all say "secret" instead. A seed given with `--seed` is public and is shown.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import { main } from '../src/cli/main.js';
import { runBatch } from '../src/record/batch.js';
import {
  toGradescope,
  toJsonReport,
  toJUnit,
  toMarkdownSummary,
  validateJsonReport,
} from '../src/report/index.js';
import { renderPlain } from '../src/report/plain.js';
import { FIXTURES } from './helpers.js';
import { everyStatusReport, fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

const SECRET = 987654321;
const out = realpathSync(mkdtempSync(path.join(tmpdir(), 'grade-secret-')));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const secretReport = () => ({ ...everyStatusReport(), seed: SECRET, seedHidden: true as const });

describe('where the seed comes from', () => {
  it('marks GRADE_SEED as hidden and --seed as public', () => {
    expect(parseCli([], { GRADE_SEED: String(SECRET) })).toMatchObject({ seed: SECRET, seedHidden: true });
    expect(parseCli(['--seed', '7'], { GRADE_SEED: String(SECRET) })).toMatchObject({
      seed: 7,
      seedHidden: false,
    });
    expect(parseCli([], {})).toMatchObject({ seedHidden: false });
  });

  it('does not echo a malformed GRADE_SEED', () => {
    let message = '';
    try {
      parseCli([], { GRADE_SEED: '98765x' });
    } catch (error) {
      message = JSON.stringify((error as { localized: unknown }).localized);
    }
    expect(message).toContain('GRADE_SEED');
    expect(message).not.toContain('98765x');
  });
});

describe('reporters with the secret seed', () => {
  it('plain text says secret / 비공개', () => {
    for (const lang of ['ko', 'en'] as const) {
      const text = renderPlain(secretReport(), { lang, color: false });
      expect(text).not.toContain(String(SECRET));
      expect(text).toContain(lang === 'ko' ? '비공개' : 'secret');
    }
  });

  it('the JSON report has seed null and seedHidden, and stays valid', () => {
    const json = toJsonReport(secretReport(), 'en');
    expect(json).toMatchObject({ version: 1, seed: null, seedHidden: true });
    expect(validateJsonReport(json)).toEqual([]);
    expect(JSON.stringify(json)).not.toContain(String(SECRET));
    // A public seed is still a number, without the flag.
    const open = toJsonReport({ ...everyStatusReport(), seed: SECRET }, 'en');
    expect(open.seed).toBe(SECRET);
    expect(open).not.toHaveProperty('seedHidden');
  });

  it('JUnit, the step summary and Gradescope say secret', () => {
    const junit = toJUnit(secretReport(), 'en');
    expect(junit).toContain('name="seed" value="secret (GRADE_SEED)"');
    const md = toMarkdownSummary(secretReport(), 'ko');
    expect(md).toContain('비공개');
    const gs = toGradescope(secretReport(), 'en');
    expect(gs.output).toContain('secret');
    for (const text of [junit, md, JSON.stringify(gs)]) expect(text).not.toContain(String(SECRET));
  });

  it('Gradescope shows the tests after publishing only, unless told otherwise', () => {
    const gs = toGradescope(secretReport(), 'en');
    expect(gs.visibility).toBe('visible');
    expect(gs.tests.length).toBeGreaterThan(0);
    expect(new Set(gs.tests.map((t) => t.visibility))).toEqual(new Set(['after_published']));
    expect(toGradescope(secretReport(), 'en', { visibility: 'visible' }).tests[0]?.visibility).toBe(
      'visible',
    );
    expect(toGradescope(everyStatusReport(), 'en').tests[0]?.visibility).toBe('visible');
  });
});

/** Runs `main()` in-process with captured output. */
async function inProcess(args: string[], env: NodeJS.ProcessEnv) {
  let text = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  const code = await main(args, { cwd: out, env: { CI: 'true', ...env }, stdout: sink, stderr: sink });
  return { code, text };
}

describe('the CLI with GRADE_SEED', () => {
  it('prints and writes no trace of the seed', async () => {
    const files = ['r.json', 'r.xml', 'gs.json', 'summary.md'].map((f) => path.join(out, f));
    const [json, junit, gradescope, summary] = files as [string, string, string, string];
    const { code, text } = await inProcess(
      [
        '--ci',
        '--root',
        FIXTURES,
        '--lang',
        'en',
        '--json',
        json,
        '--junit',
        junit,
        '--gradescope',
        gradescope,
        '02',
      ],
      { GRADE_SEED: String(SECRET), GITHUB_STEP_SUMMARY: summary },
    );
    expect(code).toBe(1);
    expect(text).toContain('seed secret (GRADE_SEED)');
    expect(text).not.toContain(String(SECRET));
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(String(SECRET));
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ seed: null, seedHidden: true });
  });
});

describe('the gradebook with the secret seed', () => {
  it('has seed null', async () => {
    const repo = path.join(out, 'repo');
    const batch = path.join(out, 'batch');
    for (const dir of [path.join(batch, 'kim/exercises/01-x/src'), path.join(repo, 'exercises/01-x/src')]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'main.ts'), 'export {};');
    }
    const { gradebook, files } = await runBatch({
      repoRoot: repo,
      batchDir: batch,
      seed: SECRET,
      seedHidden: true,
      lang: 'en',
      engine: {
        discover: async (root) => ({
          exercises: [
            { id: '01-x', dir: path.join(root, 'exercises/01-x'), manifest: { files: ['src/main.ts'] } },
          ],
        }),
        grade: async (o) =>
          fakeReport(
            [fakeExercise({ id: '01-x', status: 'pass', checks: [fakeCheck({ id: 'c', status: 'pass' })] })],
            {
              seed: o.seed,
              ...(o.seedHidden ? { seedHidden: true } : {}),
            },
          ),
      },
    });
    expect(gradebook).toMatchObject({ seed: null, seedHidden: true });
    expect(gradebook.rows[0]).toMatchObject({ status: 'graded', report: 'reports/kim.json' });
    expect(readFileSync(files.json, 'utf8')).not.toContain(String(SECRET));
    expect(readFileSync(path.join(batch, 'reports', 'kim.json'), 'utf8')).not.toContain(String(SECRET));
  });
});
