/**
 * Small courses that tests build on disk (under `grader/.grade/`, gitignored, so the checks'
 * imports resolve from the grader's `node_modules`): a file writer, a manifest and a one-check suite.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `file`, making its folders. */
export function write(file: string, text: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** An exercise's manifest: `id` in both languages everywhere, `files` as given, and `extra` fields. */
export function manifest(id: string, order: number, files: readonly string[], extra: object = {}): string {
  const text = { ko: id, en: id };
  return JSON.stringify({
    id,
    order,
    title: text,
    summary: text,
    lecture: { section: text, slides: [] },
    files,
    hints: [text],
    ...extra,
  });
}

/** A one-check suite worth 5 points: `probe` calls `call`, and the answer must be `expected` (code). */
export function checks(id: string, call: string, expected: string): string {
  return `import { defineChecks, expectClose } from '@gradschool/exercise-kit';
export default defineChecks([{ id: '${id}', title: { ko: '${id}', en: '${id}' }, points: 5,
  input: (ctx) => ctx.seed % 1000,
  probe: (s, x) => s.${call},
  judge: (got, x) => expectClose(got, ${expected}, { what: { ko: 'x', en: 'x' } }) }]);
`;
}
