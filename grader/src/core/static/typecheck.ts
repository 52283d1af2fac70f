/**
 * `--typecheck`: the TypeScript compiler's diagnostics for the student's file, with the exercise's
 * own `tsconfig.json` (strict), before anything runs. Optional because it costs a second or two.
 *
 * Every error is reported (up to `MAX_SHOWN`, then a count), each with its place, code frame and,
 * for the codes students meet most, what it means and how to fix it (`type-advice.ts`). The
 * problem's `line`/`column`/`frame` are the first error's, as for a syntax error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '@gradschool/exercise-kit';
import { both } from '../../i18n/index.js';
import type { ExerciseProblem } from '../types.js';
import { codeFrame } from './frame.js';
import { typeAdvice } from './type-advice.js';
import { loadTypeScript } from './typescript.js';

/** Type errors listed in full; more are counted. */
export const MAX_SHOWN = 5;

/** One type error, placed and explained. */
interface TypeDiagnostic {
  line: number;
  column: number;
  code: number;
  text: string;
  frame: string;
}

/**
 * The compiler's errors in `file` (absolute), in order, with the exercise's settings. With `asIf`,
 * the file is checked as if it stood there (a submission's copy, outside the course tree, checked at
 * its place in the exercise, where its imports and the module settings resolve).
 */
function typeErrors(file: string, dir: string, asIf: string = file): TypeDiagnostic[] {
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
  const source = readFileSync(file, 'utf8');
  const host = ts.createCompilerHost(options);
  if (asIf !== file) {
    const same = (f: string) => path.resolve(f) === path.resolve(asIf);
    const { readFile, fileExists, getSourceFile } = host;
    host.readFile = (f) => (same(f) ? source : readFile.call(host, f));
    host.fileExists = (f) => same(f) || fileExists.call(host, f);
    host.getSourceFile = (f, version, ...rest) =>
      same(f) ? ts.createSourceFile(f, source, version) : getSourceFile.call(host, f, version, ...rest);
  }
  const program = ts.createProgram([asIf], options, host);
  const sf =
    program.getSourceFile(asIf) ??
    program.getSourceFiles().find((s) => path.resolve(s.fileName) === path.resolve(asIf));
  if (!sf) return [];
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      return {
        line: line + 1,
        column: character + 1,
        code: d.code,
        text: ts.flattenDiagnosticMessageText(d.messageText, ' '),
        frame: codeFrame(source, line + 1, character + 1, 1),
      };
    });
}

/** One error as the student reads it: place, code and text, the fix, then the code frame. */
function describeError(error: TypeDiagnostic, shownAs: string): Localized {
  const head = `${shownAs}:${error.line}:${error.column} TS${error.code}: ${error.text}`;
  const advice = typeAdvice(error.code);
  const frame = error.frame
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  const block = (lang: keyof Localized) =>
    [head, ...(advice ? [`  → ${advice[lang]}`] : []), frame].join('\n');
  return { ko: block('ko'), en: block('en') };
}

/** Every type error in `file` (absolute) as one problem, or `null`. `dir` is the exercise's folder. */
export async function typeProblem(
  file: string,
  shownAs: string,
  dir: string,
  asIf?: string,
): Promise<ExerciseProblem | null> {
  const errors = typeErrors(file, dir, asIf);
  const [first] = errors;
  if (!first) return null;
  const shown = errors.slice(0, MAX_SHOWN).map((e) => describeError(e, shownAs));
  const summary = both('core.static.typeErrors', { file: shownAs, n: errors.length });
  const more =
    errors.length > MAX_SHOWN ? [both('core.static.typeErrorsMore', { n: errors.length - MAX_SHOWN })] : [];
  const join = (lang: keyof Localized) =>
    [summary[lang], ...shown.map((s) => s[lang]), ...more.map((m) => m[lang])].join('\n\n');
  return {
    code: 'type-error',
    message: { ko: join('ko'), en: join('en') },
    file: shownAs,
    line: first.line,
    column: first.column,
  };
}
