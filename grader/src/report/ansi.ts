/**
 * Minimal ANSI coloring for the plain reporter. A `Paint` with `enabled: false` returns text
 * unchanged, so callers never branch on color themselves (the CLI enables it only on a TTY without
 * `NO_COLOR`).
 */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;

/** A color or style name. */
export type Style = keyof typeof CODES;

/** Applies styles to text, or does nothing when colors are off. */
export type Paint = (style: Style, text: string) => string;

/** A painter; `enabled: false` gives one that returns its text untouched. */
export function makePaint(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => {
    const [open, close] = CODES[style];
    return `\x1b[${open}m${text}\x1b[${close}m`;
  };
}
