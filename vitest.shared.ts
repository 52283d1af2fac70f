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
  },
});
