/**
 * What the instructor commands (`pnpm new-exercise`, `pnpm export-student`, `pnpm export-gradescope`)
 * share: strict flags, always with `--root`, `--lang` and `--help`; the usage for `--help` (exit 0) or
 * a call it cannot take (exit 2); the course's root; and an `InstructorError` told in the chosen
 * language (exit 2). Each command keeps only what is its own: its flags, its usage text, its work.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Lang } from '@gradschool/exercise-kit';
import { langFromEnv } from '../cli/args.js';
import { findRoot } from '../core/discover.js';
import { InstructorError, type InstructorMessageKey, say } from './messages.js';

/** The flags every instructor command takes. */
const COMMON = {
  root: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags of a command whose own flags are `F`. */
export type CommandValues<F extends Flags> = ReturnType<
  typeof parseArgs<{ options: typeof COMMON & F; allowPositionals: true }>
>['values'];

/** What a command's work receives. */
export interface CommandCall<F extends Flags> {
  lang: Lang;
  /** The course's root: `--root`, else the repository around the working folder. */
  root: string;
  values: CommandValues<F>;
  positionals: string[];
}

/** Where a command runs from and writes to; tests pass their own. */
export interface CommandIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
}

/**
 * Parses `argv`, then runs `work` and returns its exit code; the usage, the refusals and the
 * instructor's errors are handled here, alike for every command.
 *
 * @example
 * ```ts
 * return runCommand(argv, io, { flags: { yes: { type: 'boolean' } }, usage: 'usageNew' }, async (call) => {
 *   io.out(`${call.root}\n`);
 *   return 0;
 * });
 * ```
 */
export async function runCommand<F extends Flags>(
  argv: readonly string[],
  io: CommandIo,
  spec: {
    flags: F;
    usage: InstructorMessageKey;
    /** Whether the positionals make a call (default: exactly one). */
    accepts?: (positionals: readonly string[]) => boolean;
  },
  work: (call: CommandCall<F>) => Promise<number>,
): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  let parsed: { values: CommandValues<F>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...COMMON, ...spec.flags },
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    io.out(`${say('badFlag', lang, { reason: (error as Error).message })}\n${say(spec.usage, lang)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const common = values as { root?: string; lang?: string; help?: boolean };
  if (common.lang === 'ko' || common.lang === 'en') lang = common.lang;
  const accepts = spec.accepts ?? ((given) => given.length === 1);
  if (common.help || !accepts(positionals)) {
    io.out(`${say(spec.usage, lang)}\n`);
    return common.help ? 0 : 2;
  }
  const root = common.root ? path.resolve(io.cwd, common.root) : findRoot(io.cwd);
  try {
    return await work({ lang, root, values, positionals });
  } catch (error) {
    if (!(error instanceof InstructorError)) throw error;
    io.out(`✗ ${error.text(lang)}\n`);
    return 2;
  }
}

/**
 * Runs `main` with the command line when `moduleUrl` is the script Node started (`pnpm <command>`
 * runs it from the repository root; `INIT_CWD` is the folder the instructor typed it in).
 */
export async function runAsScript(
  moduleUrl: string,
  main: (argv: string[], io: CommandIo) => Promise<number>,
): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    out: (text) => process.stdout.write(text),
  });
}
