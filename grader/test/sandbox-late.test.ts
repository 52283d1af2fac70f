/**
 * Output and errors that student code produces after its check answered are never charged to the
 * next check; what it does right after its probe settles (a zero-delay timer, a rejection) still
 * counts for its own check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { sandboxCodeFor } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'grade-late-'));
let sandbox: Sandbox;

beforeAll(async () => {
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    path.join(dir, 'student.ts'),
    `export function leavesWorkBehind(): number {
  setTimeout(() => console.log('late output of the first check'), 40);
  setTimeout(() => { Promise.reject(new Error('late rejection of the first check')); }, 40);
  setTimeout(() => { throw new Error('late throw of the first check'); }, 40);
  return 1;
}
export function rejectsRightAfter(): number {
  setTimeout(() => { console.log('right after'); Promise.reject(new Error('rejected right after')); }, 0);
  return 2;
}
export async function slow(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  console.log('the second check speaks');
  return 3;
}
`,
  );
  const probe = (name: string) => `{ id: '${name}', probe: (s) => s.${name}() }`;
  writeFileSync(
    path.join(dir, 'checks.ts'),
    `export default { checks: [${['leavesWorkBehind', 'rejectsRightAfter', 'slow'].map(probe).join(', ')}] };\n`,
  );
  const started = await Sandbox.start({
    ...(await sandboxCodeFor(path.join(dir, 'checks.ts'), path.join(dir, 'student.ts'))),
    heapMb: 256,
    rssMb: 640,
    loadTimeoutMs: 30_000,
  });
  expect(started.outcome.kind).toBe('value');
  sandbox = started.sandbox;
});

afterAll(() => {
  sandbox?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('late output and errors', () => {
  it('are not charged to the check that runs when they arrive', async () => {
    const first = await sandbox.run('leavesWorkBehind', undefined, 5000);
    expect(first).toMatchObject({ kind: 'value', value: 1, unhandled: [], output: '' });
    const second = await sandbox.run('slow', undefined, 5000);
    expect(second).toMatchObject({ kind: 'value', value: 3, unhandled: [] });
    expect(second.output).toBe('the second check speaks\n');
  });

  it('count for their own check when they come right after the probe settles', async () => {
    const outcome = await sandbox.run('rejectsRightAfter', undefined, 5000);
    expect(outcome).toMatchObject({ kind: 'value', value: 2, output: 'right after\n' });
    if (outcome.kind !== 'value') throw new Error('unreachable');
    expect(outcome.unhandled.map((e) => e.message)).toEqual(['rejected right after']);
  });
});
