/**
 * The unit project starts no Node process: a test that does (a sandbox child, the CLI, pnpm) belongs
 * in the integration project (`INTEGRATION` in `vitest.config.ts`), so the unit tests stay a matter
 * of seconds. Other programs (esbuild's service, which the static checks use) still start.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const NODE_LIKE = new Set(['node', 'node.exe', 'pnpm', 'npx', 'npm', 'tsx']);

const refusal = (name: string, command: string) =>
  new Error(
    `${name}(${command}): unit tests start no Node process; list this test file in INTEGRATION (grader/vitest.config.ts).`,
  );

/** `original`, refusing a Node program (fork always starts one). */
function refuseNode(name: string, original: (...args: unknown[]) => unknown) {
  return (...args: unknown[]) => {
    const command = String(args[0] ?? '');
    const program = path.basename(command.split(' ')[0] ?? '');
    if (name === 'fork' || command === process.execPath || NODE_LIKE.has(program))
      throw refusal(name, command);
    return original(...args);
  };
}

for (const name of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync'] as const) {
  const target = childProcess as unknown as Record<string, (...args: unknown[]) => unknown>;
  target[name] = refuseNode(name, target[name] as (...args: unknown[]) => unknown);
}
syncBuiltinESMExports();
