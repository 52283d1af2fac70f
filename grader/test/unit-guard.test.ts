/**
 * The unit project's guard (`setup-unit.ts`): a unit test that starts a Node process (a sandbox
 * child, the CLI) fails at once, saying where the test belongs; other programs still start.
 */
import { execFileSync, fork, spawn, spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('refuses to start Node, and nothing else', () => {
  const refused = /unit tests start no Node process; list this test file in INTEGRATION/;
  expect(() => spawnSync(process.execPath, ['-e', '1'])).toThrow(refused);
  expect(() => spawn('node', ['-e', '1'])).toThrow(refused);
  expect(() => execFileSync('pnpm', ['-v'])).toThrow(refused);
  expect(() => fork('whatever.js')).toThrow(refused);
  expect(spawnSync('true').status).toBe(0);
});
