/**
 * When a matmul kernel may skip the zeros of its left operand. Both kernels (`../matmul-kernels.ts`
 * and the WebAssembly one, `wasm-matmul.ts`) leave out a 4-row stretch of A's column p when it is all
 * zeros, together with the row of B it would have multiplied.
 *
 * Why: MNIST-like inputs are mostly zeros (blank borders, one-hot rows, ReLU outputs), and so are the
 * inputs of the backward products. Measured on the 784-128-10 MLP of `bench/` with synthetic
 * MNIST-shaped data (19% non-zero pixels): about 6% more samples per second on an idle machine (35.6k
 * against 33.4k, issue 12); re-measured with this check in place, against the same engine with
 * skipping turned off, 5-15% on a shared, loaded machine (CPU time of interleaved epochs), and 1.35x
 * for the forward product X[128,784]·W[784,128] alone. The price: a test per block (TypeScript) or per
 * packed column (WebAssembly), paid on dense data too, and the finiteness check below.
 *
 * Why it stays exact: 0·x is ±0 only for a finite x; 0·NaN and 0·±Inf are NaN, and numpy's matmul
 * returns NaN there. So a kernel skips zeros only when every value of B is finite, which it checks
 * once per call (a linear pass, against the product's m·k·n multiply-adds; the WebAssembly kernel
 * does it while packing B, which reads every value anyway). With a finite B the skipped terms are all
 * ±0, so the result is the same number; only the sign of a zero result may differ, which numpy
 * leaves to the BLAS library as well.
 */

/**
 * True when `data[from .. from + length)` holds no NaN and no ±Infinity.
 * @example allFinite(new Float64Array([1, Number.NaN]), 0, 2) // false
 */
export function allFinite(data: Float64Array, from: number, length: number): boolean {
  // x - x is 0 for every finite x and NaN for NaN and ±Infinity; one comparison at the end
  let check = 0;
  for (let i = from, end = from + length; i < end; i++) check += data[i]! - data[i]!;
  return check === 0;
}
