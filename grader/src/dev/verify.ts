/**
 * The developer check for exercise authors (rustlings' `dev check`): proves that an exercise is
 * gradeable before students see it.
 * - the reference solution scores 100% under several seeds;
 * - the starter scores 0, every check `todo`, nothing crashing;
 * - every mutant (`mutants/*.patch`, a diff applied to a scratch copy of the solution and swapped in
 *   for the student file) applies exactly and loses points (`mutant-patch.ts` has the format);
 * - every student-facing string has Korean and English, every check has points;
 * - the README mentions every export of the student file;
 * - `checks.ts` never imports the student's file as a value (student code would run in the grader);
 * - the hidden checks (the manifest's `hidden`) are there, as many and worth as many points as the
 *   manifest announces; they are graded with the rest (solution, starter, mutants);
 * - every file of the exercise type-checks (`tsc` with its tsconfig) and passes the linter (Biome);
 * - warnings, which do not fail: a public check file that computes the answer itself (imports from
 *   `solution/`, or a function named as a student export), with the advice to hide it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
import type { LoadedExercise } from '../core/discover.js';
import { gradeExercise, studentModulePath } from '../core/grade-exercise.js';
import { DEFAULT_SEED } from '../core/seed.js';
import { loadExerciseSuite } from '../core/suite.js';
import type { ExerciseResult } from '../core/types.js';
import { both, type MessageKey, type Params, t } from '../i18n/index.js';
import { lintErrorsOf, typeErrorsOf } from './exercise-lint.js';
import { mutantPatches, scratchMutant } from './mutant-patch.js';
import { exportedNames, referenceSigns, valueImportsOf } from './source-facts.js';

/** One thing wrong with an exercise. */
export interface VerifyProblem {
  /** What kind of problem (the catalog key without `core.verify.`), e.g. `mutantSurvives`. */
  kind: string;
  /** The check or file it is about, when there is one. */
  where?: string;
  message: Localized;
}

export interface VerifyResult {
  id: string;
  ok: boolean;
  problems: VerifyProblem[];
  /** What is worth a look but does not fail the exercise (a public judge holding the answer). */
  warnings: VerifyProblem[];
  /** Mutants tried. */
  mutants: number;
}

export interface VerifyOptions {
  /** The repository root (for paths in messages). */
  root: string;
  /** Seeds the solution must score 100% under (default: the public seed and two more). */
  seeds?: number[];
  /** Run the type checker and the linter on the exercise (default true). */
  lint?: boolean;
}

/** Seeds the reference solution is graded with: the public one and two others. */
export const VERIFY_SEEDS = [DEFAULT_SEED, 1, 20260328];

const problem = (
  kind: string,
  key: MessageKey,
  params?: Params,
  where?: string,
  inner?: Localized,
): VerifyProblem => ({
  kind,
  // `inner` is a message of the graded run, shown in the same language as the problem around it.
  message: inner
    ? {
        ko: t(key, 'ko', { ...params, message: inner.ko }),
        en: t(key, 'en', { ...params, message: inner.en }),
      }
    : both(key, params),
  ...(where ? { where } : {}),
});

/** Every `Localized` must have both languages, non-blank. */
function checkLocalized(where: string, text: Localized | undefined, out: VerifyProblem[]): void {
  for (const lang of ['ko', 'en'] as const) {
    if (!text || typeof text[lang] !== 'string' || text[lang].trim() === '')
      out.push(problem('missingLanguage', 'core.verify.missingLanguage', { where, lang }, where));
  }
}

/** Problems that need no run: texts, points, README, stray mutant copies, how checks import the student. */
async function staticProblems(ex: LoadedExercise): Promise<{ problems: VerifyProblem[]; mutants: string[] }> {
  const out: VerifyProblem[] = [];
  const m = ex.manifest;
  checkLocalized('title', m.title, out);
  checkLocalized('summary', m.summary, out);
  checkLocalized('lecture.section', m.lecture.section, out);
  for (const [i, h] of m.hints.entries()) checkLocalized(`hints[${i}]`, h, out);
  const suite = await loadExerciseSuite(ex, ex.dir);
  if ('problem' in suite) out.push({ kind: 'checksLoad', message: suite.problem.message });
  else {
    for (const check of suite.checks) {
      checkLocalized(`${check.id}.title`, check.title, out);
      if (!(Number.isFinite(check.points) && check.points >= 1))
        out.push(problem('noPoints', 'core.verify.noPoints', { check: check.id }, check.id));
    }
    out.push(...hiddenProblems(ex, suite));
  }

  const studentFile = studentModulePath(ex, { source: 'src' });
  const solution = studentModulePath(ex, { source: 'solution' });
  if (!existsSync(solution))
    out.push(problem('noSolution', 'core.verify.noSolution', { file: path.relative(ex.dir, solution) }));

  const readme = path.join(ex.dir, 'README.md');
  if (!existsSync(readme)) out.push(problem('readmeMissing', 'core.verify.readmeMissing'));
  else if (existsSync(studentFile)) {
    const text = readFileSync(readme, 'utf8');
    for (const name of await exportedNames(studentFile))
      if (!new RegExp(`\\b${name}\\b`).test(text))
        out.push(problem('readmeOmits', 'core.verify.readmeOmits', { name }, name));
  }

  // checks.ts and any helpers under checks/ may only `import type` the student's files.
  const studentFiles = m.files.map((f) => path.join(ex.dir, f));
  const checkSources = [
    ex.checksPath,
    ...(ex.hiddenChecksPath && existsSync(ex.hiddenChecksPath) ? [ex.hiddenChecksPath] : []),
    ...listTs(path.join(ex.dir, 'checks')),
  ];
  for (const file of checkSources) {
    if ((await valueImportsOf(file)).some((imported) => studentFiles.some((s) => sameModule(imported, s))))
      out.push(
        problem('valueImportOfStudent', 'core.verify.valueImportOfStudent', {}, path.relative(ex.dir, file)),
      );
  }

  // Mutants are patches now; a `.ts` left in mutants/ is an old-style copy that nothing reads.
  for (const name of listTs(path.join(ex.dir, 'mutants')).map((f) => path.basename(f)))
    out.push(problem('mutantNotPatch', 'core.verify.mutantNotPatch', { mutant: name }, name));
  const mutants = mutantPatches(ex.dir);
  if (mutants.length === 0) out.push(problem('noMutants', 'core.verify.noMutants'));
  return { problems: out, mutants };
}

/** The manifest's `hidden` against the hidden module: it is there, with the checks and points announced. */
function hiddenProblems(
  ex: LoadedExercise,
  suite: {
    checks: { id: string; points: number }[];
    hiddenIds?: ReadonlySet<string>;
    hiddenMissing?: boolean;
  },
): VerifyProblem[] {
  const declared = ex.manifest.hidden;
  if (!declared) return [];
  if (suite.hiddenMissing)
    return [
      problem('hiddenMissing', 'core.verify.hiddenMissing', { path: declared.checks }, declared.checks),
    ];
  const hidden = suite.checks.filter((c) => suite.hiddenIds?.has(c.id));
  const points = hidden.reduce((sum, c) => sum + c.points, 0);
  if (hidden.length === declared.count && Math.abs(points - declared.points) < 1e-9) return [];
  return [
    problem(
      'hiddenStale',
      'core.verify.hiddenStale',
      { count: declared.count, points: declared.points, actualCount: hidden.length, actualPoints: points },
      declared.checks,
    ),
  ];
}

/** True when `file` is the hidden module or one of its helpers (`checks/hidden/`): never exported. */
export function isHiddenSource(ex: LoadedExercise, file: string): boolean {
  const hiddenHelpers = path.join(ex.dir, 'checks', 'hidden') + path.sep;
  return (
    (ex.hiddenChecksPath !== undefined && path.resolve(file) === path.resolve(ex.hiddenChecksPath)) ||
    path.resolve(file).startsWith(hiddenHelpers)
  );
}

/**
 * Warnings: a public check file (one students receive) that computes the answer itself, so reading
 * it gives the answer away. The advice: move that judge into the hidden checks.
 */
async function referenceWarnings(ex: LoadedExercise): Promise<VerifyProblem[]> {
  const studentFile = studentModulePath(ex, { source: 'src' });
  const exports = existsSync(studentFile) ? await exportedNames(studentFile) : [];
  const solutionDir = path.dirname(studentModulePath(ex, { source: 'solution' }));
  const publicSources = [ex.checksPath, ...listTs(path.join(ex.dir, 'checks'))].filter(
    (file) => !isHiddenSource(ex, file),
  );
  const warnings: VerifyProblem[] = [];
  for (const file of publicSources) {
    const where = path.relative(ex.dir, file).split(path.sep).join('/');
    for (const sign of await referenceSigns(file, exports, solutionDir))
      warnings.push(
        problem(
          sign.kind === 'solution' ? 'publicSolutionImport' : 'publicReference',
          sign.kind === 'solution' ? 'core.verify.publicSolutionImport' : 'core.verify.publicReference',
          { file: `${where}:${sign.line}`, name: sign.name },
          `${where}:${sign.line}`,
        ),
      );
  }
  return warnings;
}

/** The compiler's and the linter's errors, one problem each (file and line in `where`). */
function codeProblems(ex: LoadedExercise, root: string): VerifyProblem[] {
  const out: VerifyProblem[] = typeErrorsOf(ex, root).map((e) =>
    problem('typeError', 'core.verify.typeError', { error: e.text }, `${e.file}:${e.line}:${e.column}`),
  );
  const lint = lintErrorsOf(ex, root);
  if ('unavailable' in lint)
    out.push(problem('lintUnavailable', 'core.verify.lintUnavailable', { reason: lint.unavailable }));
  else
    out.push(
      ...lint.errors.map((e) =>
        problem('lintError', 'core.verify.lintError', { error: e.text }, `${e.file}:${e.line}:${e.column}`),
      ),
    );
  return out;
}

function listTs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** `/x/src/softmax.js` (an import as written, resolved) and `/x/src/softmax.ts` are the same module. */
function sameModule(imported: string, file: string): boolean {
  const strip = (p: string) => path.resolve(p).replace(/\.(c|m)?(j|t)sx?$/, '');
  return strip(imported) === strip(file);
}

/** What a graded run got wrong for the solution (anything but a full pass). */
function solutionProblems(result: ExerciseResult, seed: number): VerifyProblem[] {
  if (result.problem)
    return [problem('problem', 'core.verify.problem', {}, undefined, result.problem.message)];
  return result.checks
    .filter((c) => c.status !== 'pass' || c.score !== c.maxScore)
    .map((c) =>
      problem(
        'solutionNotFull',
        'core.verify.solutionNotFull',
        { seed, check: c.id, status: c.status },
        c.id,
        c.message,
      ),
    );
}

function starterProblems(result: ExerciseResult): VerifyProblem[] {
  if (result.problem)
    return [problem('problem', 'core.verify.problem', {}, undefined, result.problem.message)];
  const out = result.checks
    .filter((c) => c.status !== 'todo')
    .map((c) =>
      problem(
        'starterNotTodo',
        'core.verify.starterNotTodo',
        { check: c.id, status: c.status },
        c.id,
        c.message,
      ),
    );
  if (result.score !== 0)
    out.push(problem('starterScores', 'core.verify.starterScores', { score: result.score }));
  return out;
}

/** Verdict messages must have both languages too (the judges build them). */
function messageProblems(result: ExerciseResult): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  for (const c of result.checks) checkLocalized(`${c.id}.message`, c.message, out);
  return out;
}

/**
 * Grades one mutant: its patch applied to a scratch copy of the solution, swapped in for the student's
 * file. A patch that cannot be applied is a problem of its own (and nothing is graded); so is a
 * mutant that does not load.
 */
async function mutantProblems(
  ex: LoadedExercise,
  patch: string,
  base: { root: string; lang: 'en'; concurrency: number; hidden: boolean },
): Promise<VerifyProblem[]> {
  const name = path.basename(patch);
  const entry = studentModulePath(ex, { source: 'solution' });
  const made = scratchMutant(ex.dir, entry, patch);
  const shown = path.relative(base.root, patch).replaceAll('\\', '/');
  if ('problem' in made) {
    const { kind, params } = made.problem;
    return [problem(kind, `core.verify.${kind}`, { ...params, mutant: shown }, name)];
  }
  const undescribed = made.description
    ? []
    : [problem('mutantNoDescription', 'core.verify.mutantNoDescription', { mutant: shown }, name)];
  try {
    const result = await gradeExercise(ex, {
      ...base,
      seed: DEFAULT_SEED,
      source: 'src',
      studentFileOverride: { [ex.id]: made.entry },
      failFast: true,
    });
    const survived = !result.problem && result.maxScore > 0 && result.score >= result.maxScore;
    // A mutant that does not even load (a syntax error, a refused import, a throw at its top level)
    // loses every point without telling anything about the checks: it must plant a mistake that runs.
    const broken = result.problem
      ? [problem('mutantBroken', 'core.verify.mutantBroken', { mutant: shown }, name, result.problem.message)]
      : [];
    return [
      ...undescribed,
      ...broken,
      ...(survived ? [problem('mutantSurvives', 'core.verify.mutantSurvives', { mutant: name }, name)] : []),
      ...messageProblems(result),
    ];
  } finally {
    made.remove();
  }
}

/**
 * Verifies one exercise; never throws for a broken exercise (that is what it reports).
 *
 * @example
 * ```ts
 * const { ok, problems } = await verifyExercise(ex, { root: process.cwd() });
 * ```
 */
export async function verifyExercise(ex: LoadedExercise, options: VerifyOptions): Promise<VerifyResult> {
  const { problems, mutants } = await staticProblems(ex);
  const warnings = await referenceWarnings(ex);
  if (options.lint !== false) problems.push(...codeProblems(ex, options.root));
  // Hidden checks are graded too: the solution must pass them and the mutants lose points to them.
  const base = { root: options.root, lang: 'en' as const, concurrency: 1, hidden: true };
  const seeds = options.seeds ?? VERIFY_SEEDS;
  const runs: (() => Promise<VerifyProblem[]>)[] = [
    ...(existsSync(studentModulePath(ex, { source: 'solution' })) ? seeds : []).map((seed) => async () => {
      const result = await gradeExercise(ex, { ...base, seed, source: 'solution' });
      return [...solutionProblems(result, seed), ...messageProblems(result)];
    }),
    () =>
      gradeExercise(ex, { ...base, seed: DEFAULT_SEED, source: 'src' }).then((r) => [
        ...starterProblems(r),
        ...messageProblems(r),
      ]),
    ...mutants.map((patch) => () => mutantProblems(ex, patch, base)),
  ];
  // Two at a time: each run is a child process, and the machine is shared.
  const found: VerifyProblem[] = [...problems];
  for (let i = 0; i < runs.length; i += 2)
    for (const list of await Promise.all(runs.slice(i, i + 2).map((run) => run()))) found.push(...list);
  return { id: ex.id, ok: found.length === 0, problems: found, warnings, mutants: mutants.length };
}
