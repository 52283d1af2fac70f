/**
 * The time limit is the probe's, by the clock of the child that ran it: a probe over its limit is a
 * `timeout` and is never judged late, even when its answer reaches the grader before the grader's own
 * timer fired (the grader was busy); and a quick answer waiting in the pipe while the grader was busy
 * is read before the grader's timer decides, so a busy grader never times out a quick probe.
 * A probe that ran out of time had begun (the child says so first); one in a child that an earlier
 * probe made deaf never began, and the slot runs it again in a fresh child, once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { SandboxSlot } from '../src/sandbox/slot.js';
import type { WarmSandboxes } from '../src/sandbox/warm.js';
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
    `export function spin(ms: number): number { const end = Date.now() + ms; while (Date.now() < end) {} return ms; }
// No stream of the child hears 'data' again: it cannot read the grader's next message.
export function deafen(): boolean {
  const events = Object.getPrototypeOf(Object.getPrototypeOf(process));
  const emit = events.emit;
  events.emit = function (this: unknown, name: string, ...rest: unknown[]) {
    return name === 'data' ? false : emit.call(this, name, ...rest);
  };
  return true;
}
`,
  );
  writeFileSync(
    path.join(dir, 'checks.ts'),
    `type S = { spin(ms: number): number; deafen(): boolean };
export default { checks: [
  { id: "spin", probe: (s: S, ms: number) => s.spin(ms) },
  { id: "deafen", probe: (s: S) => s.deafen() },
] };
`,
  );
  code = await sandboxCodeFor(path.join(dir, 'checks.ts'), path.join(dir, 'student.ts'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = () => ({ ...code, heapMb: 256, rssMb: 640, loadTimeoutMs: 30_000 });

async function started(): Promise<Sandbox> {
  const { sandbox, outcome } = await Sandbox.start(options());
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

describe('a probe that never began', () => {
  it('a busy probe began, then ran out of time; in a deaf child the next probe never began', async () => {
    const sandbox = await started();
    expect(await sandbox.run('spin', 5000, 300)).toMatchObject({ kind: 'timeout', ms: 300, began: true });
    const deaf = await started();
    expect(await deaf.run('deafen', undefined, 5000)).toMatchObject({ kind: 'value', value: true });
    expect(await deaf.run('spin', 10, 1000)).toMatchObject({ kind: 'timeout', began: false });
    deaf.dispose();
  }, 30_000);

  /** A pool that never has a child waiting, and counts how often the slot starts one. */
  function countingPool(): { pool: WarmSandboxes; starts: () => number } {
    let starts = 0;
    const pool = { take: () => void starts++, replenish: () => {} } as unknown as WarmSandboxes;
    return { pool, starts: () => starts };
  }

  it('runs again, once, in a fresh child: the deafening probe costs its own check only', async () => {
    const { pool, starts } = countingPool();
    const slot = new SandboxSlot(options(), undefined, pool);
    expect((await slot.run('deafen', undefined, 5000)).outcome).toMatchObject({ kind: 'value', value: true });
    expect((await slot.run('spin', 10, 1000)).outcome).toMatchObject({ kind: 'value', value: 10 });
    await slot.close();
    expect(starts()).toBe(2);
  }, 30_000);

  it('does not run a busy probe twice: it began, so its time is its own', async () => {
    const { pool, starts } = countingPool();
    const slot = new SandboxSlot(options(), undefined, pool);
    expect((await slot.run('spin', 10, 5000)).outcome).toMatchObject({ kind: 'value', value: 10 });
    expect((await slot.run('spin', 5000, 300)).outcome).toMatchObject({ kind: 'timeout', began: true });
    await slot.close();
    expect(starts()).toBe(1);
  }, 30_000);
});
