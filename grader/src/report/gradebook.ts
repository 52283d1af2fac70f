/**
 * The gradebook of a batch run (`--batch DIR`): one row per submission, one column per exercise,
 * the total. Written as CSV (for spreadsheets) and JSON (for scripts).
 */
import type { Lang } from '@gradschool/exercise-kit';
import { t } from '../i18n/index.js';
import { formatPoints } from './format.js';
import { renderTable } from './table.js';

/**
 * What became of a submission: `graded`; `empty` when there was nothing to grade (an empty folder,
 * none of the listed files, no commit before the deadline: `note` says which), never a silent 0;
 * `failed` when it could not be graded at all (`error` says why).
 */
export type GradebookStatus = 'graded' | 'empty' | 'failed';

/** One submission's line in the gradebook. */
export interface GradebookRow {
  /** The submission's folder name, NFC-normalised (macOS writes Korean names decomposed). */
  submission: string;
  status: GradebookStatus;
  /** From the roster (`--roster`), when the folder is on it. */
  studentId?: string;
  name?: string;
  score: number;
  maxScore: number;
  /** `score / maxScore` in percent, to four decimals (not rounded to a whole number). */
  percent: number;
  /** Points per exercise id. */
  exercises: Record<string, number>;
  /** Files of the submission that no manifest lists / that were refused. */
  ignoredFiles: number;
  refusedFiles: number;
  /** Course files (checks, manifests, package files) the submission holds changed: never used, worth a look. */
  changedTrustedFiles?: string[];
  /** The one inner folder the files were found in (an unzipped download), when they were nested. */
  nestedIn?: string;
  /** The git commit graded and its committer time, when the submission is a git repository. */
  commit?: string;
  committedAt?: string;
  /** Why the submission is `empty`, or what else to know about it (in `lang`). */
  note?: string;
  /** Why the submission could not be graded, or why its report could not be written (in `lang`). */
  error?: string;
  /** Its JSON report, relative to the gradebook's folder. */
  report?: string;
  /** Its feedback files (`--feedback`), relative to the gradebook's folder, without the extension. */
  feedback?: string;
}

/** An exercise column of the gradebook. */
export interface GradebookColumn {
  id: string;
  title: string;
  maxScore: number;
}

/** A roster entry, as the gradebook lists the ones with no submission. */
export interface GradebookStudent {
  folder: string;
  studentId: string;
  name: string;
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
  /** `--before`: the deadline, ISO 8601; each git submission was graded at its last commit before it. */
  before?: string;
  exercises: GradebookColumn[];
  rows: GradebookRow[];
  /** With `--roster`: who submitted nothing, and which folders are on no roster line. */
  roster?: { file: string; missing: GradebookStudent[]; unknownFolders: string[] };
}

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) || defused !== defused.trim()
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

/** Lines of cells as CSV text: CRLF line ends, as RFC 4180 and spreadsheet programs expect. */
function csvLines(lines: readonly (readonly (string | number)[])[]): string {
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The label of the gradebook CSV's second line, which holds the maximum of each column. */
export const MAX_ROW_LABEL = '(max)';

/**
 * The gradebook as CSV (with a byte-order mark so spreadsheet programs read Korean names right):
 * a header, a line of maxima (`(max)`: each exercise's points, the total's), one line per submission,
 * then one per roster entry with no submission (status `missing`, no points).
 *
 * @example
 * toGradebookCsv(book)
 * // '\uFEFFsubmission,student_id,name,01-perceptron,...,total,max,percent,status,commit,committed_at,note,error\r\n(max),,,20,...'
 */
export function toGradebookCsv(book: Gradebook): string {
  const head = [
    'submission',
    'student_id',
    'name',
    ...book.exercises.map((e) => e.id),
    'total',
    'max',
    'percent',
    'status',
    'commit',
    'committed_at',
    'note',
    'error',
  ];
  const total = book.exercises.reduce((sum, e) => sum + e.maxScore, 0);
  const maxima = [MAX_ROW_LABEL, '', '', ...book.exercises.map((e) => e.maxScore), total, total, 100];
  const rows = book.rows.map((row) => [
    row.submission,
    row.studentId ?? '',
    row.name ?? '',
    ...book.exercises.map((e) => row.exercises[e.id] ?? 0),
    row.score,
    row.maxScore,
    row.percent,
    row.status,
    row.commit ?? '',
    row.committedAt ?? '',
    row.note ?? '',
    row.error ?? '',
  ]);
  const missing = (book.roster?.missing ?? []).map((s) => [
    '',
    s.studentId,
    s.name,
    ...book.exercises.map(() => ''),
    '',
    total,
    '',
    'missing',
  ]);
  return `\uFEFF${csvLines([head, maxima, ...rows, ...missing])}`;
}

/**
 * The LMS import file (`gradebook-lms.csv`): the same rows, the student id first, then the name,
 * each exercise's points and the total; no byte-order mark, no line of maxima, no remarks, so that
 * every line is a student. Fits Moodle's "Import grades from CSV" (map `student_id` to "ID number"
 * and each column to a grade item) and any spreadsheet lookup by id. A roster entry with no
 * submission has empty points (no grade), not 0; a folder on no roster line has an empty id.
 *
 * @example
 * toLmsCsv(book) // 'student_id,name,01-perceptron,...,total\r\n2026001,김민수,20,...,155\r\n'
 */
export function toLmsCsv(book: Gradebook): string {
  const head = ['student_id', 'name', ...book.exercises.map((e) => e.id), 'total'];
  const rows = book.rows.map((row) => [
    row.studentId ?? '',
    row.name ?? '',
    ...book.exercises.map((e) => row.exercises[e.id] ?? 0),
    row.score,
  ]);
  const missing = (book.roster?.missing ?? []).map((s) => [
    s.studentId,
    s.name,
    ...book.exercises.map(() => ''),
    '',
  ]);
  return csvLines([head, ...rows, ...missing]);
}

/** The text of the status column in the terminal table. */
function statusText(row: GradebookRow, lang: Lang): string {
  return row.status === 'graded'
    ? ''
    : t(`report.gradebook.status.${row.status as 'empty' | 'failed'}`, lang);
}

/**
 * The gradebook as an aligned text table, for the terminal after a batch run (widths in terminal
 * columns: a Korean name takes two per syllable), then what went wrong and, with a roster, who is
 * missing.
 */
export function renderGradebook(book: Gradebook, lang: Lang): string {
  const withNames = book.rows.some((row) => row.name || row.studentId);
  const head = [
    '',
    ...(withNames ? [t('report.gradebook.student', lang)] : []),
    ...book.exercises.map((e) => e.id),
    t('report.total', lang),
    '%',
    '',
  ];
  const rows = book.rows.map((row) => [
    row.submission,
    ...(withNames ? [[row.studentId, row.name].filter(Boolean).join(' ')] : []),
    ...book.exercises.map((e) => Math.round((row.exercises[e.id] ?? 0) * 100) / 100),
    `${formatPoints(row.score)}/${formatPoints(row.maxScore)}`,
    Math.round(row.percent * 100) / 100,
    statusText(row, lang),
  ]);
  const lines = renderTable({ head, rows }).map((line) => line.trimEnd());
  for (const row of book.rows) {
    if (row.error) lines.push(`! ${row.submission}: ${row.error}`);
    else if (row.note) lines.push(`- ${row.submission}: ${row.note}`);
    if (row.changedTrustedFiles?.length)
      lines.push(
        `! ${row.submission}: ${t('report.gradebook.changedTrusted', lang, { files: row.changedTrustedFiles.join(', ') })}`,
      );
  }
  if (book.roster) {
    for (const s of book.roster.missing)
      lines.push(
        `? ${t('report.gradebook.missing', lang, { student: [s.studentId, s.name, `(${s.folder})`].filter(Boolean).join(' ') })}`,
      );
    for (const folder of book.roster.unknownFolders)
      lines.push(`? ${t('report.gradebook.unknownFolder', lang, { folder })}`);
  }
  return `${lines.join('\n')}\n`;
}
