/**
 * The pictures a verdict carries (`Verdict.pictures`: a digit the model got wrong, a filter), checked
 * before anything shows them. A judge is trusted code, but what it draws may come from the student
 * (07's filters are the student's weights), so every picture is held to the kit's contract here, once,
 * and the reports and the UI only ever meet pictures that keep it: at most `MAX_PICTURES`, each at
 * most 64 × 64, `width × height` whole grey levels in [0, 255], a caption in both languages.
 * Anything else is dropped and counted (`picturesDropped`), never drawn half-right.
 */
import { type Localized, MAX_PICTURES, type Picture, type Table } from '@gradschool/exercise-kit';

import { MAX_PICTURE_SIDE } from './types.js';

export { MAX_PICTURE_SIDE };

/** A caption is one short line: longer ones are cut (a picture is 28 to 64 columns wide). */
const MAX_CAPTION_CHARS = 120;

const isSide = (x: unknown): x is number =>
  Number.isInteger(x) && (x as number) >= 1 && (x as number) <= MAX_PICTURE_SIDE;

/** A grey level the contract allows: a finite number in [0, 255] (fractions are rounded). */
const isGrey = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 255;

/** A caption as one short line of text: control characters (escape codes, newlines) removed, cut. */
const caption = (text: unknown): string | null =>
  typeof text === 'string'
    ? text
        .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
        .replace(/[\x00-\x1f\x7f-\x9f]/g, ' ')
        .slice(0, MAX_CAPTION_CHARS)
    : null;

/** One picture as the contract wants it (a fresh object: nothing of the judge's value kept), or null. */
function checkedPicture(value: unknown): Picture | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Partial<Record<keyof Picture, unknown>>;
  const c = p.caption as Partial<Localized> | null | undefined;
  const ko = caption(c?.ko);
  const en = caption(c?.en);
  if (ko === null || en === null || !isSide(p.width) || !isSide(p.height)) return null;
  const pixels = p.pixels;
  if (!Array.isArray(pixels) || pixels.length !== p.width * p.height || !pixels.every(isGrey)) return null;
  return { caption: { ko, en }, width: p.width, height: p.height, pixels: pixels.map(Math.round) };
}

/**
 * The pictures worth drawing among `value` (a verdict's `pictures`), and how many were dropped: not
 * pictures, the wrong size, grey levels outside [0, 255], or past the first `MAX_PICTURES`.
 * @example
 * checkPictures([{ caption: { ko: '3', en: '3' }, width: 1, height: 1, pixels: [300] }])
 * // { pictures: [], dropped: 1 }
 */
export function checkPictures(value: unknown): { pictures: Picture[]; dropped: number } {
  if (value === undefined) return { pictures: [], dropped: 0 };
  if (!Array.isArray(value)) return { pictures: [], dropped: 1 };
  const pictures: Picture[] = [];
  let dropped = 0;
  for (const item of value) {
    const picture = pictures.length < MAX_PICTURES ? checkedPicture(item) : null;
    if (picture) pictures.push(picture);
    else dropped++;
  }
  return { pictures, dropped };
}

/** A table's `diagonal` flag kept only when it is really `true` (anything else: no highlight). */
export function checkedTable(table: Table | undefined): Table | undefined {
  if (!table) return table;
  const { diagonal, ...rest } = table;
  return diagonal === true ? { ...rest, diagonal: true } : rest;
}
