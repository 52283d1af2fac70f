/**
 * Starting a sandbox child: plain Node on the bundled harness (`bundle.ts`), locked down by Node's
 * permission model, in a private folder of its own, with nothing of the grader's environment.
 *
 * - **Reads**: only the child's own folder (`--allow-fs-read=<folder>/*`), which holds the harness,
 *   the course's libraries and, once it loads an exercise, that exercise's checks and the student's
 *   module. Not the course tree (no `solution/`), not `/proc/<grader>/environ`, not another
 *   submission's folder.
 * - **Writes, child processes, worker threads, native addons, WASI**: none (no `--allow-*` flag).
 *   WebAssembly itself is not covered by the model and still runs (the engine's matmul kernel).
 * - **Environment**: empty (on Windows, just `SYSTEMROOT`): no `GRADE_SEED`, no CI tokens.
 * - **Process group**: its own on POSIX (`detached`), so the grader kills the whole group, and a
 *   Ctrl-C in the terminal reaches the grader, which ends its children, rather than them directly.
 * - **Pipes**: fd 1 and 2 (what bypasses the harness's capture), fd 3 grader -> child, fd 4
 *   child -> grader (`channel.ts`). No Node IPC channel.
 *
 * Node 20 spells the switch `--experimental-permission`, Node 22+ `--permission`: the one this Node
 * knows is used. One `--allow-fs-read` flag with one folder reads the same on every version.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SharedFiles, sharedFiles } from './bundle.js';
import { watchdog } from './watchdog.js';

/** What a child needs when it starts, before it knows which exercise it will load. */
export interface SpawnOptions {
  /** V8 heap cap, MiB. */
  heapMb: number;
}

/** The Node flag that turns the permission model on, as this Node spells it. */
export function permissionFlag(flags: ReadonlySet<string> = process.allowedNodeEnvironmentFlags): string {
  return flags.has('--permission') ? '--permission' : '--experimental-permission';
}

/** The child's flags: permission model, reads of `folder` only, quiet, source maps, heap cap. */
export function childFlags(folder: string, heapMb: number): string[] {
  const flags = process.allowedNodeEnvironmentFlags;
  return [
    permissionFlag(flags),
    `--allow-fs-read=${path.join(folder, '*')}`,
    // The permission model's "experimental" warning would land in every check's output.
    ...(flags.has('--disable-warning') ? ['--disable-warning=ExperimentalWarning'] : ['--no-warnings']),
    '--enable-source-maps',
    `--max-old-space-size=${heapMb}`,
  ];
}

/** The child's environment: nothing of the grader's (it could hold `GRADE_SEED` or CI tokens). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  if (process.platform === 'win32' && process.env.SYSTEMROOT) env.SYSTEMROOT = process.env.SYSTEMROOT;
  return env;
}

let privateRoot: string | undefined;

/**
 * This grader process's private folder (mode 0700, in the system's temporary folder, outside the
 * course tree), where each child gets a folder of its own. Removed when the grader exits, and by the
 * watchdog if the grader is killed.
 */
export function sandboxRoot(): string {
  if (privateRoot) return privateRoot;
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'gradschool-')));
  privateRoot = root;
  watchdog().removeOnExit(root);
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** A child's own folder, holding the harness and the libraries. */
export function makeChildFolder(shared: SharedFiles): string {
  const folder = mkdtempSync(path.join(sandboxRoot(), 'child-'));
  mkdirSync(path.join(folder, 'lib'));
  for (const [file, code] of shared) writeFileSync(path.join(folder, ...file.split('/')), code);
  return folder;
}

/** Removes a child's folder (after the child is gone). */
export function removeChildFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** A started child and its folder. */
export interface SpawnedChild {
  child: ChildProcess;
  folder: string;
}

/** Starts the harness in a new folder of its own; the watchdog ends it if the grader dies. */
export async function spawnHarness(options: SpawnOptions): Promise<SpawnedChild> {
  return spawnWith(options, await sharedFiles());
}

/** {@link spawnHarness}, at once, with the shared files already built (`builtSharedFiles`). */
export function spawnWith(options: SpawnOptions, shared: SharedFiles): SpawnedChild {
  const folder = makeChildFolder(shared);
  const child = spawn(
    process.execPath,
    [...childFlags(folder, options.heapMb), path.join(folder, 'harness.mjs')],
    {
      cwd: folder,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    },
  );
  if (child.pid !== undefined) {
    const pid = child.pid;
    watchdog().watch(pid);
    child.once('exit', () => watchdog().forget(pid));
  }
  return { child, folder };
}

/**
 * Kills a child and everything in its process group (POSIX), or the child itself (Windows).
 * Never throws: a child already gone is fine.
 */
export function killTree(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform !== 'win32') {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  try {
    child.kill('SIGKILL');
  } catch {}
}
