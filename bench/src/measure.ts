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

/** One engine in a comparison: `prepare` (untimed) switches to it, `run` is the timed work. */
export interface Contender<Name extends string> {
  name: Name;
  prepare?: () => unknown;
  run: () => unknown;
  /** Untimed clean-up after each round (dispose tensors made by `prepare`). */
  finish?: () => unknown;
}

/**
 * Times several engines on the same work, interleaved: each round runs every contender, so a busy
 * spell on the shared machine slows them all alike instead of whichever happened to be running.
 * Every contender first warms up (untimed, at least one run and `warmupMs`: the JIT settles for a 5 ms
 * run as for a 5 s one). A contender whose run is short runs several times per round (about
 * `roundMs` worth, at most 20), each timed on its own: a short run is easily disturbed, and a larger
 * sample steadies its median. No forced GC between runs: after one, V8 shrinks its young generation
 * and the next run pays for many more minor collections than in real use (measured: 3-5x slower
 * XOR runs). Returns each contender's milliseconds per run.
 */
export async function interleave<Name extends string>(
  contenders: readonly Contender<Name>[],
  opts: { rounds: number; warmupMs?: number; roundMs?: number },
): Promise<Record<Name, number[]>> {
  const { rounds, warmupMs = 500, roundMs = 200 } = opts;
  const times = {} as Record<Name, number[]>;
  const perRound = new Map<Name, number>();
  for (const c of contenders) {
    await c.prepare?.();
    // warm-up: at least one run and warmupMs; the last run, JIT settled, tells a run's typical length
    const start = performance.now();
    let runs = 0;
    let last = 0;
    while (runs === 0 || performance.now() - start < warmupMs) {
      last = await timeMs(c.run);
      runs++;
    }
    await c.finish?.();
    perRound.set(c.name, Math.max(1, Math.min(20, Math.round(roundMs / Math.max(last, 0.01)))));
    times[c.name] = [];
  }
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) {
      await c.prepare?.();
      for (let i = 0; i < perRound.get(c.name)!; i++) {
        times[c.name].push(await timeMs(c.run));
      }
      await c.finish?.();
    }
  }
  return times;
}
