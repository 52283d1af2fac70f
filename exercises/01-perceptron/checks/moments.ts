/**
 * Judging samplers by their moments. The tolerances come from the sample size: a correct sampler's
 * sample mean has standard error σ/√N, its sample variance about √((μ₄ − σ⁴)/N), and we allow
 * `Z` standard errors, so a correct sampler fails with probability below 1e-8 for any seed.
 */
import {
  fail,
  type Localized,
  pass,
  renderNumber,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';

/** Standard errors allowed before a moment counts as wrong. */
export const Z = 6;

/** The distribution a sampler should follow, with its first moments. */
export interface Target {
  name: Localized;
  mean: number;
  variance: number;
  /** E[(X − μ)⁴], for the variance's standard error. */
  fourthMoment: number;
  /** Every sample must lie in [lo, hi) (uniform only). */
  range?: [number, number];
  /** Standardised fourth moment (3 for a normal), checked with its own standard error. */
  kurtosis?: { value: number; eighthMoment: number };
}

/** Sample moments of `xs`. */
export function sampleMoments(xs: ArrayLike<number>): { mean: number; variance: number; kurtosis: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i] as number;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (xs[i] as number) - mean;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  const variance = m2 / (n - 1);
  return { mean, variance, kurtosis: m4 / n / (variance * variance) };
}

const fmt = renderNumber;

/** Judges one batch of samples against `target`; `label` names the call, e.g. `uniform(rng, -1, 1)`. */
export function judgeSamples(xs: unknown, n: number, target: Target, label: string): Verdict {
  const what = { ko: `${label} ${n}번`, en: `${n} calls of ${label}` };
  if (!Array.isArray(xs) || xs.length !== n || xs.some((x) => typeof x !== 'number'))
    return fail({
      ko: `${what.ko}: 숫자 ${n}개를 기대했지만 다른 값이 나왔습니다 (숫자를 return 했나요?).`,
      en: `${what.en}: expected ${n} numbers, got something else (does the function return a number?).`,
    });
  const bad = (xs as number[]).findIndex(
    (x) =>
      !Number.isFinite(x) || (target.range !== undefined && (x < target.range[0] || x >= target.range[1])),
  );
  if (bad >= 0) {
    const range = target.range ? `[${target.range[0]}, ${target.range[1]})` : '';
    return fail({
      ko: `${what.ko}: ${bad + 1}번째 값 ${withParticle(fmt(xs[bad]), '이')} ${range ? `범위 ${range} 밖입니다` : '유한한 수가 아닙니다'}.`,
      en: `${what.en}: sample #${bad + 1} is ${fmt(xs[bad])}, ${range ? `outside ${range}` : 'not a finite number'}.`,
    });
  }
  const got = sampleMoments(xs as number[]);
  const sigma = Math.sqrt(target.variance);
  const checks: [Localized, number, number, number][] = [
    [{ ko: '평균', en: 'mean' }, got.mean, target.mean, (Z * sigma) / Math.sqrt(n)],
    [
      { ko: '분산', en: 'variance' },
      got.variance,
      target.variance,
      Z * Math.sqrt((target.fourthMoment - target.variance ** 2) / n),
    ],
  ];
  if (target.kurtosis) {
    const k = target.kurtosis;
    checks.push([
      { ko: '첨도(4차 모멘트)', en: 'kurtosis (4th moment)' },
      got.kurtosis,
      k.value,
      Z * Math.sqrt((k.eighthMoment - k.value ** 2) / n),
    ]);
  }
  for (const [moment, value, expected, tol] of checks) {
    if (Math.abs(value - expected) > tol)
      return fail(
        {
          ko: `${what.ko}: ${target.name.ko}의 ${withParticle(moment.ko, '은')} ${fmt(expected)} ± ${fmt(tol)} 안에 있어야 하는데 ${withParticle(fmt(value), '이')} 나왔습니다.`,
          en: `${what.en}: the ${moment.en} of ${target.name.en} should be ${fmt(expected)} ± ${fmt(tol)}, got ${fmt(value)}.`,
        },
        {
          expected: `${moment.ko}/${moment.en} ${fmt(expected)} ± ${fmt(tol)}`,
          got: `${moment.ko}/${moment.en} ${fmt(value)}`,
        },
      );
  }
  return pass({
    ko: `${what.ko}: 평균 ${fmt(got.mean)}, 분산 ${fmt(got.variance)} — ${target.name.ko}에 맞습니다.`,
    en: `${what.en}: mean ${fmt(got.mean)}, variance ${fmt(got.variance)} — matches ${target.name.en}.`,
  });
}

/** The uniform distribution on [lo, hi). */
export function uniformTarget(lo: number, hi: number): Target {
  const w = hi - lo;
  return {
    name: {
      ko: `균등분포 U(${fmt(lo)}, ${fmt(hi)})`,
      en: `the uniform distribution U(${fmt(lo)}, ${fmt(hi)})`,
    },
    mean: (lo + hi) / 2,
    variance: (w * w) / 12,
    fourthMoment: w ** 4 / 80,
    range: [lo, hi],
  };
}

/** The normal distribution N(mean, std²); its kurtosis is 3 and E[z⁸] = 105. */
export function normalTarget(mean: number, std: number): Target {
  return {
    name: {
      ko: `정규분포 N(${fmt(mean)}, ${fmt(std)}²)`,
      en: `the normal distribution N(${fmt(mean)}, ${fmt(std)}²)`,
    },
    mean,
    variance: std * std,
    fourthMoment: 3 * std ** 4,
    kurtosis: { value: 3, eighthMoment: 105 },
  };
}
