/**
 * Turning TypeScript into the plain JavaScript a sandbox child runs, in the grader (esbuild).
 *
 * A child runs under Node's permission model and may read only its own private folder
 * (`child-dir.ts`), so everything it runs is built here and written there: the harness, the
 * course's two libraries (`lib/autograd.mjs`, `lib/exercise-kit.mjs`: each once, so the student's
 * module and the checks share one engine), the exercise's checks (`checks.mjs`, for the probes) and
 * the student's module (`student.mjs`). No TypeScript loader runs in the child: tsx would need to
 * start esbuild as a child process, which the sandbox forbids.
 *
 * The student's module is bundled from the files its exercise lists and nothing else: an import of
 * any other file (`../solution/softmax.ts`, an absolute path) or of a package other than the
 * course's libraries and Node's built-ins is refused here, before anything runs. Inline source maps
 * (`--enable-source-maps` in the child) make stack traces name the student's `.ts` lines.
 *
 * Cost, measured on this 2-core machine: the libraries and the harness ~130 ms once per grader
 * process; a checks bundle ~15 ms once per exercise; a student's module ~6 ms per grading.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Localized } from '@gradschool/exercise-kit';
import type { BuildOptions, Plugin } from 'esbuild';
import { both } from '../i18n/index.js';

/** The course's libraries, bundled once and shared by the checks and the student's module. */
export const LIBRARIES = ['@gradschool/autograd', '@gradschool/exercise-kit'] as const;
export type Library = (typeof LIBRARIES)[number];

/** Where a library's bundle lies in a child's folder (relative to the folder). */
export const libraryFile = (name: Library): string => `lib/${name.split('/')[1]}.mjs`;

/** The files every child's folder gets: the harness and the libraries (path relative -> code). */
export type SharedFiles = ReadonlyMap<string, string>;

const HARNESS = fileURLToPath(new URL('./harness.ts', import.meta.url));

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  conditions: ['source'],
  logLevel: 'silent',
  legalComments: 'none',
};

let esbuild: Promise<typeof import('esbuild')> | undefined;
const loadEsbuild = () => (esbuild ??= import('esbuild'));

/** Rewrites the course's libraries to their bundles, as seen from a file in `from` ('' or 'lib/'). */
function libraries(from: '' | 'lib/'): Plugin {
  return {
    name: 'gradschool-libraries',
    setup(build) {
      build.onResolve({ filter: /^@gradschool\/(autograd|exercise-kit)$/ }, (args) => ({
        path: `./${path.posix.relative(from || '.', libraryFile(args.path as Library))}`,
        external: true,
      }));
    },
  };
}

/** `options` bundled with the course's settings (ESM for Node 20, the `source` condition), as text. */
export async function bundleText(options: BuildOptions): Promise<string> {
  const { build } = await loadEsbuild();
  const result = await build({ ...common, ...options });
  return result.outputFiles?.[0]?.text ?? '';
}

let shared: Promise<SharedFiles> | undefined;
let built: SharedFiles | undefined;

/** The harness and the libraries when they are built already (so a child can start at once). */
export function builtSharedFiles(): SharedFiles | undefined {
  return built;
}

/** The harness and the libraries, built once per grader process. */
export function sharedFiles(): Promise<SharedFiles> {
  shared ??= (async () => {
    const kitEntry = librarySource('@gradschool/exercise-kit', path.dirname(HARNESS));
    const [harness, autograd, kit] = await Promise.all([
      bundleText({ entryPoints: [HARNESS] }),
      bundleText({ entryPoints: [engineEntry(kitEntry)] }),
      bundleText({ entryPoints: [kitEntry], plugins: [libraries('lib/')] }),
    ]);
    built = new Map([
      ['harness.mjs', harness],
      [libraryFile('@gradschool/autograd'), autograd],
      [libraryFile('@gradschool/exercise-kit'), kit],
    ]);
    return built;
  })();
  shared.catch(() => {
    shared = undefined; // a failed build is tried again next time
  });
  return shared;
}

/**
 * The engine's entry: the one the kit's checks are written against (the kit names it as its peer),
 * resolved from the kit's folder; the grader depends on the same workspace package, so it is there.
 */
function engineEntry(kitEntry: string): string {
  return librarySource('@gradschool/autograd', path.dirname(kitEntry));
}

/**
 * A course library's TypeScript source (its `exports` `source` entry), found as Node finds a package
 * from `fromDir`, whatever conditions this process started with: `pnpm grade` runs from a bundle,
 * without the `source` condition, and `require.resolve` would answer with the missing `dist/`.
 */
function librarySource(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', ...name.split('/'), 'package.json');
    if (existsSync(manifest)) {
      const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        exports: { '.': { source: string } };
      };
      return path.join(realpathSync(path.dirname(manifest)), exports['.'].source);
    }
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (looked from ${fromDir})`);
  }
}

const checksBundles = new Map<string, Promise<string>>();

/** A module of the checks bundle loaded through `transform` (its source in, the code bundled out). */
export interface TransformedModule {
  path: string;
  transform: (source: string, file: string) => string;
}

/** An esbuild plugin that loads `file` through `transform`. */
function transformPlugin({ path: file, transform }: TransformedModule): Plugin {
  const target = path.resolve(file);
  return {
    name: 'transformed-module',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        if (path.resolve(args.path) !== target) return undefined;
        return { contents: transform(await readFile(target, 'utf8'), target), loader: 'ts' };
      });
    },
  };
}

/**
 * An exercise's checks as one module (its `checks/*.ts` inside, the libraries outside), for the
 * probes. Built once per `checks.ts` per grader process, as the suite itself is imported once.
 * With `hidden` (record grading), the hidden checks join the public ones in the same module, loaded
 * through its `transform` (the grader's keeps their probes only): the child sees one suite.
 */
export function checksBundle(checksPath: string, hidden?: TransformedModule): Promise<string> {
  const hiddenPath = hidden?.path;
  const key = hiddenPath ? `${checksPath}\0${hiddenPath}` : checksPath;
  let bundle = checksBundles.get(key);
  if (!bundle) {
    bundle = hiddenPath
      ? bundleText({
          stdin: {
            contents: [
              `import open from ${JSON.stringify(checksPath)};`,
              `import hidden from ${JSON.stringify(hiddenPath)};`,
              'export default { checks: [...open.checks, ...hidden.checks] };',
            ].join('\n'),
            resolveDir: path.dirname(checksPath),
            loader: 'ts',
          },
          plugins: [libraries(''), transformPlugin(hidden!)],
        })
      : bundleText({ entryPoints: [checksPath], plugins: [libraries('')] });
    bundle.catch(() => checksBundles.delete(key));
    checksBundles.set(key, bundle);
  }
  return bundle;
}

/** Why a student's module could not be bundled: an import it may not make, or what esbuild said. */
export interface BundleProblem {
  message: Localized;
}

/** True for `node:fs`, `fs`, `fs/promises`, ...: Node's own modules (the permission model guards them). */
function isBuiltin(specifier: string, builtins: readonly string[]): boolean {
  return specifier.startsWith('node:') || builtins.includes(specifier.split('/')[0] ?? specifier);
}

/**
 * Bundles the student's module `entry` (absolute). Only the files in `allowed` (absolute: the
 * exercise's listed files, as they are graded) may be imported, plus the course's libraries and
 * Node's built-ins.
 */
export async function studentBundle(
  entry: string,
  allowed: readonly string[],
  shownAs: (file: string) => string,
): Promise<{ code: string } | { problem: BundleProblem }> {
  const { builtinModules } = await import('node:module');
  const permitted = new Set(allowed.map((file) => path.resolve(file)));
  const refused: Localized[] = [];
  const guard: Plugin = {
    name: 'gradschool-student-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (/^@gradschool\/(autograd|exercise-kit)$/.test(args.path)) return undefined;
        if (isBuiltin(args.path, builtinModules)) return { path: args.path, external: true };
        const from = shownAs(args.importer);
        if (!args.path.startsWith('.') && !path.isAbsolute(args.path)) {
          refused.push(both('sandbox.bundle.package', { module: args.path, file: from }));
          return { path: args.path, external: true };
        }
        const target = path.resolve(args.resolveDir, args.path);
        const candidates = [target, `${target}.ts`, target.replace(/\.js$/, '.ts')];
        const found = candidates.find((c) => permitted.has(c));
        if (found) return { path: found };
        refused.push(both('sandbox.bundle.outside', { module: args.path, file: from }));
        return { path: args.path, external: true };
      });
    },
  };
  try {
    const code = await bundleText({
      entryPoints: [entry],
      plugins: [guard, libraries('')],
      sourcemap: 'inline',
      sourcesContent: false,
      // esbuild renames a top-level name two of the student's files share (`Dense` -> `Dense2`): this
      // keeps each class's and function's own `name`, so stacks, messages and `constructor.name` say
      // what the student wrote. Only here: it wraps every definition, and the checks and libraries
      // are loaded on every regrade's path.
      keepNames: true,
    });
    const [first] = refused;
    return first ? { problem: { message: first } } : { code: fixSourceMapPaths(code) };
  } catch (error) {
    const text = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(error);
    return { problem: { message: both('sandbox.bundle.failed', { error: text }) } };
  }
}

/**
 * esbuild writes the map's sources relative to the working directory; the child resolves them
 * against the bundle's own folder. Absolute paths read the same from anywhere, so stack traces name
 * the student's file as the grader knows it.
 */
function fixSourceMapPaths(code: string): string {
  const marker = '//# sourceMappingURL=data:application/json;base64,';
  const at = code.lastIndexOf(marker);
  if (at < 0) return code;
  const map = JSON.parse(Buffer.from(code.slice(at + marker.length).trim(), 'base64').toString('utf8')) as {
    sources: string[];
  };
  map.sources = map.sources.map((source) => path.resolve(source));
  return `${code.slice(0, at)}${marker}${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
}
