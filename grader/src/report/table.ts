import type { Table } from '@gradschool/exercise-kit';
import { padToWidth, textWidth } from './text.js';

/** Renders a cell: numbers with at most 6 significant digits, so columns stay narrow. */
export function formatCell(value: string | number): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** Options of {@link renderTable}. */
export interface TableOptions {
  /**
   * Styles a highlighted (diagonal) cell after it is padded, e.g. bold and coloured; the brackets
   * that mark it stay, so the diagonal shows without colour too.
   */
  highlight?: (cell: string) => string;
}

/**
 * A verdict's table as aligned text lines: a header, a rule, one line per row. Numeric columns are
 * right-aligned, text columns left-aligned; widths count terminal columns (Korean takes two). A
 * `diagonal` table (a confusion matrix: the first column names the class, so the diagonal is cell
 * `rows[i][i + 1]`) has its diagonal in brackets, `[472]`, the other numbers one column in so the
 * digits stay aligned.
 *
 * @example
 * renderTable({ head: ['optimizer', 'loss'], rows: [['sgd', 0.52], ['adam', 0.013]] })
 * // ['optimizer   loss', '---------  -----', 'sgd         0.52', 'adam       0.013']
 * renderTable({ head: ['', '0', '1'], rows: [['0', 9, 1], ['1', 2, 8]], diagonal: true })
 * // ['    0    1', '-  ---  ---', '0  [9]   1', '1   2   [8]']
 */
export function renderTable(table: Table, opts: TableOptions = {}): string[] {
  const columns = Math.max(table.head.length, ...table.rows.map((row) => row.length));
  const onDiagonal = (r: number, i: number) => table.diagonal === true && i === r + 1;
  const marked = (value: string, r: number, i: number) =>
    table.diagonal === true && i > 0 ? (onDiagonal(r, i) ? `[${value}]` : `${value} `) : value;
  const cells = table.rows.map((row, r) =>
    Array.from({ length: columns }, (_, i) => marked(formatCell(row[i] ?? ''), r, i)),
  );
  const head = Array.from({ length: columns }, (_, i) =>
    table.diagonal === true && i > 0 ? `${table.head[i] ?? ''} ` : (table.head[i] ?? ''),
  );
  const numeric = Array.from(
    { length: columns },
    (_, i) => table.rows.length > 0 && table.rows.every((row) => typeof row[i] === 'number'),
  );
  const widths = head.map((title, i) =>
    Math.max(textWidth(title), ...cells.map((row) => textWidth(row[i] ?? ''))),
  );
  const align = (i: number) => (numeric[i] || (table.diagonal === true && i > 0) ? 'right' : 'left');
  const line = (values: string[], r: number) =>
    values
      .map((value, i) => {
        const padded = padToWidth(value, widths[i] ?? 0, align(i));
        return r >= 0 && onDiagonal(r, i) && opts.highlight ? opts.highlight(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(head, -1), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}
