/**
 * The JSON report (`--json FILE`): the `GradeReport` with every text in one language, validated
 * against `grader/schema/report.schema.json` before it is written, and written atomically.
 */
import type { Chart, Lang, Localized, Table } from '@gradschool/exercise-kit';
import { percent } from '../core/score.js';
import type { CheckResult, ExerciseResult, GradeReport } from '../core/types.js';
import { GraderError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { both } from '../i18n/index.js';
import { type JsonCheck, type JsonExercise, type JsonReport, validateJsonReport } from './schema.js';

/** A file of a submission that was refused, and why (from `prepareSubmission`). */
export interface RefusedFile {
  path: string;
  reason: Localized;
}

/** What a report can carry beyond the `GradeReport` itself. */
export interface JsonReportExtras {
  refusedFiles?: readonly RefusedFile[];
  /** What record grading found about the submission (`record/submission-source.ts`). */
  submission?: NonNullable<JsonReport['submission']>;
}

export type { JsonCheck, JsonExercise, JsonReport } from './schema.js';

/**
 * The report as plain JSON data in `lang` (not yet validated; {@link writeJsonReport} validates).
 *
 * @example
 * const data = toJsonReport(report, 'en');
 * data.exercises[0]?.checks[0]?.message; // 'softmax([1,1,2]) differs at [2] ...'
 */
export function toJsonReport(report: GradeReport, lang: Lang, extras: JsonReportExtras = {}): JsonReport {
  const json: JsonReport = {
    version: 1,
    seed: report.seedHidden ? null : report.seed,
    ...(report.seedHidden ? { seedHidden: true } : {}),
    lang,
    score: report.score,
    maxScore: report.maxScore,
    percent: percent(report.score, report.maxScore),
    durationMs: report.durationMs,
    startedAt: report.startedAt,
    source: report.source,
    ignoredFiles: [...report.ignoredFiles],
    exercises: report.exercises.map((exercise) => jsonExercise(exercise, lang, report.seedHidden === true)),
  };
  if (extras.submission) json.submission = structuredClone(extras.submission);
  if (extras.refusedFiles)
    json.refusedFiles = extras.refusedFiles.map(({ path, reason }) => ({ path, reason: reason[lang] }));
  return json;
}

/**
 * Validates the report against the schema, then writes it to `file` atomically. A report that does
 * not validate is the grader's bug: it throws a `GraderError` (code `internal`) naming the
 * failing fields, and writes nothing.
 */
export function writeJsonReport(
  report: GradeReport,
  lang: Lang,
  file: string,
  extras: JsonReportExtras = {},
): void {
  const json = toJsonReport(report, lang, extras);
  const problems = validateJsonReport(json);
  if (problems.length > 0) {
    throw new GraderError('internal', both('report.invalid', { problems: problems.join('; ') }));
  }
  writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
}

function jsonExercise(exercise: ExerciseResult, lang: Lang, seedHidden: boolean): JsonExercise {
  const json: JsonExercise = {
    id: exercise.id,
    title: exercise.title[lang],
    status: exercise.status,
    score: exercise.score,
    maxScore: exercise.maxScore,
    durationMs: exercise.durationMs,
    files: [...exercise.files],
    checks: exercise.checks.map((check) => jsonCheck(check, lang, seedHidden)),
  };
  if (exercise.problem) {
    const { message, ...rest } = exercise.problem;
    json.problem = { ...rest, message: message[lang] };
  }
  if (exercise.hidden) json.hidden = { ...exercise.hidden };
  return json;
}

function jsonCheck(check: CheckResult, lang: Lang, seedHidden: boolean): JsonCheck {
  const json: JsonCheck = {
    id: check.id,
    title: check.title[lang],
    status: check.status,
    score: check.score,
    maxScore: check.maxScore,
    message: check.message[lang],
    output: check.output,
    durationMs: check.durationMs,
  };
  if (check.expected !== undefined) json.expected = check.expected;
  if (check.got !== undefined) json.got = check.got;
  if (check.skippedBecause !== undefined) json.skippedBecause = check.skippedBecause;
  // Seeds derived from the secret seed stay secret too: their outcomes are kept, their numbers not.
  const shown = (seed: number) => (seedHidden ? null : seed);
  if (check.seeds) json.seeds = check.seeds.map(({ seed, status }) => ({ seed: shown(seed), status }));
  if (check.failedSeed !== undefined) json.failedSeed = shown(check.failedSeed);
  if (check.table) json.table = jsonTable(check.table);
  if (check.chart) json.chart = jsonChart(check.chart, lang);
  if (check.pictures)
    json.pictures = check.pictures.map(({ caption, width, height, pixels }) => ({
      caption: caption[lang],
      width,
      height,
      pixels: [...pixels],
    }));
  if (check.picturesDropped) json.picturesDropped = check.picturesDropped;
  if (check.hidden) json.hidden = true;
  return json;
}

/** JSON has no NaN or Infinity: a diverged loss becomes `null` in a chart, its text in a table. */
function jsonTable(table: Table): NonNullable<JsonCheck['table']> {
  return {
    head: [...table.head],
    rows: table.rows.map((row) =>
      row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? String(cell) : cell)),
    ),
    ...(table.diagonal === true ? { diagonal: true } : {}),
  };
}

function jsonChart(chart: Chart, lang: Lang): NonNullable<JsonCheck['chart']> {
  return {
    title: chart.title[lang],
    series: chart.series.map(({ name, values }) => ({
      name,
      values: values.map((v) => (Number.isFinite(v) ? v : null)),
    })),
  };
}
