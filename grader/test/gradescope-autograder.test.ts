/**
 * `pnpm export-gradescope` end to end on this machine: the zip is unzipped into a simulated
 * `/autograder` root (`GRADSCHOOL_AUTOGRADER_ROOT`), `setup.sh` runs its offline part (the course's
 * install from pnpm's store; Node and pnpm are this machine's), and `run_autograder` grades a correct,
 * a partial, a broken and an empty submission, and one uploaded as a zip of a folder (one extra
 * top folder). Every `results.json` is checked against Gradescope's documented format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/), and its points against the
 * course's own.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { exportGradescope } from '../src/instructor/export-gradescope.js';
import { exportGradescopeMain } from '../src/instructor/export-gradescope-cli.js';
import { write } from './course.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = '211106232532992';
const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;

/** Gradescope's results.json, as its specification documents it (what a result must and may hold). */
const VISIBILITY = { enum: ['hidden', 'after_due_date', 'after_published', 'visible'] };
const FORMAT = { enum: ['text', 'html', 'simple_format', 'md', 'ansi'] };
const RESULTS_SCHEMA = {
  type: 'object',
  required: ['score', 'stdout_visibility', 'tests'],
  additionalProperties: false,
  properties: {
    score: { type: 'number', minimum: 0 },
    max_score: { type: 'number', minimum: 0 },
    execution_time: { type: 'number', minimum: 0 },
    output: { type: 'string' },
    output_format: FORMAT,
    test_output_format: FORMAT,
    test_name_format: FORMAT,
    visibility: VISIBILITY,
    stdout_visibility: VISIBILITY,
    extra_data: { type: 'object' },
    leaderboard: { type: 'array' },
    tests: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'score', 'max_score', 'output', 'visibility'],
        additionalProperties: false,
        properties: {
          score: { type: 'number', minimum: 0 },
          max_score: { type: 'number', minimum: 0 },
          status: { enum: ['passed', 'failed'] },
          name: { type: 'string', minLength: 1 },
          name_format: FORMAT,
          number: { type: 'string' },
          output: { type: 'string' },
          output_format: FORMAT,
          tags: { type: 'array', items: { type: 'string' } },
          visibility: VISIBILITY,
          extra_data: { type: 'object' },
        },
      },
    },
  },
} as const;
const validate = new Ajv({ allErrors: true }).compile(RESULTS_SCHEMA);

interface Results {
  score: number;
  max_score: number;
  output: string;
  stdout_visibility: string;
  tests: {
    name: string;
    score: number;
    max_score: number;
    output: string;
    visibility: string;
    tags: string[];
    status: string;
  }[];
}

/** Exercises this file removes from the exported course (see `beforeAll`). */
const LECTURE_4 = ['06-mnist', '07-cnn'];

let base: string;
let autograder: string;
let exercises: { id: string; dir: string; files: string[] }[];

beforeAll(async () => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-gradescope-test-')));
  autograder = path.join(base, 'autograder');
  exercises = (await discover(ROOT)).exercises
    .filter((e) => !LECTURE_4.includes(e.id))
    .map((e) => ({
      id: e.id,
      dir: e.dir,
      files: e.manifest.files,
    }));
  if (!unzip) return;
  await exportGradescope({ root: ROOT, outFile: path.join(base, 'autograder.zip'), lang: 'en', seed: SEED });
  mkdirSync(path.join(autograder, 'source'), { recursive: true });
  const unzipped = spawnSync('unzip', [
    '-q',
    path.join(base, 'autograder.zip'),
    '-d',
    path.join(autograder, 'source'),
  ]);
  expect(unzipped.status).toBe(0);
  // Lecture 4's exercises train networks on MNIST for tens of seconds a grading: graded in every
  // scenario below they would make this file minutes longer while testing nothing the five lecture-3
  // exercises do not (the autograder is the same for any exercise). They are left out of the course.
  for (const id of LECTURE_4)
    rmSync(path.join(autograder, 'source/course/exercises', id), { recursive: true });
  // Gradescope copies run_autograder to /autograder/run_autograder when it builds the image.
  cpSync(path.join(autograder, 'source/run_autograder'), path.join(autograder, 'run_autograder'));
  const setup = spawnSync('bash', [path.join(autograder, 'source/setup.sh')], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GRADSCHOOL_AUTOGRADER_ROOT: autograder,
      GRADSCHOOL_SETUP_OFFLINE: '1',
    },
    encoding: 'utf8',
  });
  expect(setup.stderr + setup.stdout).not.toMatch(/ERR_PNPM/);
  expect(setup.status).toBe(0);
}, 300_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Empties /autograder/submission, lets `fill` put the upload there, runs run_autograder, reads results.json. */
function submit(
  fill: (submission: string) => void,
  env: NodeJS.ProcessEnv = {},
): { results: Results; stdout: string } {
  const submission = path.join(autograder, 'submission');
  rmSync(submission, { recursive: true, force: true });
  mkdirSync(submission, { recursive: true });
  fill(submission);
  const run = spawnSync(path.join(autograder, 'run_autograder'), [], {
    // What Gradescope's harness gives it: no GRADE_SEED, no CI; the root is /autograder there.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GRADSCHOOL_AUTOGRADER_ROOT: autograder, ...env },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  const text = readFileSync(path.join(autograder, 'results/results.json'), 'utf8');
  const results = JSON.parse(text) as Results;
  expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
  // The secret seed is never in what students see.
  expect(text).not.toContain(SEED);
  return { results, stdout: run.stdout };
}

/** The reference solution of `ids` (every exercise when absent) in the exercises/... layout under `dir`. */
function solutions(dir: string, ids?: string[]): void {
  for (const ex of exercises) {
    if (ids && !ids.includes(ex.id)) continue;
    for (const file of ex.files)
      cpSync(path.join(ex.dir, 'solution', path.basename(file)), path.join(dir, 'exercises', ex.id, file));
  }
}

const pointsOf = (results: Results, id: string) =>
  results.tests
    .filter((t) => t.tags[0] === id)
    .reduce((sum, t) => ({ score: sum.score + t.score, max: sum.max + t.max_score }), { score: 0, max: 0 });

describe.skipIf(!unzip)('the Gradescope autograder (export-gradescope)', () => {
  it('holds setup.sh and run_autograder at its root (executable, valid bash), the seed, and the course without answers', () => {
    const source = path.join(autograder, 'source');
    for (const script of ['setup.sh', 'run_autograder']) {
      expect(statSync(path.join(source, script)).mode & 0o111).not.toBe(0);
      expect(spawnSync('bash', ['-n', path.join(source, script)]).status).toBe(0);
    }
    expect(readFileSync(path.join(source, 'grade-seed'), 'utf8').trim()).toBe(SEED);
    expect(statSync(path.join(source, 'grade-seed')).mode & 0o077).toBe(0);
    const listing = spawnSync('unzip', ['-Z1', path.join(base, 'autograder.zip')], {
      encoding: 'utf8',
    }).stdout.split('\n');
    expect(listing.filter((f) => /\/(solution|mutants)\//.test(f) || f.endsWith('.patch'))).toEqual([]);
    // Record grading needs the hidden checks.
    expect(listing).toContain('course/exercises/04-mlp-xor/checks.hidden.ts');
    expect(readdirSync(path.join(source, 'course', 'node_modules')).length).toBeGreaterThan(0);
  });

  it('gives a correct submission every point, hidden checks included, visible after publishing', () => {
    const { results } = submit((dir) => solutions(dir));
    expect(results.max_score).toBeGreaterThan(0);
    expect(results.score).toBe(results.max_score);
    expect(results.tests.every((t) => t.status === 'passed')).toBe(true);
    expect(
      results.tests.some((t) => t.name.includes('[hidden]') || t.tags.includes('gradient-norms-reference')),
    ).toBe(true);
    expect(results.tests.every((t) => t.visibility === 'after_published')).toBe(true);
    expect(results.stdout_visibility).toBe('hidden');
    expect(results.output).toContain('secret (GRADE_SEED)');
  }, 300_000);

  it('gives a partial submission the points of what it did, and 0 for the rest', () => {
    const done = exercises.slice(0, 2).map((e) => e.id);
    const { results } = submit((dir) => solutions(dir, done));
    const expected = done.reduce((sum, id) => sum + pointsOf(results, id).max, 0);
    expect(expected).toBeGreaterThan(0);
    expect(results.score).toBe(expected);
    expect(results.score).toBeLessThan(results.max_score);
    for (const ex of exercises.slice(2)) expect(pointsOf(results, ex.id).score).toBe(0);
  }, 300_000);

  it("shows a broken file as that exercise's error, and grades the others", () => {
    const broken = exercises[2]!;
    const { results } = submit((dir) => {
      solutions(dir);
      write(path.join(dir, 'exercises', broken.id, broken.files[0]!), 'export function oops( {\n');
    });
    const lost = pointsOf(results, broken.id);
    expect(lost.score).toBe(0);
    expect(results.score).toBe(results.max_score - lost.max);
    const test = results.tests.find((t) => t.tags[0] === broken.id)!;
    expect(test.output).toMatch(/syntax error/i);
  }, 300_000);

  it('records an empty submission as empty, with a message, not as a silent 0', () => {
    const { results } = submit(() => {});
    expect(results.score).toBe(0);
    expect(results.tests).toEqual([]);
    expect(results.output).toContain('The submission folder is empty');
  }, 120_000);

  it('grades a zip of a folder (one extra top folder) like the folder itself', () => {
    const { results } = submit((dir) => solutions(path.join(dir, 'my-homework')));
    expect(results.score).toBe(results.max_score);
  }, 300_000);

  it('still writes a results.json, saying so, when the grader cannot start', () => {
    // A `node` that fails first on PATH: what a broken image would do.
    const bin = path.join(base, 'broken-bin');
    write(path.join(bin, 'node'), '#!/bin/sh\nexit 1\n');
    chmodSync(path.join(bin, 'node'), 0o755);
    const { results } = submit(() => {}, { PATH: `${bin}:${process.env.PATH}` });
    expect(results.score).toBe(0);
    expect(results.output).toContain('The grader could not run');
  }, 60_000);
});

describe('pnpm export-gradescope (the command)', () => {
  it('prints the usage and exits 2 without a .zip, refuses a malformed GRADE_SEED without showing it', async () => {
    let out = '';
    const io = { cwd: base, env: { LANG: 'en_US.UTF-8' }, out: (t: string) => (out += t) };
    expect(await exportGradescopeMain([], io)).toBe(2);
    expect(out).toContain('Usage: pnpm export-gradescope <FILE.zip>');
    out = '';
    expect(await exportGradescopeMain(['autograder.tar'], io)).toBe(2);
    expect(out).toContain('Usage: pnpm export-gradescope');
    out = '';
    const bad = { ...io, env: { ...io.env, GRADE_SEED: 'hunter2-secret' } };
    expect(await exportGradescopeMain(['x.zip', '--root', ROOT], bad)).toBe(2);
    expect(out).toContain('GRADE_SEED is not a non-negative integer');
    expect(out).not.toContain('hunter2');
  });
});
