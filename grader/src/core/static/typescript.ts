/**
 * The TypeScript compiler, loaded once and only when a static check needs it. Loaded as CommonJS,
 * not with `import()`: TypeScript is one 9 MB CommonJS file, and importing CommonJS from ESM makes
 * Node scan all of it for named exports first (about 0.2 s of the grader's start-up).
 *
 * Compiling that file was about 0.4 s of every grader start. V8 can save what it compiled (its
 * "code cache") and start from it the next time, as Node 22's `module.enableCompileCache()` does;
 * Node 20 has no such switch, so this file does it for TypeScript alone: the cache lives in a folder
 * of the user's temporary folder that only the user can open (`privateFolder`), one file per
 * TypeScript version and Node version, the newest few kept. V8 checks the cache against its own
 * version and flags and refuses one that does not fit (then it is written again); a cache that
 * cannot be used or written costs only the time it would have saved.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/** What the last load did with the code cache. */
export type CodeCacheUse =
  /** Compiled from V8's saved code. */
  | 'used'
  /** There was none (or V8 refused it): compiled from the source, and saved for next time. */
  | 'written'
  /** Compiled from the source, nothing saved: no private folder could be had, or writing failed. */
  | 'off';

let cacheUse: CodeCacheUse | undefined;

/**
 * The `typescript` module.
 *
 * @example
 * ```ts
 * const ts = loadTypeScript();
 * ts.createSourceFile('a.ts', 'export {}', ts.ScriptTarget.Latest);
 * ```
 */
export function loadTypeScript(): typeof TS {
  loaded ??= loadWithCodeCache();
  return loaded;
}

/** How the last load used the code cache (`undefined` before the compiler is loaded). */
export function typeScriptCodeCache(): CodeCacheUse | undefined {
  return cacheUse;
}

/** The folder the code cache lives in: one per user, in the temporary folder. */
export function codeCacheFolder(): string {
  return path.join(tmpdir(), `gradschool-v8-cache-${process.getuid?.() ?? 'user'}`);
}

function loadWithCodeCache(): typeof TS {
  const require = createRequire(import.meta.url);
  const file = require.resolve('typescript');
  const folder = codeCacheFolder();
  const cacheFile = privateFolder(folder) ? path.join(folder, `typescript-${cacheKey(file)}.v8`) : null;
  let cachedData: Buffer | undefined;
  if (cacheFile !== null) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // none yet
    }
  }
  // What Node's CommonJS loader does for a file, with V8's saved code offered to the compiler.
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as typeof TS, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  if (cachedData !== undefined && !script.cachedDataRejected) cacheUse = 'used';
  else if (cacheFile !== null && save(cacheFile, script.createCachedData())) {
    cacheUse = 'written';
    prune(folder);
  } else cacheUse = 'off';
  return module.exports;
}

/**
 * The cache file's name: V8 refuses a cache made by another V8 or with other flags, but checks the
 * source only by its length, so the name carries what tells two sources apart (TypeScript's version,
 * the file's size and time of last change) and the Node version. Not the file's path: the checkouts
 * of one machine share pnpm's store, so one file (and one cache) serves them all.
 */
function cacheKey(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8'));
  const key = [version, size, mtimeMs, process.version, process.arch].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** At most this many caches are kept (2.4 MB each); the ones written longest ago go first. */
export const CACHES_KEPT = 4;

/** Removes all but the {@link CACHES_KEPT} newest caches of `folder` (other setups', older versions'). */
function prune(folder: string): void {
  try {
    const caches = readdirSync(folder)
      .filter((name) => /^typescript-[0-9a-f]{16}\.v8$/.test(name))
      .map((name) => ({ file: path.join(folder, name), time: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { file } of caches.slice(CACHES_KEPT)) rmSync(file, { force: true });
  } catch {
    // another grader pruning at the same time: whatever is left is pruned next time
  }
}

/**
 * Makes `folder` if it is missing, and says whether it is safe to keep code in: a real folder (not a
 * link to one), the user's own, which nobody else can read or write (0700). The temporary folder is
 * shared by every user of the machine; a folder another user made there first, or opened to others,
 * is never used (compiled code read from it would run in the grader).
 */
export function privateFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  try {
    const info = lstatSync(folder);
    if (!info.isDirectory()) return false;
    if (process.platform === 'win32') return true; // the temporary folder is the user's own there
    return info.uid === process.getuid?.() && (info.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/** Writes `data` to `file` whole or not at all (another grader may be reading or writing it too). */
function save(file: string, data: Buffer): boolean {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
