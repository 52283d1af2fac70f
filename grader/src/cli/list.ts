/**
 * `pnpm grade --list`: every exercise (or those the filters name) with its title, its points and the
 * status of its last local grading (`last-results.ts`), like rustlings' `list`. Grades nothing: the
 * points in all come from each exercise's checks, the status from `.grade/last/`. Plain text, in
 * columns measured by `report/text.ts` (Hangul takes two columns).
 */
import type { Lang } from '@gradschool/exercise-kit';
import type { LoadedExercise } from '../core/discover.js';
import { maxScoreOfChecks } from '../core/score.js';
import { loadSuites } from '../core/suite.js';
import { t } from '../i18n/index.js';
import { formatPoints } from '../report/format.js';
import { fitWidth, padToWidth, textWidth } from '../report/text.js';
import type { CliIo } from './io.js';
import { filesFingerprint, type LastResult, loadLastResult } from './last-results.js';

/** One exercise as the list shows it. */
export interface ListRow {
  id: string;
  title: string;
  /** `3/10점`, or `–/10점` when not graded yet. */
  points: string;
  /** The last grading's status (and its checks), or "not graded yet"; "changed since" when it is. */
  status: string;
}

/** The status column: the last grading's status and checks, and whether the files changed since. */
function statusText(last: LastResult | undefined, changed: boolean, lang: Lang): string {
  if (!last) return t('core.list.notGraded', lang);
  const status = t(`ui.status.${last.status}`, lang);
  const checks =
    last.checks > 0 ? ` · ${t('core.list.checks', lang, { passed: last.passed, total: last.checks })}` : '';
  return `${status}${checks}${changed ? ` · ${t('core.list.changed', lang)}` : ''}`;
}

/** The rows of the list, in course order, from the checks' points and the kept last results. */
export async function listRows(
  root: string,
  exercises: readonly LoadedExercise[],
  lang: Lang,
): Promise<{ rows: ListRow[]; score: number; maxScore: number }> {
  const suites = await loadSuites(exercises, root);
  let score = 0;
  let maxScore = 0;
  const rows = exercises.map((ex) => {
    const suite = suites.get(ex.id);
    const max = suite && 'checks' in suite ? maxScoreOfChecks(suite.checks) : 0;
    const last = loadLastResult(root, ex.id);
    // The points of the last grading count only if its checks are still the course's.
    const current = last && last.maxScore === max ? last : undefined;
    const changed = current !== undefined && current.files !== filesFingerprint(ex);
    score += current?.score ?? 0;
    maxScore += max;
    return {
      id: ex.id,
      title: ex.manifest.title[lang],
      points: t('ui.points', lang, {
        score: current ? formatPoints(current.score) : '–',
        max: formatPoints(max),
      }),
      status: statusText(current, changed, lang),
    };
  });
  return { rows, score, maxScore };
}

/**
 * The list as lines at most `columns` wide (titles are cut with `…` to fit; without a width, as is).
 *
 * @example
 * ```ts
 * formatList(rows, 'ko', 100); // ['  01-perceptron  퍼셉트론: …  28/28점  통과 · 검사 14/14개 통과', ...]
 * ```
 */
export function formatList(rows: readonly ListRow[], columns: number | undefined): string[] {
  const idWidth = Math.max(0, ...rows.map((r) => textWidth(r.id)));
  const pointsWidth = Math.max(0, ...rows.map((r) => textWidth(r.points)));
  const statusWidth = Math.max(0, ...rows.map((r) => textWidth(r.status)));
  const longestTitle = Math.max(0, ...rows.map((r) => textWidth(r.title)));
  // "  id  title  points  status": what the fixed columns leave is the title's (at least 12 columns).
  const room =
    columns === undefined
      ? longestTitle
      : columns - 1 - (2 + idWidth + 2 + 2 + pointsWidth + 2 + statusWidth);
  const titleWidth = Math.min(longestTitle, Math.max(12, room));
  return rows.map((r) =>
    [
      `  ${padToWidth(r.id, idWidth)}`,
      padToWidth(fitWidth(r.title, titleWidth), titleWidth),
      padToWidth(r.points, pointsWidth, 'right'),
      r.status,
    ].join('  '),
  );
}

/** Prints the list of `exercises` to `io.stdout`; returns the exit code (0). */
export async function runListMode(
  root: string,
  exercises: readonly LoadedExercise[],
  lang: Lang,
  io: CliIo,
): Promise<number> {
  const { rows, score, maxScore } = await listRows(root, exercises, lang);
  const columns = io.stdout.isTTY ? (io.stdout as { columns?: number }).columns : undefined;
  const lines = [
    t('core.list.title', lang, { n: rows.length }),
    ...formatList(rows, columns),
    '',
    `${t('report.total', lang)} ${t('report.points', lang, { score: formatPoints(score), max: formatPoints(maxScore) })}`,
    t('core.list.next', lang),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
