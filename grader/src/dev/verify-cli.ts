/**
 * `pnpm verify [id...] [--lang ko|en] [--root DIR] [--no-lint]`: runs `verifyExercise` for every
 * discovered exercise (or those the ids select) and prints, per exercise, each problem with the check
 * or file it is about, then its warnings. Exit 0 when every exercise is good, 1 when one is not, 2 on
 * a broken manifest, an id that names no exercise, or a usage error (`--help` prints the usage).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Lang } from '@gradschool/exercise-kit';
import { langFromEnv } from '../cli/args.js';
import { discover, findRoot, matchesFilters } from '../core/discover.js';
import { t } from '../i18n/index.js';
import { verifyExercise } from './verify.js';

/** Options of {@link runVerify}. */
export interface RunVerifyOptions {
  /** Run the type checker and the linter (default true; `--no-lint` turns them off). */
  lint?: boolean;
}

/**
 * Verifies the exercises under `root` and writes the outcome to `out`; returns the exit code. An id
 * that selects no exercise is a usage error (2), with the exercises there are.
 */
export async function runVerify(
  root: string,
  filters: string[],
  lang: Lang,
  out: (line: string) => void,
  options: RunVerifyOptions = {},
): Promise<number> {
  const { exercises, problems } = await discover(root);
  const known = [...new Set([...exercises.map((e) => e.id), ...problems.map((p) => p.id)])].sort();
  const unknown = filters.filter((f) => !known.some((id) => matchesFilters(id, [f])));
  if (unknown.length > 0) {
    for (const filter of unknown)
      out(`✗ ${t('core.verify.unknownId', lang, { filter, known: known.join(', ') || '-' })}`);
    return 2;
  }
  let code = 0;
  for (const p of problems.filter((p) => matchesFilters(p.id, filters))) {
    out(`✗ ${p.file} (${p.field}): ${p.message[lang]}`);
    code = 2;
  }
  const selected = exercises.filter((e) => matchesFilters(e.id, filters));
  for (const ex of selected) {
    const result = await verifyExercise(ex, { root, lint: options.lint !== false });
    if (result.ok) out(`✓ ${t('core.verify.ok', lang, { id: ex.id, mutants: result.mutants })}`);
    else {
      code = Math.max(code, 1);
      out(`✗ ${t('core.verify.failed', lang, { id: ex.id, n: result.problems.length })}`);
      for (const p of result.problems) out(`    - ${p.where ? `[${p.where}] ` : ''}${p.message[lang]}`);
    }
    if (result.warnings.length > 0) {
      out(`⚠ ${t('core.verify.warning', lang, { id: ex.id, n: result.warnings.length })}`);
      for (const w of result.warnings) out(`    - ${w.where ? `[${w.where}] ` : ''}${w.message[lang]}`);
    }
  }
  return code;
}

/**
 * The command line: `--help` prints the usage (exit 0); an unknown option or a bad `--lang` prints
 * what was wrong and the usage (exit 2), never a stack trace.
 */
export async function verifyMain(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const envLang = langFromEnv(env);
  try {
    parsed = parse(argv);
  } catch (error) {
    err(usageError(error, envLang));
    err(t('core.verify.usage', envLang));
    return 2;
  }
  const { values, positionals } = parsed;
  const lang: Lang = values.lang === 'en' || values.lang === 'ko' ? values.lang : envLang;
  if (values.help) {
    out(t('core.verify.usage', lang));
    return 0;
  }
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ko') {
    err(t('core.verify.badUsage', lang, { reason: `--lang ${values.lang}` }));
    err(t('core.verify.usage', lang));
    return 2;
  }
  const root = values.root ? path.resolve(cwd, values.root) : findRoot(cwd);
  return runVerify(root, positionals, lang, out, { lint: !values['no-lint'] });
}

/** Node's parseArgs error, in the course's words (its own message is English only). */
function usageError(error: unknown, lang: Lang): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^'\s]+)/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('core.verify.unknownOption', lang, { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t('core.verify.missingValue', lang, { option });
  return t('core.verify.badUsage', lang, { reason: message ?? String(error) });
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      lang: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'no-lint': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await verifyMain(
    process.argv.slice(2),
    process.env,
    process.cwd(),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
}
