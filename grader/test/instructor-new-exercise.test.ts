/**
 * `pnpm new-exercise`, run in a throwaway course tree whose node_modules point at this repository's
 * packages (what `pnpm install` would link): the generated exercise is valid, type-checks and passes
 * `verifyExercise` as generated; refusals write nothing; prompts and flags fill the manifest.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { mutantDescription } from '../src/dev/mutant-patch.js';
import { verifyExercise } from '../src/dev/verify.js';
import { InstructorError } from '../src/instructor/messages.js';
import { scaffoldExercise } from '../src/instructor/new-exercise.js';
import { newExerciseMain } from '../src/instructor/new-exercise-cli.js';
import { REPO_ROOT } from './helpers.js';

/**
 * A course tree with one numbered folder (`03-other`) and the repository's packages linked in, with
 * the course's settings (TypeScript, Biome).
 */
function courseTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'gradschool-new-'));
  for (const file of ['package.json', 'tsconfig.base.json', 'vitest.shared.ts', 'biome.json'])
    copyFileSync(path.join(REPO_ROOT, file), path.join(root, file));
  mkdirSync(path.join(root, 'exercises', '03-other'), { recursive: true });
  const modules = path.join(root, 'node_modules');
  mkdirSync(path.join(modules, '@gradschool'), { recursive: true });
  for (const entry of readdirSync(path.join(REPO_ROOT, 'node_modules')))
    if (!entry.startsWith('.'))
      symlinkSync(path.join(REPO_ROOT, 'node_modules', entry), path.join(modules, entry), 'junction');
  for (const pkg of ['autograd', 'exercise-kit'])
    symlinkSync(path.join(REPO_ROOT, 'packages', pkg), path.join(modules, '@gradschool', pkg), 'junction');
  return root;
}

const trees: string[] = [];
const tree = () => {
  const root = courseTree();
  trees.push(root);
  return root;
};
afterAll(() => {
  for (const root of trees) rmSync(root, { recursive: true, force: true });
});

/** Fake terminal streams: `answers` are typed one per line. */
function io(root: string, answers: string[] | null) {
  const stdin = Object.assign(new PassThrough(), { isTTY: answers !== null });
  const stdout = Object.assign(new PassThrough(), { isTTY: answers !== null });
  let text = '';
  stdout.on('data', (chunk) => {
    text += String(chunk);
    // Answer each prompt as it appears, as a person would.
    if (answers && /(\]: |: |\[Y\/n\] )$/.test(text) && answers.length > 0)
      stdin.write(`${answers.shift()}\n`);
  });
  return { io: { cwd: root, env: { LANG: 'en_US.UTF-8' }, stdin, stdout }, output: () => text };
}

describe('scaffoldExercise', () => {
  const root = tree();
  const result = scaffoldExercise({ root, name: 'dot-product' });

  it('takes the next free number and writes every part of an exercise', () => {
    expect(result.names.id).toBe('04-dot-product');
    expect(result.files).toEqual([
      'README.md',
      'checks.ts',
      'exercise.json',
      'mutants/skips-last-element.patch',
      'package.json',
      'solution/dot-product.ts',
      'src/dot-product.ts',
      'tsconfig.json',
      'vitest.config.ts',
    ]);
    const pkg = JSON.parse(readFileSync(path.join(result.dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('@gradschool/exercise-04-dot-product');
    const patch = readFileSync(path.join(result.dir, 'mutants/skips-last-element.patch'), 'utf8');
    expect(mutantDescription(patch)).toMatch(/^dot stops one element early/);
    expect(patch).toContain('diff --git a/exercises/04-dot-product/solution/dot-product.ts');
    expect(patch).toMatch(/\n-\s+for \(let i = 0; i < a\.length; i\+\+\)/);
    expect(patch).toMatch(/\n\+\s+for \(let i = 0; i < a\.length - 1; i\+\+\)/);
  });

  it('writes a mutant patch that git apply takes as it is (when git is installed)', () => {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    if (git('--version').status !== 0) return;
    const check = git('apply', '--check', path.join(result.dir, 'mutants/skips-last-element.patch'));
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('is discovered with a valid manifest', async () => {
    const found = await discover(root);
    expect(found.problems).toEqual([]);
    expect(found.exercises.map((e) => e.id)).toEqual(['04-dot-product']);
    expect(found.exercises[0]?.manifest.order).toBe(4);
  });

  it('verifies as generated: solution 100%, starter all todo, the mutant patch applied and caught', async () => {
    const [ex] = (await discover(root)).exercises;
    const verified = await verifyExercise(ex!, { root, seeds: [12345, 7] });
    expect(verified.problems.map((p) => `${p.where ?? ''} ${p.message.en}`)).toEqual([]);
    expect(verified).toMatchObject({ ok: true, mutants: 1 });
  }, 120_000);

  it("passes the linter as generated (Biome, what the exercise package's pnpm lint runs)", () => {
    const pkg = JSON.parse(readFileSync(path.join(result.dir, 'package.json'), 'utf8'));
    expect(pkg.scripts.lint).toBe('biome check .');
    const biome = createRequire(path.join(root, 'package.json')).resolve('@biomejs/biome/bin/biome');
    const run = spawnSync(process.execPath, [biome, 'check', '--colors=off', '.'], {
      cwd: result.dir,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toMatch(/Checked \d+ files?/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 120_000);

  it('type-checks under the repository settings (strict, noUncheckedIndexedAccess)', () => {
    const tsc = createRequire(path.join(REPO_ROOT, 'grader', 'package.json')).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', path.join(result.dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  it('refuses to overwrite, to reuse a number, or a malformed name, and writes nothing', () => {
    const attempt = (name: string) => {
      try {
        scaffoldExercise({ root, name });
      } catch (error) {
        return error instanceof InstructorError ? error.key : String(error);
      }
      return 'created';
    };
    expect(attempt('04-dot-product')).toBe('exists');
    expect(attempt('03-softmax')).toBe('numberTaken');
    expect(attempt('Softmax!')).toBe('badName');
    expect(readdirSync(path.join(root, 'exercises')).sort()).toEqual(['03-other', '04-dot-product']);
  });
});

describe('pnpm verify on a scaffold with mistakes', () => {
  it('fails on a type error in the solution and on a lint error, naming file and line', async () => {
    const root = tree();
    const made = scaffoldExercise({ root, name: 'dot-product' });
    const solution = path.join(made.dir, 'solution', 'dot-product.ts');
    const lines = readFileSync(solution, 'utf8').trimEnd().split('\n');
    // A type error still runs (the sandbox strips types): only the type check finds it.
    lines.push("export const label: number = 'dot';");
    writeFileSync(solution, `${lines.join('\n')}\n`);
    const typoLine = lines.length;
    // Formatted otherwise than the course's Biome settings (double quotes): a format diagnostic.
    const checks = path.join(made.dir, 'checks.ts');
    writeFileSync(checks, `${readFileSync(checks, 'utf8')}export const quoted = "double";\n`);
    const [ex] = (await discover(root)).exercises;
    const verified = await verifyExercise(ex!, { root, seeds: [12345] });
    expect(verified.ok).toBe(false);
    const byKind = (kind: string) => verified.problems.filter((p) => p.kind === kind);
    expect(byKind('typeError').map((p) => p.where)).toEqual([
      `exercises/04-dot-product/solution/dot-product.ts:${typoLine}:14`,
    ]);
    expect(byKind('typeError')[0]?.message.en).toContain(
      "TS2322: Type 'string' is not assignable to type 'number'",
    );
    expect(byKind('lintError').map((p) => p.where)).toContain('exercises/04-dot-product/checks.ts:1:1');
    // Everything else still verifies: the solution runs, the mutant is caught.
    expect(verified.problems.filter((p) => !['typeError', 'lintError'].includes(p.kind))).toEqual([]);
  }, 180_000);
});

describe('pnpm new-exercise (the command)', () => {
  it('asks for the texts on a terminal and writes the answers into the manifest', async () => {
    const root = tree();
    const fake = io(root, [
      '어텐션',
      'Attention',
      '',
      'What attention does',
      '',
      '',
      'Attention, Softmax',
      'y',
    ]);
    const code = await newExerciseMain(['07-attention'], fake.io);
    expect(code).toBe(0);
    const manifest = JSON.parse(
      readFileSync(path.join(root, 'exercises/07-attention/exercise.json'), 'utf8'),
    );
    expect(manifest.title).toEqual({ ko: '어텐션', en: 'Attention' });
    expect(manifest.summary.en).toBe('What attention does');
    expect(manifest.summary.ko).toMatch(/\S/);
    expect(manifest.lecture.slides).toEqual(['Attention', 'Softmax']);
    expect(fake.output()).toContain('pnpm verify 07-attention');
  });

  it('writes nothing when the answer to "Create it?" is no', async () => {
    const root = tree();
    const fake = io(root, ['', '', '', '', '', '', '', 'n']);
    expect(await newExerciseMain(['attention'], fake.io)).toBe(1);
    expect(existsSync(path.join(root, 'exercises/04-attention'))).toBe(false);
  });

  it('takes flags without a terminal, and exits 2 with the reason on a refusal', async () => {
    const root = tree();
    const flags = [
      '--title-ko',
      '경사 하강',
      '--title-en',
      'Gradient descent',
      '--slides',
      'Gradient Descent',
    ];
    const first = io(root, null);
    expect(await newExerciseMain(['gd', ...flags], first.io)).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(root, 'exercises/04-gd/exercise.json'), 'utf8'));
    expect(manifest.title).toEqual({ ko: '경사 하강', en: 'Gradient descent' });
    expect(manifest.lecture.slides).toEqual(['Gradient Descent']);
    const again = io(root, null);
    expect(await newExerciseMain(['04-gd'], again.io)).toBe(2);
    expect(again.output()).toContain('exercises/04-gd already exists');
  });
});
