/**
 * `pnpm grade`'s launcher (`bin/grade.js`), as a student starts it: the grader from its bundle
 * (`bin/bundle.mjs`), built into a cache folder of this test's own (`GRADSCHOOL_GRADER_CACHE`, a
 * folder of `grader/node_modules/.cache/`), used
 * again while the sources are unchanged, built again when one of them changes or is gone; the same
 * grades from the TypeScript sources when the cache cannot be written; and an exercise's checks,
 * bundled to be imported, still finding the files beside them through `import.meta.url`.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_EXERCISES, FIXTURES } from './helpers.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
const LAUNCHER = path.join(GRADER, 'bin', 'grade.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'gradschool-launcher-'));
/** A course of this test's own, under `grader/.grade/` (its checks resolve the grader's packages). */
const root = path.join(GRADER, '.grade', `launcher-${process.pid}`);
/** This test's bundle caches, by name (`GRADSCHOOL_GRADER_CACHE`). */
const CACHES = path.join(GRADER, 'node_modules', '.cache');
const cacheName = `gradschool-grader-test-${process.pid}`;
const unwritable = `${cacheName}-a-file`;
afterAll(() => {
  for (const folder of [scratch, root, path.join(CACHES, cacheName), path.join(CACHES, unwritable)])
    rmSync(folder, { recursive: true, force: true });
});

/** `node bin/grade.js ARGS` with the bundle cache named `cache`; its exit code, output and JSON report. */
function grade(cache: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const report = path.join(scratch, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync(process.execPath, [LAUNCHER, '--ci', '--lang', 'en', '--json', report, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', GRADSCHOOL_GRADER_CACHE: cache, ...env },
    timeout: 120_000,
  });
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    exercises: { id: string; score: number; maxScore: number }[];
  };
  return {
    code: run.status,
    stderr: run.stderr,
    scores: json.exercises.map((e) => [e.id, e.score, e.maxScore]),
  };
}

const latestOf = (cache: string) =>
  JSON.parse(readFileSync(path.join(CACHES, cache, 'latest.json'), 'utf8')) as {
    bundle: string;
    inputs: Record<string, [number, number]>;
  };
const bundlesIn = (cache: string) =>
  readdirSync(path.join(CACHES, cache)).filter((name) => name.startsWith('bundle-'));

describe('the launcher', () => {
  const cache = cacheName;
  const fixtures = ['--root', FIXTURES, '01', '02'];
  const expected = [
    ['01-passing', 5, 5],
    ['02-failing', 2, 13],
  ];

  it('builds the bundle once, grades from it, and uses it again while the sources are unchanged', () => {
    const first = grade(cache, fixtures);
    expect(first.code).toBe(1); // 02-failing fails, as `pnpm grade` says with exit code 1
    expect(first.scores).toEqual(expected);
    const { bundle, inputs } = latestOf(cache);
    expect(bundlesIn(cache)).toEqual([bundle]);
    // Built from the grader's sources and the course's libraries.
    const files = Object.keys(inputs).map((file) => path.relative(GRADER, file).split(path.sep).join('/'));
    expect(files).toEqual(expect.arrayContaining(['src/cli/main.ts', '../packages/autograd/src/index.ts']));
    const built = statSync(path.join(CACHES, cache, 'latest.json')).mtimeMs;

    const again = grade(cache, fixtures);
    expect([again.code, again.scores]).toEqual([1, expected]);
    expect(statSync(path.join(CACHES, cache, 'latest.json')).mtimeMs).toBe(built);
    expect(bundlesIn(cache)).toEqual([bundle]);
  });

  it('builds it again when a source it was built from changed or is gone', () => {
    const before = latestOf(cache);
    const [source, [size, mtime]] = Object.entries(before.inputs)[0]!;
    // What the cache remembers no longer matches the file: as if the file had been edited since.
    writeFileSync(
      path.join(CACHES, cache, 'latest.json'),
      JSON.stringify({ ...before, inputs: { ...before.inputs, [source]: [size + 1, mtime] } }),
    );
    expect(grade(cache, fixtures).scores).toEqual(expected);
    expect(latestOf(cache).inputs[source]).toEqual([size, mtime]);

    writeFileSync(
      path.join(CACHES, cache, 'latest.json'),
      JSON.stringify({
        ...before,
        inputs: { ...before.inputs, [path.join(GRADER, 'src', 'gone.ts')]: [1, 1] },
      }),
    );
    expect(grade(cache, fixtures).scores).toEqual(expected);
    expect(Object.keys(latestOf(cache).inputs)).not.toContain(path.join(GRADER, 'src', 'gone.ts'));
  });

  it('grades the same from the sources when the cache cannot be written, and says why when asked', () => {
    mkdirSync(CACHES, { recursive: true });
    writeFileSync(path.join(CACHES, unwritable), 'a file where the folder should be');
    const quiet = grade(unwritable, fixtures);
    expect([quiet.code, quiet.scores]).toEqual([1, expected]);
    expect(quiet.stderr).toBe('');
    // Asked why (`--help`: the sources start, nothing needs grading twice).
    const told = spawnSync(process.execPath, [LAUNCHER, '--help'], {
      encoding: 'utf8',
      env: { ...process.env, GRADSCHOOL_GRADER_CACHE: unwritable, GRADSCHOOL_DEBUG: '1' },
    });
    expect(told.status).toBe(0);
    expect(told.stdout).toContain('pnpm grade');
    expect(told.stderr).toContain('running from the sources');
    expect(told.stderr).toMatch(/EEXIST|ENOTDIR/);
  });

  it("bundles an exercise's checks with import.meta.url still naming the checks file", () => {
    // A copy of 01-passing whose checks read the expected sum from a file beside them.
    const dir = path.join(root, 'exercises', '01-passing');
    cpSync(path.join(FIXTURE_EXERCISES, '01-passing'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'expected.txt'), '3\n');
    const checks = path.join(dir, 'checks.ts');
    writeFileSync(
      checks,
      readFileSync(checks, 'utf8')
        .replace(
          "import type * as Student from './src/math.js';",
          [
            "import { readFileSync } from 'node:fs';",
            "import type * as Student from './src/math.js';",
            '// Read when judging, in the grader (a sandbox child can read nothing beside the checks).',
            "const sum = () => Number(readFileSync(new URL('./expected.txt', import.meta.url), 'utf8'));",
          ].join('\n'),
        )
        .replace('expectClose(got, a + b,', 'expectClose(got, sum(),'),
    );
    expect(grade(cache, ['--root', root, '01']).scores).toEqual([['01-passing', 5, 5]]);
  });

  it('imports a bundled checks file once per process, as import() does (what a suite remembers stays)', () => {
    const checks = path.join(FIXTURE_EXERCISES, '01-passing', 'checks.ts');
    const script = `
      const { cacheFolder, loadGrader } = await import(${JSON.stringify(pathToFileURL(path.join(GRADER, 'bin', 'bundle.mjs')).href)});
      const grader = await loadGrader(cacheFolder());
      const [a, b] = [await grader.importChecks(${JSON.stringify(checks)}), await grader.importChecks(${JSON.stringify(checks)})];
      console.log(JSON.stringify({ same: a === b, checks: a.default.checks.map((c) => c.id) }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      encoding: 'utf8',
      env: { ...process.env, GRADSCHOOL_GRADER_CACHE: cache },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ same: true, checks: ['add-small', 'mean-seeded'] });
  });

  it('lets graders started at once build it side by side: each grades, one bundle stays', async () => {
    const fresh = `${cacheName}-race`;
    const report = (i: number) => path.join(scratch, `race-${i}.json`);
    const runs = [0, 1, 2].map(
      (i) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            [LAUNCHER, '--ci', '--lang', 'en', '--json', report(i), ...fixtures],
            { env: { ...process.env, CI: 'true', GRADSCHOOL_GRADER_CACHE: fresh }, stdio: 'ignore' },
          );
          child.on('exit', resolve);
        }),
    );
    try {
      expect(await Promise.all(runs)).toEqual([1, 1, 1]);
      for (const i of [0, 1, 2]) {
        const json = JSON.parse(readFileSync(report(i), 'utf8')) as { exercises: { score: number }[] };
        expect(json.exercises.map((e) => e.score)).toEqual([5, 2]);
      }
      expect(bundlesIn(fresh)).toHaveLength(1);
      expect(readdirSync(path.join(CACHES, fresh)).filter((name) => name.startsWith('build-'))).toEqual([]);
    } finally {
      rmSync(path.join(CACHES, fresh), { recursive: true, force: true });
    }
  });
});
