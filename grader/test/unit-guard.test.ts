/**
 * The grader's test configuration: the unit project's guard (`setup-unit.ts`): a unit test that
 * starts a Node process (a sandbox child, the CLI) fails at once, saying where the test belongs;
 * other programs still start. And the integration files' order: the longest start first.
 */
import { execFileSync, fork, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { INTEGRATION, LONGEST_FIRST, LongestFirst } from '../vitest.config.js';

it('refuses to start Node, and nothing else', () => {
  const refused = /unit tests start no Node process; list this test file in INTEGRATION/;
  expect(() => spawnSync(process.execPath, ['-e', '1'])).toThrow(refused);
  expect(() => spawn('node', ['-e', '1'])).toThrow(refused);
  expect(() => execFileSync('pnpm', ['-v'])).toThrow(refused);
  expect(() => fork('whatever.js')).toThrow(refused);
  expect(spawnSync('true').status).toBe(0);
});

it('starts the longest integration files first, the rest in the order vitest found them', async () => {
  expect(INTEGRATION).toEqual(expect.arrayContaining(LONGEST_FIRST));
  const root = fileURLToPath(new URL('..', import.meta.url));
  // A clean clone: vitest has no record of any file, and keeps the order it found them in.
  const ctx = {
    config: { root },
    cache: { getFileTestResults: () => undefined, getFileStats: () => undefined },
  } as unknown as Vitest;
  const project = { name: 'integration', config: { root, isolate: true, sequence: { groupOrder: 0 } } };
  const found = [...INTEGRATION].sort().map((file) => ({ project, moduleId: path.join(root, file) }));
  const sorted = await new LongestFirst(ctx).sort(found as unknown as TestSpecification[]);
  const order = sorted.map((spec) => path.relative(root, spec.moduleId).split(path.sep).join('/'));
  expect(order.slice(0, LONGEST_FIRST.length)).toEqual(LONGEST_FIRST);
  expect(order.slice(LONGEST_FIRST.length)).toEqual(
    [...INTEGRATION].sort().filter((file) => !LONGEST_FIRST.includes(file)),
  );
});
