/**
 * Renders an Ink tree into a fake terminal of a chosen size (ink-testing-library's is fixed at 100
 * columns and no rows), the way Ink's own tests do. Used by the `ui-*.test.tsx` files.
 */
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames[this.frames.length - 1] ?? '';
  /** Changes the size and tells Ink, as a terminal window resize does. */
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** What a test gets back: the frames, the keyboard, the resize, and unmount. */
export interface Rendered {
  lastFrame: () => string;
  stdin: FakeStdin;
  stdout: FakeStdout;
  unmount: () => void;
}

/** Renders `tree` in a `columns`×`rows` terminal. */
export function renderAt(tree: ReactElement, columns = 100, rows = 40): Rendered {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { lastFrame: stdout.lastFrame, stdin, stdout, unmount: instance.unmount };
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
