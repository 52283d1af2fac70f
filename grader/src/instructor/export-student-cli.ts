/**
 * `pnpm export-student <DIR> [--root REPO] [--lang ko|en] [--with-hidden] [--classroom]`: writes the
 * student repository (or, with `--with-hidden`, a grading copy that keeps the hidden checks; with
 * `--classroom`, GitHub Classroom's autograding workflow instead of `grade.yml`) and says what to do
 * next. Exit 0 when written (a lockfile warning included), 2 when refused.
 */
import path from 'node:path';
import { type CommandIo, runAsScript, runCommand } from './command.js';
import { exportStudentRepo } from './export-student.js';
import { say } from './messages.js';

const FLAGS = {
  'with-hidden': { type: 'boolean' },
  classroom: { type: 'boolean' },
} as const;

/** Runs the command with `argv` (without `node` and the script) from `cwd`; returns the exit code. */
export function exportStudentMain(argv: readonly string[], io: CommandIo): Promise<number> {
  return runCommand(
    argv,
    io,
    { flags: FLAGS, usage: 'usageExport' },
    async ({ lang, root, values, positionals }) => {
      const outDir = path.resolve(io.cwd, positionals[0]!);
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
    },
  );
}

await runAsScript(import.meta.url, exportStudentMain);
