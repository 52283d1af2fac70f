/**
 * @gradschool/exercise-kit: what an exercise author imports.
 * See `protocol.ts` for the check protocol (input -> probe -> judge), and `limits.ts` for how much
 * of an answer the helpers look at.
 */

export {
  type Contract,
  describeReturned,
  expectReturn,
  type ReturningOptions,
  returning,
} from './contract.js';
export * from './equal.js';
export * from './judge.js';
export { Budget, MAX_DEPTH, MAX_ELEMENTS, problemMessage, type WalkProblem } from './limits.js';
export type { ExerciseManifest } from './manifest.js';
export * from './model-data.js';
export * from './model-rebuild.js';
export * from './model-replay.js';
export {
  type NestedArray,
  type Numeric,
  type NumericReading,
  readNumeric,
  shapeOf,
  toNumeric,
  unravelIndex,
} from './numeric.js';
export * from './particle.js';
export * from './protocol.js';
export { digitsToTell, render, renderDifference, renderNumber, renderNumberPair } from './render.js';
