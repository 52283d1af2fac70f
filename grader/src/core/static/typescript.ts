/**
 * The TypeScript compiler, loaded once and only when a static check needs it. Loaded with
 * `require`, not `import()`: TypeScript is one 9 MB CommonJS file, and importing CommonJS from ESM
 * makes Node scan all of it for named exports first (about 0.2 s of the grader's start-up).
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

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
  loaded ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return loaded;
}
