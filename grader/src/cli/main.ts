/**
 * `pnpm grade`: the flags decide the mode, each in its own file: the interactive UI
 * (`interactive.ts`), plain (`plain.ts`), `--watch` without the UI (`watch.ts`), `--batch`
 * (`batch.ts`) and `--submission` (`submission.ts`). Exit codes (the CLI's contract): 0 every check
 * passed (or `--min-score` met), 1 some check did not, 2 usage or configuration error. Heavy modules
 * (ink, react, typescript) load only when a mode needs them. Errors are caught here, and only here.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { discover, findRoot, matchesFilters } from '../core/discover.js';
import { GraderError } from '../errors.js';
import { t } from '../i18n/index.js';
import { type CliOptions, langFromEnv, parseCli } from './args.js';
import type { CliIo } from './io.js';
import { recordsLastResults } from './last-results.js';

export type { CliIo } from './io.js';

/**
 * Whether this run gets the Ink UI: a terminal that can draw it (not `TERM=dumb`, which has no
 * cursor movement: Emacs shells, some IDE consoles), not CI, and no flag that asks for plain output.
 */
export function interactive(options: CliOptions, io: Pick<CliIo, 'env' | 'stdout'>): boolean {
  const files = options.json || options.junit || options.gradescope;
  return (
    Boolean(io.stdout.isTTY) &&
    io.env.TERM !== 'dumb' &&
    !io.env.CI &&
    !options.ci &&
    !files &&
    !options.batch &&
    !options.submission
  );
}

/** Whether any exercise under `root` has its reference solution (a course repository, not a student's). */
function hasSolutions(root: string): boolean {
  const exercises = path.join(root, 'exercises');
  if (!existsSync(exercises)) return false;
  return readdirSync(exercises).some((id) => existsSync(path.join(exercises, id, 'solution')));
}

/**
 * Runs the grader with `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['03', '--ci'], { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  try {
    const options = parseCli(argv, io.env);
    lang = options.lang;
    if (options.help) {
      // A student's repository has no solutions: the instructor's flags would only confuse there.
      const root = options.root ? path.resolve(io.cwd, options.root) : findRoot(io.cwd);
      const instructor = hasSolutions(root) ? t('core.cli.helpInstructor', lang) : '';
      io.stdout.write(`${t('core.cli.help', lang, { instructor })}\n`);
      return 0;
    }
    // An unset repository secret reaches the workflow as an empty GRADE_SEED: say so, or CI would
    // grade with the public seed while the instructor believes it secret.
    if (options.seedSecretEmpty) io.stderr.write(`${t('core.cli.emptySeedSecret', lang)}\n`);
    const root = options.root ? path.resolve(io.cwd, options.root) : findRoot(io.cwd);
    if (options.batch) return await (await import('./batch.js')).runBatchMode(options, root, io);
    const { exercises: all, problems } = await discover(root);
    const exercises = all.filter((e) => matchesFilters(e.id, options.filters));
    if (all.length === 0 && problems.length === 0) {
      io.stderr.write(`${t('core.cli.noExercises', lang, { root })}\n`);
      return 2;
    }
    if (
      options.filters.length > 0 &&
      exercises.length === 0 &&
      !problems.some((p) => matchesFilters(p.id, options.filters))
    ) {
      const ids = all.map((e) => `  ${e.id}`).join('\n');
      io.stderr.write(`${t('core.cli.noMatch', lang, { filters: options.filters.join('", "'), ids })}\n`);
      return 2;
    }
    if (options.reset !== undefined) {
      const { runResetMode } = await import('./reset.js');
      return await runResetMode({ filter: options.reset, yes: options.yes, lang }, root, all, io);
    }
    if (options.list) return await (await import('./list.js')).runListMode(root, exercises, lang, io);
    if (options.submission) {
      return await (await import('./submission.js')).runSubmissionMode(options, root, exercises, io);
    }
    if (interactive(options, io)) {
      const { runInteractive } = await import('./interactive.js');
      const { filters, seed, minScore } = options;
      const code = await runInteractive({
        root,
        filters,
        seed,
        lang,
        source: options.solutions ? 'solution' : 'src',
        record: recordsLastResults(options, io.env),
        ...(minScore !== undefined ? { minScore } : {}),
      });
      io.exit?.(code);
      return code;
    }
    if (options.watch)
      return await (await import('./watch.js')).runWatchMode(options, root, all, exercises, io);
    return await (await import('./plain.js')).runPlainMode(options, root, all, exercises, io);
  } catch (error) {
    if (error instanceof GraderError) {
      io.stderr.write(`${error.localized[lang]}\n`);
      return 2;
    }
    const localized = (error as { localized?: Localized }).localized;
    const reason =
      localized?.[lang] ?? (error instanceof Error ? (error.stack ?? error.message) : String(error));
    io.stderr.write(`${t('core.cli.failed', lang, { reason })}\n`);
    return 2;
  }
}

/** `main` for this process: its arguments, its streams, its exit code. */
export async function runFromCommandLine(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    exit: (code) => process.exit(code),
  });
}

// For `bin/bundle.mjs`, which loads this module from the grader's bundle (and for its test).
export { importChecks, setBundledLibraries } from '../core/checks-module.js';

// Run when executed directly (`node --import tsx grader/src/cli/main.ts`), not when imported by
// tests or by `bin/grade.mjs` (`pnpm grade`, which starts the grader from its bundle).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runFromCommandLine();
}
