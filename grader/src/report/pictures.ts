/**
 * A verdict's pictures as terminal lines, for the plain report and the details screen alike: two
 * pixel rows per text row with the upper half block `▀` (its foreground the upper pixel's grey, its
 * background the lower one's), so a 28 × 28 digit takes 28 columns × 14 rows. Without colour
 * (`NO_COLOR`, not a terminal) each cell is one character of a 4-step ramp `.:+#` for the mean of its
 * two pixels: the same 28 × 14 block, readable in a CI log or a feedback file. Pictures stand side by
 * side as far as the width allows, each with its caption wrapped under it.
 *
 * The pictures have been checked already (`core/pictures.ts`): sizes within 64 × 64, whole grey
 * levels in [0, 255], captions without control characters.
 */
import type { Lang, Picture } from '@gradschool/exercise-kit';
import { padToWidth, wrapToWidth } from './text.js';

/** Options of {@link renderPictures}. */
export interface PictureOptions {
  lang: Lang;
  /** Columns available. */
  width: number;
  /** Grey levels with 256-colour escape codes; false: the plain character ramp. */
  color: boolean;
}

/** Columns between two pictures side by side. */
const GAP = 2;

/** The narrowest a picture's column gets (its caption needs the room). */
const MIN_BLOCK = 12;

/** The plain ramp, darkest first: background `.`, ink `#`. */
export const PLAIN_RAMP = ['.', ':', '+', '#'] as const;

/** The 256-colour palette's grey ramp: 232 (near black) to 255 (near white), 24 steps. */
const greyCode = (level: number) => 232 + Math.round((level / 255) * 23);

/** One text row of a picture in colour: `▀` cells, escape codes only where the grey changes. */
function colourRow(picture: Picture, row: number): string {
  const { width, height, pixels } = picture;
  let out = '';
  let last = '';
  for (let x = 0; x < width; x++) {
    const top = pixels[2 * row * width + x] ?? 0;
    // An odd height leaves the last row's lower half empty: the background.
    const bottom = 2 * row + 1 < height ? (pixels[(2 * row + 1) * width + x] ?? 0) : 0;
    const code = `\x1b[38;5;${greyCode(top)};48;5;${greyCode(bottom)}m`;
    out += `${code === last ? '' : code}▀`;
    last = code;
  }
  return `${out}\x1b[0m`;
}

/** One text row of a picture without colour: a ramp character per cell (the mean of its two pixels). */
function plainRow(picture: Picture, row: number): string {
  const { width, height, pixels } = picture;
  let out = '';
  for (let x = 0; x < width; x++) {
    const top = pixels[2 * row * width + x] ?? 0;
    const bottom = 2 * row + 1 < height ? (pixels[(2 * row + 1) * width + x] ?? 0) : 0;
    const step = Math.min(PLAIN_RAMP.length - 1, Math.floor(((top + bottom) / 2 / 256) * PLAIN_RAMP.length));
    out += PLAIN_RAMP[step];
  }
  return out;
}

/** A picture's own lines: its rows, then its caption wrapped to its width (at least 12 columns). */
function pictureBlock(
  picture: Picture,
  opts: PictureOptions,
): { width: number; art: string[]; caption: string[] } {
  const rows = Math.ceil(picture.height / 2);
  const draw = opts.color ? colourRow : plainRow;
  const art = Array.from({ length: rows }, (_, r) => draw(picture, r));
  const width = Math.max(picture.width, MIN_BLOCK);
  return { width, art, caption: wrapToWidth(picture.caption[opts.lang], width) };
}

/**
 * The pictures as lines: as many side by side as `width` allows (at least one per line), the
 * captions under them, a blank line between two rows of pictures.
 * @example
 * renderPictures([digit], { lang: 'en', width: 80, color: false })
 * // 14 lines of 28 characters of `.:+#`, then 'true 3 → predicted 5 (97.0%)'
 */
export function renderPictures(pictures: readonly Picture[], opts: PictureOptions): string[] {
  const blocks = pictures.map((p) => pictureBlock(p, opts));
  const lines: string[] = [];
  let start = 0;
  while (start < blocks.length) {
    // Greedy: the next pictures while they fit (the first one always does: it is cut by the terminal).
    let end = start + 1;
    let used = blocks[start]!.width;
    while (end < blocks.length && used + GAP + blocks[end]!.width <= opts.width) {
      used += GAP + blocks[end]!.width;
      end++;
    }
    const row = blocks.slice(start, end);
    const artRows = Math.max(...row.map((b) => b.art.length));
    const captionRows = Math.max(...row.map((b) => b.caption.length));
    const line = (cell: (b: (typeof row)[number]) => string) =>
      row
        .map((b) => padToWidth(cell(b), b.width))
        .join(' '.repeat(GAP))
        .trimEnd();
    if (start > 0) lines.push('');
    for (let r = 0; r < artRows; r++) lines.push(line((b) => b.art[r] ?? ''));
    for (let r = 0; r < captionRows; r++) lines.push(line((b) => b.caption[r] ?? ''));
    start = end;
  }
  return lines;
}
