/**
 * The grader's command line, parsed (`node:util` parseArgs) and checked. Knows nothing of what the
 * flags do: `main.ts` and its modes act on them.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '@gradschool/exercise-kit';
import { DEFAULT_SEED, parseSeed } from '../core/seed.js';
import { GraderError } from '../errors.js';
import { both } from '../i18n/index.js';

export interface CliOptions {
  /** Exercise id prefixes (positional): `pnpm grade 03 04`. */
  filters: string[];
  /** The course repository (default: the nearest folder up from the cwd that holds `exercises/`). */
  root?: string;
  watch: boolean;
  ci: boolean;
  json?: string;
  junit?: string;
  gradescope?: string;
  solutions: boolean;
  submission?: string;
  batch?: string;
  seed: number;
  /** The seed came from `GRADE_SEED` (CI's secret), not `--seed`: no output may show it. */
  seedHidden: boolean;
  /**
   * `GRADE_SEED` is set but empty, as `\${{ secrets.GRADE_SEED }}` is when the secret does not exist
   * for the repository (GitHub Classroom copies no template secrets): the public seed is used.
   */
  seedSecretEmpty?: true;
  /** `--roster FILE` (batch): who the submission folders belong to. */
  roster?: string;
  /** `--before TIME` (batch, submission): grade each git submission's last commit at or before it. */
  before?: Date;
  /** `--feedback DIR` (batch, submission): one Markdown and one HTML file per student. */
  feedback?: string;
  /** `--jobs N` (batch): submissions graded at once (default: the number of cores). */
  jobs?: number;
  /** `--resume` (batch): keep the rows of submissions already graded and unchanged, even after a complete batch. */
  resume: boolean;
  lang: Lang;
  /** Percent of the maximum score that counts as passing (exit 0). */
  minScore?: number;
  typecheck: boolean;
  /** `--list`: print the exercises with their status, grade nothing. */
  list: boolean;
  /** `--reset ID`: restore that exercise's starter (after confirming, or with `--yes`). */
  reset?: string;
  /** `--yes`: `--reset` without asking (scripts). */
  yes: boolean;
  help: boolean;
}

const FLAGS = {
  watch: { type: 'boolean', short: 'w' },
  ci: { type: 'boolean' },
  json: { type: 'string' },
  junit: { type: 'string' },
  gradescope: { type: 'string' },
  solutions: { type: 'boolean' },
  submission: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  lang: { type: 'string' },
  'min-score': { type: 'string' },
  typecheck: { type: 'boolean' },
  root: { type: 'string' },
  roster: { type: 'string' },
  before: { type: 'string' },
  feedback: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  resume: { type: 'boolean' },
  list: { type: 'boolean' },
  reset: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The language when `--lang` is not given: from `LANG` (`en_US.UTF-8` -> en), else Korean. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const lang = (env.LC_ALL || env.LANG || '').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'ko';
}

/**
 * A deadline given to `--before`: an ISO 8601 time **with its zone** (`2026-12-10T23:59+09:00`,
 * `...Z`). A time without one would mean the grading machine's zone (UTC on CI), hours off the
 * deadline the class was given, so it is refused.
 */
export function parseDeadline(text: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const time = iso.test(text.trim()) ? new Date(text.trim()) : null;
  if (!time || Number.isNaN(time.getTime()))
    throw new GraderError('usage', both('core.cli.badBefore', { value: text }));
  return time;
}

/** `--jobs N`: a whole number of submissions graded at once, 1 to 64. */
export function parseJobs(text: string): number {
  const jobs = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new GraderError('usage', both('core.cli.badJobs', { value: text }));
  return jobs;
}

/**
 * Parses `argv` (without `node` and the script). Throws `GraderError('usage')` with a bilingual
 * message for unknown flags or bad values; the CLI prints it and exits 2.
 *
 * @example
 * ```ts
 * parseCli(['03', '--ci', '--seed', '7'], process.env); // { filters: ['03'], ci: true, seed: 7, ... }
 * ```
 */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new GraderError('usage', both('core.cli.badFlag', { reason: (error as Error).message }));
  }
  const { values, positionals } = parsed;

  const langText = values.lang ?? undefined;
  if (langText !== undefined && langText !== 'ko' && langText !== 'en')
    throw new GraderError('usage', both('core.cli.badLang', { value: langText }));
  const lang: Lang = (langText as Lang | undefined) ?? langFromEnv(env);

  const seedHidden = values.seed === undefined && env.GRADE_SEED !== undefined && env.GRADE_SEED !== '';
  const seedText = values.seed ?? env.GRADE_SEED;
  const seed = seedText === undefined || seedText === '' ? DEFAULT_SEED : parseSeed(seedText);
  // A malformed secret is still (close to) the secret: name the variable, not its value.
  if (seed === null)
    throw new GraderError(
      'usage',
      both('core.cli.badSeed', { value: seedHidden ? 'GRADE_SEED' : String(seedText) }),
    );

  let minScore: number | undefined;
  if (values['min-score'] !== undefined) {
    minScore = Number(values['min-score']);
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 100 || values['min-score'].trim() === '')
      throw new GraderError('usage', both('core.cli.badMinScore', { value: values['min-score'] }));
  }
  const exclusive = [
    values.solutions && '--solutions',
    values.submission && '--submission',
    values.batch && '--batch',
  ].filter(Boolean);
  if (exclusive.length > 1)
    throw new GraderError('usage', both('core.cli.badFlag', { reason: `${exclusive.join(', ')}: pick one` }));

  const before = values.before === undefined ? undefined : parseDeadline(values.before);
  const jobs = values.jobs === undefined ? undefined : parseJobs(values.jobs);
  for (const [flag, given] of [
    ['--roster', values.roster],
    ['--jobs', values.jobs],
    ['--resume', values.resume],
    ['--before', values.before],
    ['--feedback', values.feedback],
  ] as const) {
    const batchOnly = flag === '--roster' || flag === '--jobs' || flag === '--resume';
    const allowed = batchOnly ? values.batch : values.batch || values.submission;
    if (given !== undefined && !allowed)
      throw new GraderError(
        'usage',
        both(batchOnly ? 'core.cli.needsBatchOnly' : 'core.cli.needsBatch', { flag }),
      );
  }

  // --reset names its one exercise itself; grading flags with it would be silently ignored.
  if (values.reset !== undefined) {
    const others = [
      ...positionals,
      ...(['watch', 'ci', 'json', 'junit', 'gradescope', 'solutions', 'submission', 'batch', 'list'] as const)
        .filter((flag) => values[flag] !== undefined && values[flag] !== false)
        .map((flag) => `--${flag}`),
    ];
    if (others.length > 0)
      throw new GraderError('usage', both('core.cli.resetWithOthers', { flags: others.join(' ') }));
  }

  return {
    filters: positionals,
    ...(values.root ? { root: values.root } : {}),
    watch: values.watch ?? false,
    ci: values.ci ?? false,
    ...(values.json ? { json: values.json } : {}),
    ...(values.junit ? { junit: values.junit } : {}),
    ...(values.gradescope ? { gradescope: values.gradescope } : {}),
    solutions: values.solutions ?? false,
    ...(values.submission ? { submission: values.submission } : {}),
    ...(values.batch ? { batch: values.batch } : {}),
    seed,
    seedHidden,
    ...(values.seed === undefined && env.GRADE_SEED === '' ? { seedSecretEmpty: true as const } : {}),
    ...(values.roster ? { roster: values.roster } : {}),
    ...(before ? { before } : {}),
    ...(values.feedback ? { feedback: values.feedback } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    resume: values.resume ?? false,
    lang,
    ...(minScore !== undefined ? { minScore } : {}),
    typecheck: values.typecheck ?? false,
    list: values.list ?? false,
    ...(values.reset !== undefined ? { reset: values.reset } : {}),
    yes: values.yes ?? false,
    help: values.help ?? false,
  };
}
