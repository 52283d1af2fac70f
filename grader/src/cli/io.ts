/** Where the CLI's output goes, shared by every mode; tests pass their own. */

/** Where output goes; tests pass their own. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** Where answers come from (`--reset` asks before overwriting); absent or not a TTY: nobody to ask. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /**
   * Ends the process once the interactive UI has closed (the real CLI passes `process.exit`). After
   * a quit, a module import still in flight (TypeScript, a `checks.ts`) cannot be cancelled and would
   * keep the process alive for up to a second; the terminal is already restored, so nothing is lost.
   */
  exit?: (code: number) => void;
}
