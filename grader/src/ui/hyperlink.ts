/**
 * Terminal hyperlinks (OSC 8): the student's file path on the details screen opens in the editor when
 * clicked, in terminals that support it. Elsewhere the path is printed as plain text, never as escape
 * codes.
 */
import { pathToFileURL } from 'node:url';
import { createSupportsHyperlinks } from 'supports-hyperlinks';

/**
 * Whether `stream` (a terminal) shows OSC 8 links: the `supports-hyperlinks` package's guess from the
 * environment (`FORCE_HYPERLINK=1`/`0` overrides it; never in CI or when colours are off), with one
 * rule of ours on top: inside tmux or screen the answer depends on their configuration, so it is no
 * unless `FORCE_HYPERLINK` says otherwise.
 */
export function supportsHyperlinks(stream: { isTTY?: boolean } = process.stdout): boolean {
  const env = process.env;
  if (!env.FORCE_HYPERLINK && (env.TMUX || env.STY)) return false;
  return createSupportsHyperlinks(stream);
}

/**
 * `text` as a link to the local file `absolutePath` (plain `text` when `enabled` is false).
 *
 * @example
 * ```ts
 * fileLink('exercises/03-softmax/src/softmax.ts', '/home/me/course/exercises/03-softmax/src/softmax.ts', true);
 * ```
 */
export function fileLink(text: string, absolutePath: string, enabled: boolean): string {
  if (!enabled) return text;
  const url = pathToFileURL(absolutePath).href;
  return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}
