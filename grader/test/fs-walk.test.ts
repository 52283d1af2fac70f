import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTHING_SKIPPED, SKIPPED_FOLDERS, type WalkEntry, type WalkOptions, walk } from '../src/fs/walk.js';

const base = mkdtempSync(path.join(os.tmpdir(), 'gradschool-walk-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function put(relative: string, text = 'x'): void {
  const file = path.join(base, 'tree', relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

put('a.ts');
put('src/b.ts');
put('src/deep/c.ts');
put('node_modules/pkg/index.js');
put('exercises/01/dist/out.js');
put('exercises/01/coverage'); // a file named like a skipped folder is not a folder
put('.git/HEAD');
put('.grade/cache.json');
put('.turbo/log');
mkdirSync(path.join(base, 'outside/inner'), { recursive: true });
writeFileSync(path.join(base, 'outside/inner/secret.txt'), 's');
symlinkSync(path.join(base, 'outside'), path.join(base, 'tree/linked'));
symlinkSync(path.join(base, 'tree/src'), path.join(base, 'tree/src/deep/loop'));
symlinkSync(path.join(base, 'nowhere'), path.join(base, 'tree/dangling'));
const root = path.join(base, 'tree');

async function entries(options: WalkOptions = {}): Promise<string[]> {
  const found: WalkEntry[] = [];
  await walk(root, (entry) => void found.push(entry), options);
  for (const entry of found) expect(entry.full).toBe(path.join(root, ...entry.relative.split('/')));
  return found.map(({ relative, kind }) => `${kind} ${relative}`).sort();
}

describe('walk', () => {
  it('skips the listed folders by name anywhere, reporting each once, and never follows a link', async () => {
    expect(await entries()).toEqual([
      'file a.ts',
      'file exercises/01/coverage',
      'file src/b.ts',
      'file src/deep/c.ts',
      'link dangling',
      'link linked',
      'link src/deep/loop',
      'skipped .git',
      'skipped .grade',
      'skipped .turbo',
      'skipped exercises/01/dist',
      'skipped node_modules',
    ]);
  });

  it('has one documented skip list', () => {
    expect([...SKIPPED_FOLDERS].sort()).toEqual([
      '.git',
      '.grade',
      '.turbo',
      'coverage',
      'dist',
      'node_modules',
    ]);
  });

  it('walks every folder with NOTHING_SKIPPED, and only below `under`', async () => {
    const all = await entries({ skip: NOTHING_SKIPPED });
    expect(all).toContain('file node_modules/pkg/index.js');
    expect(all).toContain('file exercises/01/dist/out.js');
    expect(all.some((e) => e.startsWith('skipped'))).toBe(false);
    expect(await entries({ under: 'src' })).toEqual([
      'file src/b.ts',
      'file src/deep/c.ts',
      'link src/deep/loop',
    ]);
  });

  it('follows links to folders when asked, under the link path, each real folder once', async () => {
    const followed = await entries({ followLinks: true });
    expect(followed).toContain('link linked');
    expect(followed).toContain('file linked/inner/secret.txt');
    // The loop back to src/ is reported but not walked again (src/ was walked already).
    expect(followed).toContain('link src/deep/loop');
    expect(followed.filter((e) => e.endsWith('/b.ts'))).toEqual(['file src/b.ts']);
    const seen = new Set<string>();
    await walk(root, () => {}, { under: 'src', followLinks: true, seen });
    const again: string[] = [];
    await walk(root, ({ relative }) => void again.push(relative), { under: 'src', followLinks: true, seen });
    expect(again).toEqual([]);
  });

  it('leaves out excluded paths and everything below them', async () => {
    const kept = await entries({ exclude: (relative) => relative === 'src' || relative.endsWith('.git') });
    expect(kept.some((e) => e.includes('src/'))).toBe(false);
    expect(kept).not.toContain('skipped .git');
    expect(kept).toContain('file a.ts');
  });

  it('throws on a folder it cannot read, unless told to ignore it', async () => {
    await expect(walk(root, () => {}, { under: 'missing' })).rejects.toThrow(/ENOENT/);
    await expect(entries({ under: 'missing', unreadable: 'ignore' })).resolves.toEqual([]);
  });
});
