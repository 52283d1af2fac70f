/**
 * Gradescope's `results.json` (`--gradescope FILE`), for courses that run `pnpm grade` as a
 * Gradescope autograder: one test per check, with its points and what went wrong.
 */
import type { Lang } from '@gradschool/exercise-kit';
import type { CheckResult, ExerciseResult, GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import { shownSeed, skippedText } from './format.js';

/** Who sees a test on Gradescope. */
export type GradescopeVisibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';

/** One test of a Gradescope result. */
export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  output_format: 'text';
  visibility: GradescopeVisibility;
  tags: string[];
}

/** Gradescope's `results.json`. */
export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  tests: GradescopeTest[];
}

/** Options of {@link toGradescope}. */
export interface GradescopeOptions {
  /**
   * Visibility of every test. Default `visible` (students learn most from seeing what failed),
   * except with the secret `GRADE_SEED`: then `after_published`, because a test's message shows its
   * inputs and expected values, which a student could hard-code and resubmit.
   */
  visibility?: GradescopeVisibility;
}

/**
 * The report as Gradescope results. An exercise that could not run at all (syntax error, ...)
 * without checks still appears, as a failed test worth 0 points, so the student sees why.
 *
 * @example
 * writeFileSync('/autograder/results/results.json', JSON.stringify(toGradescope(report, 'ko')));
 */
export function toGradescope(
  report: GradeReport,
  lang: Lang,
  options: GradescopeOptions = {},
): GradescopeResults {
  const visibility = options.visibility ?? 'visible';
  // The overall result stays visible; with the secret seed, the tests (their inputs) wait.
  const testVisibility = options.visibility ?? (report.seedHidden ? 'after_published' : 'visible');
  const tests = report.exercises.flatMap((exercise, e) =>
    exerciseTests(exercise, e + 1, lang, testVisibility),
  );
  const notes = [`${t('report.seed', lang)}: ${shownSeed(report, lang)}`];
  if (report.ignoredFiles.length > 0) {
    notes.push(t('report.ignoredFiles', lang, { count: report.ignoredFiles.length }));
    notes.push(...report.ignoredFiles.map((file) => `  - ${file}`));
  }
  return {
    score: report.score,
    max_score: report.maxScore,
    execution_time: Math.round(report.durationMs / 1000),
    output: notes.join('\n'),
    output_format: 'text',
    visibility,
    stdout_visibility: 'hidden',
    tests,
  };
}

function exerciseTests(
  exercise: ExerciseResult,
  position: number,
  lang: Lang,
  visibility: GradescopeVisibility,
): GradescopeTest[] {
  const tests = exercise.checks.map((check, c) => ({
    name: `${exercise.id} › ${check.title[lang]}`,
    number: `${position}.${c + 1}`,
    score: check.score,
    max_score: check.maxScore,
    status: check.status === 'pass' ? ('passed' as const) : ('failed' as const),
    output: checkOutput(exercise, check, lang),
    output_format: 'text' as const,
    visibility,
    tags: [exercise.id, check.id, check.status],
  }));
  if (exercise.problem && tests.length === 0) {
    const { problem } = exercise;
    const where = problem.file ? `\n${problem.file}:${problem.line ?? 0}:${problem.column ?? 0}` : '';
    tests.push({
      name: `${exercise.id} › ${exercise.title[lang]}`,
      number: `${position}.0`,
      score: 0,
      max_score: 0,
      status: 'failed',
      output: `${problem.message[lang]}${where}${problem.frame ? `\n${problem.frame}` : ''}`,
      output_format: 'text',
      visibility,
      tags: [exercise.id, problem.code],
    });
  }
  return tests;
}

function checkOutput(exercise: ExerciseResult, check: CheckResult, lang: Lang): string {
  const lines = [
    `[${t(`report.status.${check.status}`, lang)}] ${
      check.skippedBecause ? skippedText(exercise, check, lang) : check.message[lang]
    }`,
  ];
  if (check.expected !== undefined) lines.push(`${t('report.expected', lang)}: ${check.expected}`);
  if (check.got !== undefined) lines.push(`${t('report.got', lang)}: ${check.got}`);
  if (check.output.trim() !== '') lines.push(`${t('report.output', lang)}:`, check.output.trimEnd());
  return lines.join('\n');
}
