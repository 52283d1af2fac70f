/**
 * Where ops get their output and gradient arrays. `allocFloats(n)` is `new Float64Array(n)` (zeros),
 * but small arrays are carved out of a shared 32 KiB slab instead of each getting its own memory.
 *
 * Why: V8 keeps a Float64Array of more than 8 numbers in memory of its own, outside the JavaScript
 * heap, and making one costs 250-400 ns (a call into the runtime, `calloc`, bookkeeping for the
 * garbage collector) against about 20 ns for a view into an existing buffer. A small model (the
 * lecture's XOR: a batch of 4 rows) makes some 25 such arrays per training step, so this alone made
 * training about 1.5x faster (measured in `bench/`).
 *
 * Slabs are never reused: a new array is always fresh zeros, and a slab is freed by the garbage
 * collector once no array carved from it is alive. The price: a long-lived small tensor keeps its
 * whole slab (at most 32 KiB) alive.
 *
 * Large arrays (a convolution's activations: 22 MB a batch) are the opposite case: what costs is
 * not the call but the memory's first touch, one page fault per 4 KiB. On a virtual machine (this
 * project's own CI runs in one) a fault can cost 20 µs, so a fresh 22 MB array took 100 ms to fill
 * where a reused one took 3 ms. `fit` therefore hands the intermediate arrays of each training step
 * back once backward is done with them (`recycleFloats`), and the next step's ops get them again
 * here, zeroed; `fit` drops what is left when it returns (`dropRecycled`), so nothing stays held.
 */

/** Arrays up to this many numbers come from the slab; larger ones are worth their own memory. */
const MAX_POOLED = 256;
/** Arrays of up to 8 numbers (64 bytes) V8 already makes cheaply, inside the JavaScript heap. */
const MIN_POOLED = 9;
const SLAB_BYTES = 32 * 1024;

/** Arrays of at least this many numbers (256 KiB) are worth recycling; smaller ones fault little. */
export const MIN_RECYCLED = 32 * 1024;
/** At most this much memory waits for reuse; beyond it, handed-back arrays are left to the collector. */
const MAX_RECYCLED_BYTES = 256 * 1024 * 1024; // a convnet step at batch 128 hands back ~140 MB

/** Arrays handed back, by length: a training loop asks for the same lengths every step. */
const recycled = new Map<number, Float64Array[]>();
let recycledBytes = 0;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/**
 * A new zero-filled Float64Array of `n` numbers (its own memory, or a fresh part of a shared slab).
 * @example const out = allocFloats(x.size); // then fill it, as with new Float64Array(x.size)
 */
export function allocFloats(n: number): Float64Array {
  if (n >= MIN_RECYCLED) {
    const again = recycled.get(n)?.pop();
    if (again !== undefined) {
      recycledBytes -= again.byteLength;
      return again.fill(0);
    }
  }
  if (n < MIN_POOLED || n > MAX_POOLED) return new Float64Array(n);
  const bytes = n * 8;
  if (used + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const out = new Float64Array(slab, used, n);
  used += bytes;
  return out;
}

/**
 * Hands back an array nothing will read or write again, for `allocFloats` to give out (zeroed).
 * Only whole large arrays are kept (not a view into a bigger buffer, not a slab's slice).
 * The caller must be sure: an array recycled while still in use would share its memory with the
 * next op's result. Only `runBackward({ recycle })` calls this, for memory it has proved dead.
 */
export function recycleFloats(a: Float64Array): void {
  if (a.length < MIN_RECYCLED || a.byteOffset !== 0 || a.byteLength !== a.buffer.byteLength) return;
  if (recycledBytes + a.byteLength > MAX_RECYCLED_BYTES) return;
  const list = recycled.get(a.length);
  if (list === undefined) recycled.set(a.length, [a]);
  else list.push(a);
  recycledBytes += a.byteLength;
}

/** Forgets every array waiting for reuse (the garbage collector then frees them). */
export function dropRecycled(): void {
  recycled.clear();
  recycledBytes = 0;
}
