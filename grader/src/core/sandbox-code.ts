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
import { loadTypeScript } from './static/typescript.js';
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

/**
 * The hidden checks module as the child gets it: every `judge` and `input` of its checks removed (a
 * child only runs probes), so the judges and the reference computations only they import are left
 * out of the bundle (esbuild drops what nothing uses). The code a submission graded for the record
 * could read in its own folder is then the probes, not the answer.
 */
export function probesOnly(source: string, file: string): string {
  const ts = loadTypeScript();
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const dropped = new Set(['judge', 'input']);
  const nameOf = (node: import('typescript').ObjectLiteralElementLike) =>
    node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : '';
  const strip: import('typescript').TransformerFactory<import('typescript').SourceFile> = (context) => {
    const visit = (node: import('typescript').Node): import('typescript').Node => {
      if (ts.isObjectLiteralExpression(node)) {
        const kept = node.properties.filter((p) => !dropped.has(nameOf(p)));
        return ts.visitEachChild(context.factory.updateObjectLiteralExpression(node, kept), visit, context);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (root) => ts.visitNode(root, visit) as import('typescript').SourceFile;
  };
  const [stripped] = ts.transform(sf, [strip]).transformed;
  return ts.createPrinter().printFile(stripped!);
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
    checksBundle(
      ex.checksPath,
      gradesHidden(options) && hiddenHeld(ex)
        ? { path: ex.hiddenChecksPath!, transform: probesOnly }
        : undefined,
    ),
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
