import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHints, saveHints, stateFile } from '../src/ui/hint-store.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'grade-hints-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the hint store', () => {
  it('remembers revealed hints in .grade/state.json across runs', () => {
    expect(loadHints(root)).toEqual({});
    saveHints(root, { '03-softmax': 2 });
    expect(loadHints(root)).toEqual({ '03-softmax': 2 });
    expect(JSON.parse(readFileSync(stateFile(root), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('keeps the other keys of the file', () => {
    mkdirSync(join(root, '.grade'));
    writeFileSync(stateFile(root), JSON.stringify({ other: 'kept' }));
    saveHints(root, { a: 1 });
    expect(JSON.parse(readFileSync(stateFile(root), 'utf8'))).toEqual({
      other: 'kept',
      version: 1,
      hintsShown: { a: 1 },
    });
  });

  it('treats a damaged file or bad counts as no hints shown', () => {
    mkdirSync(join(root, '.grade'));
    writeFileSync(stateFile(root), '{ not json');
    expect(loadHints(root)).toEqual({});
    writeFileSync(stateFile(root), JSON.stringify({ hintsShown: { a: -1, b: 'x', c: 1.5, d: 2 } }));
    expect(loadHints(root)).toEqual({ d: 2 });
  });
});
