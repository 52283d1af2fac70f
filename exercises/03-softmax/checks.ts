/**
 * Checks of exercise 03 (One Hot Encoding, Softmax, Loss). Trusted code: `input` and `judge` run in
 * the grader, `probe` in the sandbox beside the student's module. Every expected value is computed
 * by the judge's own math (`checks/math.ts`), never taken from `solution/`.
 */
import { defineChecks } from '@gradschool/exercise-kit';
import { encodingChecks } from './checks/encoding.js';
import { lossChecks } from './checks/losses.js';
import { softmaxChecks } from './checks/softmax.js';
import { tensorChecks } from './checks/tensor.js';
import type * as Student from './src/softmax.js';

export default defineChecks<typeof Student>([
  ...encodingChecks,
  ...softmaxChecks,
  ...lossChecks,
  ...tensorChecks,
]);
