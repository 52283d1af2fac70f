#!/usr/bin/env node
// `pnpm grade`, and the `grade` command of a package that depends on @gradschool/grader (an exercise:
// `pnpm exec grade 03`). The grader starts from its bundle (`bundle.mjs`: built by esbuild when its
// sources change, kept in `grader/node_modules/.cache/`), in this process, with no TypeScript loader.
// If the bundle cannot be built or loaded (a cache folder that cannot be written, say), the grader
// runs from its TypeScript sources as before: Node on `src/cli/main.ts` with the course's `source`
// condition and tsx (resolved from here, not from the caller's folder), the arguments and the exit
// code passed on. The grading is the same either way; `GRADSCHOOL_DEBUG=1` prints why.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadGrader } from './bundle.mjs';

let grader;
try {
  grader = await loadGrader();
} catch (error) {
  if (process.env.GRADSCHOOL_DEBUG === '1') console.error('gradschool: running from the sources:', error);
}

if (grader) await grader.runFromCommandLine();
else fromSources();

function fromSources() {
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
}
