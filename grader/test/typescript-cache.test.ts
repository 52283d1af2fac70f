/**
 * TypeScript's code cache (`src/core/static/typescript.ts`), tested in real processes with their own
 * temporary folder (`TMPDIR`): the first grader start writes the cache, the next one compiles from
 * it; a folder someone else planted there, opened to others or replaced by a link, is never read nor
 * written; a cache V8 cannot use (garbage, or another setup's) is written again and the compiler
 * still works.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHES_KEPT } from '../src/core/static/typescript.js';
import { REPO_ROOT } from './helpers.js';

const run = promisify(execFile);

/** A script that loads the compiler as the grader does, parses a line with it and says how it loaded. */
const PROBE = `
import { codeCacheFolder, loadTypeScript, typeScriptCodeCache } from './grader/src/core/static/typescript.ts';
const ts = loadTypeScript();
const file = ts.createSourceFile('a.ts', 'export const a: number = 1;', ts.ScriptTarget.Latest);
console.log(JSON.stringify({ use: typeScriptCodeCache(), folder: codeCacheFolder(), statements: file.statements.length, version: ts.version }));
`;

let temp: string;

beforeEach(() => {
  temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-ts-cache-test-')));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

/** Loads the compiler in a new Node process whose temporary folder is `temp`. */
async function load(): Promise<{ use: string; folder: string; statements: number; version: string }> {
  const { stdout } = await run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '--eval', PROBE],
    { cwd: REPO_ROOT, env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp }, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const folderIn = (dir: string) => path.join(dir, `gradschool-v8-cache-${process.getuid?.() ?? 'user'}`);
const isPosix = process.platform !== 'win32';

describe("TypeScript's code cache", () => {
  it('is written by the first start, in a folder only the user can open, and used by the next', async () => {
    const first = await load();
    expect(first).toMatchObject({ use: 'written', folder: folderIn(temp), statements: 1 });
    const files = readdirSync(first.folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^typescript-[0-9a-f]{16}\.v8$/);
    if (isPosix) {
      expect(statSync(first.folder).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(first.folder, files[0]!)).mode & 0o777).toBe(0o600);
    }
    expect(await load()).toMatchObject({ use: 'used', statements: 1, version: first.version });
  }, 120_000);

  it('writes again over a cache V8 refuses (garbage of the right name), and still compiles', async () => {
    const { folder } = await load();
    const [name] = readdirSync(folder);
    const cache = path.join(folder, name!);
    writeFileSync(cache, Buffer.alloc(4096, 7));
    expect(await load()).toMatchObject({ use: 'written', statements: 1 });
    expect(readFileSync(cache).subarray(0, 4096).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(await load()).toMatchObject({ use: 'used' });
  }, 120_000);

  it.skipIf(!isPosix)(
    'never reads nor writes a folder others can open (a planted, world-writable one)',
    async () => {
      const planted = folderIn(temp);
      mkdirSync(planted);
      chmodSync(planted, 0o777);
      writeFileSync(path.join(planted, 'typescript-0000000000000000.v8'), 'planted');
      expect(await load()).toMatchObject({ use: 'off', statements: 1 });
      expect(readdirSync(planted)).toEqual(['typescript-0000000000000000.v8']);
    },
    120_000,
  );

  it.skipIf(!isPosix)(
    'never follows a link planted where its folder should be',
    async () => {
      const elsewhere = path.join(temp, 'elsewhere');
      mkdirSync(elsewhere, { mode: 0o700 });
      symlinkSync(elsewhere, folderIn(temp));
      expect(await load()).toMatchObject({ use: 'off', statements: 1 });
      expect(readdirSync(elsewhere)).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!isPosix || process.getuid?.() !== 0)(
    'never uses a folder that belongs to another user, even a private one (run as root, it makes one with chown)',
    async () => {
      const planted = folderIn(temp);
      mkdirSync(planted, { mode: 0o700 });
      chownSync(planted, 4242, 4242);
      expect(await load()).toMatchObject({ use: 'off', statements: 1 });
      expect(readdirSync(planted)).toEqual([]);
    },
    120_000,
  );

  it('keeps the newest few caches only: older versions and other setups are removed as it writes', async () => {
    const folder = folderIn(temp);
    mkdirSync(folder, { mode: 0o700 });
    const old = Array.from({ length: 6 }, (_, i) => `typescript-${String(i).repeat(16)}.v8`);
    old.forEach((name, i) => {
      writeFileSync(path.join(folder, name), 'an older setup');
      const time = new Date(Date.UTC(2026, 0, 1 + i));
      utimesSync(path.join(folder, name), time, time);
    });
    writeFileSync(path.join(folder, 'notes.txt'), 'not a cache');
    expect(await load()).toMatchObject({ use: 'written' });
    const left = readdirSync(folder).sort();
    expect(left.filter((f) => f.endsWith('.v8'))).toHaveLength(CACHES_KEPT);
    // the one just written and the newest older ones stay; anything not a cache is not touched
    expect(left).toEqual(expect.arrayContaining(['notes.txt', old[5], old[4], old[3]]));
    expect(await load()).toMatchObject({ use: 'used' });
  }, 120_000);

  it('leaves no half-written file behind', async () => {
    await load();
    await load();
    const folder = folderIn(temp);
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder).filter((f) => !f.endsWith('.v8'))).toEqual([]);
  }, 120_000);
});
