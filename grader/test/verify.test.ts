/**
 * The developer check, run for real: every exercise discovered under the repository's `exercises/`
 * must verify (solution 100% over several seeds, starter all `todo`, every mutant caught, texts in
 * both languages, README naming every export). New exercises are picked up without editing this file.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { verifyExercise } from '../src/dev/verify.js';
import { FIXTURES, REPO_ROOT } from './helpers.js';

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
    }, 300_000);
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
    expect(byKind.mutantSurvives?.where).toBe('ignores-k.ts');
    expect(byKind.readmeOmits?.where).toBe('total');
    expect(byKind.valueImportOfStudent?.where).toBe('checks.ts');
    expect(byKind.mutantNoComment?.where).toBe('ignores-k.ts');
    expect(path.basename(fixture('12-weak-checks').dir)).toBe('12-weak-checks');
  });
});
