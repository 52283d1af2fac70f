/**
 * Terminal text: how many columns a string takes, padding, cutting and wrapping to a width. The one
 * place the reports and the UI measure text, built on the libraries Ink itself measures with
 * (`string-width`, `cli-truncate`, `wrap-ansi`), so a row we pad and the box Ink draws around it
 * agree. They count what matters here: Hangul, CJK and emoji take two columns, combining marks and
 * zero-width joiners none, and escape codes (ANSI colours, OSC 8 hyperlinks) none.
 *
 * It lives in `report/` because the reports were its first users; the UI imports it from here.
 */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * The number of terminal columns `text` occupies, ignoring colour codes and hyperlinks.
 *
 * @example
 * ```ts
 * textWidth('abc'); // 3
 * textWidth('통과'); // 4
 * textWidth('\x1b[31m통과\x1b[39m'); // 4
 * ```
 */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** Pads `text` with spaces to `width` columns, on the right (or the left for `align: 'right'`). */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/**
 * `text` cut to at most `width` columns, ending in `…` when it was cut. A wide character that would
 * straddle the edge is left out rather than let the row grow a column (Ink's own cut can do that).
 *
 * @example
 * ```ts
 * fitWidth('퍼셉트론: 가중합', 8); // '퍼셉트…'
 * ```
 */
export function fitWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return '';
  // cli-truncate (like Ink) keeps a wide character that straddles the edge, one column over: then
  // ask it for one column less.
  for (let room = width; room > 0; room--) {
    const cut = cliTruncate(text, room, { truncationCharacter: '…' });
    if (textWidth(cut) <= width) return cut;
  }
  return '';
}

/**
 * `text` broken into lines of at most `width` columns, at spaces where possible (a word longer than
 * a line is cut), with no space carried to the start of the next line.
 *
 * @example
 * ```ts
 * wrapToWidth('가중합 = Σ wᵢxᵢ + b', 10); // ['가중합 = Σ', 'wᵢxᵢ + b']
 * ```
 */
export function wrapToWidth(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true, trim: true }).split('\n');
}
