/**
 * `--typecheck`: the TypeScript compiler's diagnostics for the student's file, with the exercise's
 * own `tsconfig.json` (strict), before anything runs. Optional because it costs a second or two.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { both } from '../../i18n/index.js';
import type { ExerciseProblem } from '../types.js';
import { codeFrame } from './frame.js';
import { loadTypeScript } from './typescript.js';

/** The first type error in `file` (absolute), or `null`. `dir` is the exercise's folder. */
export async function typeProblem(
  file: string,
  shownAs: string,
  dir: string,
): Promise<ExerciseProblem | null> {
  const ts = loadTypeScript();
  const configPath = ts.findConfigFile(dir, ts.sys.fileExists, 'tsconfig.json');
  let options: import('typescript').CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true };
  if (configPath) {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    if (parsed) options = { ...parsed.options, noEmit: true };
  }
  const program = ts.createProgram([file], options);
  const sf =
    program.getSourceFile(file) ??
    program.getSourceFiles().find((s) => path.resolve(s.fileName) === path.resolve(file));
  if (!sf) return null;
  const diagnostic = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].find(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (!diagnostic) return null;
  const { line, character } = sf.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  const [l, c] = [line + 1, character + 1];
  const reason = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  return {
    code: 'type-error',
    message: both('core.static.typeError', { file: shownAs, line: l, column: c, reason }),
    file: shownAs,
    line: l,
    column: c,
    frame: codeFrame(readFileSync(file, 'utf8'), l, c),
  };
}
