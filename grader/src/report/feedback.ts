/**
 * Feedback to hand back (`--feedback DIR`): one readable file per student, in Markdown and in HTML,
 * in the run's language: the total, the points of each exercise, and for each check that did not
 * pass its message (with the expected value and the student's) and the exercise's hints.
 *
 * **The secret-seed rule.** When the seed is the secret `GRADE_SEED`, a check whose inputs come from
 * the seed (its `input` reads `ctx.seed` or `ctx.runSeed`, or its judge mentions the seed: see
 * `seededChecks` in `record/submission-record.ts`) is shown by its title, status and points only: its message, expected value
 * and what the student's code returned are left out, because they name the inputs, and inputs drawn
 * from the secret seed let a student rebuild them (and fit answers to them) next time. Checks with
 * fixed inputs (the lecture's examples) keep their whole message. A seeded check that is `todo` is
 * withheld too: its message names what the student's code threw, and a student's code can throw (or
 * return, for `got`) its inputs to carry them out. The seed itself is never written,
 * nor what the student's code printed.
 */
import type { Lang, Localized } from '@gradschool/exercise-kit';
import type { CheckResult, ExerciseResult, GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import { formatPoints, skippedText } from './format.js';

/** What one student's feedback is made of. */
export interface FeedbackInput {
  report: GradeReport;
  lang: Lang;
  /** Who it is for, as the title shows it (`김민수 (2026001)`, else the folder name). */
  student: string;
  /** Each exercise's hints (its manifest's `hints`), by exercise id. */
  hints?: Readonly<Record<string, readonly Localized[]>>;
  /** `exerciseId/checkId` of the checks whose inputs come from the seed (`seededChecks` in `record/submission-record.ts`). */
  seeded?: ReadonlySet<string>;
  /** The commit graded, when the submission was a git repository. */
  commit?: { sha: string; committedAt: string };
  /** Why nothing was graded (an `empty` submission), in `lang`. */
  note?: string;
}

/** The key of a check in {@link FeedbackInput.seeded}. */
export const checkKey = (exerciseId: string, checkId: string) => `${exerciseId}/${checkId}`;

/** One failed check as feedback shows it: its parts, in `lang`, with what the seed rule keeps. */
interface CheckLines {
  heading: string;
  message?: string;
  expected?: string;
  got?: string;
  withheld: boolean;
}

function checkLines(input: FeedbackInput, exercise: ExerciseResult, check: CheckResult): CheckLines {
  const { lang } = input;
  const heading = `${check.title[lang]} — ${t(`report.feedback.status.${check.status}`, lang)} (${formatPoints(check.score)}/${formatPoints(check.maxScore)})`;
  if (check.skippedBecause) return { heading, message: skippedText(exercise, check, lang), withheld: false };
  const withheld = Boolean(input.report.seedHidden && input.seeded?.has(checkKey(exercise.id, check.id)));
  if (withheld) return { heading, message: t('report.feedback.secretInputs', lang), withheld };
  return {
    heading,
    message: check.message[lang],
    ...(check.expected !== undefined ? { expected: check.expected } : {}),
    ...(check.got !== undefined ? { got: check.got } : {}),
    withheld,
  };
}

/** The failed checks of an exercise, and its hints when any check failed. */
function exerciseParts(input: FeedbackInput, exercise: ExerciseResult) {
  const failed = exercise.checks
    .filter((c) => c.status !== 'pass')
    .map((c) => checkLines(input, exercise, c));
  const hints = failed.length > 0 ? (input.hints?.[exercise.id] ?? []).map((h) => h[input.lang]) : [];
  const problem = exercise.problem?.message[input.lang];
  return { failed, hints, problem };
}

function totalLine(input: FeedbackInput): string {
  const { report, lang } = input;
  const percent = report.maxScore > 0 ? Math.round((10000 * report.score) / report.maxScore) / 100 : 0;
  return t('report.feedback.total', lang, {
    score: formatPoints(report.score),
    max: formatPoints(report.maxScore),
    percent,
  });
}

/** A Markdown code fence longer than any run of backticks in `text`, so `text` cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** Text for a Markdown table cell or heading: no line breaks, no `|`, no HTML. */
function mdInline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The feedback as Markdown.
 *
 * @example
 * toFeedbackMarkdown({ report, lang: 'ko', student: '김민수 (2026001)' }) // '# 채점 결과: 김민수 (2026001)\n...'
 */
export function toFeedbackMarkdown(input: FeedbackInput): string {
  const { report, lang } = input;
  const out: string[] = [`# ${mdInline(t('report.feedback.title', lang, { student: input.student }))}`, ''];
  out.push(`**${totalLine(input)}**`, '');
  if (input.commit)
    out.push(
      t('report.feedback.commit', lang, {
        commit: input.commit.sha.slice(0, 12),
        time: input.commit.committedAt,
      }),
      '',
    );
  if (input.note) out.push(`> ${mdInline(input.note)}`, '');
  if (report.exercises.length > 0) {
    out.push(
      `| ${t('report.feedback.exercise', lang)} | ${t('report.feedback.points', lang)} |`,
      '| --- | ---: |',
    );
    for (const e of report.exercises)
      out.push(`| ${mdInline(e.title[lang])} | ${formatPoints(e.score)}/${formatPoints(e.maxScore)} |`);
    out.push('');
  }
  for (const exercise of report.exercises) {
    const { failed, hints, problem } = exerciseParts(input, exercise);
    if (failed.length === 0 && !problem) continue;
    out.push(`## ${mdInline(exercise.title[lang])}`, '');
    if (problem) out.push(fenced(problem), '');
    if (failed.length > 0) out.push(`### ${t('report.feedback.failed', lang)}`, '');
    for (const check of failed) {
      out.push(`- **${mdInline(check.heading)}**`, '');
      if (check.message) out.push(fenced(check.message).replace(/^/gm, '  '), '');
      if (check.expected !== undefined)
        out.push(
          `  ${t('report.feedback.expected', lang)}: \`${mdInline(check.expected).replace(/`/g, "'")}\``,
        );
      if (check.got !== undefined)
        out.push(`  ${t('report.feedback.got', lang)}: \`${mdInline(check.got).replace(/`/g, "'")}\``, '');
    }
    if (hints.length > 0) {
      out.push(`### ${t('report.feedback.hints', lang)}`, '');
      for (const hint of hints) out.push(`1. ${mdInline(hint)}`);
      out.push('');
    }
  }
  if (
    report.exercises.length > 0 &&
    report.exercises.every((e) => e.checks.every((c) => c.status === 'pass'))
  )
    out.push(t('report.feedback.allPassed', lang), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}' +
  'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem}td.n{text-align:right}' +
  'pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}';

/**
 * The feedback as one self-contained HTML page (no script, no outside resource); every text from
 * the report is escaped.
 */
export function toFeedbackHtml(input: FeedbackInput): string {
  const { report, lang } = input;
  const h = escapeHtml;
  const title = t('report.feedback.title', lang, { student: input.student });
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${h(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${h(title)}</h1>`,
    `<p><strong>${h(totalLine(input))}</strong></p>`,
  ];
  if (input.commit)
    out.push(
      `<p>${h(t('report.feedback.commit', lang, { commit: input.commit.sha.slice(0, 12), time: input.commit.committedAt }))}</p>`,
    );
  if (input.note) out.push(`<p>${h(input.note)}</p>`);
  if (report.exercises.length > 0) {
    out.push(
      `<table><tr><th>${h(t('report.feedback.exercise', lang))}</th><th>${h(t('report.feedback.points', lang))}</th></tr>`,
    );
    for (const e of report.exercises)
      out.push(
        `<tr><td>${h(e.title[lang])}</td><td class="n">${formatPoints(e.score)}/${formatPoints(e.maxScore)}</td></tr>`,
      );
    out.push('</table>');
  }
  for (const exercise of report.exercises) {
    const { failed, hints, problem } = exerciseParts(input, exercise);
    if (failed.length === 0 && !problem) continue;
    out.push(`<h2>${h(exercise.title[lang])}</h2>`);
    if (problem) out.push(`<pre>${h(problem)}</pre>`);
    if (failed.length > 0) out.push(`<h3>${h(t('report.feedback.failed', lang))}</h3><ul>`);
    for (const check of failed) {
      out.push(`<li><strong>${h(check.heading)}</strong>`);
      if (check.message) out.push(`<pre>${h(check.message)}</pre>`);
      if (check.expected !== undefined)
        out.push(`<div>${h(t('report.feedback.expected', lang))}: <code>${h(check.expected)}</code></div>`);
      if (check.got !== undefined)
        out.push(`<div>${h(t('report.feedback.got', lang))}: <code>${h(check.got)}</code></div>`);
      out.push('</li>');
    }
    if (failed.length > 0) out.push('</ul>');
    if (hints.length > 0)
      out.push(
        `<h3>${h(t('report.feedback.hints', lang))}</h3><ol>${hints.map((hint) => `<li>${h(hint)}</li>`).join('')}</ol>`,
      );
  }
  if (
    report.exercises.length > 0 &&
    report.exercises.every((e) => e.checks.every((c) => c.status === 'pass'))
  )
    out.push(`<p>${h(t('report.feedback.allPassed', lang))}</p>`);
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}
