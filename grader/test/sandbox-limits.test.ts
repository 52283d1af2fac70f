/**
 * The time limit is the probe's, by the clock of the child that ran it: a probe over its limit is a
 * `timeout` and is never judged late, even when its answer reaches the grader before the grader's own
 * timer fired (the grader was busy); and a quick answer waiting in the pipe while the grader was busy
 * is read before the grader's timer decides, so a busy grader never times out a quick probe.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { sandboxCodeFor } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'grade-limits-'));
let code: { checksCode: string; studentCode: string };

/** Blocks this process (the grader) for `ms`: what a slow judge of another exercise would do. */
function blockFor(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

beforeAll(async () => {
  writeFileSync(
    path.join(dir, 'student.ts'),
    `export function spin(ms: number): number { const end = Date.now() + ms; while (Date.now() < end) {} return ms; }\n`,
  );
  writeFileSync(
    path.join(dir, 'checks.ts'),
    'export default { checks: [{ id: "spin", probe: (s: { spin(ms: number): number }, ms: number) => s.spin(ms) }] };\n',
  );
  code = await sandboxCodeFor(path.join(dir, 'checks.ts'), path.join(dir, 'student.ts'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function started(): Promise<Sandbox> {
  const { sandbox, outcome } = await Sandbox.start({
    ...code,
    heapMb: 256,
    rssMb: 640,
    loadTimeoutMs: 30_000,
  });
  expect(outcome.kind).toBe('value');
  return sandbox;
}

describe('the time limit', () => {
  it('a probe that ran over its limit is a timeout even when its answer came before the timer', async () => {
    const sandbox = await started();
    const answer = sandbox.run('spin', 600, 300);
    blockFor(1500); // the answer (after 600 ms of probe) waits in the pipe; the timer is overdue
    expect(await answer).toMatchObject({ kind: 'timeout', ms: 300 });
    sandbox.dispose();
  }, 30_000);

  it('a quick answer waiting while the grader was busy is taken, not timed out', async () => {
    const sandbox = await started();
    const answer = sandbox.run('spin', 10, 300);
    blockFor(1500);
    expect(await answer).toMatchObject({ kind: 'value', value: 10 });
    sandbox.dispose();
  }, 30_000);
});
