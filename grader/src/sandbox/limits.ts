/** The sandbox's default limits, used when a manifest or check does not set its own. */

/** Wall-clock limit of one check's probe. */
export const DEFAULT_TIME_LIMIT_MS = 5_000;
/** V8 heap cap of a sandbox child, MiB. */
export const DEFAULT_HEAP_MB = 512;
/**
 * Resident memory allowed beyond the heap cap, MiB: Node, tsx and the checks need some, and the
 * rest catches `ArrayBuffer`s (typed arrays), which live outside the V8 heap.
 */
export const RSS_HEADROOM_MB = 384;
/** How long loading the checks and the student's module may take (tsx compiles on first load). */
export const LOAD_TIMEOUT_MS = 30_000;
