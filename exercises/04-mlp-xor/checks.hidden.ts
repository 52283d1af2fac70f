/**
 * Exercise 04's hidden checks: graded only when a submission is recorded (`--submission`,
 * `--batch`), never in a student's local run, and left out of the student repository by
 * `pnpm export-student` with their helpers in `checks/hidden/`. Students see how many there are and
 * their points (the manifest's `hidden`), nothing else.
 *
 * Why hidden: the exact gradient norms can only be judged against the judge's own computation of
 * `firstLayerGradNorm`, which, public, would be the answer. The public `gradient-vanishing` check
 * judges their shape (the sigmoid's vanish, ReLU's do not); this one their values, on other seeds.
 */
import { check, defineChecks } from '@gradschool/exercise-kit';
import { GRAD_NORM_TIME_LIMIT_MS, gradNormInput, gradNormProbe } from './checks/engine-verdicts.js';
import { judgeGradientNorms } from './checks/hidden/gradient-norms.js';
import type * as Student from './src/mlp.js';

const c = check<typeof Student>();

export default defineChecks<typeof Student>([
  c({
    id: 'gradient-norms-reference',
    title: {
      ko: '첫 층 기울기의 크기가 채점기의 계산과 같다',
      en: "The first layer's gradient norms match the grader's own",
    },
    points: 2,
    timeLimitMs: GRAD_NORM_TIME_LIMIT_MS,
    // The check's own seed (from the run's seed and this id): other networks than the public check's.
    input: (ctx) => gradNormInput(ctx.seed),
    probe: (student, input) => gradNormProbe(student, input),
    judge: (got, input) => judgeGradientNorms(got, input),
  }),
]);
