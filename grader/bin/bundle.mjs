/**
 * The grader as one bundle (esbuild), so `pnpm grade` starts without a TypeScript loader.
 *
 * Through tsx, every module the grader loads (its own ~100 and the course's libraries) passes
 * through the loader's thread: about 0.8 s of CPU of every start (measured: `pnpm grade 3
 * --solutions --ci` 2.1 -> 1.2 s of CPU, five exercises cold 5.0 -> 3.7 s wall). The bundle is built
 * from the sources when they change (~0.5 s) and kept in `grader/node_modules/.cache/gradschool-grader/`,
 * beside the packages it imports (ink, react, ajv, ... resolve from there as from `grader/src`).
 * Whoever can write there could already rewrite `grader/node_modules`: it is as trusted as they are.
 *
 * - **When it is rebuilt**: `latest.json` lists every file the bundle was built from (esbuild's
 *   metafile) with its size and time of change; one that differs, or is gone, rebuilds it.
 * - **Libraries**: the course's libraries are entries of the bundle (`lib-autograd.mjs`, ...), sharing
 *   its chunks, so an exercise's checks (bundled by `src/core/checks-module.ts`) import the very
 *   engine the grader runs.
 * - **`import.meta.url`**: each source keeps its own (`new URL('../../schema/...', import.meta.url)`,
 *   `createRequire(import.meta.url)`): the bundle does not move what they point at.
 * - **Two graders at once**: each builds in a folder of its own and renames it into place; the one
 *   that loses the race uses the winner's. The newest few bundles are kept (a running grader may
 *   still load a chunk of the previous one: the UI's, on demand).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The grader's folder and the repository's. */
const GRADER = fileURLToPath(new URL('..', import.meta.url));
const REPO = path.resolve(GRADER, '..');

/**
 * Where bundles are kept: a folder of `grader/node_modules/.cache/`, so the packages they import resolve
 * as from `grader/src`. `GRADSCHOOL_GRADER_CACHE` names another folder there (the launcher's tests
 * use their own); a name, not a path.
 */
export function cacheFolder(env = process.env) {
  const name = env.GRADSCHOOL_GRADER_CACHE || 'gradschool-grader';
  if (path.basename(name) !== name || name === '..')
    throw new Error(`GRADSCHOOL_GRADER_CACHE: a folder name, not ${name}`);
  return path.join(GRADER, 'node_modules', '.cache', name);
}

/** The course's libraries, each an entry of the bundle (module name -> [entry name, source]). */
export const LIBRARIES = {
  '@gradschool/autograd': ['lib-autograd', 'packages/autograd/src/index.ts'],
  '@gradschool/exercise-kit': ['lib-exercise-kit', 'packages/exercise-kit/src/index.ts'],
  '@gradschool/exercise-kit/manifest': ['lib-exercise-kit-manifest', 'packages/exercise-kit/src/manifest.ts'],
  '@gradschool/datasets': ['lib-datasets', 'packages/datasets/src/index.ts'],
};

/** Bundles kept: the newest few (another grader may still be running from the one before). */
const KEPT = 3;

/**
 * The grader's `cli/main.ts` module, from the bundle (built first when missing or stale), told
 * where its libraries are. Throws when it cannot be built or loaded (the caller runs the sources).
 */
export async function loadGrader(cache = cacheFolder()) {
  const folder = current(cache) ?? (await rebuild(cache));
  const main = await import(pathToFileURL(path.join(folder, 'main.mjs')).href);
  const libraries = {};
  for (const [name, [entry]] of Object.entries(LIBRARIES))
    libraries[name] = pathToFileURL(path.join(folder, `${entry}.mjs`)).href;
  main.setBundledLibraries(libraries);
  return main;
}

/** The bundle's folder when `latest.json` names one built from the files as they are now; else null. */
export function current(cache) {
  try {
    const latest = JSON.parse(readFileSync(path.join(cache, 'latest.json'), 'utf8'));
    if (latest.grader !== GRADER) return null;
    for (const [file, [size, mtimeMs]] of Object.entries(latest.inputs)) {
      const info = statSync(file);
      if (info.size !== size || info.mtimeMs !== mtimeMs) return null;
    }
    return path.join(cache, latest.bundle);
  } catch {
    return null; // none yet, unreadable, or a file it was built from is gone
  }
}

/** Builds the bundle, puts it in place and returns its folder. */
export async function rebuild(cache) {
  const { build } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  const scratch = path.join(cache, `build-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const result = await build({
      entryPoints: {
        main: path.join(GRADER, 'src', 'cli', 'main.ts'),
        ...Object.fromEntries(
          Object.values(LIBRARIES).map(([entry, source]) => [entry, path.join(REPO, source)]),
        ),
      },
      outdir: scratch,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true, // the UI, watch mode, TypeScript's users: loaded when a mode needs them, as before
      format: 'esm',
      platform: 'node',
      target: 'node20',
      conditions: ['source'],
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
      plugins: [packagesStayImports(), ownUrls()],
    });
    // What the bundle was built from: its sources, this file, and the settings esbuild read.
    const files = [
      ...Object.keys(result.metafile.inputs).map((file) => path.resolve(file)),
      fileURLToPath(import.meta.url),
      path.join(GRADER, 'tsconfig.json'),
      path.join(REPO, 'tsconfig.base.json'),
    ];
    const inputs = Object.fromEntries(
      files.sort().map((file) => {
        const { size, mtimeMs } = statSync(file);
        return [file, [size, mtimeMs]];
      }),
    );
    const name = `bundle-${createHash('sha256')
      .update(JSON.stringify([GRADER, inputs]))
      .digest('hex')
      .slice(0, 16)}`;
    const folder = path.join(cache, name);
    try {
      renameSync(scratch, folder);
    } catch {
      rmSync(scratch, { recursive: true, force: true }); // another grader put the same bundle there first
    }
    const latest = path.join(cache, 'latest.json');
    const temporary = `${latest}.${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, JSON.stringify({ grader: GRADER, bundle: name, inputs }));
    renameSync(temporary, latest);
    prune(cache, name);
    return folder;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Removes all but the newest {@link KEPT} bundles (and scratch folders a killed build left). */
function prune(cache, keep) {
  try {
    const entries = readdirSync(cache)
      .filter((name) => /^(bundle|build)-/.test(name) && name !== keep)
      .map((name) => ({ name, time: statSync(path.join(cache, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    const hour = 3_600_000;
    for (const { name, time } of entries.slice(KEPT - 1))
      if (name.startsWith('bundle-') || Date.now() - time > hour)
        rmSync(path.join(cache, name), { recursive: true, force: true });
  } catch {
    // another grader pruning at the same time: what is left goes next time
  }
}

/**
 * Packages other than the course's stay `import`s, resolved by Node from the bundle's folder (it lies
 * in `grader/node_modules/.cache/`, so they resolve as from `grader/src`); the course's libraries are
 * bundled from their sources.
 */
function packagesStayImports() {
  return {
    name: 'gradschool-packages-stay-imports',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || path.isAbsolute(args.path)) return undefined;
        if (args.path.startsWith('@gradschool/')) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * `import.meta.url` in the course's sources keeps naming the source file (`src/core/checks-module.ts`
 * does the same for checks). Only the course's sources: packages from `node_modules` are left as
 * they are.
 */
function ownUrls() {
  const loaders = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js' };
  return {
    name: 'gradschool-own-urls',
    setup(build) {
      build.onLoad({ filter: /\.(tsx?|m?js)$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        // A pattern, not the words themselves: this text is bundled too (`src/core/checks-module.ts`).
        const own = /\bimport\.meta\.url\b/g;
        if (!own.test(source)) return undefined;
        return {
          contents: source.replace(own, JSON.stringify(pathToFileURL(args.path).href)),
          loader: loaders[path.extname(args.path)],
        };
      });
    },
  };
}
