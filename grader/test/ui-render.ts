/**
 * ink-testing-library, plus a terminal size: its fake stdout is always 100 columns and has no rows,
 * while the UI lays itself out to the terminal (80 columns, short screens, resizes). Used by the
 * `ui-*.test.tsx` files.
 */
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

/** What a test gets back: ink-testing-library's instance, and `resize`. */
export type Rendered = Omit<ReturnType<typeof render>, 'lastFrame'> & {
  /** The last frame drawn ('' before the first). */
  lastFrame(): string;
  /** Changes the terminal's size and tells Ink, as a window resize does. */
  resize(columns: number, rows: number): void;
};

/** Renders `tree` in a `columns`×`rows` terminal. */
export function renderAt(tree: ReactElement, columns = 100, rows = 40): Rendered {
  const instance = render(tree);
  const resize = (c: number, r: number) => {
    Object.defineProperty(instance.stdout, 'columns', { value: c, configurable: true });
    Object.defineProperty(instance.stdout, 'rows', { value: r, configurable: true });
    instance.stdout.emit('resize');
  };
  resize(columns, rows);
  const last = instance.lastFrame;
  return Object.assign(instance, { resize, lastFrame: () => last() ?? '' });
}

/** Waits until `predicate` holds for the last frame (the UI updates asynchronously), or fails. */
export async function waitForFrame(
  rendered: Rendered,
  predicate: (frame: string) => boolean,
  what = 'the expected frame',
): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const frame = rendered.lastFrame();
    if (predicate(frame)) return frame;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}; last frame:\n${rendered.lastFrame()}`);
}

/**
 * Presses `keys` and waits until Ink has redrawn and gone quiet (no new frame for 60 ms), so the
 * next `lastFrame()` shows the key's effect even on a busy machine.
 */
export async function press(rendered: Rendered, keys: string): Promise<void> {
  const before = rendered.stdout.frames.length;
  rendered.stdin.write(keys);
  let count = before;
  let quietSince = Date.now();
  const started = Date.now();
  while (Date.now() - started < 3000) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = rendered.stdout.frames.length;
    if (now !== count) {
      count = now;
      quietSince = Date.now();
    } else if (count > before && Date.now() - quietSince >= 60) {
      return;
    } else if (count === before && Date.now() - quietSince >= 300) {
      return; // The key changed nothing on screen.
    }
  }
}
