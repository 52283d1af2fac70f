/**
 * Which key does what, as a pure function of the key and the state, so the key map is tested without
 * a terminal and `?` (the help screen) lists exactly what is handled here.
 */
import type { Key } from 'ink';
import type { UiAction, UiState } from './state.js';

/** What a key press asks for: a state change, a regrade of everything, quitting, or nothing. */
export type Command = { kind: 'action'; action: UiAction } | { kind: 'regrade' } | { kind: 'quit' } | null;

const act = (action: UiAction): Command => ({ kind: 'action', action });

/**
 * The command for one key press (Ctrl-C is Ink's: it always exits).
 *
 * @example
 * ```ts
 * commandFor('j', key, state); // { kind: 'action', action: { type: 'move', by: 1 } }
 * ```
 */
export function commandFor(input: string, key: Partial<Key>, state: UiState): Command {
  if (input === 'q' && !key.ctrl) return { kind: 'quit' };
  if (state.help) {
    return input === '?' || key.escape || key.return || key.leftArrow ? act({ type: 'toggle-help' }) : null;
  }
  if (key.upArrow || input === 'k') return act({ type: 'move', by: -1 });
  if (key.downArrow || input === 'j') return act({ type: 'move', by: 1 });
  if (key.pageUp || (input === 'b' && state.screen === 'details')) return act({ type: 'page', by: -1 });
  if (key.pageDown || (input === ' ' && state.screen === 'details')) return act({ type: 'page', by: 1 });
  if (key.return || key.rightArrow) return state.screen === 'overview' ? act({ type: 'open' }) : null;
  if (key.escape || key.leftArrow || key.backspace) return act({ type: 'back' });
  if (input === 'h') return act({ type: 'reveal-hint' });
  if (input === 'l') return act({ type: 'toggle-lang' });
  if (input === '?') return act({ type: 'toggle-help' });
  if (input === 'r') return { kind: 'regrade' };
  return null;
}
