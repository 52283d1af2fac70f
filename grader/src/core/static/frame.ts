/**
 * A code frame: the lines around a position, the line itself marked with `>` and a caret under
 * the column, as Babel and esbuild print them.
 *
 * ```
 *   2 | export function add(a: number, b: number) {
 * > 3 |   return a +
 *     |             ^
 *   4 | }
 * ```
 */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? '').replaceAll('\t', '  ');
    const gutter = String(n).padStart(width);
    out.push(`${n === line ? '>' : ' '} ${gutter} | ${text}`.trimEnd());
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
