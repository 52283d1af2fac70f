/**
 * A seeded pseudo-random number generator: the same seed gives the same numbers on every machine.
 *
 * The generator is **sfc32** (Chris Doty-Humphrey's "Small Fast Counting" generator, 128 bits of state,
 * from PractRand); its four state words are filled by **splitmix32** from the 32-bit seed, so nearby
 * seeds (1, 2, 3, ...) still give unrelated streams. Only 32-bit integer arithmetic is used
 * (`Math.imul`, `| 0`, `>>> 0`), which JavaScript defines exactly, hence identical results everywhere.
 *
 * 같은 시드(seed)는 어느 컴퓨터에서나 같은 난수열을 만듭니다. 엔진 안에서는 `Math.random`을 쓰지 않습니다.
 *
 * @example
 * const rng = new Rng(42);
 * rng.next();          // uniform in [0, 1)
 * rng.normal(0, 1);    // standard normal sample
 * rng.shuffle([1, 2, 3]);
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Box-Muller makes normals in pairs; the second one waits here. */
  private spareNormal: number | null = null;

  /** @param seed any finite number; it is reduced to a 32-bit unsigned integer. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new TypeError(`Rng: seed must be a finite number, got ${seed}`);
    let s = Math.trunc(seed) >>> 0;
    const splitmix32 = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let t = s ^ (s >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) | 0;
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32();
  }

  /** The next raw 32-bit output of sfc32, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. @example new Rng(1).next() // 0.15070555242709816 */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform number in [lo, hi). @example rng.uniform(-1, 1) */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  /**
   * A normal (Gaussian) sample by the Box-Muller transform; each pair of uniforms gives two samples.
   * @example rng.normal()        // mean 0, standard deviation 1
   * @example rng.normal(5, 0.1)
   */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + std * z;
    }
    const u1 = 1 - this.next(); // in (0, 1], so the log is finite
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spareNormal = r * Math.sin(2 * Math.PI * u2);
    return mean + std * r * Math.cos(2 * Math.PI * u2);
  }

  /** A uniform integer in 0..n-1. @example rng.int(6) + 1 // a die roll */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0)
      throw new RangeError(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. @example rng.shuffle([1, 2, 3]) */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** A random ordering of 0..n-1. @example rng.permutation(4) // e.g. [2, 0, 3, 1] */
  permutation(n: number): number[] {
    const out = Array.from({ length: n }, (_, i) => i);
    return this.shuffle(out);
  }
}

let defaultGenerator = new Rng(42);

/**
 * The shared generator used when no `rng` is passed (`randomNormal`, `randomUniform`, initializers).
 * It starts from seed 42; `setDefaultRng(new Rng(seed))` (or the model API's `setSeed`) resets it.
 */
export function defaultRng(): Rng {
  return defaultGenerator;
}

/** Replaces the shared default generator. @example setDefaultRng(new Rng(7)) */
export function setDefaultRng(rng: Rng): void {
  defaultGenerator = rng;
}
