/**
 * Aborting a grading (Ctrl-C or `q` in the UI): nothing new starts after the signal, and a child
 * still loading the student's module is killed rather than waited for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxSlot } from '../src/sandbox/slot.js';
import { FIXTURE_EXERCISES, gradeFixtures, sandboxCodeFor } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'grade-abort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('grade() after abort', () => {
  it('starts no further exercise, and reports every one as cancelled', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const report = await gradeFixtures({
      filters: ['01', '02', '03', '04'],
      concurrency: 1,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'exercise-start') {
          started.push(e.id);
          controller.abort();
        }
        if (e.type === 'check-start') started.push(`${e.exerciseId}/${e.checkId}`);
      },
    });
    expect(started).toEqual(['01-passing']);
    expect(report.exercises.map((e) => [e.id, e.status, e.problem?.code])).toEqual([
      ['01-passing', 'error', 'cancelled'],
      ['02-failing', 'error', 'cancelled'],
      ['03-hanging', 'error', 'cancelled'],
      ['04-crashing', 'error', 'cancelled'],
    ]);
    expect(report.exercises[0]?.checks.every((c) => c.message.en === 'Grading was cancelled.')).toBe(true);
  });
});

describe('SandboxSlot after abort', () => {
  it('kills a child that is still loading instead of waiting for it', async () => {
    // A module whose loading never ends: only killing the child ends the wait (the load limit here
    // is far longer than the test's own timeout).
    const student = path.join(dir, 'never-loads.ts');
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(student, 'await new Promise(() => {});\nexport const ok = () => 1;\n');
    const controller = new AbortController();
    const slot = new SandboxSlot(
      {
        ...(await sandboxCodeFor(path.join(FIXTURE_EXERCISES, '01-passing', 'checks.ts'), student)),
        heapMb: 256,
        rssMb: 640,
        loadTimeoutMs: 120_000,
      },
      controller.signal,
    );
    setTimeout(() => controller.abort(), 300);
    const answer = await slot.run('anything', undefined, 1000);
    await slot.close();
    expect(answer.loadFailed).toBe(false);
    expect(answer.outcome).toMatchObject({ kind: 'crashed', how: 'cancelled' });
  }, 20_000);
});
