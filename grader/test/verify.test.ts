/**
 * The developer check, run for real: every exercise discovered under the repository's `exercises/`
 * must verify (solution 100% over several seeds, starter all `todo`, every mutant caught, texts in
 * both languages, README naming every export). New exercises are picked up without editing this file.
 * Its type check is tested here too: it reuses what the course's checks parsed (the same libraries).
 */
import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { typeErrorsOf } from '../src/dev/exercise-lint.js';
import { verifyExercise } from '../src/dev/verify.js';
import { manifest, write } from './course.js';
import { FIXTURE_EXERCISES, FIXTURES, REPO_ROOT } from './helpers.js';

const course = await discover(REPO_ROOT);
const fixtures = await discover(FIXTURES);
const fixture = (id: string) => {
  const ex = fixtures.exercises.find((e) => e.id === id);
  if (!ex) throw new Error(`fixture ${id} missing`);
  return ex;
};

describe('the course exercises', () => {
  it('have valid manifests', () => {
    expect(course.problems.map((p) => `${p.file} (${p.field}): ${p.message.en}`)).toEqual([]);
  });

  for (const ex of course.exercises) {
    it(`${ex.id} verifies`, async () => {
      const result = await verifyExercise(ex, { root: REPO_ROOT });
      expect(result.problems.map((p) => `${p.where ?? ''} ${p.message.en}`)).toEqual([]);
      expect(result.ok).toBe(true);
      // 07-cnn trains a convnet per solution seed and per surviving mutant: 8 min at load 20–28.
    }, 900_000);
  }
});

describe('verifyExercise on fixtures', () => {
  it('accepts a complete exercise', async () => {
    const result = await verifyExercise(fixture('10-verified'), { root: FIXTURES, seeds: [12345, 1] });
    expect(result).toMatchObject({ id: '10-verified', ok: true, problems: [], mutants: 2 });
  });

  it('names each problem of an incomplete one', async () => {
    const result = await verifyExercise(fixture('01-passing'), { root: FIXTURES, seeds: [12345] });
    expect(result.ok).toBe(false);
    const kinds = result.problems.map((p) => p.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['noSolution', 'readmeMissing', 'noMutants', 'starterNotTodo', 'starterScores']),
    );
    const notTodo = result.problems.find((p) => p.kind === 'starterNotTodo');
    expect(notTodo?.where).toBe('add-small');
    expect(notTodo?.message.ko).toContain('add-small');
    expect(notTodo?.message.en).toContain('is pass, not todo');
  });

  it('catches a mutant that survives, a README that omits an export, and checks importing the student file', async () => {
    const result = await verifyExercise(fixture('12-weak-checks'), { root: FIXTURES, seeds: [12345] });
    const byKind = Object.fromEntries(result.problems.map((p) => [p.kind, p]));
    expect(byKind.mutantSurvives?.where).toBe('ignores-k.patch');
    expect(byKind.readmeOmits?.where).toBe('total');
    expect(byKind.valueImportOfStudent?.where).toBe('checks.ts');
    // A patch without its description line is still graded (it survives, above), and named.
    expect(byKind.mutantNoDescription?.where).toBe('ignores-k.patch');
    expect(byKind.mutantNoDescription?.message.en).toContain(
      'exercises/12-weak-checks/mutants/ignores-k.patch',
    );
    expect(path.basename(fixture('12-weak-checks').dir)).toBe('12-weak-checks');
  });
});

describe('verifyExercise on mutant patches that cannot be used', () => {
  // A copy of 10-verified under grader/.grade/ (gitignored; the checks' imports resolve from there),
  // whose solution then changes under one patch, with a malformed, an empty-handed and a stray one.
  const root = path.join(
    fileURLToPath(new URL('..', import.meta.url)),
    '.grade',
    `verify-${randomBytes(4).toString('hex')}`,
  );
  const dir = path.join(root, 'exercises', '10-verified');
  const mutants = path.join(dir, 'mutants');
  let result: Awaited<ReturnType<typeof verifyExercise>>;
  const byWhere = (where: string) => result.problems.filter((p) => p.where === where);

  beforeAll(async () => {
    cpSync(path.join(FIXTURE_EXERCISES, '10-verified'), dir, { recursive: true });
    const solution = path.join(dir, 'solution', 'scale.ts');
    writeFileSync(solution, readFileSync(solution, 'utf8').replace('(s, x) => s + x', '(sum, x) => sum + x'));
    const good = readFileSync(path.join(mutants, 'forgets-last.patch'), 'utf8');
    writeFileSync(path.join(mutants, 'malformed.patch'), good.replace('@@ -1,6 +1,6 @@', '@@ -1,9 +1,6 @@'));
    writeFileSync(
      path.join(mutants, 'no-op.patch'),
      good.replace('+  return xs.slice(0, -1).map((x) => x * k);', '+  return xs.map((x) => x * k);'),
    );
    writeFileSync(
      path.join(mutants, 'other-file.patch'),
      good.replaceAll('/solution/scale.ts', '/src/scale.ts'),
    );
    writeFileSync(
      path.join(mutants, 'syntax-error.patch'),
      good.replace('.map((x) => x * k);\n }', '.map((x) => x * k;\n }'),
    );
    writeFileSync(path.join(mutants, 'old-copy.ts'), 'export const scale = () => [];\n');
    const ex = (await discover(root)).exercises.find((e) => e.id === '10-verified');
    if (!ex) throw new Error('the copied exercise is missing');
    result = await verifyExercise(ex, { root, seeds: [12345] });
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails loudly on a patch that no longer applies, naming the file, the hunk and what to do', () => {
    expect(result.ok).toBe(false);
    const [drifted, ...more] = byWhere('total-starts-at-one.patch');
    expect(more).toEqual([]);
    expect(drifted?.kind).toBe('mutantDrifted');
    expect(drifted?.message.en).toContain('exercises/10-verified/mutants/total-starts-at-one.patch');
    expect(drifted?.message.en).toContain('@@ -5,5 +5,5 @@ return xs.reduce((s, x) => s + x, 0);');
    expect(drifted?.message.en).toContain('regenerate the patch with git diff');
    expect(drifted?.message.ko).toContain('@@ -5,5 +5,5 @@');
    expect(drifted?.message.ko).toContain('git diff 로 패치를 다시 만드세요');
  });

  it('names a malformed patch, one that changes nothing, one of another file and a stray .ts copy', () => {
    expect(byWhere('malformed.patch').map((p) => p.kind)).toEqual(['mutantMalformed']);
    expect(byWhere('no-op.patch').map((p) => p.kind)).toEqual(['mutantNoop']);
    expect(byWhere('other-file.patch').map((p) => p.kind)).toEqual(['mutantWrongTarget']);
    expect(byWhere('other-file.patch')[0]?.message.en).toContain('src/scale.ts');
    expect(byWhere('old-copy.ts').map((p) => p.kind)).toEqual(['mutantNotPatch']);
  });

  it('names a mutant that does not load (it would lose every point without testing the checks)', () => {
    const [broken, ...more] = byWhere('syntax-error.patch');
    expect(more).toEqual([]);
    expect(broken?.kind).toBe('mutantBroken');
    expect(broken?.message.en).toContain(
      'exercises/10-verified/mutants/syntax-error.patch does not even load',
    );
    expect(broken?.message.ko).toContain('syntax-error.patch는 불러오지도 못해서');
  });

  it('still grades the patches that apply, and the solution, as usual', () => {
    expect(byWhere('forgets-last.patch')).toEqual([]);
    expect(result.mutants).toBe(6);
    expect(result.problems).toHaveLength(6);
  });
});

/**
 * The type check (`typeErrorsOf`): the compiler's errors in the exercise's own files, none of the
 * files they import from elsewhere, and always from the files as they are now — it reuses what
 * earlier programs parsed, so a file changed between two checks must be read anew.
 */
describe('the type check of verify', () => {
  // Under grader/.grade/ (gitignored), so the checks' imports resolve from the grader's node_modules.
  const lintRoot = path.join(
    fileURLToPath(new URL('..', import.meta.url)),
    '.grade',
    `lint-${randomBytes(4).toString('hex')}`,
  );
  const lintDir = path.join(lintRoot, 'exercises', '01-twice');
  const solution = path.join(lintDir, 'solution', 'twice.ts');
  const RIGHT = 'export function twice(x: number): number {\n  return 2 * x;\n}\n';

  write(path.join(lintRoot, 'package.json'), '{ "private": true, "type": "module" }\n');
  write(path.join(lintDir, 'exercise.json'), manifest('01-twice', 1, ['src/twice.ts']));
  write(
    path.join(lintDir, 'checks.ts'),
    `import { defineChecks, expectClose } from '@gradschool/exercise-kit';
import type * as Student from './src/twice.js';
export default defineChecks<typeof Student>([{ id: 'twice', title: { ko: '두 배', en: 'twice' }, points: 1,
  input: (ctx) => ctx.seed % 10,
  probe: (s, x: number) => s.twice(x),
  judge: (got, x: number) => expectClose(got, 2 * x, { what: { ko: 'x', en: 'x' } }) }]);
`,
  );
  write(path.join(lintDir, 'src', 'twice.ts'), RIGHT);
  write(solution, RIGHT);
  // A helper outside the exercise, with an error of its own, that the solution imports.
  write(path.join(lintRoot, 'shared', 'helper.ts'), "export const helper: number = 'not a number';\n");
  afterAll(() => rmSync(lintRoot, { recursive: true, force: true }));

  const typeErrors = async () => {
    const [ex] = (await discover(lintRoot)).exercises;
    if (!ex) throw new Error('the exercise is missing');
    return typeErrorsOf(ex, lintRoot);
  };

  it('names an error in the exercise with its place, and none of an imported file outside it', async () => {
    write(
      solution,
      `import { helper } from '../../../shared/helper.js';\n${RIGHT}export const label: number = 'x' + helper;\n`,
    );
    expect(await typeErrors()).toEqual([
      {
        file: 'exercises/01-twice/solution/twice.ts',
        line: 5,
        column: 14,
        text: "TS2322: Type 'string' is not assignable to type 'number'.",
      },
    ]);
  });

  it('reads a file changed since the last check: the error fixed, then another one made', async () => {
    write(solution, RIGHT);
    expect(await typeErrors()).toEqual([]);
    write(solution, RIGHT.replace('return 2 * x;', "return 'twice';"));
    expect(await typeErrors()).toEqual([
      expect.objectContaining({ file: 'exercises/01-twice/solution/twice.ts', line: 2 }),
    ]);
  });
});
