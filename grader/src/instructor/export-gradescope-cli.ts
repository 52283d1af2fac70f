/**
 * `pnpm export-gradescope FILE.zip [--root REPO] [--lang ko|en]`: writes the Gradescope autograder
 * (`export-gradescope.ts`) and says how to use it. The seed is `GRADE_SEED` when set (read it with
 * `read -rs GRADE_SEED && export GRADE_SEED`), else a new random one; it is never printed. Exit 0
 * when written (a lockfile warning included), 2 when refused.
 */
import path from 'node:path';
import { type CommandIo, runAsScript, runCommand } from './command.js';
import { exportGradescope } from './export-gradescope.js';
import { say } from './messages.js';

/** One positional, the archive to write, which must be a `.zip`. */
const oneZip = (positionals: readonly string[]) =>
  positionals.length === 1 && positionals[0]!.toLowerCase().endsWith('.zip');

/** Runs the command with `argv` (without `node` and the script) from `cwd`; returns the exit code. */
export function exportGradescopeMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const spec = { flags: {}, usage: 'usageGradescope', accepts: oneZip } as const;
  return runCommand(argv, io, spec, async ({ lang, root, positionals }) => {
    const outFile = path.resolve(io.cwd, positionals[0]!);
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
  });
}

await runAsScript(import.meta.url, exportGradescopeMain);
