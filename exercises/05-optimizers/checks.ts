/**
 * Checks of 05-optimizers. For each of the six optimizers: two trajectories replayed step by step
 * by the judge's own Keras-3 formulas (`checks/trajectory.ts`, `checks/reference.ts`) and an XOR
 * training run through `compile()` (`checks/xor.ts`); then all six compared on the lecture's XOR
 * model (`checks/comparison.ts`). Inputs come from each check's seed.
 */
import { defineChecks } from '@gradschool/exercise-kit';
import { comparisonCheck } from './checks/comparison.js';
import { OPTIMIZERS } from './checks/reference.js';
import { trajectoryChecks } from './checks/trajectory.js';
import { xorCheck } from './checks/xor.js';
import type * as Student from './src/optimizers.js';

export default defineChecks<typeof Student>([
  ...OPTIMIZERS.flatMap((name) => trajectoryChecks(name)),
  ...OPTIMIZERS.map((name) => xorCheck(name)),
  comparisonCheck,
]);
