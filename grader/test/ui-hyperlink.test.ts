import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileLink, supportsHyperlinks } from '../src/ui/hyperlink.js';

/** Every variable the guess reads, so the machine running the tests does not leak into it. */
const READ = [
  'CI',
  'COLORTERM',
  'CURSOR_TRACE_ID',
  'FORCE_COLOR',
  'FORCE_HYPERLINK',
  'NETLIFY',
  'NO_COLOR',
  'STY',
  'TEAMCITY_VERSION',
  'TERM',
  'TERM_PROGRAM',
  'TERM_PROGRAM_VERSION',
  'TMUX',
  'VTE_VERSION',
  'WT_SESSION',
];

const tty = { isTTY: true };

/** The guess for a terminal with `env` (on a colour terminal unless `env` says otherwise). */
function guess(env: Record<string, string>, stream: { isTTY?: boolean } = tty): boolean {
  for (const name of READ) vi.stubEnv(name, undefined);
  vi.stubEnv('TERM', 'xterm-256color');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return supportsHyperlinks(stream);
}

afterEach(() => vi.unstubAllEnvs());

describe('terminal hyperlinks', () => {
  it('wraps the text in an OSC 8 link to the file URL', () => {
    expect(fileLink('src/a.ts', '/course/src/a.ts', true)).toBe(
      '\u001B]8;;file:///course/src/a.ts\u0007src/a.ts\u001B]8;;\u0007',
    );
    expect(fileLink('src/a.ts', '/course/src/a.ts', false)).toBe('src/a.ts');
  });

  it('guesses support from the terminal, never in CI or tmux, and obeys FORCE_HYPERLINK', () => {
    expect(guess({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.3' })).toBe(true);
    expect(guess({ WT_SESSION: 'x' })).toBe(true);
    expect(guess({ VTE_VERSION: '7200' })).toBe(true);
    expect(guess({ TERM: 'xterm-kitty' })).toBe(true);
    expect(guess({ TERM: 'xterm-256color' })).toBe(false);
    expect(guess({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.3', CI: 'true' })).toBe(false);
    expect(guess({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.3', TMUX: '/tmp/x' })).toBe(false);
    expect(guess({ VTE_VERSION: '7200', STY: '1234.pts-0' })).toBe(false);
    expect(guess({ FORCE_HYPERLINK: '1', TMUX: '/tmp/x' })).toBe(true);
    expect(guess({ FORCE_HYPERLINK: '0', TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.3' })).toBe(
      false,
    );
  });

  it('says no where the library knows better than a name: old VS Code, pipes, no colour', () => {
    expect(guess({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.60.0' })).toBe(false);
    expect(guess({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.3' }, { isTTY: false })).toBe(false);
    expect(guess({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.3', TERM: 'dumb' })).toBe(false);
  });
});
