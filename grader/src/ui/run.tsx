/** @jsxRuntime automatic @jsxImportSource react */
// (That pragma is in every .tsx of the UI: `pnpm grade` runs from the repository root, where no
// tsconfig.json tells tsx how to compile JSX.)
/**
 * The Ink UI on the terminal: draws a grader session (`session.ts`) on the alternate screen until
 * the student quits. What the session does (grading, watching) is built by `cli/interactive.ts`; the
 * tests pass fakes.
 */
import type { Lang } from '@gradschool/exercise-kit';
import { render } from 'ink';
import { App } from './components/App.js';
import { supportsHyperlinks } from './hyperlink.js';
import type { GraderSession } from './session.js';
import { ThemeContext, themeFromEnv } from './theme.js';

/** How the UI is drawn. */
export interface UiOptions {
  /** The first language (`l` switches). */
  lang: Lang;
  /** For tests: the streams to draw on and read keys from (default: the process's). */
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

// The alternate screen keeps the student's scrollback intact and is restored on exit.
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

/**
 * Draws `session` until the student quits (q or Ctrl-C, or a signal); the terminal is restored.
 *
 * @example
 * ```ts
 * await runUi(session, { lang: 'ko' });
 * ```
 */
export async function runUi(session: GraderSession, options: UiOptions): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  stdout.write(ENTER_ALT_SCREEN);
  const instance = render(
    <ThemeContext.Provider value={themeFromEnv()}>
      <App
        session={session}
        lang={options.lang}
        watch={session.watch !== undefined}
        links={supportsHyperlinks()}
      />
    </ThemeContext.Provider>,
    { stdout, stdin: options.stdin ?? process.stdin, exitOnCtrlC: true },
  );
  // A closed terminal window, `kill`, or Ctrl-C when stdin is not a terminal (so not in raw mode, and
  // Ink never sees the key) should leave the terminal as cleanly as Ctrl-C in the UI does.
  const stop = () => instance.unmount();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.once(signal, stop);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const signal of signals) process.off(signal, stop);
    instance.cleanup();
    stdout.write(LEAVE_ALT_SCREEN);
  }
}
