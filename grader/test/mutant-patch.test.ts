/**
 * Mutant patches without grading: the description line, what is not a usable patch (malformed,
 * empty, another file, drifted, changing nothing), and every real `exercises/*\/mutants/*.patch`
 * applying to its solution, so a solution that drifts under its mutants fails the fast suite too.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { studentModulePath } from '../src/core/grade-exercise.js';
import {
  applyMutant,
  type MutantPatch,
  mutantDescription,
  mutantPatches,
  parseMutantPatch,
  scratchMutant,
} from '../src/dev/mutant-patch.js';
import { REPO_ROOT } from './helpers.js';

const SOLUTION = `/** Multiplies every element of \`xs\` by \`k\`. */
export function scale(xs: number[], k: number): number[] {
  return xs.map((x) => x * k);
}

/** The sum of \`xs\`. */
export function total(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
`;

const DIFF = `diff --git a/exercises/07-scale/solution/scale.ts b/exercises/07-scale/solution/scale.ts
index 5067496..f823e0e 100644
--- a/exercises/07-scale/solution/scale.ts
+++ b/exercises/07-scale/solution/scale.ts
@@ -5,5 +5,5 @@ export function scale(xs: number[], k: number): number[] {
 
 /** The sum of \`xs\`. */
 export function total(xs: number[]): number {
-  return xs.reduce((s, x) => s + x, 0);
+  return xs.reduce((s, x) => s + x, 1);
 }
`;

const scratch = mkdtempSync(path.join(tmpdir(), 'gradschool-patch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An exercise folder `07-scale` with `solution/scale.ts` = `solution`; returns the solution folder. */
function exercise(solution = SOLUTION): string {
  const dir = path.join(mkdtempSync(path.join(scratch, 'course-')), '07-scale', 'solution');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'scale.ts'), solution);
  return dir;
}

const parsed = (text: string): MutantPatch => {
  const result = parseMutantPatch(text);
  if ('problem' in result) throw new Error(`not parsed: ${result.problem.kind}`);
  return result.mutant;
};

describe('the description line', () => {
  it('is the first line of text above the diff', () => {
    expect(mutantDescription(`total starts counting at 1.\n\n${DIFF}`)).toBe('total starts counting at 1.');
    expect(mutantDescription(`\n  total starts at 1.  \nMore words.\n${DIFF}`)).toBe('total starts at 1.');
    expect(parsed(`total starts at 1.\n${DIFF}`).description).toBe('total starts at 1.');
  });

  it('is the Subject of a git format-patch mail, without its [PATCH] tag', () => {
    const mail = `From 1234 Mon Sep 17 00:00:00 2001\nFrom: A <a@b>\nSubject: [PATCH] total starts at 1\n\n---\n scale.ts | 2 +-\n\n${DIFF}`;
    expect(mutantDescription(mail)).toBe('total starts at 1');
    expect(parsed(mail).files).toHaveLength(1);
  });

  it('is empty when the diff comes first (verify says so)', () => {
    expect(mutantDescription(DIFF)).toBe('');
    expect(parsed(DIFF).description).toBe('');
  });

  it('is not taken from text after the diff', () => {
    expect(mutantDescription(`${DIFF}\ntrailing words\n`)).toBe('');
  });
});

describe('applyMutant', () => {
  it("applies a git diff to the solution's file", () => {
    const applied = applyMutant(parsed(`x\n${DIFF}`), exercise(), '07-scale');
    expect('files' in applied && applied.files.get('scale.ts')).toBe(SOLUTION.replace(', 0);', ', 1);'));
  });

  it('takes the paths git diff --no-index prints, from the exercise folder', () => {
    const noIndex = DIFF.replaceAll('a/exercises/07-scale/solution/scale.ts', 'solution/scale.ts').replaceAll(
      'b/exercises/07-scale/solution/scale.ts',
      'tmp/scale.ts',
    );
    expect('files' in applyMutant(parsed(`x\n${noIndex}`), exercise(), '07-scale')).toBe(true);
  });

  it('refuses a malformed patch, naming what is wrong', () => {
    const result = parseMutantPatch(`x\n${DIFF.replace('@@ -5,5 +5,5 @@', '@@ -5,9 +5,5 @@')}`);
    expect(result).toMatchObject({ problem: { kind: 'mutantMalformed' } });
    expect('problem' in result && result.problem.params.reason).toMatch(/line count|hunk/i);
  });

  it('refuses a patch with no hunk', () => {
    expect(parseMutantPatch('total starts at 1.\n')).toEqual({
      problem: { kind: 'mutantEmpty', params: {} },
    });
    const headersOnly = DIFF.slice(0, DIFF.indexOf('@@'));
    expect(parseMutantPatch(`x\n${headersOnly}`)).toMatchObject({ problem: { kind: 'mutantEmpty' } });
  });

  it("refuses a patch of another file, of another exercise's solution or of a new file", () => {
    for (const [from, to] of [
      ['exercises/07-scale/solution/scale.ts', 'exercises/07-scale/src/scale.ts'],
      ['exercises/07-scale/solution/scale.ts', 'exercises/08-other/solution/scale.ts'],
      ['a/exercises/07-scale/solution/scale.ts', '/dev/null'],
    ] as const) {
      const result = applyMutant(parsed(`x\n${DIFF.replaceAll(from, to)}`), exercise(), '07-scale');
      expect(result, `${from} -> ${to}`).toMatchObject({ problem: { kind: 'mutantWrongTarget' } });
    }
  });

  it('names the first hunk that no longer matches when the solution drifted (no fuzz)', () => {
    const two = `x\n${DIFF}`.replace(
      '@@ -5,5',
      '@@ -1,3 +1,3 @@\n /** Multiplies every element of `xs` by `k`. */\n export function scale(xs: number[], k: number): number[] {\n-  return xs.map((x) => x * k);\n+  return xs.map((x) => x * k * 2);\n@@ -5,5',
    );
    expect('files' in applyMutant(parsed(two), exercise(), '07-scale')).toBe(true);
    const drifted = exercise(SOLUTION.replace('(s, x) => s + x', '(sum, x) => sum + x'));
    expect(applyMutant(parsed(two), drifted, '07-scale')).toEqual({
      problem: {
        kind: 'mutantDrifted',
        params: {
          file: 'solution/scale.ts',
          hunk: '@@ -5,5 +5,5 @@ return xs.reduce((s, x) => s + x, 0);',
        },
      },
    });
    // One changed context line is enough: a hunk matches exactly or not at all.
    const context = exercise(SOLUTION.replace('/** The sum of `xs`. */', '/** The sum. */'));
    expect(applyMutant(parsed(two), context, '07-scale')).toMatchObject({
      problem: { kind: 'mutantDrifted' },
    });
  });

  it('still applies when the solution grew above the hunk (an offset, as git apply allows)', () => {
    const grown = exercise(`// A new first line.\n${SOLUTION}`);
    expect('files' in applyMutant(parsed(`x\n${DIFF}`), grown, '07-scale')).toBe(true);
  });

  it('refuses a patch that changes nothing', () => {
    const same = DIFF.replace(
      '+  return xs.reduce((s, x) => s + x, 1);',
      '+  return xs.reduce((s, x) => s + x, 0);',
    );
    expect(applyMutant(parsed(`x\n${same}`), exercise(), '07-scale')).toEqual({
      problem: { kind: 'mutantNoop', params: { solution: 'solution/scale.ts' } },
    });
  });

  it('writes the patched solution folder outside the repository, and removes it', () => {
    const solution = exercise();
    writeFileSync(path.join(solution, 'helper.ts'), 'export const two = 2;\n');
    const patch = path.join(path.dirname(solution), 'total.patch');
    writeFileSync(patch, `total starts at 1.\n\n${DIFF}`);
    const made = scratchMutant(path.dirname(solution), 'src/scale.ts', patch);
    if ('problem' in made) throw new Error(made.problem.kind);
    expect(path.relative(REPO_ROOT, made.dir).startsWith('..')).toBe(true);
    expect(made.description).toBe('total starts at 1.');
    expect(readFileSync(made.entry, 'utf8')).toContain('s + x, 1);');
    expect(readFileSync(path.join(made.dir, 'helper.ts'), 'utf8')).toContain('two');
    expect(readFileSync(path.join(solution, 'scale.ts'), 'utf8')).toBe(SOLUTION);
    made.remove();
    expect(() => readFileSync(made.entry)).toThrow();
  });
});

describe("the course's mutant patches", async () => {
  const { exercises } = await discover(REPO_ROOT);

  it('are all patches: no mutant copies (.ts) are left', () => {
    for (const ex of exercises) {
      expect(mutantPatches(ex.dir).length, ex.id).toBeGreaterThan(0);
      expect(readdirSync(path.join(ex.dir, 'mutants')).filter((f) => !f.endsWith('.patch'))).toEqual([]);
    }
  });

  for (const ex of exercises)
    it(`${ex.id}: every patch has a description and applies exactly to the solution`, () => {
      const solutionDir = path.dirname(studentModulePath(ex, { source: 'solution' }));
      const failures: string[] = [];
      for (const patch of mutantPatches(ex.dir)) {
        const name = path.basename(patch);
        const result = parseMutantPatch(readFileSync(patch, 'utf8'));
        if ('problem' in result) failures.push(`${name}: ${result.problem.kind}`);
        else if (!/^\S.{10,}$/.test(result.mutant.description)) failures.push(`${name}: no description`);
        else {
          const applied = applyMutant(result.mutant, solutionDir, path.basename(ex.dir));
          if ('problem' in applied) failures.push(`${name}: ${JSON.stringify(applied.problem)}`);
        }
      }
      expect(failures).toEqual([]);
    });
});
