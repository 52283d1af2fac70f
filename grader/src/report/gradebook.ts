/**
 * The gradebook of a batch run (`--batch DIR`): one row per submission, one column per exercise,
 * the total. Written as CSV (for spreadsheets) and JSON (for scripts).
 */
import type { Lang } from '@gradschool/exercise-kit';
import { t } from '../i18n/index.js';
import { formatPoints } from './format.js';
import { renderTable } from './table.js';

/** One submission's line in the gradebook. */
export interface GradebookRow {
  /** The submission's folder name (usually the student's id). */
  submission: string;
  /** `graded`, or `failed` when the submission could not be graded at all (then `error` says why). */
  status: 'graded' | 'failed';
  score: number;
  maxScore: number;
  percent: number;
  /** Points per exercise id. */
  exercises: Record<string, number>;
  /** Files of the submission that no manifest lists / that were refused. */
  ignoredFiles: number;
  refusedFiles: number;
  /** Why the submission could not be graded, or why its report could not be written (in `lang`). */
  error?: string;
  /** Its JSON report, relative to the gradebook's folder. */
  report?: string;
}

/** An exercise column of the gradebook. */
export interface GradebookColumn {
  id: string;
  title: string;
  maxScore: number;
}

/** `gradebook.json`. */
export interface Gradebook {
  version: 1;
  /** The run seed; `null` when it is the secret `GRADE_SEED` (then `seedHidden` is true). */
  seed: number | null;
  seedHidden?: boolean;
  lang: Lang;
  /** When the batch began: its first run, when it was stopped and resumed (`batch-resume.ts`). */
  startedAt: string;
  /** The time spent grading, over every run of the batch. */
  durationMs: number;
  exercises: GradebookColumn[];
  rows: GradebookRow[];
}

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) || defused !== defused.trim()
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

/**
 * The gradebook as CSV (with a byte-order mark so spreadsheet programs read Korean names right).
 *
 * @example
 * toGradebookCsv(book) // '\uFEFFsubmission,01-perceptron,...,total,max,percent,status,error\r\nalice,10,...'
 */
export function toGradebookCsv(book: Gradebook): string {
  const head = [
    'submission',
    ...book.exercises.map((e) => e.id),
    'total',
    'max',
    'percent',
    'status',
    'error',
  ];
  const lines = book.rows.map((row) =>
    [
      row.submission,
      ...book.exercises.map((e) => row.exercises[e.id] ?? 0),
      row.score,
      row.maxScore,
      row.percent,
      row.status,
      row.error ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[head.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

/** The gradebook as an aligned text table, for the terminal after a batch run. */
export function renderGradebook(book: Gradebook, lang: Lang): string {
  const head = ['', ...book.exercises.map((e) => e.id), t('report.total', lang), '%'];
  const rows = book.rows.map((row) => [
    row.submission,
    ...book.exercises.map((e) => Math.round((row.exercises[e.id] ?? 0) * 100) / 100),
    `${formatPoints(row.score)}/${formatPoints(row.maxScore)}`,
    row.percent,
  ]);
  const lines = renderTable({ head, rows });
  for (const row of book.rows) {
    if (row.error) lines.push(`! ${row.submission}: ${row.error}`);
  }
  return `${lines.join('\n')}\n`;
}
