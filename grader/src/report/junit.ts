/**
 * The JUnit XML report (`--junit FILE`) that CI systems (GitHub Actions, GitLab, Jenkins) show as
 * test results: one `<testsuite>` per exercise, one `<testcase>` per check.
 */
import type { Lang } from '@gradschool/exercise-kit';
import type { CheckResult, ExerciseResult, GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import { formatPoints, shownSeed, skippedText } from './format.js';
import { element, escapeXml } from './xml.js';

/** Seconds, as JUnit writes durations. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/**
 * The report as JUnit XML. `fail` is a `<failure>`, `error` and `timeout` are `<error>`s, `todo`
 * and checks skipped after a failed dependency are `<skipped>`. The student's printed output goes
 * to the testcase's `<system-out>`.
 *
 * @example
 * writeFileSync('junit.xml', toJUnit(report, 'en'));
 */
export function toJUnit(report: GradeReport, lang: Lang): string {
  const suites = report.exercises.map((exercise) => testSuite(exercise, report, lang));
  const all = report.exercises.flatMap((e) => e.checks);
  const totals = counts(all);
  const root = element(
    'testsuites',
    {
      name: 'gradschool',
      tests: all.length,
      failures: totals.failures,
      errors: totals.errors,
      skipped: totals.skipped,
      time: seconds(report.durationMs),
      timestamp: report.startedAt,
    },
    `\n${suites.join('\n')}\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

function counts(checks: readonly CheckResult[]) {
  const kind = checks.map(outcome);
  return {
    failures: kind.filter((k) => k === 'failure').length,
    errors: kind.filter((k) => k === 'error').length,
    skipped: kind.filter((k) => k === 'skipped').length,
  };
}

function outcome(check: CheckResult): 'pass' | 'failure' | 'error' | 'skipped' {
  if (check.skippedBecause || check.status === 'todo') return 'skipped';
  if (check.status === 'pass') return 'pass';
  return check.status === 'fail' ? 'failure' : 'error';
}

function testSuite(exercise: ExerciseResult, report: GradeReport, lang: Lang): string {
  const totals = counts(exercise.checks);
  const properties = [
    element('property', { name: 'seed', value: shownSeed(report, lang) }),
    element('property', { name: 'status', value: exercise.status }),
    element('property', {
      name: 'score',
      value: `${formatPoints(exercise.score)}/${formatPoints(exercise.maxScore)}`,
    }),
  ];
  const cases = exercise.checks.map((check) => testCase(exercise, check, lang));
  const parts = [`  ${element('properties', {}, properties.join(''))}`, ...cases];
  if (exercise.problem) {
    const { problem } = exercise;
    const where = problem.file ? `${problem.file}:${problem.line ?? 0}:${problem.column ?? 0}\n` : '';
    const text = `${problem.code}: ${problem.message[lang]}\n${where}${problem.frame ?? ''}`;
    parts.push(`  ${element('system-err', {}, escapeXml(text))}`);
  }
  return `  ${element(
    'testsuite',
    {
      name: exercise.id,
      tests: exercise.checks.length,
      failures: totals.failures,
      errors: totals.errors,
      skipped: totals.skipped,
      time: seconds(exercise.durationMs),
      timestamp: report.startedAt,
    },
    `\n${parts.join('\n')}\n  `,
  )}`;
}

function testCase(exercise: ExerciseResult, check: CheckResult, lang: Lang): string {
  const inner: string[] = [];
  const kind = outcome(check);
  const message = check.skippedBecause ? skippedText(exercise, check, lang) : check.message[lang];
  const details = [message];
  if (check.expected !== undefined) details.push(`${t('report.expected', lang)}: ${check.expected}`);
  if (check.got !== undefined) details.push(`${t('report.got', lang)}: ${check.got}`);
  if (kind === 'failure' || kind === 'error') {
    inner.push(element(kind, { message, type: check.status }, escapeXml(details.join('\n'))));
  } else if (kind === 'skipped') {
    inner.push(element('skipped', { message }));
  }
  if (check.output !== '') inner.push(element('system-out', {}, escapeXml(check.output)));
  const attributes = {
    classname: exercise.id,
    name: `${check.id}: ${check.title[lang]}`,
    time: seconds(check.durationMs),
  };
  return `    ${inner.length === 0 ? element('testcase', attributes) : element('testcase', attributes, inner.join(''))}`;
}
