/**
 * What `pnpm verify` asks of an exercise's code beyond grading it: the TypeScript compiler's errors
 * in every file of the exercise (its solution, its starter, its checks, hidden ones included), with
 * the exercise's own `tsconfig.json`, and the linter's (Biome, as `pnpm lint` runs it). A type error
 * in a solution still runs (the sandbox strips types), so only these find it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LoadedExercise } from '../core/discover.js';
import { loadTypeScript } from '../core/static/typescript.js';

/** One compiler or linter error, placed (`file` repository-relative, `/` separators). */
export interface CodeError {
  file: string;
  line: number;
  column: number;
  /** `TS2322: Type 'string' is not assignable…`, or the lint rule and its text. */
  text: string;
}

const shown = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** `.ts` files under `dir` (recursive), none when it is missing. */
function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => path.join(dir, f));
}

/**
 * The compiler's errors in the exercise's own files: what its `tsconfig.json` includes, plus the
 * hidden checks (a tsconfig written before them may not list them) and every `.ts` of `src/`,
 * `solution/` and `checks/`. Library files are not reported.
 */
export function typeErrorsOf(ex: LoadedExercise, root: string): CodeError[] {
  const ts = loadTypeScript();
  // The exercise's tsconfig, else the nearest one up (as `--typecheck` finds it): its settings,
  // and its file list only when it is the exercise's own.
  const configPath = ts.findConfigFile(ex.dir, ts.sys.fileExists, 'tsconfig.json');
  let options: import('typescript').CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true };
  let files: string[] = [];
  if (configPath) {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    if (parsed) {
      options = parsed.options;
      if (path.resolve(path.dirname(configPath)) === path.resolve(ex.dir)) files = parsed.fileNames;
    }
  }
  const extra = [
    ex.checksPath,
    ...(ex.hiddenChecksPath && existsSync(ex.hiddenChecksPath) ? [ex.hiddenChecksPath] : []),
    ...['src', 'solution', 'checks'].flatMap((folder) => tsFiles(path.join(ex.dir, folder))),
  ];
  const rootNames = [...new Set([...files, ...extra].map((f) => path.resolve(f)))];
  const program = ts.createProgram(rootNames, { ...options, noEmit: true }, sharedParseHost(options));
  const inside = (file: string) => {
    const relative = path.relative(ex.dir, path.resolve(file));
    return !relative.startsWith('..') && !relative.split(path.sep).includes('node_modules');
  };
  // Diagnostics of the exercise's own files only: asked of the whole program, the compiler would
  // check (and emit declarations for) every file its tests import too — the engine and the
  // grader's sources — to report nothing of them (5x the time, measured 2026-12-03).
  const own = program.getSourceFiles().filter((sf) => inside(sf.fileName));
  const diagnostics = ts.sortAndDeduplicateDiagnostics(
    own.flatMap((sf) => ts.getPreEmitDiagnostics(program, sf)),
  );
  const errors: CodeError[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.category !== ts.DiagnosticCategory.Error || !diagnostic.file) continue;
    if (!inside(diagnostic.file.fileName)) continue;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    errors.push({
      file: shown(root, diagnostic.file.fileName),
      line: line + 1,
      column: character + 1,
      text: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
    });
  }
  return errors;
}

/** Parsed (and bound) files of earlier programs, by compiler settings, file, and how it was parsed. */
const parsedFiles = new Map<string, import('typescript').SourceFile>();
let registry: import('typescript').DocumentRegistry | undefined;

/**
 * A compiler host that hands a later program the files an earlier one parsed, when their text is
 * still the same: every exercise's program holds the same libraries (the engine, the kit, Node's and
 * the language's declarations), and parsing them again was most of a second exercise's check. Only
 * programs whose settings parse and bind a file alike share it (the language service's own key).
 */
function sharedParseHost(options: import('typescript').CompilerOptions): import('typescript').CompilerHost {
  const ts = loadTypeScript();
  registry ??= ts.createDocumentRegistry();
  const settings = String(registry.getKeyForCompilationSettings(options));
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, how, onError) => {
    const text = host.readFile(fileName);
    if (text === undefined) {
      onError?.(`Cannot read file '${fileName}'.`);
      return undefined;
    }
    const parse = typeof how === 'number' ? { languageVersion: how } : how;
    const key = [
      settings,
      fileName,
      parse.languageVersion,
      parse.impliedNodeFormat,
      parse.jsDocParsingMode,
    ].join('\0');
    const known = parsedFiles.get(key);
    if (known?.text === text) return known;
    const parsed = ts.createSourceFile(fileName, text, how);
    parsedFiles.set(key, parsed);
    return parsed;
  };
  return host;
}

/** The Biome binary of the course (its root devDependency), or null when it is not installed. */
function biomeBin(root: string): string | null {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('@biomejs/biome/bin/biome');
  } catch {
    return null;
  }
}

/** What the linter says of the exercise: its errors, or why it could not run. */
export type LintOutcome = { errors: CodeError[] } | { unavailable: string };

/**
 * Runs `biome check` (lint and format, as `pnpm lint` does) on the exercise's folder with the
 * course's `biome.json`, and reads its diagnostics' places from the report it prints.
 */
export function lintErrorsOf(ex: LoadedExercise, root: string): LintOutcome {
  const bin = biomeBin(root);
  if (!bin) return { unavailable: '@biomejs/biome is not installed in the course' };
  // A folder the course's biome.json ignores (a scratch copy) is not an error: there is nothing to lint.
  const args = ['check', '--colors=off', '--max-diagnostics=50', '--no-errors-on-unmatched', ex.dir];
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  if (run.error) return { unavailable: run.error.message };
  if (run.status === 0) return { errors: [] };
  const output = `${run.stdout}\n${run.stderr}`;
  const errors: CodeError[] = [];
  // A diagnostic's head: `exercises/06-x/src/a.ts:3:7 lint/style/useConst  FIXABLE  ━━━`, or a
  // formatter's `exercises/06-x/src/a.ts format ━━━` (no place).
  for (const match of output.matchAll(/^(\S+\.[cm]?[jt]sx?|\S+\.json)(?::(\d+):(\d+))? (\S+)/gm)) {
    const [, file, line, column, rule] = match;
    errors.push({
      file: shown(root, path.resolve(root, file!)),
      line: Number(line ?? 1),
      column: Number(column ?? 1),
      text: rule === 'format' ? 'format: not formatted as biome format would (pnpm format)' : rule!,
    });
  }
  if (errors.length === 0)
    errors.push({
      file: shown(root, ex.dir),
      line: 1,
      column: 1,
      text: output.trim().split('\n').slice(-3).join(' '),
    });
  return { errors };
}
