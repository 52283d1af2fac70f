/**
 * Importing an exercise's `checks.ts` (or its hidden checks) into the grader.
 *
 * Under a TypeScript loader (tsx, vitest) a plain `import()` does. `pnpm grade` runs without one:
 * `bin/grade.mjs` starts the grader from its bundle (`bin/bundle.mjs`: no loader thread, about 0.8 s
 * of CPU less per start), and tells this module where that bundle's copies of the course's libraries
 * are. A checks file is then bundled here by esbuild (its `checks/*.ts` helpers inside, the libraries
 * outside, pointing at those copies, so the checks and the grader share one engine), written to the
 * grader's private folder and imported from there.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { bundleText } from '../sandbox/bundle.js';
import { sandboxRoot } from '../sandbox/spawn.js';

/** The course's libraries in the grader's bundle, as file URLs (`@gradschool/autograd` -> URL). */
let libraries: Readonly<Record<string, string>> | undefined;

/** Called by `bin/grade.mjs`: the grader runs from its bundle, whose libraries are at these URLs. */
export function setBundledLibraries(urls: Readonly<Record<string, string>>): void {
  libraries = urls;
}

/** True when the grader runs from its bundle (no TypeScript loader: checks are bundled to be imported). */
export function runsFromBundle(): boolean {
  return libraries !== undefined;
}

let written = 0;

/**
 * Bundled checks already imported, by file: imported once per process, as `import()` does, so what a
 * suite keeps between gradings (05's reference trajectories, 07's MLP accuracies) is kept between a
 * watch mode's regrades too.
 */
const imported = new Map<string, Promise<unknown>>();

/** The module `checksPath` (absolute) exports. Throws what the import or the bundling threw. */
export function importChecks(checksPath: string): Promise<unknown> {
  if (libraries === undefined) return import(pathToFileURL(checksPath).href);
  let module = imported.get(checksPath);
  if (module === undefined) {
    module = importBundled(checksPath, libraries);
    imported.set(checksPath, module);
  }
  return module;
}

async function importBundled(
  checksPath: string,
  libraries: Readonly<Record<string, string>>,
): Promise<unknown> {
  const code = await bundleText({
    entryPoints: [checksPath],
    plugins: [bundledLibraries(libraries), ownUrls()],
  }).catch((error: unknown) => {
    const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
    throw first ? new Error(first) : error;
  });
  const file = path.join(sandboxRoot(), `checks-${++written}.mjs`);
  writeFileSync(file, code, { mode: 0o600 });
  return import(pathToFileURL(file).href);
}

/**
 * `@gradschool/*` imports go to the grader's copies; other packages stay imports, resolved from the
 * file that names them (as Node would have); Node's own modules stay as they are.
 */
function bundledLibraries(urls: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'gradschool-bundled-libraries',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.kind === 'entry-point' || path.isAbsolute(args.path)) return undefined;
        const url = urls[args.path];
        if (url) return { path: url, external: true };
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        if (args.pluginData === 'resolving') return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (found.errors.length > 0 || found.external) return { path: args.path, external: true };
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
}

/** `import.meta.url` in a checks file keeps meaning that file, not the bundle (data read beside it). */
export function ownUrls(filter = /\.[cm]?tsx?$/): Plugin {
  return {
    name: 'gradschool-own-urls',
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        return {
          contents: source.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
        };
      });
    },
  };
}
