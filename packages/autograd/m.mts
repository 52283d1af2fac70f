import { conv2d, Rng, randomNormal } from './src/index.js';
import { addProduct } from './src/tensor/kernels/matmul-dispatch.js';
const rng = new Rng(1);
const x = randomNormal([32, 28, 28, 32], { rng });
const k = randomNormal([3, 3, 32, 64], { rng });
const A = randomNormal([21632, 288], { rng });
for (let r = 0; r < 4; r++) {
  let t = performance.now(); conv2d(x, k); const a = performance.now() - t;
  const out = new Float64Array(21632 * 64);
  t = performance.now(); addProduct(A.data, 0, k.data, 0, out, 0, 21632, 288, 64); const b = performance.now() - t;
  console.log(`conv ${a.toFixed(0)} ms, bare product ${b.toFixed(0)} ms`);
}
