import type { Lang } from '@gradschool/exercise-kit';
import type { CheckResult, CheckStatus, ExerciseResult, ExerciseStatus, GradeReport } from '../core/types.js';
import { t } from '../i18n/index.js';
import type { Style } from './ansi.js';

/**
 * The run seed as every report shows it: the number, or "secret" when it is CI's `GRADE_SEED`
 * (printing it would let students hard-code the answers for it).
 *
 * @example
 * shownSeed({ ...report, seed: 7 }, 'en') // '7'
 * shownSeed({ ...report, seed: 7, seedHidden: true }, 'en') // 'secret (GRADE_SEED)'
 */
export function shownSeed(report: Pick<GradeReport, 'seed' | 'seedHidden'>, lang: Lang): string {
  return report.seedHidden ? t('report.seedSecret', lang) : String(report.seed);
}

/**
 * Points as people write them: integers bare, partial credit with at most two decimals.
 *
 * @example
 * formatPoints(3) // '3'
 * formatPoints(1.6667) // '1.67'
 */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Math.round(points * 100) / 100);
}

/** The symbol of each status: the same in every language, readable without colors. */
export const STATUS_SYMBOL: Record<CheckStatus | ExerciseStatus, string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  timeout: '⏱',
  todo: '○',
};

/** The color of each status when colors are on. */
export const STATUS_STYLE: Record<CheckStatus | ExerciseStatus, Style> = {
  pass: 'green',
  fail: 'red',
  error: 'magenta',
  timeout: 'yellow',
  todo: 'gray',
};

/**
 * "skipped: the check "Addition" it builds on did not pass": a skipped check's prerequisite named by
 * its title (students never see check ids), falling back to the id when it is not in the exercise.
 */
export function skippedText(exercise: ExerciseResult, check: CheckResult, lang: Lang): string {
  const dep = exercise.checks.find((c) => c.id === check.skippedBecause);
  return t('report.skipped', lang, { dep: dep ? dep.title[lang] : (check.skippedBecause ?? '') });
}
