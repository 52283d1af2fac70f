import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPlainWatch, type WatchTarget, watchStudentFiles } from '../src/core/watch.js';

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
});
