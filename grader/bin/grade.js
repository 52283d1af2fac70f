#!/usr/bin/env node
// `grade`: the grader's command for a package that depends on @gradschool/grader (e.g. an exercise:
// `pnpm exec grade 03`). The grader runs from its TypeScript source, as `pnpm grade` does: it bundles
// the sandbox harness from `src/sandbox/` and loads each exercise's `checks.ts`, so there is no
// compiled grader to start. This starts Node on `src/cli/main.ts` with the course's `source` condition and
// tsx (resolved from here, not from the caller's folder), passes the arguments and the exit code on.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const child = spawn(
  process.execPath,
  ['--conditions=source', '--import', import.meta.resolve('tsx'), cli, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
// The child shares the terminal, so it gets Ctrl-C itself; a signal sent to this process alone is
// passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
