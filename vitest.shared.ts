import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `VITEST_CPU_LOG=<file>`: each test file's CPU time (its child processes' included) appended to
 * `<file>` (`vitest.cpu-meter.ts`), to find what makes `pnpm test` slow.
 */
export const cpuMeter: string[] = process.env.VITEST_CPU_LOG
  ? [fileURLToPath(new URL('./vitest.cpu-meter.ts', import.meta.url))]
  : [];

/**
 * Shared by every package's `vitest.config.ts`: workspace packages resolve to their TypeScript
 * sources (the `source` export condition), so tests never need a build first.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    setupFiles: cpuMeter,
    // One module registry per worker, not per test file: re-importing the engine, the kit and the
    // grader's sources for every file was most of these packages' test CPU (autograd: 27 s -> 8 s of
    // user+sys, the exercises 1.4x less, measured 2026-12-03). The price is a rule: a test file leaves
    // no global state behind (restore what it changes in `afterEach`/`finally`).
    isolate: false,
  },
});
