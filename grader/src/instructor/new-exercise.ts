/**
 * `pnpm new-exercise`: writes a complete exercise package that `pnpm verify` accepts as generated
 * (solution 100%, starter all `todo`, the mutant patch applied and caught), so an author starts from green and changes
 * one thing at a time. Discovery needs no central list: the new folder is the whole registration.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { validateManifest } from '../core/manifest.js';
import { InstructorError } from './messages.js';
import { type ExerciseNames, exerciseNames, existingExercises } from './naming.js';
import {
  checksSource,
  MUTANT_FILE,
  mutantPatch,
  solutionSource,
  starterSource,
} from './templates/exercise-code.js';
import {
  defaultTexts,
  type ExerciseTexts,
  manifest,
  packageJson,
  tsconfigJson,
  vitestConfig,
} from './templates/exercise-files.js';
import { readmeSource } from './templates/exercise-readme.js';

/** What {@link scaffoldExercise} needs. */
export interface ScaffoldOptions {
  /** The course repository (holds `exercises/`). */
  root: string;
  /** `06-attention` or `attention` (the next free number is picked). */
  name: string;
  /** Texts for the manifest and README; missing ones get placeholders. */
  texts?: Partial<ExerciseTexts>;
}

/** What {@link scaffoldExercise} wrote. */
export interface ScaffoldResult {
  names: ExerciseNames;
  /** The new exercise's folder, absolute. */
  dir: string;
  /** The files written, relative to `dir`, with `/` separators. */
  files: string[];
}

/** The exercise's files, relative path -> content. */
export function exerciseFiles(names: ExerciseNames, texts: ExerciseTexts): Record<string, string> {
  const base = path.posix.basename(names.studentFile);
  return {
    'package.json': packageJson(names, texts),
    'tsconfig.json': tsconfigJson(),
    'vitest.config.ts': vitestConfig(),
    'exercise.json': `${JSON.stringify(manifest(names, texts), null, 2)}\n`,
    'README.md': readmeSource(names, texts),
    [names.studentFile]: starterSource(names),
    'checks.ts': checksSource(names),
    [`solution/${base}`]: solutionSource(names),
    [`mutants/${MUTANT_FILE}`]: mutantPatch(names),
  };
}

/**
 * Creates `exercises/<id>/` under `root`. Refuses (an `InstructorError`, nothing written) when the
 * name is malformed, the number is taken or the folder exists; validates the manifest against the
 * schema before writing anything.
 *
 * @example
 * ```ts
 * const { dir, files } = scaffoldExercise({ root: process.cwd(), name: 'attention' });
 * ```
 */
export function scaffoldExercise(options: ScaffoldOptions): ScaffoldResult {
  const exercisesDir = path.join(options.root, 'exercises');
  const names = exerciseNames(options.name, existingExercises(exercisesDir));
  const texts: ExerciseTexts = { ...defaultTexts(names), ...options.texts };
  const files = exerciseFiles(names, texts);

  const manifestFile = `exercises/${names.id}/exercise.json`;
  const issues = validateManifest(JSON.parse(files['exercise.json']!), manifestFile, names.id);
  if (issues.length > 0)
    throw new InstructorError('badFlag', {
      reason: issues.map((i) => `${i.field}: ${i.message.en}`).join('; '),
    });

  const dir = path.join(exercisesDir, names.id);
  // `recursive: false` on the folder itself: if it appeared meanwhile, fail rather than overwrite.
  mkdirSync(exercisesDir, { recursive: true });
  try {
    mkdirSync(dir);
  } catch {
    throw new InstructorError('exists', { id: names.id });
  }
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, ...relative.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content, { flag: 'wx' });
  }
  formatWithBiome(options.root, dir);
  // The formatter may have changed the solution's layout (a course without biome.json gets Biome's
  // defaults): the patch is made from the solution as it now is, as `git diff` would make it.
  const solution = readFileSync(path.join(dir, 'solution', path.basename(names.studentFile)), 'utf8');
  writeFileSync(path.join(dir, 'mutants', MUTANT_FILE), mutantPatch(names, solution));
  return { names, dir, files: Object.keys(files).sort() };
}

/**
 * Lays the JSON files out the way the repository's formatter does (short arrays on one line), so
 * `pnpm lint` is green from the start. Without Biome installed the files stay valid, just wider.
 */
function formatWithBiome(root: string, dir: string): void {
  let bin: string;
  try {
    bin = createRequire(path.join(root, 'package.json')).resolve('@biomejs/biome/bin/biome');
  } catch {
    return;
  }
  spawnSync(process.execPath, [bin, 'format', '--write', dir], { cwd: root, stdio: 'ignore' });
}
