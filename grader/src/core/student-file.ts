/**
 * The student's file of an exercise: which module the probes receive (the student's, the reference
 * solution, or a mutant), how messages name it, and what is wrong with it before anything runs
 * (missing, a symlink out of the exercise, a syntax error, a forbidden import, a type error).
 */
import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
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
  options: Pick<RunOptions, 'source' | 'studentFileOverride'> &
    Partial<Pick<RunOptions, 'root' | 'studentRoot'>>,
): string {
  const override = options.studentFileOverride?.[ex.id];
  if (override) return path.resolve(override);
  const entry = ex.manifest.entry ?? ex.manifest.files[0] ?? '';
  if (options.source === 'solution') return path.join(ex.dir, 'solution', path.basename(entry));
  return path.join(studentDir(ex, options), entry);
}

/** The exercise's folder in the tree the students' files come from (`RunOptions.studentRoot`). */
export function studentDir(
  ex: LoadedExercise,
  options: Partial<Pick<RunOptions, 'root' | 'studentRoot'>>,
): string {
  if (!options.studentRoot || !options.root) return ex.dir;
  return path.join(options.studentRoot, path.relative(options.root, ex.dir));
}

/**
 * The largest student file graded: far more than any exercise needs, and small enough that parsing
 * it (syntax, imports, types) in the grader's own process stays quick. The same rule everywhere:
 * locally, in CI and for submissions.
 */
export const MAX_STUDENT_FILE_BYTES = 1024 * 1024;

const problemOf = (code: string, file: StudentFile, message: Localized): ExerciseProblem => ({
  code,
  message,
  file: file.shownAs,
});

/**
 * What is wrong with the file itself, before anything reads it: missing (or there only with other
 * capitals, which works on Windows and macOS but not in CI on Linux), a folder, too large, or
 * unreadable. Null when it is a regular file that can be read.
 */
async function fileShapeProblem(file: StudentFile): Promise<ExerciseProblem | null> {
  const folder = path.dirname(file.absolute);
  const name = path.basename(file.absolute);
  const siblings = await readdir(folder).catch(() => [] as string[]);
  const exact = siblings.includes(name);
  const otherCase = siblings.find((s) => s !== name && s.toLowerCase() === name.toLowerCase());
  if (!exact && otherCase)
    return problemOf(
      'case-mismatch',
      file,
      both('core.static.caseMismatch', { found: otherCase, name, file: file.shownAs }),
    );
  const info = await stat(file.absolute).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error)
    return info.code === 'ENOENT' || info.code === 'ENOTDIR'
      ? problemOf('missing-file', file, both('core.static.missingStudentFile', { file: file.shownAs }))
      : problemOf(
          'unreadable-file',
          file,
          both('core.static.unreadable', { file: file.shownAs, reason: info.code ?? info.message }),
        );
  if (info.isDirectory())
    return problemOf('not-a-file', file, both('core.static.isDirectory', { file: file.shownAs }));
  if (!info.isFile())
    return problemOf('not-a-file', file, both('core.static.notAFile', { file: file.shownAs }));
  if (info.size > MAX_STUDENT_FILE_BYTES)
    return problemOf(
      'file-too-large',
      file,
      both('core.static.tooLarge', {
        file: file.shownAs,
        size: sizeText(info.size),
        max: sizeText(MAX_STUDENT_FILE_BYTES),
      }),
    );
  return null;
}

/** `50 MB`, `1 MiB`, `12 KB`: a size as people read it. */
export function sizeText(bytes: number): string {
  if (bytes === MAX_STUDENT_FILE_BYTES) return '1 MiB';
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/** What is wrong with one file before it runs: its shape (above), a symlink out of the exercise, a syntax error, a forbidden import, or (with `--typecheck`) a type error. */
async function fileProblem(
  ex: LoadedExercise,
  file: StudentFile,
  options: RunOptions,
  overridden: boolean,
): Promise<ExerciseProblem | null> {
  const shape = await fileShapeProblem(file);
  if (shape) return shape;
  // A symlink must not lead a student file out of its exercise (overrides are the grader's own choice).
  const inside = path.relative(realpathSync(studentDir(ex, options)), realpathSync(file.absolute));
  if (!overridden && (inside.startsWith('..') || path.isAbsolute(inside)))
    return {
      code: 'path-escapes',
      message: both('core.manifest.escapes', { file: file.shownAs, field: 'files', path: file.shownAs }),
      file: file.shownAs,
    };
  return (
    (await syntaxProblem(file.absolute, file.shownAs)) ??
    (await forbiddenImportProblem(file.absolute, file.shownAs, ex.manifest.forbiddenImports ?? [])) ??
    (options.typecheck
      ? await typeProblem(
          file.absolute,
          file.shownAs,
          ex.dir,
          path.join(ex.dir, path.relative(studentDir(ex, options), file.absolute)),
        )
      : null)
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
    const absolute = path.join(studentDir(ex, options), listed);
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
