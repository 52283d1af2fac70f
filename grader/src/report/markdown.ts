/**
 * The Markdown summary that GitHub Actions shows on a run's page (appended to the file named by
 * `$GITHUB_STEP_SUMMARY`): a table of exercises, then the checks that did not pass.
 */
import { appendFileSync } from 'node:fs';
import type { Lang } from '@gradschool/exercise-kit';
import { percent } from '../core/score.js';
import type { CheckResult, ExerciseResult, GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import { formatPoints, shownSeed, skippedText } from './format.js';

const EMOJI: Record<string, string> = {
  pass: '✅',
  fail: '❌',
  error: '💥',
  timeout: '⏱️',
  todo: '⬜',
};

/** Escapes text for a Markdown table cell or a line: no HTML, no table breaks, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, ' ')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

/** A fenced code block whose fence is longer than any backtick run inside `text`. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').trimEnd()}\n${fence}`;
}

function points(score: number, max: number): string {
  return `${formatPoints(score)}/${formatPoints(max)}`;
}

/**
 * The report as GitHub-flavoured Markdown, in `lang`.
 *
 * @example
 * toMarkdownSummary(report, 'en').split('\n')[0] // '## gradschool: 37/100 pts (37%)'
 */
export function toMarkdownSummary(report: GradeReport, lang: Lang): string {
  const total = t('report.points', lang, {
    score: formatPoints(report.score),
    max: formatPoints(report.maxScore),
  });
  const lines = [
    `## gradschool: ${total} (${percent(report.score, report.maxScore)}%)`,
    '',
    `${t(`report.source.${report.source}`, lang)} · ${t('report.seed', lang)} ${report.seedHidden ? shownSeed(report, lang) : `\`${report.seed}\``}`,
    '',
    `| | ${t('report.md.exercise', lang)} | ${t('report.md.title', lang)} | ${t('report.md.score', lang)} |`,
    '|---|---|---|---:|',
    ...report.exercises.map(
      (e) =>
        `| ${EMOJI[e.status]} | \`${e.id}\` | ${escapeMarkdown(e.title[lang])} | ${points(e.score, e.maxScore)} |`,
    ),
  ];
  for (const exercise of report.exercises) {
    const failing = exercise.checks.filter((c) => c.status !== 'pass');
    if (failing.length === 0 && !exercise.problem) continue;
    lines.push('', ...exerciseDetails(exercise, failing, lang));
  }
  if (report.ignoredFiles.length > 0) {
    lines.push('', t('report.ignoredFiles', lang, { count: report.ignoredFiles.length }));
    lines.push(...report.ignoredFiles.map((file) => `- \`${file.replace(/`/g, "'")}\``));
  }
  return `${lines.join('\n')}\n`;
}

function exerciseDetails(exercise: ExerciseResult, failing: CheckResult[], lang: Lang): string[] {
  const lines = [
    `<details><summary>${EMOJI[exercise.status]} ${exercise.id} — ${points(exercise.score, exercise.maxScore)}</summary>`,
    '',
  ];
  if (exercise.problem) {
    const { problem } = exercise;
    lines.push(`- **${problem.code}**: ${escapeMarkdown(problem.message[lang])}`);
    if (problem.frame) lines.push('', codeBlock(problem.frame), '');
  }
  for (const check of failing) {
    const why = check.skippedBecause ? skippedText(exercise, check, lang) : check.message[lang];
    lines.push(
      `- ${EMOJI[check.status]} **${escapeMarkdown(check.title[lang])}** (\`${check.id}\`, ${points(check.score, check.maxScore)}): ${escapeMarkdown(why)}`,
    );
    if (check.expected !== undefined)
      lines.push(`  - ${t('report.expected', lang)}: ${escapeMarkdown(check.expected)}`);
    if (check.got !== undefined) lines.push(`  - ${t('report.got', lang)}: ${escapeMarkdown(check.got)}`);
    if (check.output.trim() !== '') lines.push('', codeBlock(check.output), '');
  }
  lines.push('', '</details>');
  return lines;
}

/**
 * Appends the summary to `file` (GitHub's `$GITHUB_STEP_SUMMARY`): other steps' summaries in the
 * same file stay.
 */
export function appendStepSummary(report: GradeReport, lang: Lang, file: string): void {
  appendFileSync(file, `${toMarkdownSummary(report, lang)}\n`, 'utf8');
}
