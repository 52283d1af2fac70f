/**
 * TensorFlow.js with the backend we compare against. The WASM backend's `.wasm` files are loaded
 * from `node_modules` (nothing is downloaded at run time); with SIMD support it picks the SIMD build.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export { tf };

/** The TF.js backends measured: the pure-JS CPU backend and the WebAssembly one. */
export type TfBackend = 'cpu' | 'wasm';
/** Every engine compared: ours and the two TF.js backends. */
export type Engine = 'ours' | TfBackend;

let wasmPathsSet = false;

/** Switches TF.js to `backend` and waits until it is ready. Throws when it cannot be used. */
export async function useBackend(backend: TfBackend): Promise<void> {
  if (backend === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    setWasmPaths(`${path.join(path.dirname(pkg), 'dist')}${path.sep}`);
    wasmPathsSet = true;
  }
  const ok = await tf.setBackend(backend);
  await tf.ready();
  if (!ok || tf.getBackend() !== backend) throw new Error(`TF.js backend '${backend}' is not available`);
}

/** What the WASM backend runs with on this machine (SIMD, threads). */
export function wasmFeatures(): string {
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  return `${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'threads' : 'single thread'}`;
}
