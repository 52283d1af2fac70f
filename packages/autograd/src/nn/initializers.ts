import type { Rng } from './engine.js';
import { checkOptions } from './options.js';

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
 * The shape an initializer is asked for, as rows × columns: a matrix `[fanIn, fanOut]` when `size`
 * is their product, else a vector (a Dense bias `[units]`: 1 × size).
 */
function matrixShape(size: number, fanIn: number, fanOut: number): { rows: number; cols: number } {
  return size === fanIn * fanOut ? { rows: fanIn, cols: fanOut } : { rows: 1, cols: size };
}

/** Keras' Identity(gain): `gain·eye(rows, cols)`, for matrices only. */
function identity(gain: number): Initializer {
  return (size, fanIn, fanOut) => {
    const { rows, cols } = matrixShape(size, fanIn, fanOut);
    if (rows === 1 && size !== fanIn * fanOut) {
      throw new RangeError(
        `identity: the identity initializer makes matrices only, not a vector of ${size} ` +
          `(identity 초기화는 행렬에만 쓸 수 있습니다; 편향에는 'zeros'를 쓰세요)`,
      );
    }
    const out = new Float64Array(size);
    for (let i = 0; i < Math.min(rows, cols); i++) out[i * cols + i] = gain;
    return out;
  };
}

/**
 * Keras 3's Orthogonal(gain): the Q of the QR decomposition of a standard normal matrix of
 * max(rows, cols) × min(rows, cols), with each column's sign set so that R's diagonal is positive
 * (which makes Q unique), transposed when there are fewer rows than columns, times `gain`.
 * Q comes from modified Gram-Schmidt, whose R diagonal (the norms) is positive by construction.
 */
function orthogonal(gain: number): Initializer {
  return (size, fanIn, fanOut, rng) => {
    const { rows, cols } = matrixShape(size, fanIn, fanOut);
    const m = Math.max(rows, cols);
    const n = Math.min(rows, cols);
    // columns of the m × n matrix, drawn row-major as Keras' random.normal((m, n))
    const a = Array.from({ length: n }, () => new Float64Array(m));
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[j]![i] = rng.normal(0, 1);
    for (let j = 0; j < n; j++) {
      const q = a[j]!;
      for (let k = 0; k < j; k++) {
        const prev = a[k]!;
        let dot = 0;
        for (let i = 0; i < m; i++) dot += prev[i]! * q[i]!;
        for (let i = 0; i < m; i++) q[i]! -= dot * prev[i]!;
      }
      let norm = 0;
      for (let i = 0; i < m; i++) norm += q[i]! * q[i]!;
      norm = Math.sqrt(norm);
      for (let i = 0; i < m; i++) q[i]! /= norm;
    }
    const out = new Float64Array(size);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        // Q is m × n; with rows < cols the result is its transpose
        out[i * cols + j] = gain * (rows >= cols ? a[j]![i]! : a[i]![j]!);
      }
    }
    return out;
  };
}

/** Keras' TruncatedNormal(mean, stddev): normal draws outside ±2 stddev are drawn again. */
function truncatedNormalAround(mean: number, std: number): Initializer {
  return (size, _in, _out, rng) => truncatedNormal(size, std, rng).map((v) => v + mean);
}

/**
 * The initializers by Keras 3 name, with Keras' defaults. `'normal'` and `'uniform'` are Keras'
 * aliases of RandomNormal(0, 0.05) and RandomUniform(−0.05, 0.05) (TF.js differs: it uses std 1).
 */
const INITIALIZERS: Record<string, Initializer> = {
  zeros: constant(0),
  ones: constant(1),
  constant: constant(0),
  identity: identity(1),
  orthogonal: orthogonal(1),
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

const ALIASES: Record<string, string> = {
  normal: 'randomNormal',
  uniform: 'randomUniform',
  // Keras 3's class names as `initializers.get` accepts them
  orthogonalInitializer: 'orthogonal',
  identityInitializer: 'identity',
};

/**
 * `'glorot_uniform'` → `'glorotUniform'`, and Keras' class names `'GlorotUniform'` → `'glorotUniform'`;
 * camelCase names pass unchanged.
 */
function camelCase(name: string): string {
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return camel.charAt(0).toLowerCase() + camel.slice(1);
}

/** The canonical (camelCase) name of an initializer, or throws a RangeError listing the known ones. */
export function initializerName(name: string): string {
  const camel = camelCase(name);
  const canonical = ALIASES[camel] ?? camel;
  if (!Object.hasOwn(INITIALIZERS, canonical)) {
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

/**
 * Keras 3's initializers with their arguments (`keras.initializers.Orthogonal(gain=2)` is
 * `initializers.orthogonal({ gain: 2 })`): each returns an {@link Initializer}. By name (a string
 * in `kernelInitializer`) they take Keras' defaults.
 *
 * @example
 * const init = initializers.orthogonal({ gain: 2 });
 * const w = init(3 * 3, 3, 3, new Rng(1));   // a 3 × 3 matrix with orthogonal columns of norm 2
 */
export const initializers = {
  zeros: (): Initializer => constant(0),
  ones: (): Initializer => constant(1),
  /** `Constant(value=0.0)`. */
  constant: (opts: { value?: number } = {}): Initializer =>
    constant(checkOptions('constant', opts, { value: { type: 'number', optional: true } }).value ?? 0),
  /** `Identity(gain=1.0)`. */
  identity: (opts: { gain?: number } = {}): Initializer =>
    identity(checkOptions('identity', opts, { gain: { type: 'number', optional: true } }).gain ?? 1),
  /** `Orthogonal(gain=1.0)`. */
  orthogonal: (opts: { gain?: number } = {}): Initializer =>
    orthogonal(checkOptions('orthogonal', opts, { gain: { type: 'number', optional: true } }).gain ?? 1),
  /** `TruncatedNormal(mean=0.0, stddev=0.05)`. */
  truncatedNormal: (opts: { mean?: number; stddev?: number } = {}): Initializer => {
    const o = checkOptions('truncatedNormal', opts, {
      mean: { type: 'number', optional: true },
      stddev: { type: 'positive-number', optional: true },
    });
    return truncatedNormalAround(o.mean ?? 0, o.stddev ?? 0.05);
  },
  glorotUniform: (): Initializer => INITIALIZERS.glorotUniform!,
  glorotNormal: (): Initializer => INITIALIZERS.glorotNormal!,
  heUniform: (): Initializer => INITIALIZERS.heUniform!,
  heNormal: (): Initializer => INITIALIZERS.heNormal!,
  lecunUniform: (): Initializer => INITIALIZERS.lecunUniform!,
  lecunNormal: (): Initializer => INITIALIZERS.lecunNormal!,
  /** `VarianceScaling(scale=1.0, mode="fan_in", distribution="truncated_normal")`. */
  varianceScaling: (
    opts: {
      scale?: number;
      mode?: 'fanIn' | 'fanOut' | 'fanAvg';
      distribution?: 'truncatedNormal' | 'uniform';
    } = {},
  ): Initializer => {
    const o = checkOptions('varianceScaling', opts, {
      scale: { type: 'positive-number', optional: true },
      mode: { type: 'string', optional: true },
      distribution: { type: 'string', optional: true },
    });
    const mode = o.mode ?? 'fanIn';
    const distribution = o.distribution ?? 'truncatedNormal';
    if (
      !['fanIn', 'fanOut', 'fanAvg'].includes(mode) ||
      !['truncatedNormal', 'uniform'].includes(distribution)
    ) {
      throw new RangeError(
        `varianceScaling: mode must be 'fanIn', 'fanOut' or 'fanAvg' and distribution 'truncatedNormal' ` +
          `or 'uniform', got '${mode}', '${distribution}' (mode 또는 distribution 값이 올바르지 않습니다)`,
      );
    }
    return varianceScaling(o.scale ?? 1, mode, distribution);
  },
};
