/**
 * The watchdog: a tiny separate process that ends the grader's sandbox children if the grader dies
 * without ending them itself (killed, crashed, Ctrl-C in plain mode).
 *
 * Why a process: a child stuck in `while (true) {}` never runs JavaScript again, so it cannot notice
 * that its parent is gone, and nothing in Node makes the OS do it (Linux's parent-death signal is not
 * exposed). The grader tells the watchdog, on its stdin, which children are alive (`+pid`, `-pid`)
 * and which folders to remove (`d<path>`); when that pipe closes — which the OS does when the grader
 * exits, however it exits — the watchdog kills each child's process group and removes the folders.
 * Student code cannot reach it: it has no `process.kill` and may start no process (`harness.ts`,
 * `spawn.ts`). It runs in a session of its own (POSIX), so a Ctrl-C meant for the grader does not
 * stop it before it has cleaned up. It is plain JavaScript passed with `-e` (about 40 ms to start,
 * once per grader process, in the background).
 */
import { type ChildProcess, spawn } from 'node:child_process';

const SCRIPT = `
const { rmSync } = require('node:fs');
const pids = new Set();
const folders = new Set();
let buffered = '';
const kill = (pid) => {
  if (process.platform !== 'win32') try { process.kill(-pid, 'SIGKILL'); } catch {}
  try { process.kill(pid, 'SIGKILL'); } catch {}
};
const end = () => {
  for (const pid of pids) kill(pid);
  for (const folder of folders) try { rmSync(folder, { recursive: true, force: true }); } catch {}
  process.exit(0);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  buffered += text;
  let at;
  while ((at = buffered.indexOf('\\n')) >= 0) {
    const line = buffered.slice(0, at);
    buffered = buffered.slice(at + 1);
    if (line[0] === '+') pids.add(Number(line.slice(1)));
    else if (line[0] === '-') pids.delete(Number(line.slice(1)));
    else if (line[0] === 'd') folders.add(line.slice(1));
  }
});
process.stdin.on('end', end);
process.stdin.on('error', end);
process.stdin.on('close', end);
`;

/** The grader's side of the watchdog. */
export class Watchdog {
  private process: ChildProcess | undefined;

  private tell(line: string): void {
    if (!this.process) {
      this.process = spawn(process.execPath, ['-e', SCRIPT], {
        stdio: ['pipe', 'ignore', 'ignore'],
        detached: process.platform !== 'win32',
        windowsHide: true,
        // Nothing of the grader's environment; Windows needs SYSTEMROOT for Node to start.
        env:
          process.platform === 'win32' && process.env.SYSTEMROOT
            ? { SYSTEMROOT: process.env.SYSTEMROOT }
            : {},
      });
      // It must not keep the grader alive: it lives exactly as long as the grader.
      this.process.unref();
      (this.process.stdin as unknown as { unref?: () => void } | null)?.unref?.();
      this.process.stdin?.on('error', () => {});
      this.process.on('error', () => {});
    }
    this.process.stdin?.write(`${line}\n`);
  }

  /** A child to kill if the grader dies. */
  watch(pid: number): void {
    this.tell(`+${pid}`);
  }

  /** A child that has exited. */
  forget(pid: number): void {
    this.tell(`-${pid}`);
  }

  /** A folder to remove if the grader dies. */
  removeOnExit(folder: string): void {
    this.tell(`d${folder}`);
  }

  /** The watchdog's process id (for tests), once it was started. */
  get pid(): number | undefined {
    return this.process?.pid;
  }
}

let instance: Watchdog | undefined;

/** This grader process's watchdog (started on first use). */
export function watchdog(): Watchdog {
  instance ??= new Watchdog();
  return instance;
}
