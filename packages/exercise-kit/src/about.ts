import type { Localized } from './protocol.js';

/**
 * Prefixes a judge message with the input it is about (`what`). Internal to the kit's helpers.
 * `about({ ko: 'step(0)', en: 'step(0)' }, '...', '...')` -> `{ ko: 'step(0): ...', en: 'For step(0): ...' }`
 */
export function about(what: Localized | undefined, ko: string, en: string): Localized {
  if (!what) return { ko, en };
  return { ko: `${what.ko}: ${ko}`, en: `For ${what.en}: ${en}` };
}
