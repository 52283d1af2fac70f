import { defineConfig } from 'vitest/config';

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
    // One module registry per worker, not per test file: re-importing the engine, the kit and the
    // grader's sources for every file was most of these packages' test CPU (autograd: 27 s -> 8 s of
    // user+sys, the exercises 1.4x less, measured 2026-12-03). The price is a rule: a test file leaves
    // no global state behind (restore what it changes in `afterEach`/`finally`).
    isolate: false,
  },
});
