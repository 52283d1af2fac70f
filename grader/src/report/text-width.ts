/**
 * How many terminal columns a string takes. Hangul, CJK and full-width forms take two columns, so a
 * table mixing Korean and numbers only lines up when padding counts columns, not characters.
 */

/** Code point ranges that terminals draw two columns wide (East Asian Wide and Fullwidth). */
const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, punctuation
  [0x3041, 0x33ff], // Kana, CJK symbols
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // Fullwidth forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // Emoji
  [0x1f900, 0x1f9ff],
];

function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/** Strips ANSI color sequences (they take no column). */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * The number of terminal columns `text` occupies, ignoring color codes.
 *
 * @example
 * textWidth('abc') // 3
 * textWidth('통과') // 4
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    if (codePoint >= 0x300 && codePoint <= 0x36f) continue; // combining marks
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** Pads `text` with spaces to `width` columns, on the right (or the left for `align: 'right'`). */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}
