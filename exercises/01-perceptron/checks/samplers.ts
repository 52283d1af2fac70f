/**
 * The "Random" slide's checks: `uniform` and `normal` judged by their range and moments (tolerances
 * from the sample size, `moments.ts`), and `normal` kept finite when `rng()` returns exactly 0.
 */
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  check,
  expectReturn,
  fail,
  pass,
  render,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/perceptron.js';
import { judgeSamples, normalTarget, uniformTarget } from './moments.js';

/** Samples per distribution: enough for tolerances of a few percent. */
const SAMPLES = 20000;

const c = check<typeof Student>();
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** The first sample that is not a number, told as `fn`'s return contract (before any statistics). */
function notANumber(samples: unknown, fn: string, call: string): Verdict | null {
  if (!Array.isArray(samples)) return null;
  const bad = samples.find((x) => typeof x !== 'number');
  if (bad === undefined && samples.every((x) => typeof x === 'number')) return null;
  return expectReturn(bad, fn, { type: 'number' }, { what: { ko: call, en: call } });
}

/** The sampler checks, in the order the README presents them. */
export const samplerChecks = [
  c({
    id: 'uniform-sampler',
    // Its outcome depends on randomness: graded with the run's seed and two derived from it.
    seeds: 3,
    title: {
      ko: '균등분포 uniform(rng, lo, hi)의 범위, 평균, 분산',
      en: 'uniform(rng, lo, hi): range, mean, variance',
    },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const lo = round(rng.uniform(-5, 0), 2);
      return {
        seed: rng.int(2 ** 31),
        ranges: [
          [-1, 1],
          [2, 5],
          [lo, round(lo + rng.uniform(0.5, 4), 2)],
        ],
      };
    },
    probe: (student, { seed, ranges }) => {
      const rng = new Rng(seed);
      let calls = 0;
      const draw = () => {
        calls++;
        return rng.next();
      };
      return ranges.map(([lo, hi]) => {
        calls = 0;
        const samples = Array.from({ length: SAMPLES }, () => student.uniform(draw, lo!, hi!));
        return { samples, calls };
      });
    },
    judge: (got, { ranges }) =>
      allOf(
        ranges.map(([lo, hi], i) => {
          const call = `uniform(rng, ${render(lo)}, ${render(hi)})`;
          const calls = got[i]?.calls;
          if (calls !== SAMPLES)
            return fail(
              {
                ko: `${call}: ${SAMPLES}번 부르는 동안 rng()가 ${render(calls)}번 불렸습니다. uniform은 인자로 받은 rng()를 정확히 한 번씩 불러야 합니다${calls === 0 ? ' (Math.random()이 아니라 rng())' : ''}: lo + (hi − lo)·rng().`,
                en: `While ${call} ran ${SAMPLES} times, rng() was called ${render(calls)} times. uniform must call the rng() it is given exactly once per call${calls === 0 ? ' (rng(), not Math.random())' : ''}: lo + (hi − lo)·rng().`,
              },
              { expected: `rng() × ${SAMPLES}`, got: `rng() × ${render(calls)}` },
            );
          return (
            notANumber(got[i]?.samples, 'uniform', call) ??
            judgeSamples(got[i]?.samples, SAMPLES, uniformTarget(lo!, hi!), call)
          );
        }),
      ),
  }),
  c({
    id: 'normal-sampler',
    // Its outcome depends on randomness: graded with the run's seed and two derived from it.
    seeds: 3,
    title: {
      ko: '정규분포 normal(rng, mean, std)의 평균, 분산, 모양',
      en: 'normal(rng, mean, std): mean, variance, shape',
    },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const params = [
        [0, 1],
        [round(rng.uniform(-5, 5), 2), round(rng.uniform(0.2, 3), 2)],
      ];
      return { seed: rng.int(2 ** 31), params };
    },
    probe: (student, { seed, params }) => {
      const rng = new Rng(seed);
      const draw = () => rng.next();
      return params.map(([m, s]) => Array.from({ length: SAMPLES }, () => student.normal(draw, m!, s!)));
    },
    judge: (got, { params }) =>
      allOf(
        params.map(([m, s], i) => {
          const call = `normal(rng, ${render(m)}, ${render(s)})`;
          return (
            notANumber(got[i], 'normal', call) ?? judgeSamples(got[i], SAMPLES, normalTarget(m!, s!), call)
          );
        }),
      ),
  }),
  c({
    id: 'normal-rng-zero',
    title: { ko: 'rng()가 0을 돌려줘도 normal은 유한한 값', en: 'normal stays finite when rng() returns 0' },
    points: 1,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      // rng() may return exactly 0 ([0, 1)); every third draw here does.
      return Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 0 : rng.next()));
    },
    probe: (student, draws) => {
      let i = 0;
      const draw = () => draws[i++ % draws.length]!;
      return Array.from({ length: 20 }, () => student.normal(draw, 0, 1));
    },
    judge: (got) => {
      const bad = got.findIndex((z) => typeof z !== 'number' || !Number.isFinite(z));
      if (bad < 0)
        return pass({
          ko: 'rng()가 0을 돌려주는 난수열에서도 normal(rng, 0, 1) 20번이 모두 유한한 값입니다.',
          en: 'All 20 calls of normal(rng, 0, 1) are finite, even where rng() returns 0.',
        });
      return fail(
        {
          ko: `rng()가 0을 돌려주는 난수열에서 normal(rng, 0, 1)의 ${bad + 1}번째 호출이 유한한 수 대신 ${withParticle(render(got[bad]), '을')} 돌려주었습니다. log(0) = -Infinity를 피하세요: u = 1 - rng()는 (0, 1]에 있습니다.`,
          en: `On a stream where rng() returns 0, call #${bad + 1} of normal(rng, 0, 1) returned ${render(got[bad])} instead of a finite number. Avoid log(0) = -Infinity: u = 1 - rng() lies in (0, 1].`,
        },
        { expected: 'Number.isFinite(x) === true', got: render(got[bad]) },
      );
    },
  }),
];
