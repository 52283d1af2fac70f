/**
 * A setup file that measures each test file's CPU time, its child processes' included (sandbox
 * children, CLI runs, tsc, Biome): `VITEST_CPU_LOG=/tmp/cpu.tsv pnpm test` appends one line per
 * file — total CPU seconds, the test process's, its children's, wall seconds, the file. Linux only
 * (`/proc/self/stat`); without the variable it is not loaded (`vitest.shared.ts`). Wall time on a
 * shared machine says little; CPU time is what a 2-core run has to fit in.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

/** CPU seconds so far: this process's (user + system), and its waited-for children's. */
function cpu(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name: utime, stime, cutime, cstime are the 12th to 15th (clock ticks).
  const f = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const tick = 100;
  return { self: ((f[11] ?? 0) + (f[12] ?? 0)) / tick, children: ((f[13] ?? 0) + (f[14] ?? 0)) / tick };
}

// Taken when the setup file runs, before the test file is imported (its top-level work counts).
const start = cpu();
const started = Date.now();

afterAll(() => {
  const log = process.env.VITEST_CPU_LOG;
  if (!log) return;
  const end = cpu();
  const self = end.self - start.self;
  const children = end.children - start.children;
  const file = expect.getState().testPath ?? '?';
  const wall = (Date.now() - started) / 1000;
  appendFileSync(
    log,
    `${(self + children).toFixed(1)}\t${self.toFixed(1)}\t${children.toFixed(1)}\t${wall.toFixed(1)}\t${file}\n`,
  );
});
