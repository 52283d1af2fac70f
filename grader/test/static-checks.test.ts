/** The static checks before anything runs: forbidden imports in every form, syntax errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ForbiddenImport, forbiddenImportProblem } from '../src/core/static/forbidden.js';
import { syntaxProblem } from '../src/core/static/syntax.js';

const dir = mkdtempSync(path.join(tmpdir(), 'grade-static-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function file(source: string): string {
  const f = path.join(dir, `case-${n++}.ts`);
  writeFileSync(f, source);
  return f;
}

const rules: ForbiddenImport[] = [
  'node:child_process',
  { from: '@gradschool/autograd', names: ['softmax', 'Adam'] },
];
const check = (source: string) => forbiddenImportProblem(file(source), 'src/x.ts', rules);

describe('forbiddenImportProblem', () => {
  it.each([
    ["import { exec } from 'child_process';", 1, 1],
    ["import * as cp from 'node:child_process';", 1, 1],
    ["export * from 'node:child_process';", 1, 1],
    ["const cp = require('child_process');", 1, 12],
    ["const x = 1;\nconst cp = await import('node:child_process');", 2, 18],
    ["import { softmax } from '@gradschool/autograd';", 1, 10],
    ["import { softmax as s } from '@gradschool/autograd';", 1, 10],
    ["export { Adam } from '@gradschool/autograd';", 1, 10],
    ["import * as ag from '@gradschool/autograd';\nconst y = ag.softmax;", 2, 11],
    ["import * as ag from '@gradschool/autograd';\nconst y = ag['Adam'];", 2, 11],
    ["import * as ag from '@gradschool/autograd';\nconst { softmax } = ag;", 2, 9],
    ["import ag from '@gradschool/autograd';\nag.softmax([1]);", 2, 1],
    ["const { Adam } = await import('@gradschool/autograd');", 1, 9],
    ["const s = require('@gradschool/autograd').softmax;", 1, 11],
    ["const m = 'child_process';\nimport(m);", 2, 1],
  ])('flags %j at %i:%i', async (source, line, column) => {
    const problem = await check(source);
    expect(problem).toMatchObject({ code: 'forbidden-import', file: 'src/x.ts', line, column });
    expect(problem?.message.ko.length).toBeGreaterThan(0);
    expect(problem?.frame).toContain('^');
  });

  it.each([
    "import { tensor, Tensor } from '@gradschool/autograd';\nconst t = tensor([1]).softmax();",
    "import * as ag from '@gradschool/autograd';\nconst t = ag.tensor([1]);",
    "import path from 'node:path';\nconst j = path.join('a', 'b');",
    "// import { softmax } from '@gradschool/autograd';\nconst s = 'child_process';",
  ])('allows %j', async (source) => {
    expect(await check(source)).toBeNull();
  });

  it('checks nothing when the manifest forbids nothing', async () => {
    expect(await forbiddenImportProblem(file("import 'node:child_process';"), 'x.ts', [])).toBeNull();
  });

  it('names the module and the member in both languages', async () => {
    const problem = await check("import * as ag from '@gradschool/autograd';\nag.softmax([1]);");
    expect(problem?.message.en).toContain('softmax from "@gradschool/autograd"');
    expect(problem?.message.ko).toContain('softmax');
  });
});

describe('syntaxProblem', () => {
  it('is null for valid TypeScript and gives file:line:col with a frame otherwise', async () => {
    expect(await syntaxProblem(file('export const x: number = 1;'), 'src/ok.ts')).toBeNull();
    const problem = await syntaxProblem(file('export function f() {\n  return (1 + ;\n}\n'), 'src/bad.ts');
    expect(problem).toMatchObject({ code: 'syntax-error', file: 'src/bad.ts', line: 2 });
    expect(problem?.message.en).toMatch(/^Syntax error at src\/bad\.ts:2:\d+/);
    expect(problem?.frame).toContain('> 2 |   return (1 + ;');
  });
});
