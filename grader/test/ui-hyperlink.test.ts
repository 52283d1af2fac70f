import { describe, expect, it } from 'vitest';
import { fileLink, supportsHyperlinks } from '../src/ui/hyperlink.js';

describe('terminal hyperlinks', () => {
  it('wraps the text in an OSC 8 link to the file URL', () => {
    expect(fileLink('src/a.ts', '/course/src/a.ts', true)).toBe(
      '\u001B]8;;file:///course/src/a.ts\u0007src/a.ts\u001B]8;;\u0007',
    );
    expect(fileLink('src/a.ts', '/course/src/a.ts', false)).toBe('src/a.ts');
  });

  it('guesses support from the terminal, never in CI or tmux, and obeys FORCE_HYPERLINK', () => {
    expect(supportsHyperlinks({ TERM_PROGRAM: 'vscode' })).toBe(true);
    expect(supportsHyperlinks({ WT_SESSION: 'x' })).toBe(true);
    expect(supportsHyperlinks({ VTE_VERSION: '7200' })).toBe(true);
    expect(supportsHyperlinks({ TERM: 'xterm-256color' })).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'vscode', CI: 'true' })).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'vscode', TMUX: '/tmp/x' })).toBe(false);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: '1', TMUX: '/tmp/x' })).toBe(true);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: '0', TERM_PROGRAM: 'vscode' })).toBe(false);
  });
});
