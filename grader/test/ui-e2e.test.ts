/**
 * End to end: the real CLI in a real (tmux) terminal, against a one-check exercise in a temporary
 * course folder. A student's loop: the UI opens, the check is "not started"; the file is saved with
 * an answer; the screen turns to "passed" without a key press; its folder, then the file, deleted and
 * restored, and the file replaced by a folder and back, are regraded each time; `q` quits and the
 * terminal is back.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
/** `pnpm grade`'s launcher: the grader from its bundle (`bin/bundle.mjs`), as students start it. */
const CLI = join(GRADER, 'bin', 'grade.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let root = '';

function tmux(...args: string[]): string {
  // A server of our own, its socket in the temporary folder: the test never touches anyone else's
  // tmux sessions, and leaves nothing behind.
  const run = spawnSync('tmux', ['-u', '-S', join(root, 'tmux.sock'), ...args], { encoding: 'utf8' });
  return run.stdout;
}

const screen = () => tmux('capture-pane', '-p', '-t', 'ui');

async function waitForScreen(predicate: (text: string) => boolean, what: string): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < 45_000) {
    const text = screen();
    if (predicate(text)) return text;
    // The CLI ended (the shell printed its exit code): waiting longer cannot help.
    if (text.includes('exit=') && !what.includes('exit')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; the screen:\n${screen()}`);
}

const MANIFEST = {
  id: '01-double',
  order: 1,
  title: { ko: '두 배', en: 'Double' },
  summary: { ko: '수를 두 배로', en: 'Double a number' },
  lecture: { section: { ko: '테스트', en: 'Test' }, slides: ['1'] },
  files: ['src/double.ts'],
  hints: [
    { ko: '곱셈', en: 'Multiply' },
    { ko: '2를 곱하기', en: 'Multiply by 2' },
    { ko: 'x * 2', en: 'x * 2' },
  ],
  timeLimitMs: 5000,
};

const CHECKS = `import { defineChecks, expectEqual } from '@gradschool/exercise-kit';
import type * as Student from './src/double.js';

export default defineChecks<typeof Student>([
  {
    id: 'double-two',
    title: { ko: '2의 두 배', en: 'Double of 2' },
    points: 1,
    probe: (student) => student.double(2),
    judge: (got) => expectEqual(got, 4),
  },
]);
`;

const STARTER = `import { NotImplemented } from '@gradschool/exercise-kit';

export function double(x: number): number {
  throw new NotImplemented('double');
}
`;

const ANSWER = 'export function double(x: number): number {\n  return x * 2;\n}\n';

describe.skipIf(!hasTmux)('the interactive UI in a real terminal (needs tmux)', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'grade-e2e-'));
    const dir = join(root, 'exercises', '01-double');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
    // The grader's dependencies (tsx, the exercise kit) resolve from the temporary course folder.
    symlinkSync(join(GRADER, 'node_modules'), join(root, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'exercise.json'), JSON.stringify(MANIFEST, null, 2));
    writeFileSync(join(dir, 'checks.ts'), CHECKS);
    writeFileSync(join(dir, 'src', 'double.ts'), STARTER);
  });

  afterAll(() => {
    tmux('kill-server');
    rmSync(root, { recursive: true, force: true });
  });

  // Nine waits of up to 45 s each on a busy machine: more than the suite's default timeout.
  it('grades, regrades on save, on delete and restore (of the file or its folder), and quits cleanly', {
    timeout: 300_000,
  }, async () => {
    const command = `env -u CI -u GITHUB_ACTIONS NO_COLOR=1 node ${CLI} --lang en; echo "exit=$?"; sleep 30`;
    tmux('new-session', '-d', '-s', 'ui', '-x', '100', '-y', '30', '-c', root, command);

    const first = await waitForScreen((s) => s.includes('not started'), 'the first grading');
    expect(first).toMatch(/01 Double.*0\/1 pt\b/);
    expect(first).toMatch(/q quit/);

    writeFileSync(join(root, 'exercises', '01-double', 'src', 'double.ts'), ANSWER);
    const after = await waitForScreen(
      (s) => s.includes('Every exercise passes'),
      'the regrade after the save',
    );
    expect(after).toMatch(/1\/1 pt\b/);

    // The file's folder deleted and re-created with it: regraded each time (a watch on the file
    // itself never saw it again). Then the file deleted and restored: regraded each time too.
    const src = join(root, 'exercises', '01-double', 'src');
    const file = join(src, 'double.ts');
    const passes = (s: string) => s.includes('Every exercise passes');
    const notStarted = (s: string) => s.includes('not started');
    rmSync(src, { recursive: true });
    await waitForScreen((s) => !passes(s), 'the regrade after deleting the folder');
    mkdirSync(src);
    writeFileSync(file, STARTER);
    await waitForScreen(notStarted, 'the regrade after re-creating the folder');
    unlinkSync(file);
    await waitForScreen((s) => !notStarted(s), 'the regrade after the delete');
    writeFileSync(file, ANSWER);
    await waitForScreen(passes, 'the regrade after the restore');
    // Replaced by a folder and back: the UI shows what is wrong, keeps running, and regrades.
    unlinkSync(file);
    mkdirSync(file);
    await waitForScreen((s) => !passes(s), 'the regrade of a folder in place of the file');
    rmSync(file, { recursive: true });
    writeFileSync(file, ANSWER);
    await waitForScreen(passes, 'the regrade of the file again');

    tmux('send-keys', '-t', 'ui', 'q');
    const closed = await waitForScreen((s) => s.includes('exit='), 'the CLI to exit');
    expect(closed).toContain('exit=0');
    // The alternate screen is gone: the UI's frame is not left behind in the shell.
    expect(closed).not.toContain('q quit');
  });
});

if (!hasTmux) {
  it.skip('the tmux end-to-end test: tmux is not installed', () => {});
}
