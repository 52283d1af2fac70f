import type { Table } from '@gradschool/exercise-kit';
import { padToWidth, textWidth } from './text.js';

/** Renders a cell: numbers with at most 6 significant digits, so columns stay narrow. */
export function formatCell(value: string | number): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/**
 * A verdict's table as aligned text lines: a header, a rule, one line per row. Numeric columns are
 * right-aligned, text columns left-aligned; widths count terminal columns (Korean takes two).
 *
 * @example
 * renderTable({ head: ['optimizer', 'loss'], rows: [['sgd', 0.52], ['adam', 0.013]] })
 * // ['optimizer   loss', '---------  -----', 'sgd         0.52', 'adam       0.013']
 */
export function renderTable(table: Table): string[] {
  const columns = Math.max(table.head.length, ...table.rows.map((row) => row.length));
  const cells = table.rows.map((row) => Array.from({ length: columns }, (_, i) => formatCell(row[i] ?? '')));
  const head = Array.from({ length: columns }, (_, i) => table.head[i] ?? '');
  const numeric = Array.from(
    { length: columns },
    (_, i) => table.rows.length > 0 && table.rows.every((row) => typeof row[i] === 'number'),
  );
  const widths = head.map((title, i) =>
    Math.max(textWidth(title), ...cells.map((row) => textWidth(row[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => padToWidth(value, widths[i] ?? 0, numeric[i] ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}
