/** Making tensors: from nested arrays, filled with a constant, ranges, and seeded random values. */
import { checkOptions, describeValue as describe, type OptionSpec } from '../options.js';
import { defaultRng, type Rng } from '../random.js';
import { formatShape, sizeOf } from './shape.js';
import { type NestedArray, Tensor } from './tensor.js';

/** Options shared by the creation functions. */
export interface TensorOptions {
  /** Record operations on this tensor so `backward()` can fill its `grad` (default false). */
  requiresGrad?: boolean;
}

/** Infers the shape of a nested array and checks that it is rectangular and numeric. */
function shapeOfNested(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0]!;
  }
  return shape;
}

/** Copies the numbers of a rectangular nested array into `out`, row-major; `path` names the position on errors. */
function flatten(values: NestedArray, shape: readonly number[], out: Float64Array): void {
  let pos = 0;
  const path: number[] = []; // one mutable index stack, so large inputs allocate nothing per element
  const where = (): string => `[${path.join('][')}]`;
  const walk = (v: NestedArray, axis: number): void => {
    if (axis === shape.length) {
      if (typeof v !== 'number') {
        throw new TypeError(
          `tensor: expected a number at ${where()}, got ${describe(v)} / 숫자가 아닌 값이 있습니다`,
        );
      }
      out[pos++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[axis]) {
      const got = Array.isArray(v) ? `an array of length ${v.length}` : describe(v);
      throw new TypeError(
        `tensor: ragged nested array — expected an array of length ${shape[axis]} at ` +
          `${where()} (shape ${formatShape(shape)}), got ${got} / 중첩 배열의 길이가 고르지 않습니다`,
      );
    }
    if (axis === shape.length - 1) {
      // the innermost rows hold the numbers: copy them in a plain loop
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x !== 'number') {
          path.push(i);
          throw new TypeError(
            `tensor: expected a number at ${where()}, got ${describe(x)} / 숫자가 아닌 값이 있습니다`,
          );
        }
        out[pos++] = x;
      }
      return;
    }
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walk(v[i]!, axis + 1);
      path.pop();
    }
  };
  walk(values, 0);
}

const REQUIRES_GRAD: OptionSpec = { type: 'boolean', optional: true };
const RNG: OptionSpec = { type: 'object', optional: true };
const NUMBER: OptionSpec = { type: 'number', optional: true };

/**
 * A tensor from nested arrays (shape inferred), a number (a scalar), or a flat `Float64Array`
 * (1-D unless `shape` is given; copied).
 * @example tensor([[1, 2], [3, 4]])                      // shape [2, 2]
 * @example tensor([0.5, -1], { requiresGrad: true })     // a parameter
 * @example tensor(new Float64Array(6), { shape: [2, 3] })
 */
export function tensor(
  values: NestedArray | Float64Array,
  opts: TensorOptions & { shape?: number[] } = {},
): Tensor {
  checkOptions('tensor', opts, { requiresGrad: REQUIRES_GRAD, shape: { type: 'array', optional: true } });
  let data: Float64Array;
  let shape: number[];
  if (values instanceof Float64Array) {
    data = values.slice();
    shape = [values.length];
  } else {
    shape = shapeOfNested(values);
    data = new Float64Array(sizeOf(shape));
    flatten(values, shape, data);
  }
  if (opts.shape) {
    if (sizeOf(opts.shape) !== data.length) {
      throw new RangeError(
        `tensor: ${data.length} values do not fit shape ${formatShape(opts.shape)} (${sizeOf(opts.shape)} values)`,
      );
    }
    shape = opts.shape.slice();
  }
  return new Tensor(data, shape, opts.requiresGrad ?? false);
}

function checkShape(op: string, shape: readonly number[]): void {
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new RangeError(`${op}: sizes must be non-negative integers, got ${formatShape(shape)}`);
  }
}

/** A tensor of `value` everywhere. @example full([2, 2], 7) */
export function full(shape: number[], value: number, opts: TensorOptions = {}): Tensor {
  checkOptions('full', opts, { requiresGrad: REQUIRES_GRAD });
  checkShape('full', shape);
  return new Tensor(new Float64Array(sizeOf(shape)).fill(value), shape.slice(), opts.requiresGrad ?? false);
}

/** A tensor of zeros. @example zeros([3]) // [0, 0, 0] */
export function zeros(shape: number[], opts: TensorOptions = {}): Tensor {
  checkOptions('zeros', opts, { requiresGrad: REQUIRES_GRAD });
  return full(shape, 0, opts);
}

/** A tensor of ones. @example ones([2, 1]) // [[1], [1]] */
export function ones(shape: number[], opts: TensorOptions = {}): Tensor {
  checkOptions('ones', opts, { requiresGrad: REQUIRES_GRAD });
  return full(shape, 1, opts);
}

/**
 * Evenly spaced values in [start, stop), like numpy's `arange`; with one argument, [0, start).
 * @example arange(4)        // [0, 1, 2, 3]
 * @example arange(1, 2, 0.25) // [1, 1.25, 1.5, 1.75]
 */
export function arange(start: number, stop?: number, step = 1): Tensor {
  const [lo, hi] = stop === undefined ? [0, start] : [start, stop];
  if (step === 0 || !Number.isFinite(step))
    throw new RangeError(`arange: step must be non-zero, got ${step}`);
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = lo + i * step;
  return new Tensor(data, [n]);
}

/** Options of the random creation functions. */
export interface RandomOptions extends TensorOptions {
  /** The generator to draw from (default: the shared `defaultRng()`). */
  rng?: Rng;
}

/**
 * Samples from a normal distribution (default mean 0, std 1), drawn from a seeded `Rng`.
 * @example randomNormal([2, 3], { std: 0.05, rng: new Rng(1) })
 */
export function randomNormal(
  shape: number[],
  opts: RandomOptions & { mean?: number; std?: number } = {},
): Tensor {
  checkOptions('randomNormal', opts, { rng: RNG, requiresGrad: REQUIRES_GRAD, mean: NUMBER, std: NUMBER });
  checkShape('randomNormal', shape);
  const rng = opts.rng ?? defaultRng();
  const mean = opts.mean ?? 0;
  const std = opts.std ?? 1;
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = rng.normal(mean, std);
  return new Tensor(data, shape.slice(), opts.requiresGrad ?? false);
}

/**
 * Samples uniformly from [min, max) (default [0, 1)), drawn from a seeded `Rng`.
 * @example randomUniform([3], { min: -0.05, max: 0.05, rng: new Rng(1) })
 */
export function randomUniform(
  shape: number[],
  opts: RandomOptions & { min?: number; max?: number } = {},
): Tensor {
  checkOptions('randomUniform', opts, { rng: RNG, requiresGrad: REQUIRES_GRAD, min: NUMBER, max: NUMBER });
  checkShape('randomUniform', shape);
  const rng = opts.rng ?? defaultRng();
  const min = opts.min ?? 0;
  const max = opts.max ?? 1;
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(min, max);
  return new Tensor(data, shape.slice(), opts.requiresGrad ?? false);
}
