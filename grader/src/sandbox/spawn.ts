/**
 * Starting a sandbox child: `fork` of the harness with tsx's loader, the heap cap, and an
 * environment without the secret seed. The child then waits for its `init` (or `prepare`) message.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SpawnOptions } from './options.js';

const HARNESS = fileURLToPath(new URL('./harness.ts', import.meta.url));

/** tsx's loader as an absolute URL, so the child finds it wherever the graded tree lives. */
function tsxLoader(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports as Record<string, unknown>;
  const entry = typeof exports['.'] === 'string' ? exports['.'] : './dist/loader.mjs';
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
}

let loaderUrl: string | undefined;

/** The child's environment: the grader's, without the secret seed or the grader's own Node flags. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.GRADE_SEED;
  delete env.NODE_OPTIONS;
  delete env.VITEST;
  return env;
}

/** Forks the harness: stdout/stderr piped (the grader keeps what bypasses the capture), IPC by structured clone. */
export function forkHarness(options: SpawnOptions): ChildProcess {
  loaderUrl ??= tsxLoader();
  return fork(HARNESS, [], {
    cwd: options.cwd,
    env: childEnv(),
    execArgv: ['--conditions=source', '--import', loaderUrl, `--max-old-space-size=${options.heapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
}
