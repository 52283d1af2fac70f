/**
 * @gradschool/exercise-kit: what an exercise author imports.
 * See `protocol.ts` for the check protocol (input -> probe -> judge).
 */

export * from './equal.js';
export * from './judge.js';
export * from './manifest.js';
export * from './model-data.js';
export * from './model-rebuild.js';
export * from './model-replay.js';
export * from './particle.js';
export * from './protocol.js';
export * from './render.js';
