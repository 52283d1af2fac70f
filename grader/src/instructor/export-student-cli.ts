/**
 * `pnpm export-student <DIR> [--root REPO] [--lang ko|en] [--with-hidden] [--classroom]`: writes the
 * student repository (or, with `--with-hidden`, a grading copy that keeps the hidden checks; with
 * `--classroom`, GitHub Classroom's autograding workflow instead of `grade.yml`) and says what to do
 * next. Exit 0 when written (a lockfile warning included), 2 when refused.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Lang } from '@gradschool/exercise-kit';
import { langFromEnv } from '../cli/args.js';
import { findRoot } from '../core/discover.js';
import { exportStudentRepo } from './export-student.js';
import { InstructorError, say } from './messages.js';

/** Runs the command with `argv` (without `node` and the script) from `cwd`; returns the exit code. */
export async function exportStudentMain(
  argv: readonly string[],
  io: { cwd: string; env: NodeJS.ProcessEnv; out: (text: string) => void },
): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    io.out(`${say('badFlag', lang, { reason: (error as Error).message })}\n${say('usageExport', lang)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang === 'ko' || values.lang === 'en') lang = values.lang;
  if (values.help || positionals.length !== 1) {
    io.out(`${say('usageExport', lang)}\n`);
    return values.help ? 0 : 2;
  }
  const root = values.root ? path.resolve(io.cwd, values.root) : findRoot(io.cwd);
  const outDir = path.resolve(io.cwd, positionals[0]!);
  try {
    const result = await exportStudentRepo({
      root,
      outDir,
      withHidden: values['with-hidden'] === true,
      classroom: values.classroom === true,
    });
    io.out(
      `${say('exported', lang, { dir: outDir, n: result.exercises.length, files: result.files.length })}\n`,
    );
    if (result.classroom) io.out(`${say('classroomWritten', lang, result.classroom)}\n`);
    io.out(
      `${
        typeof result.lockfile === 'object'
          ? say('lockfileStale', lang, { reason: result.lockfile.error })
          : say('lockfileRegenerated', lang)
      }\n\n`,
    );
    const shown = path.relative(io.cwd, outDir);
    io.out(`${say('exportNext', lang, { dir: shown.startsWith('..') || !shown ? outDir : shown })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InstructorError)) throw error;
    io.out(`✗ ${error.text(lang)}\n`);
    return 2;
  }
}

const FLAGS = {
  root: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'with-hidden': { type: 'boolean' },
  classroom: { type: 'boolean' },
} as const;

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await exportStudentMain(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    out: (text) => process.stdout.write(text),
  });
}
