/**
 * The plain-text report: what `pnpm grade` prints when it is not drawing the Ink UI (CI, pipes,
 * `--ci`). One line per exercise, then what went wrong in each failing check, a hint, a total.
 */
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { hiddenTotals, percent } from '../core/score.js';
import type { CheckResult, ExerciseResult, GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import { makePaint, type Paint } from './ansi.js';
import { formatPoints, STATUS_STYLE, STATUS_SYMBOL, shownSeed, skippedText } from './format.js';
import { renderPictures } from './pictures.js';
import { renderTable } from './table.js';
import { padToWidth, textWidth } from './text.js';

/** Options of {@link renderPlain}. */
export interface PlainOptions {
  lang: Lang;
  /** ANSI colors; the CLI passes `stdout.isTTY && !NO_COLOR`. */
  color: boolean;
  /** Also list passing checks, charts and every captured output. */
  verbose?: boolean;
  /** Columns for pictures side by side (the CLI passes the terminal's width; default 80). */
  width?: number;
  /**
   * Each exercise's hints (from its manifest), by exercise id. The first one is printed under an
   * exercise that did not pass: the report itself carries no hints.
   */
  hints?: Record<string, readonly Localized[]>;
  /** Submitted files that were refused (from `prepareSubmission`), listed with their reason. */
  refusedFiles?: readonly { path: string; reason: Localized }[];
  /**
   * The exercises this run did not grade (`pnpm grade 01` leaves out 02, 03, ...): when the
   * selected ones all pass, these are named instead of celebrating the whole course.
   */
  notSelected?: readonly { id: string; title: Localized }[];
}

/** Most ignored files listed by name; the rest are counted. */
const MAX_IGNORED_LISTED = 20;

/**
 * Renders a report as plain text (ending with a newline), in one language, colored or not.
 *
 * @example
 * ```ts
 * process.stdout.write(renderPlain(report, { lang: 'ko', color: process.stdout.isTTY && !process.env.NO_COLOR }));
 * ```
 */
export function renderPlain(report: GradeReport, options: PlainOptions): string {
  const { lang } = options;
  const paint = makePaint(options.color);
  const lines: string[] = [];
  if (report.exercises.length === 0) lines.push(t('report.noExercises', lang));
  const idWidth = Math.max(0, ...report.exercises.map((ex) => textWidth(ex.id)));
  const titleWidth = Math.max(0, ...report.exercises.map((ex) => textWidth(ex.title[lang])));
  for (const exercise of report.exercises) {
    lines.push(exerciseLine(exercise, idWidth, titleWidth, options, paint));
    lines.push(...exerciseDetails(exercise, options, paint));
  }
  lines.push('', totalLine(report, lang, paint, options.notSelected ?? []));
  if (report.ignoredFiles.length > 0) lines.push(...ignoredLines(report.ignoredFiles, options, paint));
  for (const refused of options.refusedFiles ?? []) {
    lines.push(
      paint('red', `${t('report.refusedFile', lang)}: ${sanitize(refused.path)} — ${refused.reason[lang]}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function exerciseLine(
  exercise: ExerciseResult,
  idWidth: number,
  titleWidth: number,
  { lang }: PlainOptions,
  paint: Paint,
): string {
  const style = STATUS_STYLE[exercise.status];
  const symbol = paint(style, STATUS_SYMBOL[exercise.status]);
  const id = paint('bold', padToWidth(exercise.id, idWidth));
  const title = padToWidth(exercise.title[lang], titleWidth);
  const score = `${formatPoints(exercise.score)}/${formatPoints(exercise.maxScore)}`;
  // A local run announces the exercise's hidden points beside its score (they are not in it).
  const hidden =
    exercise.hidden && !exercise.hidden.graded
      ? paint(
          'gray',
          `  🔒 +${t('report.points', lang, { score: '?', max: formatPoints(exercise.hidden.points) })}`,
        )
      : '';
  return `${symbol} ${id}  ${title}  ${paint(style, score)}${hidden}`;
}

function exerciseDetails(exercise: ExerciseResult, options: PlainOptions, paint: Paint): string[] {
  const { lang, verbose } = options;
  const lines: string[] = [];
  if (exercise.problem) {
    const { problem } = exercise;
    // Most problem messages already name their place; add it only when they do not.
    const where =
      problem.file && !problem.message[lang].includes(problem.file)
        ? ` (${problem.file}${problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}` : ''})`
        : '';
    lines.push(...indent(`${paint('magenta', '!')} ${problem.message[lang]}${where}`, 4));
    if (problem.frame) lines.push(...indent(sanitize(problem.frame), 6));
  }
  if (exercise.status === 'todo' && !verbose) {
    const file = exercise.files[0] ?? `exercises/${exercise.id}/src`;
    lines.push(...indent(paint('gray', t('report.todoExercise', lang, { file })), 4));
  } else {
    for (const check of exercise.checks) {
      // A passing check is one line, unless it drew pictures (06's digits): those are worth the room.
      if (check.status === 'pass' && !verbose && !check.pictures) continue;
      // When the whole exercise could not run, its checks only repeat the problem: one line each
      // (a hang at load makes them `timeout`s that say the same).
      const repeatsProblem =
        exercise.problem !== undefined &&
        (check.status === 'error' || check.message[lang] === exercise.problem.message[lang]);
      lines.push(...checkLines(exercise, check, options, paint, repeatsProblem));
    }
  }
  const hint = options.hints?.[exercise.id]?.[0];
  if (hint && exercise.status !== 'pass') {
    lines.push(...indent(`${paint('cyan', `${t('report.hint', lang)}:`)} ${hint[lang]}`, 4));
  }
  return lines;
}

function checkLines(
  exercise: ExerciseResult,
  check: CheckResult,
  { lang, verbose, color, width = 80 }: PlainOptions,
  paint: Paint,
  headOnly = false,
): string[] {
  const style = STATUS_STYLE[check.status];
  const score = `${formatPoints(check.score)}/${formatPoints(check.maxScore)}`;
  const lock = check.hidden ? `🔒 ${t('report.hiddenCheck', lang)} ` : '';
  const head = `${paint(style, STATUS_SYMBOL[check.status])} ${lock}${check.id}  ${check.title[lang]}  ${paint(style, score)}`;
  const lines = indent(head, 4);
  if (headOnly) return lines;
  const details: string[] = [];
  if (check.skippedBecause) {
    details.push(paint('gray', skippedText(exercise, check, lang)));
  } else if (check.message[lang]) {
    details.push(sanitize(check.message[lang]));
  }
  if (check.expected !== undefined || check.got !== undefined) {
    const labels = [t('report.expected', lang), t('report.got', lang)];
    const width = Math.max(...labels.map(textWidth)) + 1;
    if (check.expected !== undefined)
      details.push(`${padToWidth(`${labels[0]}:`, width)} ${paint('green', sanitize(check.expected))}`);
    if (check.got !== undefined)
      details.push(`${padToWidth(`${labels[1]}:`, width)} ${paint('red', sanitize(check.got))}`);
  }
  if (check.table) {
    // The cells are cleaned first, so the only escape codes left are the diagonal's own highlight.
    const table = {
      ...check.table,
      head: check.table.head.map((h) => sanitize(String(h))),
      rows: check.table.rows.map((row) => row.map((c) => (typeof c === 'string' ? sanitize(c) : c))),
    };
    details.push(...renderTable(table, { highlight: (cell) => paint('bold', paint('green', cell)) }));
  }
  if (check.pictures)
    details.push(...renderPictures(check.pictures, { lang, width: Math.max(20, width - 6), color }));
  if (check.picturesDropped)
    details.push(paint('gray', t('report.picturesDropped', lang, { n: check.picturesDropped })));
  if (check.chart && verbose) {
    for (const series of check.chart.series) {
      const last = series.values[series.values.length - 1];
      const value = last === undefined ? '-' : String(Number(last.toPrecision(6)));
      details.push(`${check.chart.title[lang]} · ${series.name}: ${t('report.chartLast', lang)} ${value}`);
    }
  }
  if (check.output.trim() !== '' && (check.status !== 'pass' || verbose)) {
    details.push(paint('gray', `${t('report.output', lang)}:`));
    details.push(
      ...sanitize(check.output.replace(/\n+$/, ''))
        .split('\n')
        .map((line) => `${paint('gray', '│')} ${line}`),
    );
  }
  for (const detail of details) lines.push(...indent(detail, 6));
  return lines;
}

function totalLine(
  report: GradeReport,
  lang: Lang,
  paint: Paint,
  notSelected: readonly { id: string; title: Localized }[],
): string {
  const allPassed = report.maxScore > 0 && report.score === report.maxScore;
  const score = t('report.points', lang, {
    score: formatPoints(report.score),
    max: formatPoints(report.maxScore),
  });
  const total = `${t('report.total', lang)}: ${score} (${percent(report.score, report.maxScore)}%)`;
  const meta = `${t(`report.source.${report.source}`, lang)} · ${t('report.seed', lang)} ${shownSeed(report, lang)}`;
  const line = [
    `${paint('bold', paint(allPassed ? 'green' : 'yellow', total))}  ${paint('gray', meta)}`,
    ...hiddenLines(report, lang).map((text) => paint('gray', `  🔒 ${text}`)),
  ].join('\n');
  if (!allPassed) return line;
  if (notSelected.length === 0) return `${line}\n${paint('green', t('report.allPassed', lang))}`;
  return [
    line,
    paint('green', t('report.selectedPassed', lang, { n: notSelected.length })),
    ...notSelected.map((ex) => `  - ${ex.id} ${ex.title[lang]}`),
    t('report.gradeAll', lang),
  ].join('\n');
}

/**
 * Which part of the total is hidden: the checks a local run leaves for record grading (not in the
 * maximum above), or the ones record grading counted in it. Counts and points only: a student's
 * copy holds nothing else of them.
 */
export function hiddenLines(report: GradeReport, lang: Lang): string[] {
  const { pending, graded } = hiddenTotals(report.exercises);
  const lines: string[] = [];
  if (pending.checks > 0)
    lines.push(
      t('report.hiddenPending', lang, { checks: pending.checks, points: formatPoints(pending.points) }),
    );
  if (graded.checks > 0)
    lines.push(
      t('report.hiddenGraded', lang, {
        checks: graded.checks,
        points: formatPoints(graded.points),
        score: formatPoints(graded.score),
      }),
    );
  return lines;
}

function ignoredLines(files: readonly string[], { lang, verbose }: PlainOptions, paint: Paint): string[] {
  const listed = verbose ? files : files.slice(0, MAX_IGNORED_LISTED);
  const lines = [paint('gray', t('report.ignoredFiles', lang, { count: files.length }))];
  lines.push(...listed.map((file) => paint('gray', `  - ${sanitize(file)}`)));
  if (listed.length < files.length) lines.push(paint('gray', `  … +${files.length - listed.length}`));
  return lines;
}

/** Indents every line of `text` by `spaces`. */
function indent(text: string, spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => pad + line);
}

/**
 * Removes control characters (ANSI escapes included) from text that student code produced, so a
 * printed `\x1b[2J` cannot clear the terminal or fake a green line. Keeps newlines and tabs.
 */
export function sanitize(text: string): string {
  return text
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}
