/**
 * The pre-started sandbox child of watch mode and the UI: a regrade takes the waiting child (it
 * runs in a private folder of its own, with no trace of an earlier grading), a new one waits after it, a
 * child is never handed out twice, and a waiting child that died costs nothing but its head start.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type LoadedExercise } from '../src/core/discover.js';
import { gradeExercise } from '../src/core/run.js';
import { checksBundle, studentBundle } from '../src/sandbox/bundle.js';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { SandboxSlot } from '../src/sandbox/slot.js';
import { sandboxRoot } from '../src/sandbox/spawn.js';
import { WarmSandboxes } from '../src/sandbox/warm.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'grade-warm-')));
const warm = new WarmSandboxes();
let exercises: LoadedExercise[] = [];

const CHECKS = `import { defineChecks, pass } from '@gradschool/exercise-kit';
import type * as Student from './src/facts.js';

export default defineChecks<typeof Student>([
  {
    id: 'facts',
    title: { ko: '사실', en: 'Facts' },
    points: 1,
    probe: (student) => student.facts(),
    judge: (got) => pass({ ko: JSON.stringify(got), en: JSON.stringify(got) }),
  },
]);
`;

/** What the student's module reports about the process it runs in. */
const STUDENT = `const g = globalThis as { gradings?: number };
export function facts() {
  g.gradings = (g.gradings ?? 0) + 1;
  return { pid: process.pid, gradings: g.gradings, cwd: process.cwd() };
}
`;

function addExercise(id: string): void {
  const dir = path.join(root, 'exercises', id);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  const text = { ko: id, en: id };
  const manifest = {
    id,
    order: Number(id.slice(0, 2)),
    title: text,
    summary: text,
    lecture: { section: text, slides: ['1'] },
    files: ['src/facts.ts'],
    hints: [text, text, text],
    timeLimitMs: 5000,
  };
  writeFileSync(path.join(dir, 'exercise.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'checks.ts'), CHECKS);
  writeFileSync(path.join(dir, 'src', 'facts.ts'), STUDENT);
}

interface Facts {
  pid: number;
  gradings: number;
  cwd: string;
}

/** Grades exercise `index` with the pool and returns what its probe saw. */
async function regrade(index: number): Promise<Facts> {
  const ex = exercises[index]!;
  const result = await gradeExercise(ex, { root, seed: 1, lang: 'en', source: 'src', warm });
  expect(result.status).toBe('pass');
  return JSON.parse(result.checks[0]!.message.en) as Facts;
}

beforeAll(async () => {
  writeFileSync(path.join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  symlinkSync(path.join(GRADER, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  addExercise('01-first');
  addExercise('02-second');
  exercises = (await discover(root)).exercises;
  expect(exercises.map((e) => e.id)).toEqual(['01-first', '02-second']);
});

afterAll(() => {
  warm.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the pre-started child', () => {
  it('serves the next regrade, in the exercise folder, with nothing left from before', async () => {
    const first = await regrade(0);
    const waiting = warm.waitingPid;
    expect(waiting).toBeDefined();
    expect(waiting).not.toBe(first.pid);
    const second = await regrade(0);
    expect(second).toMatchObject({ pid: waiting, gradings: 1 });
    // Its own private folder, outside the course tree, never the previous child's.
    expect(second.cwd.startsWith(sandboxRoot())).toBe(true);
    expect(second.cwd).not.toBe(first.cwd);
    // Used once: the next one waiting is yet another process.
    expect(warm.waitingPid).toBeDefined();
    expect([first.pid, second.pid]).not.toContain(warm.waitingPid);
  }, 30_000);

  it('serves another exercise just as well', async () => {
    const waiting = warm.waitingPid;
    const other = await regrade(1);
    expect(other).toMatchObject({ pid: waiting, gradings: 1 });
  }, 30_000);

  it('may die while it waits: the regrade starts its own child', async () => {
    await regrade(0);
    const doomed = warm.waitingPid!;
    process.kill(doomed, 'SIGKILL');
    // No waiting for the death to be noticed: handed out or not, the grading must still pass.
    const facts = await regrade(0);
    expect(facts.pid).not.toBe(doomed);
    expect(facts.gradings).toBe(1);
  }, 30_000);

  it('handed out and dying before it loads: one fresh child takes over', async () => {
    const ex = exercises[0]!;
    const student = await studentBundle(path.join(ex.dir, 'src', 'facts.ts'), [], (f) => f);
    if (!('code' in student)) throw new Error('the student module did not bundle');
    const options = {
      checksCode: await checksBundle(ex.checksPath),
      studentCode: student.code,
      heapMb: 512,
      rssMb: 896,
      loadTimeoutMs: 30_000,
    };
    const doomed = Sandbox.spawn(options);
    await doomed.ready();
    const pool = { take: () => doomed, replenish: () => {} } as unknown as WarmSandboxes;
    process.kill(doomed.pid!, 'SIGKILL');
    const slot = new SandboxSlot(options, undefined, pool);
    const answer = await slot.run('facts', undefined, 5000);
    await slot.close();
    expect(answer.loadFailed).toBe(false);
    expect(answer.outcome).toMatchObject({ kind: 'value', value: { gradings: 1 } });
    expect((answer.outcome as { value: Facts }).value.pid).not.toBe(doomed.pid);
  }, 30_000);

  it('starts nothing after close', async () => {
    const pool = new WarmSandboxes();
    pool.close();
    pool.replenish({ heapMb: 512 });
    expect(pool.waitingPid).toBeUndefined();
  });
});
