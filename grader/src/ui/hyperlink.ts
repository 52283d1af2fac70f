/**
 * Terminal hyperlinks (OSC 8): the student's file path on the details screen opens in the editor when
 * clicked, in terminals that support it. Elsewhere the path is printed as plain text, never as escape
 * codes.
 */
import { pathToFileURL } from 'node:url';

/**
 * Whether this terminal shows OSC 8 links. `FORCE_HYPERLINK=1`/`0` overrides the guess.
 * Inside tmux or screen the answer depends on their configuration, so it is no.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_HYPERLINK !== undefined)
    return env.FORCE_HYPERLINK !== '0' && env.FORCE_HYPERLINK !== 'false';
  if (env.CI || env.TERM === 'dumb' || env.TMUX || env.STY) return false;
  if (env.WT_SESSION || env.DOMTERM || env.KONSOLE_VERSION || env.TERM === 'xterm-kitty') return true;
  if (Number(env.VTE_VERSION ?? 0) >= 5000) return true;
  const program = env.TERM_PROGRAM ?? '';
  return ['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper'].includes(program);
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
