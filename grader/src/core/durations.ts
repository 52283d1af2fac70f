/**
 * How long each exercise took the last time it was graded, so that a run starts the longest first.
 *
 * Exercises are graded a few at a time (one per core). In the manifest's order the longest may start
 * last and run alone at the end: lecture 3's five, cold, took 4.1 s with 05-optimizers (2.4 s)
 * starting at 1.7 s; started first, the others fill the second core around it. The same rule as
 * vitest's (files by their last run's durations). The order changes only when exercises start: the
 * report, the UI's rows and every grade stay in the manifest's order, and no grade depends on it.
 *
 * Kept in `node_modules/.cache/gradschool/durations.json` of the course, when the course has a
 * `node_modules` (an installed checkout; a bare folder of exercises is graded in order). A file
 * that is missing or unreadable only means the manifest's order.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

/** Milliseconds by exercise id. */
type Durations = Record<string, number>;

/** The file, or null when the course has no `node_modules` to keep it in. */
export function durationsFile(root: string): string | null {
  const modules = path.join(root, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'gradschool', 'durations.json') : null;
}

function read(file: string | null): Durations {
  if (file === null) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([, ms]) => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0),
    ) as Durations;
  } catch {
    return {};
  }
}

/**
 * The positions of `ids` in the order to start them: the longest last time first; those never
 * graded before keep their place ahead of them (their cost is unknown); ties in the manifest's order.
 */
export function startOrder(ids: readonly string[], file: string | null): number[] {
  const known = read(file);
  const cost = (i: number) => known[ids[i]!] ?? Number.POSITIVE_INFINITY;
  return ids.map((_, i) => i).sort((a, b) => cost(b) - cost(a) || a - b);
}

/** Remembers how long these exercises took (the others keep what they had). Never throws. */
export function rememberDurations(
  results: readonly { id: string; durationMs: number }[],
  file: string | null,
): void {
  if (file === null || results.length === 0) return;
  try {
    const durations = read(file);
    for (const { id, durationMs } of results) durations[id] = Math.round(durationMs);
    writeFileAtomic(file, `${JSON.stringify(durations)}\n`);
  } catch {
    // a read-only checkout: the next run starts in the manifest's order, as without the file
  }
}
