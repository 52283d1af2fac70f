/**
 * `pnpm export-gradescope FILE.zip [--root REPO] [--lang ko|en]`: writes the Gradescope autograder
 * (`export-gradescope.ts`) and says how to use it. The seed is `GRADE_SEED` when set (read it with
 * `read -rs GRADE_SEED && export GRADE_SEED`), else a new random one; it is never printed. Exit 0
 * when written (a lockfile warning included), 2 when refused.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Lang } from '@gradschool/exercise-kit';
import { langFromEnv } from '../cli/args.js';
import { findRoot } from '../core/discover.js';
import { exportGradescope } from './export-gradescope.js';
import { InstructorError, say } from './messages.js';

const FLAGS = {
  root: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs the command with `argv` (without `node` and the script) from `cwd`; returns the exit code. */
export async function exportGradescopeMain(
  argv: readonly string[],
  io: { cwd: string; env: NodeJS.ProcessEnv; out: (text: string) => void },
): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    io.out(
      `${say('badFlag', lang, { reason: (error as Error).message })}\n${say('usageGradescope', lang)}\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang === 'ko' || values.lang === 'en') lang = values.lang;
  if (values.help || positionals.length !== 1 || !positionals[0]!.toLowerCase().endsWith('.zip')) {
    io.out(`${say('usageGradescope', lang)}\n`);
    return values.help ? 0 : 2;
  }
  const root = values.root ? path.resolve(io.cwd, values.root) : findRoot(io.cwd);
  const outFile = path.resolve(io.cwd, positionals[0]!);
  try {
    const result = await exportGradescope({
      root,
      outFile,
      lang,
      ...(io.env.GRADE_SEED ? { seed: io.env.GRADE_SEED } : {}),
    });
    io.out(
      `${say('gradescopeWritten', lang, { file: outFile, n: result.exercises.length, files: result.files, mb: (result.bytes / 1024 / 1024).toFixed(1) })}\n`,
    );
    io.out(`${say(result.seedSource === 'env' ? 'gradescopeSeedEnv' : 'gradescopeSeedNew', lang)}\n`);
    if (typeof result.lockfile === 'object')
      io.out(`${say('lockfileStale', lang, { reason: result.lockfile.error })}\n`);
    io.out(`\n${say('gradescopeNext', lang)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InstructorError)) throw error;
    io.out(`✗ ${error.text(lang)}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await exportGradescopeMain(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    out: (text) => process.stdout.write(text),
  });
}
