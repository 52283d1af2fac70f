/**
 * The fingerprint of installed packages names each file where it really is. pnpm reaches one
 * package folder through several links (the grader's, each library's), the walk visits it once
 * through whichever link comes first, and that order varies between walks: keyed by the link's path,
 * two fingerprints of an unchanged tree differed, and a batch voided honest submissions as tampered.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFiles, fingerprint } from '../src/record/tamper.js';

const repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-tamper-keys-')));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
// One installed package, linked from the grader and from two libraries, as pnpm lays them out.
write('node_modules/.pnpm/dep@1.0.0/node_modules/dep/index.js', 'export const dep = 1;\n');
write('grader/package.json', '{}\n');
for (const owner of ['grader', 'packages/a', 'packages/b']) {
  mkdirSync(path.join(repo, owner, 'node_modules'), { recursive: true });
  symlinkSync(
    path.relative(
      path.join(repo, owner, 'node_modules'),
      path.join(repo, 'node_modules/.pnpm/dep@1.0.0/node_modules/dep'),
    ),
    path.join(repo, owner, 'node_modules/dep'),
  );
}

describe('fingerprint of installed packages', () => {
  it('keys a file reached through links by its real place, once', async () => {
    const keys = [...(await fingerprint(repo)).keys()].filter((k) => k.endsWith('index.js'));
    expect(keys).toEqual(['node_modules/.pnpm/dep@1.0.0/node_modules/dep/index.js']);
  });

  it('gives the same fingerprint walk after walk, also side by side', async () => {
    const first = await fingerprint(repo);
    for (const again of await Promise.all([fingerprint(repo), fingerprint(repo), fingerprint(repo)]))
      expect(changedFiles(first, again)).toEqual([]);
  });

  it('still sees a change to the package', async () => {
    const before = await fingerprint(repo);
    write('node_modules/.pnpm/dep@1.0.0/node_modules/dep/index.js', 'export const dep = 2; // poisoned\n');
    expect(changedFiles(before, await fingerprint(repo))).toEqual([
      'node_modules/.pnpm/dep@1.0.0/node_modules/dep/index.js',
    ]);
  });
});
