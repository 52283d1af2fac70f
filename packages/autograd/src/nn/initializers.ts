import type { Rng } from './engine.js';

/**
 * Fills a new weight array of `size` numbers. `fanIn`/`fanOut` are Keras' fans: for a Dense kernel
 * `[in, units]` they are `in` and `units`; for a bias `[units]` both are `units`.
 */
export type Initializer = (size: number, fanIn: number, fanOut: number, rng: Rng) => Float64Array;

/** Keras' truncated normal: draws outside ±2 standard deviations are drawn again. */
function truncatedNormal(size: number, std: number, rng: Rng): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let z = rng.normal(0, 1);
    while (z < -2 || z > 2) z = rng.normal(0, 1);
    out[i] = z * std;
  }
  return out;
}

function uniform(size: number, limit: number, rng: Rng): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.uniform(-limit, limit);
  return out;
}

function normal(size: number, std: number, rng: Rng): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.normal(0, std);
  return out;
}

/** std of a standard normal truncated to [−2, 2] (scipy.stats.truncnorm.std(-2, 2)), as Keras uses. */
const TRUNCATED_STD = 0.87962566103423978;

/** Keras' VarianceScaling: `scale` divided by fan_in, fan_out or their average. */
function varianceScaling(
  scale: number,
  mode: 'fanIn' | 'fanOut' | 'fanAvg',
  distribution: 'truncatedNormal' | 'uniform',
): Initializer {
  return (size, fanIn, fanOut, rng) => {
    const n = mode === 'fanIn' ? fanIn : mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const s = scale / Math.max(1, n);
    return distribution === 'uniform'
      ? uniform(size, Math.sqrt(3 * s), rng)
      : truncatedNormal(size, Math.sqrt(s) / TRUNCATED_STD, rng);
  };
}

const constant =
  (value: number): Initializer =>
  (size) =>
    new Float64Array(size).fill(value);

/**
 * The initializers by Keras 3 name, with Keras' defaults. `'normal'` and `'uniform'` are Keras'
 * aliases of RandomNormal(0, 0.05) and RandomUniform(−0.05, 0.05) (TF.js differs: it uses std 1).
 */
const INITIALIZERS: Record<string, Initializer> = {
  zeros: constant(0),
  ones: constant(1),
  randomNormal: (size, _in, _out, rng) => normal(size, 0.05, rng),
  randomUniform: (size, _in, _out, rng) => uniform(size, 0.05, rng),
  truncatedNormal: (size, _in, _out, rng) => truncatedNormal(size, 0.05, rng),
  glorotUniform: varianceScaling(1, 'fanAvg', 'uniform'),
  glorotNormal: varianceScaling(1, 'fanAvg', 'truncatedNormal'),
  heUniform: varianceScaling(2, 'fanIn', 'uniform'),
  heNormal: varianceScaling(2, 'fanIn', 'truncatedNormal'),
  lecunUniform: varianceScaling(1, 'fanIn', 'uniform'),
  lecunNormal: varianceScaling(1, 'fanIn', 'truncatedNormal'),
};

const ALIASES: Record<string, string> = { normal: 'randomNormal', uniform: 'randomUniform' };

/** `'glorot_uniform'` → `'glorotUniform'`; camelCase names pass unchanged. */
function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The canonical (camelCase) name of an initializer, or throws a RangeError listing the known ones. */
export function initializerName(name: string): string {
  const camel = camelCase(name);
  const canonical = ALIASES[camel] ?? camel;
  if (!(canonical in INITIALIZERS)) {
    const known = [...Object.keys(INITIALIZERS), ...Object.keys(ALIASES)].join(', ');
    throw new RangeError(
      `Dense: unknown initializer '${name}'; known: ${known} (알 수 없는 초기화 방법 '${name}', 사용 가능: ${known})`,
    );
  }
  return canonical;
}

/**
 * The initializer called `name`: Keras' names in camelCase or snake_case
 * (`'glorotUniform'`, `'glorot_uniform'`, `'normal'`, `'he_normal'`, `'zeros'`, ...).
 *
 * @example
 * const init = getInitializer('he_normal');
 * const w = init(2 * 5, 2, 5, new Rng(1));   // 10 numbers for a [2, 5] kernel
 */
export function getInitializer(name: string): Initializer {
  return INITIALIZERS[initializerName(name)]!;
}
