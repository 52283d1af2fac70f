/**
 * Seeds. The run seed comes from `--seed`, `GRADE_SEED` or the public default; each check gets its
 * own seed derived from the run seed and its id, so adding a check never changes another's inputs.
 */

/** The public default seed: what students get when they run `pnpm grade`. CI keeps its own secret. */
export const DEFAULT_SEED = 12345;

/**
 * The seed of check `checkId` in a run seeded with `runSeed`: FNV-1a over `"<runSeed>:<checkId>"`,
 * mixed with a murmur3 finaliser, as an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * checkSeed(12345, 'softmax-lecture-example'); // the same number on every machine
 * ```
 */
export function checkSeed(runSeed: number, checkId: string): number {
  const text = `${runSeed}:${checkId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Parses a seed (`--seed`, `GRADE_SEED`): a non-negative safe integer, else `null`. */
export function parseSeed(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The extra run seeds of a seed-dependent check (`Check.seeds`): `count` run seeds derived from
 * `runSeed`, the k-th (k = 1, 2, ...) being `checkSeed(runSeed, "extra-seed-k") % 1_000_000` (the
 * next number when that is the run seed or an earlier one). Short on purpose: a failure prints one
 * as `pnpm grade 04 --seed N`, and a run with `--seed N` grades every check exactly as that extra
 * seed did (the check's seed is `checkSeed(N, id)` either way).
 *
 * @example
 * ```ts
 * extraRunSeeds(12345, 2); // two fixed numbers below 1 000 000, the same on every machine
 * ```
 */
export function extraRunSeeds(runSeed: number, count: number): number[] {
  const seeds: number[] = [];
  for (let k = 1; k <= count; k++) {
    let seed = checkSeed(runSeed, `extra-seed-${k}`) % 1_000_000;
    while (seed === runSeed || seeds.includes(seed)) seed = (seed + 1) % 1_000_000;
    seeds.push(seed);
  }
  return seeds;
}
