/**
 * The student's file of an exercise: which module the probes receive (the student's, the reference
 * solution, or a mutant), how messages name it, and what is wrong with it before anything runs
 * (missing, a symlink out of the exercise, a syntax error, a forbidden import, a type error).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { both } from '../i18n/index.js';
import type { LoadedExercise } from './discover.js';
import type { RunOptions } from './options.js';
import { forbiddenImportProblem } from './static/forbidden.js';
import { syntaxProblem } from './static/syntax.js';
import { typeProblem } from './static/typecheck.js';
import type { ExerciseProblem } from './types.js';
import type { StudentFile } from './verdict.js';

/** A path as messages show it: relative to the graded root, with `/`. */
export function shownPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).replaceAll('\\', '/');
}

/** The module the probes receive: a mutant/test override, the reference solution, or the student's file. */
export function studentModulePath(
  ex: LoadedExercise,
  options: Pick<RunOptions, 'source' | 'studentFileOverride'>,
): string {
  const override = options.studentFileOverride?.[ex.id];
  if (override) return path.resolve(override);
  const entry = ex.manifest.entry ?? ex.manifest.files[0] ?? '';
  if (options.source === 'solution') return path.join(ex.dir, 'solution', path.basename(entry));
  return path.join(ex.dir, entry);
}

/** What is wrong with one file before it runs: it is missing, leaves the exercise, does not parse, imports what it may not, or (with `--typecheck`) does not type-check. */
async function fileProblem(
  ex: LoadedExercise,
  file: StudentFile,
  options: RunOptions,
  overridden: boolean,
): Promise<ExerciseProblem | null> {
  let real: string;
  try {
    real = realpathSync(file.absolute);
  } catch {
    return {
      code: 'missing-file',
      message: both('core.static.missingStudentFile', { file: file.shownAs }),
      file: file.shownAs,
    };
  }
  // A symlink must not lead a student file out of its exercise (overrides are the grader's own choice).
  const inside = path.relative(realpathSync(ex.dir), real);
  if (!overridden && (inside.startsWith('..') || path.isAbsolute(inside)))
    return {
      code: 'path-escapes',
      message: both('core.manifest.escapes', { file: file.shownAs, field: 'files', path: file.shownAs }),
      file: file.shownAs,
    };
  return (
    (await syntaxProblem(file.absolute, file.shownAs)) ??
    (await forbiddenImportProblem(file.absolute, file.shownAs, ex.manifest.forbiddenImports ?? [])) ??
    (options.typecheck ? await typeProblem(file.absolute, file.shownAs, ex.dir) : null)
  );
}

/**
 * The first static problem of the module the probes receive and, when grading students' files, of
 * the other files the manifest lists (the entry may import them).
 */
export async function staticProblem(
  ex: LoadedExercise,
  file: StudentFile,
  options: RunOptions,
  overridden: boolean,
): Promise<ExerciseProblem | null> {
  const first = await fileProblem(ex, file, options, overridden);
  if (first || overridden || options.source === 'solution') return first;
  for (const listed of ex.manifest.files) {
    const absolute = path.join(ex.dir, listed);
    if (absolute === file.absolute) continue;
    const problem = await fileProblem(
      ex,
      { absolute, shownAs: shownPath(options.root, absolute) },
      options,
      false,
    );
    if (problem) return problem;
  }
  return null;
}
