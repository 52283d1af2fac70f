/**
 * The README's code map matches the tree: every path it names exists, and every source file of
 * `src/` is named (a path's `{a,b}` stands for each of the names in it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const GRADER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `src/a/{b,c}.ts` -> `src/a/b.ts`, `src/a/c.ts` (one brace group per path). */
function expand(entry: string): string[] {
  const match = /^(.*)\{([^}]*)\}(.*)$/.exec(entry);
  return match ? match[2]!.split(',').map((name) => `${match[1]}${name}${match[3]}`) : [entry];
}

/** The paths at the start of the lines of the code map's block. */
function mapped(readme: string): string[] {
  const section = readme.slice(
    readme.indexOf('## Code map'),
    readme.indexOf('\n## ', readme.indexOf('## Code map')),
  );
  const block = section.slice(section.indexOf('```'), section.lastIndexOf('```'));
  return block
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((first) => first.startsWith('src/') || first.startsWith('test/'))
    .flatMap(expand);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(GRADER, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? sourceFiles(relative) : [relative];
  });
}

describe("the README's code map", () => {
  const named = mapped(readFileSync(path.join(GRADER, 'README.md'), 'utf8'));

  it('names only paths that exist', () => {
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((entry) => !existsSync(path.join(GRADER, entry)))).toEqual([]);
  });

  it('names every source file', () => {
    expect(sourceFiles('src').filter((file) => !named.includes(file))).toEqual([]);
  });
});
