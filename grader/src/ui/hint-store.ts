/**
 * Remembers how many hints of each exercise a student has revealed, across runs, in
 * `<root>/.grade/state.json` (the `.grade/` folder is gitignored: it is the student's, not the course's).
 * A missing or damaged file means "no hints shown yet", never a crash.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HintsShown } from './session.js';

/** Where the UI keeps its memory, under the course root. */
export function stateFile(root: string): string {
  return join(root, '.grade', 'state.json');
}

function readState(root: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(stateFile(root), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The hints revealed in earlier runs (only non-negative whole counts are trusted). */
export function loadHints(root: string): HintsShown {
  const saved = readState(root).hintsShown;
  const hints: HintsShown = {};
  if (typeof saved !== 'object' || saved === null) return hints;
  for (const [id, count] of Object.entries(saved)) {
    if (Number.isInteger(count) && (count as number) >= 0) hints[id] = count as number;
  }
  return hints;
}

/**
 * Saves the hint counts, keeping any other keys of the file. Written to a temporary file first and
 * renamed, so a crash mid-write cannot leave half a file.
 */
export function saveHints(root: string, hints: HintsShown): void {
  const file = stateFile(root);
  mkdirSync(join(root, '.grade'), { recursive: true });
  const next = { ...readState(root), version: 1, hintsShown: hints };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(temporary, file);
}
