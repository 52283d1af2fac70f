/**
 * The syntax check before anything runs: esbuild's TypeScript parser (the same one tsx loads the
 * file with), so the student sees `file:line:col` and a code frame instead of a loader stack trace.
 */
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { both } from '../../i18n/index.js';
import type { ExerciseProblem } from '../types.js';
import { codeFrame } from './frame.js';

/**
 * The first syntax error of `file` (absolute), or `null` when it parses. `shownAs` is how the
 * message names the file (repository-relative).
 */
export async function syntaxProblem(file: string, shownAs: string): Promise<ExerciseProblem | null> {
  const source = readFileSync(file, 'utf8');
  try {
    await transform(source, {
      loader: file.endsWith('x') ? 'tsx' : 'ts',
      sourcefile: shownAs,
      logLevel: 'silent',
    });
    return null;
  } catch (error) {
    const first = (
      error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }
    ).errors?.[0];
    if (!first) throw error;
    const line = first.location?.line ?? 1;
    // esbuild's columns are 0-based; people (and editors) count from 1.
    const column = (first.location?.column ?? 0) + 1;
    return {
      code: 'syntax-error',
      message: both('core.static.syntax', { file: shownAs, line, column, reason: first.text }),
      file: shownAs,
      line,
      column,
      frame: codeFrame(source, line, column),
    };
  }
}
