/**
 * Hidden checks, graded for real: a small course (under `grader/.grade/`, so the checks resolve the
 * kit) whose exercise has a public check and a hidden module with a helper under `checks/hidden/`.
 * A local run announces them (count, points) and runs none; `pnpm grade --submission` (the real CLI)
 * runs them; record grading from a tree without them is the course's error; `verify` counts them and
 * warns about public checks that compute the answer.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { grade } from '../src/core/run.js';
import { probesOnly } from '../src/core/sandbox-code.js';
import { verifyExercise } from '../src/dev/verify.js';
import { verifyMain } from '../src/dev/verify-cli.js';
import { toJsonReport } from '../src/report/json.js';
import { renderPlain } from '../src/report/plain.js';
import { validateJsonReport } from '../src/report/schema.js';
import { checksBundle } from '../src/sandbox/bundle.js';
import { manifest, write } from './course.js';
import { REPO_ROOT } from './helpers.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
/** `pnpm grade`'s launcher: the grader from its bundle (`bin/bundle.mjs`), as students start it. */
const CLI = path.join(GRADER, 'bin', 'grade.js');
const base = path.join(GRADER, '.grade', `hidden-${randomBytes(4).toString('hex')}`);
afterAll(() => rmSync(base, { recursive: true, force: true }));

const PUBLIC = `import { defineChecks, expectClose } from '@gradschool/exercise-kit';
import type * as Student from './src/double.js';
export default defineChecks<typeof Student>([{ id: 'small', title: { ko: '작은 수', en: 'small numbers' }, points: 5,
  input: (ctx) => 1 + (ctx.seed % 50),
  probe: (s, x) => s.double(x),
  judge: (got, x) => expectClose(got, 2 * x, { what: { ko: 'double', en: 'double' } }) }]);
`;
const HIDDEN = `import { defineChecks, expectClose } from '@gradschool/exercise-kit';
import { reference } from './checks/hidden/reference.js';
import type * as Student from './src/double.js';
export default defineChecks<typeof Student>([{ id: 'large-secret', title: { ko: '큰 수', en: 'large numbers' }, points: 3,
  input: (ctx) => 1_000_000 + (ctx.seed % 50),
  probe: (s, x) => s.double(x),
  judge: (got, x) => expectClose(got, reference(x), { what: { ko: 'double', en: 'double' } }) }]);
`;
const HELPER = 'export const reference = (x: number) => 2 * x;\n';
const STARTER =
  "import { NotImplemented } from '@gradschool/exercise-kit';\n\nexport function double(_x: number): number {\n  throw new NotImplemented('double');\n}\n";
/** A student's work, right for small numbers only: the public check passes, the hidden one fails. */
const STUDENT = 'export function double(x: number): number {\n  return x < 1000 ? 2 * x : x;\n}\n';
const SOLUTION = 'export function double(x: number): number {\n  return 2 * x;\n}\n';

/**
 * A course with `01-double` and its hidden checks (`hidden` overrides the manifest's field); its
 * `src/` holds the starter, or `src` (a student's copy).
 */
function course(
  name: string,
  {
    hidden = { checks: 'checks.hidden.ts', count: 1, points: 3 },
    src = STARTER,
  }: { hidden?: object; src?: string } = {},
): string {
  const root = path.join(base, name);
  const dir = path.join(root, 'exercises', '01-double');
  write(path.join(root, 'package.json'), '{"name":"hidden-course","private":true}\n');
  write(path.join(dir, 'exercise.json'), manifest('01-double', 1, ['src/double.ts'], { hidden }));
  write(path.join(dir, 'checks.ts'), PUBLIC);
  write(path.join(dir, 'checks.hidden.ts'), HIDDEN);
  write(path.join(dir, 'checks', 'hidden', 'reference.ts'), HELPER);
  write(path.join(dir, 'src', 'double.ts'), src);
  write(path.join(dir, 'solution', 'double.ts'), SOLUTION);
  write(path.join(dir, 'README.md'), '# double\n\n`double(x)` returns twice x.\n');
  write(
    path.join(dir, 'mutants', 'triple.patch'),
    [
      'double triples instead.',
      '',
      'diff --git a/exercises/01-double/solution/double.ts b/exercises/01-double/solution/double.ts',
      '--- a/exercises/01-double/solution/double.ts',
      '+++ b/exercises/01-double/solution/double.ts',
      '@@ -1,3 +1,3 @@',
      ' export function double(x: number): number {',
      '-  return 2 * x;',
      '+  return 3 * x;',
      ' }',
      '',
    ].join('\n'),
  );
  return root;
}

/** The real CLI, from `cwd`, with `args`; plain output in English. */
function cli(root: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', CI: 'true' };
  delete env.GRADE_SEED;
  return spawnSync(process.execPath, [CLI, '--root', root, ...args], {
    cwd: GRADER,
    env,
    encoding: 'utf8',
  });
}

describe('hidden checks', () => {
  const root = course('main');

  it('a local run announces them (count, points), runs none, and leaves them out of the maximum', async () => {
    const local = course('local', { src: STUDENT });
    const report = await grade({ root: local, seed: 12345, lang: 'en', source: 'src', concurrency: 1 });
    const [ex] = report.exercises;
    expect(ex?.checks.map((c) => c.id)).toEqual(['small']);
    expect(ex).toMatchObject({ status: 'pass', score: 5, maxScore: 5 });
    expect(ex?.hidden).toEqual({ checks: 1, points: 3, graded: false });
    const json = toJsonReport(report, 'en');
    expect(validateJsonReport(json)).toEqual([]);
    expect(json.exercises[0]?.hidden).toEqual({ checks: 1, points: 3, graded: false });
    const text = renderPlain(report, { lang: 'en', color: false });
    expect(text).toContain('🔒 1 hidden check (3 pts) runs only when your submission is graded');
    expect(text).toContain('🔒 +?/3 pts');
    // Titles and ids stay unshown: the student's copy has only the numbers.
    expect(text).not.toContain('large');
    const ko = renderPlain(report, { lang: 'ko', color: false });
    expect(ko).toContain('🔒 비공개 검사 1개 (3점)는 제출 후 채점에서만 실행됩니다');
  });

  it('pnpm grade --submission runs them, marked hidden, in the score and the maximum', () => {
    const submission = path.join(base, 'submission-main');
    write(path.join(submission, 'exercises', '01-double', 'src', 'double.ts'), STUDENT);
    const json = path.join(base, 'submission-main.json');
    const run = cli(root, ['--submission', submission, '--json', json, '--seed', '12345']);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(validateJsonReport(report)).toEqual([]);
    const [ex] = report.exercises;
    expect(
      ex.checks.map((c: { id: string; status: string; hidden?: boolean }) => [c.id, c.status, c.hidden]),
    ).toEqual([
      ['small', 'pass', undefined],
      ['large-secret', 'fail', true],
    ]);
    expect(ex).toMatchObject({ score: 5, maxScore: 8, hidden: { checks: 1, points: 3, graded: true } });
    expect(report.maxScore).toBe(8);
    expect(run.stdout).toContain('[hidden] large-secret');
    expect(run.stdout).toContain('includes 1 hidden check (0/3 pts)');
  }, 120_000);

  it('pnpm grade --batch runs them for every submission: the gradebook counts their points', () => {
    const batch = path.join(base, 'batch');
    write(path.join(batch, 'kim', 'exercises', '01-double', 'src', 'double.ts'), STUDENT);
    write(path.join(batch, 'lee', 'exercises', '01-double', 'src', 'double.ts'), SOLUTION);
    const run = cli(root, ['--batch', batch, '--seed', '12345']);
    expect(run.stdout).toMatch(/^kim: 5\/8 /m);
    expect(run.stdout).toMatch(/^lee: 8\/8 /m);
    const gradebook = JSON.parse(readFileSync(path.join(batch, 'gradebook.json'), 'utf8'));
    expect(JSON.stringify(gradebook)).toContain('"maxScore":8');
  }, 180_000);

  it('record grading from a tree without them (a student copy) is the course error, not fewer points', () => {
    const copy = course('student-copy', { src: STUDENT });
    rmSync(path.join(copy, 'exercises', '01-double', 'checks.hidden.ts'));
    const json = path.join(base, 'student-copy.json');
    const run = cli(copy, ['--submission', copy, '--json', json]);
    expect(run.status).toBe(2);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.exercises[0].problem.code).toBe('checks-load');
    expect(report.exercises[0].problem.message).toContain('The hidden checks "checks.hidden.ts"');
    expect(report.exercises[0].maxScore).toBe(8);
    // The same copy still grades locally (all public checks pass): hidden checks are announced only.
    const local = cli(copy, ['--json', json]);
    expect(local.status, local.stderr).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).exercises[0].hidden).toEqual({
      checks: 1,
      points: 3,
      graded: false,
    });
  }, 120_000);

  it('verify grades them with the rest, and fails when the manifest announces other numbers', async () => {
    const [ex] = (await discover(root)).exercises;
    const good = await verifyExercise(ex!, { root, seeds: [12345], lint: false });
    expect(good.problems).toEqual([]);
    expect(good.warnings).toEqual([]);
    const stale = course('stale', { hidden: { checks: 'checks.hidden.ts', count: 2, points: 3 } });
    const [staleEx] = (await discover(stale)).exercises;
    const result = await verifyExercise(staleEx!, { root: stale, seeds: [12345], lint: false });
    expect(result.problems.map((p) => p.kind)).toEqual(['hiddenStale']);
    expect(result.problems[0]?.message.en).toContain('announces 2 hidden checks worth 3 points');
  }, 120_000);

  it('verify warns when a public check imports solution/ or reimplements a student function', async () => {
    const leaky = course('leaky');
    const dir = path.join(leaky, 'exercises', '01-double');
    write(
      path.join(dir, 'checks', 'expected.ts'),
      "import { double as reference } from '../solution/double.js';\n" +
        'export function double(x: number): number {\n  return reference(x);\n}\n',
    );
    const [ex] = (await discover(leaky)).exercises;
    const result = await verifyExercise(ex!, { root: leaky, seeds: [12345], lint: false });
    expect(result.ok).toBe(true); // warnings do not fail
    expect(result.warnings.map((w) => [w.kind, w.where])).toEqual([
      ['publicSolutionImport', 'checks/expected.ts:1'],
      ['publicReference', 'checks/expected.ts:2'],
    ]);
    expect(result.warnings[0]?.message.en).toContain('Move this judge into the hidden checks');
    expect(result.warnings[1]?.message.ko).toContain('비공개 검사');
    // The hidden module's own reference (checks/hidden/) is where it belongs: no warning for it.
    expect(result.warnings.some((w) => w.where?.startsWith('checks/hidden'))).toBe(false);
  }, 120_000);
});

describe("the child's bundle in record grading", () => {
  it("holds the hidden checks' probes, not their judges or the reference they import", async () => {
    const [mlp] = (await discover(REPO_ROOT)).exercises.filter((e) => e.id === '04-mlp-xor');
    const withHidden = await checksBundle(mlp!.checksPath, {
      path: mlp!.hiddenChecksPath!,
      transform: probesOnly,
    });
    expect(withHidden).toContain('gradient-norms-reference');
    expect(withHidden).toContain('firstLayerGradNorm'); // the probe
    for (const secret of [
      'gradNormsOf',
      'judgeGradientNorms',
      'categoricalCrossentropy(engine.tensor(XOR_Y)',
    ])
      expect(withHidden).not.toContain(secret);
    // Its public checks keep everything (students have them anyway).
    expect(withHidden).toContain('judgeGradientVanishing');
    const local = await checksBundle(mlp!.checksPath);
    expect(local).not.toContain('gradient-norms-reference');
  }, 60_000);

  it('probesOnly removes every judge and input of the hidden module, and nothing else', () => {
    const out = probesOnly(
      "export default defineChecks([{ id: 'a', points: 1, input: (c) => c.seed, probe: (s, x) => s.f(x), judge: (g) => pass(g) }]);",
      'checks.hidden.ts',
    );
    expect(out).toContain("id: 'a'");
    expect(out).toContain('probe: (s, x) => s.f(x)');
    expect(out).not.toContain('judge');
    expect(out).not.toContain('input');
  });
});

describe('pnpm verify, the command', () => {
  const lines: string[] = [];
  const run = (args: string[]) => {
    lines.length = 0;
    const out = (line: string) => lines.push(line);
    return verifyMain(args, { LANG: 'en_US.UTF-8' }, REPO_ROOT, out, out);
  };

  it('--help prints the usage and exits 0', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(lines.join('\n')).toMatch(/^Usage: pnpm verify \[exercise id\.\.\.\]/);
  });

  it('an unknown option or a missing value exits 2 with the usage, no stack trace', async () => {
    expect(await run(['--bogus'])).toBe(2);
    expect(lines[0]).toBe('Unknown option: --bogus');
    expect(lines[1]).toMatch(/^Usage:/);
    expect(await run(['--lang'])).toBe(2);
    expect(lines[0]).toBe('The option --lang needs a value');
    expect(await run(['--lang', 'fr'])).toBe(2);
  });

  it('an id that names no exercise exits 2, naming the exercises there are', async () => {
    const known = (await discover(REPO_ROOT)).exercises.map((e) => e.id);
    expect(known.length).toBeGreaterThan(0);
    expect(await run(['99'])).toBe(2);
    expect(lines).toEqual([`✗ No exercise matches "99". The exercises: ${known.join(', ')}`]);
  });
});
