/**
 * Timing helpers: every workload runs several times and reports the median, which a busy, shared
 * machine disturbs far less than the mean.
 */
import { performance } from 'node:perf_hooks';

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds taken by `fn` (awaited when it returns a promise). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `fn` `reps` times (after `warmup` untimed runs) and returns each run's milliseconds. */
export async function repeatMs(reps: number, fn: () => unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    collectGarbage();
    times.push(await timeMs(fn));
  }
  return times;
}

/** A full GC between timed runs when node runs with `--expose-gc`, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}
