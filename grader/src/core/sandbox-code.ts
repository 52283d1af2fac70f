/**
 * What a sandbox child of one exercise runs, built in the grader (`sandbox/bundle.ts`): the checks'
 * probes from the course's own `checks.ts`, and the student's module from the files the manifest
 * lists (as graded: the student's tree, a submission's private copy, or the reference solution). An
 * import the student's module may not make is the exercise's problem, before anything runs.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { both } from '../i18n/index.js';
import { checksBundle, studentBundle } from '../sandbox/bundle.js';
import type { LoadedExercise } from './discover.js';
import type { RunOptions } from './options.js';
import { shownPath, studentDir } from './student-file.js';
import { gradesHidden } from './suite.js';
import type { ExerciseProblem } from './types.js';
import type { StudentFile } from './verdict.js';

/** The two bundles a child loads. */
export interface SandboxCode {
  checksCode: string;
  studentCode: string;
}

/**
 * The files the student's module may import: the manifest's files where the students' files come
 * from; for the reference solution or an override (a mutant, a test's file), the files beside it.
 */
function importable(
  ex: LoadedExercise,
  file: StudentFile,
  options: RunOptions,
  overridden: boolean,
): string[] {
  if (overridden || options.source === 'solution') {
    const folder = path.dirname(file.absolute);
    const beside = readdirSync(folder).filter((name) => /\.[cm]?[jt]sx?$/.test(name));
    return [file.absolute, ...beside.map((name) => path.join(folder, name))];
  }
  const dir = studentDir(ex, options);
  return [file.absolute, ...ex.manifest.files.map((listed) => path.join(dir, listed))];
}

/** True when the exercise declares hidden checks and this tree holds their module. */
function hiddenHeld(ex: LoadedExercise): boolean {
  return ex.hiddenChecksPath !== undefined && existsSync(ex.hiddenChecksPath);
}

/** Bundles the checks and the student's module, or says why the student's module cannot run. */
export async function sandboxCode(
  ex: LoadedExercise,
  file: StudentFile,
  options: RunOptions,
  overridden: boolean,
): Promise<{ code: SandboxCode } | { problem: ExerciseProblem }> {
  const shown = (f: string) => shownPath(options.studentRoot ?? options.root, f);
  const [checksCode, student] = await Promise.all([
    // The hidden checks' probes only when this run grades them (and this tree holds them).
    checksBundle(ex.checksPath, gradesHidden(options) && hiddenHeld(ex) ? ex.hiddenChecksPath : undefined),
    studentBundle(file.absolute, importable(ex, file, options, overridden), shown),
  ]);
  if ('problem' in student)
    return { problem: { code: 'import-refused', message: student.problem.message, file: file.shownAs } };
  return { code: { checksCode, studentCode: student.code } };
}

/** The problem of an exercise whose checks could not be bundled (the course's, not the student's). */
export function checksBundleProblem(ex: LoadedExercise, error: unknown, root: string): ExerciseProblem {
  const file = shownPath(root, ex.checksPath);
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'checks-load', message: both('core.checks.loadFailed', { file, reason }), file };
}
