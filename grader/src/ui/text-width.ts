/**
 * How many terminal cells a text takes, and cutting a text to a width with `…`. Ink can cut text
 * itself, but with Korean (two cells a syllable) its cut can come out a cell too wide, which shifts
 * the rest of the row; where the UI knows the room, it cuts titles here first.
 */

// East Asian Wide and Fullwidth ranges (Hangul, CJK, fullwidth forms, emoji): two cells each.
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Cells taken by one code point: 0 for combining marks, 2 for wide characters, else 1. */
function cellsOf(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  return WIDE.some(([lo, hi]) => code >= lo && code <= hi) ? 2 : 1;
}

/**
 * Cells that `text` takes in a terminal (no escape codes expected).
 *
 * @example
 * ```ts
 * displayWidth('AND 게이트'); // 10
 * ```
 */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const ch of text) cells += cellsOf(ch.codePointAt(0) ?? 0);
  return cells;
}

/**
 * `text` cut to at most `width` cells, ending in `…` when it was cut.
 *
 * @example
 * ```ts
 * fitWidth('퍼셉트론: 가중합', 8); // '퍼셉트…'
 * ```
 */
export function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let cells = 0;
  for (const ch of text) {
    const next = cellsOf(ch.codePointAt(0) ?? 0);
    if (cells + next > width - 1) break;
    out += ch;
    cells += next;
  }
  return `${out}…`;
}

/**
 * `text` broken into lines of at most `width` cells, at spaces where possible (a word longer than a
 * line is cut). Ink wraps too, but keeps the space it broke at as the next line's first character.
 *
 * @example
 * ```ts
 * wrapToWidth('가중합 = Σ wᵢxᵢ + b', 10); // ['가중합 = Σ', 'wᵢxᵢ + b']
 * ```
 */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (displayWidth(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      // A word wider than the line: cut it into line-sized pieces.
      while (displayWidth(line) > width && width > 0) {
        let piece = '';
        for (const ch of line) {
          if (displayWidth(piece + ch) > width) break;
          piece += ch;
        }
        lines.push(piece);
        line = line.slice(piece.length);
      }
    }
    lines.push(line);
  }
  return lines;
}
