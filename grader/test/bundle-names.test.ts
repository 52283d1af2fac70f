/**
 * The student's code keeps the names it was written with. esbuild renames a top-level name that two
 * bundled files share (the second `Dense` becomes `Dense2`), and without `keepNames` the renamed
 * class or function then says so itself: in `constructor.name`, in an error's stack, and in whatever
 * a check reports from them (a layer's class, the function that threw).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { studentBundle } from '../src/sandbox/bundle.js';

const dir = mkdtempSync(path.join(tmpdir(), 'grade-bundle-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("keeps a class's and a function's own names when another bundled file uses them too", async () => {
  const layers = path.join(dir, 'layers.ts');
  const model = path.join(dir, 'model.ts');
  writeFileSync(
    layers,
    'export class Dense { kind = "theirs"; }\nexport function forward(): never { throw new Error("in layers"); }\n',
  );
  writeFileSync(
    model,
    [
      "import { Dense as Other, forward as otherForward } from './layers.js';",
      'class Dense { kind = "mine"; }',
      'function forward(): never { throw new Error("in model"); }',
      'export const names = [new Dense().constructor.name, new Other().constructor.name, forward.name, otherForward.name];',
      'export function stackOf(): string { try { forward(); } catch (e) { return String((e as Error).stack); } return ""; }',
      '',
    ].join('\n'),
  );
  const bundled = await studentBundle(model, [model, layers], (file) => path.basename(file));
  if (!('code' in bundled)) throw new Error(bundled.problem.message.en);
  const url = `data:text/javascript;base64,${Buffer.from(bundled.code).toString('base64')}`;
  const loaded = (await import(url)) as { names: string[]; stackOf(): string };
  expect(loaded.names).toEqual(['Dense', 'Dense', 'forward', 'forward']);
  expect(loaded.stackOf()).toMatch(/at forward \(/);
  expect(loaded.stackOf()).not.toMatch(/forward2/);
});
