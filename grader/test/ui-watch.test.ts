import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPlainWatch } from '../src/cli/watch.js';
import { type WatchTarget, watchStudentFiles } from '../src/core/watch.js';

let root: string;
let targets: WatchTarget[];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'grade-watch-'));
  targets = ['01-a', '02-b'].map((id) => {
    const dir = join(root, id);
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'main.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'notes.ts'), '// not a student file\n');
    return { id, dir, manifest: { files: ['src/main.ts'] } };
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function until(predicate: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > 10_000) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}

describe('watchStudentFiles', () => {
  it('reports one save per burst, for the exercise that owns the file', async () => {
    const saved: string[] = [];
    const watcher = watchStudentFiles(targets, (id) => saved.push(id), { debounceMs: 150 });
    await watcher.ready;
    const file = join(root, '02-b', 'src', 'main.ts');
    writeFileSync(file, 'export const x = 2;\n');
    writeFileSync(file, 'export const x = 3;\n');
    await until(() => saved.length > 0, 'a save');
    // A file that no manifest lists is never watched.
    writeFileSync(join(root, '01-a', 'notes.ts'), '// changed\n');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await watcher.close();
    expect(saved).toEqual(['02-b']);
  });
});

/**
 * A watcher on `targets` that records each regrade; `step` does something on disk and waits (polling,
 * up to 10 s) until exercise `id` is regraded once more.
 */
async function recording(
  options: { onSaved?: (id: string) => unknown; onError?: (e: unknown) => void } = {},
) {
  const saved: string[] = [];
  const watcher = watchStudentFiles(
    targets,
    (id) => {
      saved.push(id);
      return options.onSaved?.(id);
    },
    { debounceMs: 50, ...(options.onError ? { onError: options.onError } : {}) },
  );
  await watcher.ready;
  const count = (id: string) => saved.filter((s) => s === id).length;
  const step = async (what: string, action: () => void, id = '01-a') => {
    const before = count(id);
    action();
    await until(() => count(id) > before, `a regrade of ${id} after: ${what}`);
  };
  return { saved, watcher, step };
}

describe('watchStudentFiles, whatever happens to the file on disk', () => {
  const src = () => join(root, '01-a', 'src');
  const file = () => join(src(), 'main.ts');

  it('regrades on delete, on restore, and after a delete and a write at once (git checkout)', async () => {
    const { saved, watcher, step } = await recording();
    await step('delete', () => unlinkSync(file()));
    await step('restore', () => writeFileSync(file(), 'export const x = 2;\n'));
    await step('delete and write again at once', () => {
      unlinkSync(file());
      writeFileSync(file(), 'export const x = 3;\n');
    });
    // A watch on the file itself followed the deleted inode: this save went unseen.
    await step('a save after that', () => writeFileSync(file(), 'export const x = 4;\n'));
    await watcher.close();
    expect(new Set(saved)).toEqual(new Set(['01-a']));
  });

  it('regrades on a rename away and back', async () => {
    const { saved, watcher, step } = await recording();
    await step('rename away', () => renameSync(file(), join(src(), 'main.ts.bak')));
    await step('rename back', () => renameSync(join(src(), 'main.ts.bak'), file()));
    await step('a save after that', () => writeFileSync(file(), 'export const x = 5;\n'));
    await watcher.close();
    expect(new Set(saved)).toEqual(new Set(['01-a']));
  });

  it('regrades on a case-only rename both ways, and on a save of the wrongly-cased file', async () => {
    const { saved, watcher, step } = await recording();
    const wrong = join(src(), 'Main.ts');
    await step('rename to Main.ts', () => renameSync(file(), wrong));
    await step('a save of Main.ts', () => writeFileSync(wrong, 'export const x = 6;\n'));
    await step('rename back to main.ts', () => renameSync(wrong, file()));
    await step('a save after that', () => writeFileSync(file(), 'export const x = 7;\n'));
    await watcher.close();
    expect(new Set(saved)).toEqual(new Set(['01-a']));
  });

  it('regrades when the file becomes a folder, and when it is a file again', async () => {
    const { saved, watcher, step } = await recording();
    await step('replace by a folder', () => {
      unlinkSync(file());
      mkdirSync(file());
    });
    await step('back to a file', () => {
      rmdirSync(file());
      writeFileSync(file(), 'export const x = 8;\n');
    });
    await step('a save after that', () => writeFileSync(file(), 'export const x = 9;\n'));
    await watcher.close();
    expect(new Set(saved)).toEqual(new Set(['01-a']));
  });

  it('keeps watching when the folder of the file is deleted and re-created, nested folders too', async () => {
    const nested = join(root, '03-c', 'lib', 'deep', 'step.ts');
    mkdirSync(join(root, '03-c', 'lib', 'deep'), { recursive: true });
    writeFileSync(nested, 'export const y = 1;\n');
    targets.push({ id: '03-c', dir: join(root, '03-c'), manifest: { files: ['lib/deep/step.ts'] } });
    const { saved, watcher, step } = await recording();
    await step('delete src/', () => rmSync(src(), { recursive: true }));
    await step('re-create src/ and the file', () => {
      mkdirSync(src());
      writeFileSync(file(), 'export const x = 10;\n');
    });
    await step('a save after that', () => writeFileSync(file(), 'export const x = 11;\n'));
    const lib = join(root, '03-c', 'lib');
    await step('delete lib/', () => rmSync(lib, { recursive: true }), '03-c');
    await step(
      're-create lib/deep/ and the file',
      () => {
        mkdirSync(join(lib, 'deep'), { recursive: true });
        writeFileSync(nested, 'export const y = 2;\n');
      },
      '03-c',
    );
    await step('a save after that', () => writeFileSync(nested, 'export const y = 3;\n'), '03-c');
    await watcher.close();
    expect(new Set(saved)).toEqual(new Set(['01-a', '03-c']));
  });

  it('ignores the other files of the watched folders', async () => {
    const { saved, watcher, step } = await recording();
    writeFileSync(join(src(), 'other.ts'), '// not listed\n');
    writeFileSync(join(src(), 'main.ts.bak'), '// not listed\n');
    writeFileSync(join(root, '01-a', 'notes.ts'), '// changed\n');
    mkdirSync(join(src(), 'sub'));
    writeFileSync(join(src(), 'sub', 'main.ts'), '// not listed\n');
    // Events arrive in order: once this save of another exercise is seen, the ones above were too.
    await step('a save of 02-b', () => writeFileSync(join(root, '02-b', 'src', 'main.ts'), '//\n'), '02-b');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await watcher.close();
    expect(saved).toEqual(['02-b']);
  });

  it('goes on after a callback that throws or rejects, and reports what it threw', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const { watcher, step } = await recording({
      onSaved: () => {
        calls++;
        if (calls === 1) throw new Error('thrown');
        return calls === 2 ? Promise.reject(new Error('rejected')) : undefined;
      },
      onError: (error) => errors.push(error),
    });
    await step('a save', () => writeFileSync(file(), 'export const x = 12;\n'));
    await step('another save', () => writeFileSync(file(), 'export const x = 13;\n'));
    await step('a third save', () => writeFileSync(file(), 'export const x = 14;\n'));
    await until(() => errors.length === 2, 'both errors reported');
    await watcher.close();
    expect(errors.map((e) => (e as Error).message)).toEqual(['thrown', 'rejected']);
  });
});

describe('runPlainWatch', () => {
  it('regrades the saved exercise and stops when aborted', async () => {
    const lines: string[] = [];
    const regraded: string[] = [];
    const stop = new AbortController();
    const done = runPlainWatch({
      exercises: targets,
      lang: 'en',
      regrade: async (id) => {
        regraded.push(id);
      },
      print: (line) => lines.push(line),
      signal: stop.signal,
      debounceMs: 50,
    });
    await until(() => lines.some((l) => l.startsWith('Watching')), 'the watcher to start');
    writeFileSync(join(root, '01-a', 'src', 'main.ts'), 'export const x = 5;\n');
    await until(() => regraded.length > 0, 'a regrade');
    stop.abort();
    await done;
    expect(regraded).toEqual(['01-a']);
    expect(lines).toContain('Regrading 01-a…');
  });

  it('prints a failed regrade once while it repeats, and goes on (a file replaced by a folder)', async () => {
    const lines: string[] = [];
    const read: string[] = [];
    const file = join(root, '01-a', 'src', 'main.ts');
    const stop = new AbortController();
    const done = runPlainWatch({
      exercises: targets,
      lang: 'en',
      // Reads the file as grading does: a folder there throws EISDIR.
      regrade: async () => {
        read.push(readFileSync(file, 'utf8'));
      },
      print: (line) => lines.push(line),
      signal: stop.signal,
      debounceMs: 50,
    });
    await until(() => lines.some((l) => l.startsWith('Watching')), 'the watcher to start');
    const regrading = () => lines.filter((l) => l === 'Regrading 01-a…').length;
    const failed = () => lines.filter((l) => l.startsWith('Could not regrade 01-a: EISDIR')).length;
    unlinkSync(file);
    mkdirSync(file);
    await until(() => failed() === 1, 'the failed regrade');
    // The same failure again (the folder renamed away and back at once: one regrade, that finds the
    // folder again): not printed a second time.
    const before = regrading();
    renameSync(file, `${file}.away`);
    renameSync(`${file}.away`, file);
    await until(() => regrading() > before, 'the regrade after the rename away and back');
    rmdirSync(file);
    writeFileSync(file, 'export const x = 15;\n');
    await until(() => read.includes('export const x = 15;\n'), 'the regrade of the file again');
    stop.abort();
    await done;
    expect(failed()).toBe(1);
    expect(lines.find((l) => l.startsWith('Could not regrade'))).toMatch(/\(still watching\)$/);
  });

  it('a newer save cancels what is left of the regrade in progress (its extra seeds), then regrades', async () => {
    const lines: string[] = [];
    const signals: AbortSignal[] = [];
    const stop = new AbortController();
    const done = runPlainWatch({
      exercises: targets,
      lang: 'en',
      // The first regrade waits (as a confirmation with extra seeds does) until it is superseded.
      regrade: async (_id, superseded) => {
        signals.push(superseded);
        if (signals.length === 1)
          await new Promise<void>((resolve) => superseded.addEventListener('abort', () => resolve()));
      },
      print: (line) => lines.push(line),
      signal: stop.signal,
      debounceMs: 50,
    });
    await until(() => lines.some((l) => l.startsWith('Watching')), 'the watcher to start');
    const file = join(root, '01-a', 'src', 'main.ts');
    writeFileSync(file, 'export const x = 18;\n');
    await until(() => signals.length === 1, 'the first regrade');
    expect(signals[0]?.aborted).toBe(false);
    writeFileSync(file, 'export const x = 19;\n');
    await until(() => signals.length === 2, 'the regrade of the newer save');
    stop.abort();
    await done;
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
  });

  it('goes on after a regrade that throws', async () => {
    const lines: string[] = [];
    let calls = 0;
    const stop = new AbortController();
    const done = runPlainWatch({
      exercises: targets,
      lang: 'ko',
      regrade: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      print: (line) => lines.push(line),
      signal: stop.signal,
      debounceMs: 50,
    });
    await until(() => lines.length > 0, 'the watcher to start');
    const file = join(root, '02-b', 'src', 'main.ts');
    writeFileSync(file, 'export const x = 16;\n');
    await until(() => calls === 1, 'the first regrade');
    writeFileSync(file, 'export const x = 17;\n');
    await until(() => calls === 2, 'the second regrade');
    stop.abort();
    await done;
    expect(lines).toContain('02-b를 다시 채점하지 못했습니다: boom (계속 지켜봅니다)');
  });
});
