/** What `fit`, `predict`, `evaluate` and `setWeights` accept as data, and its conversion to a Tensor. */
import { type NestedArray, Tensor, tensor } from './engine.js';

/** Inputs and targets: nested arrays such as `number[][]`, or a Tensor (batch on axis 0). */
export type Data = NestedArray | Tensor;

/**
 * A model's input as a Tensor: a Tensor as is, nested arrays through `tensor(...)`. `what` names the
 * call in the TypeError thrown for ragged or non-numeric arrays.
 * @example dataToTensor('fit (x)', [[0, 0], [0, 1]]) // Tensor [2, 2]
 * @throws TypeError `predict: ...` when the arrays are not a rectangular block of numbers
 */
export function dataToTensor(what: string, x: Data): Tensor {
  if (x instanceof Tensor) return x;
  if (x === undefined) {
    throw new TypeError(
      `${what}: the data is missing (데이터가 없습니다), e.g. model.fit(x, y, { epochs: 10 })`,
    );
  }
  try {
    return tensor(x);
  } catch (error) {
    throw new TypeError(`${what}: ${(error as Error).message}`);
  }
}

/**
 * Rows that become a tensor only when needed, a batch at a time: what `fit`, `predict` and
 * `evaluate` accept as `x` besides arrays and tensors (Keras takes a `PyDataset` or a generator for
 * the same reason). {@link ByteRows} is one: images kept as bytes.
 */
export interface RowSource {
  /** Number of rows. */
  readonly length: number;
  /** The shape of one row, without the batch axis (`[28, 28, 1]` for an MNIST image). */
  readonly rowShape: readonly number[];
  /** The rows at `indices` as one tensor `[indices.length, ...rowShape]`. */
  take(indices: ArrayLike<number>): Tensor;
}

/**
 * Images (or any rows) kept as bytes and turned into numbers one batch at a time, each byte divided
 * by `divisor` (default 255: bytes 0–255 become 0–1, the same numbers as `normalize` of
 * `@gradschool/datasets`). Training on all 60,000 MNIST images then holds
 * 47 MB of bytes, never a 60,000 × 784 float64 copy (376 MB).
 * @example
 * const { train } = loadMnist();                                   // @gradschool/datasets
 * model.fit(new ByteRows(train.images, [28, 28, 1]), oneHot(train.labels), { batchSize: 128 });
 */
export class ByteRows implements RowSource {
  readonly length: number;
  readonly rowShape: readonly number[];
  private readonly rowSize: number;
  /** `value[b]` = b / divisor for every byte b: one lookup per byte. */
  private readonly value: Float64Array;

  constructor(
    readonly bytes: Uint8Array,
    rowShape: readonly number[],
    readonly divisor = 255,
  ) {
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError('ByteRows: bytes must be a Uint8Array (바이트 배열이 필요합니다)');
    }
    const size = rowShape.reduce((a, b) => a * b, 1);
    if (
      rowShape.length === 0 ||
      !rowShape.every((d) => Number.isInteger(d) && d > 0) ||
      bytes.length % size !== 0
    ) {
      throw new RangeError(
        `ByteRows: ${bytes.length} bytes are not whole rows of shape [${rowShape.join(', ')}] ` +
          `(바이트 수가 한 행 크기 ${size}의 배수가 아닙니다)`,
      );
    }
    if (!(Number.isFinite(divisor) && divisor !== 0)) {
      throw new RangeError(
        `ByteRows: divisor must be a non-zero number, got ${divisor} (0이 아닌 수여야 합니다)`,
      );
    }
    this.value = Float64Array.from({ length: 256 }, (_, b) => b / divisor);
    this.rowShape = [...rowShape];
    this.rowSize = size;
    this.length = bytes.length / size;
  }

  take(indices: ArrayLike<number>): Tensor {
    const { rowSize, bytes, value } = this;
    const out = new Float64Array(indices.length * rowSize);
    for (let r = 0; r < indices.length; r++) {
      const row = indices[r]!;
      if (!(row >= 0 && row < this.length)) {
        throw new RangeError(
          `ByteRows: row ${row} is outside 0…${this.length - 1} (행 번호가 범위를 벗어났습니다)`,
        );
      }
      const from = row * rowSize;
      for (let p = 0; p < rowSize; p++) out[r * rowSize + p] = value[bytes[from + p]!]!;
    }
    return new Tensor(out, [indices.length, ...this.rowShape]);
  }
}

/** True for a {@link RowSource} (duck-typed: any object with `length`, `rowShape` and `take`). */
export function isRowSource(x: unknown): x is RowSource {
  const r = x as Partial<RowSource> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    !(r instanceof Tensor) &&
    !Array.isArray(r) &&
    typeof r.take === 'function' &&
    typeof r.length === 'number' &&
    Array.isArray(r.rowShape)
  );
}

/** A model's rows: a tensor, or a source that makes them on demand. */
export type Rows = Tensor | RowSource;

/** `x` as `Rows`: a row source as is, anything else through {@link dataToTensor}. */
export function toRows(what: string, x: Data | RowSource): Rows {
  return isRowSource(x) ? x : dataToTensor(what, x);
}

/** Number of rows (1 for a scalar tensor). */
export function rowCount(x: Rows): number {
  if (!(x instanceof Tensor)) return x.length;
  return x.rank === 0 ? 1 : x.shape[0]!;
}

/** The shape of one row. */
export function rowShapeOf(x: Rows): readonly number[] {
  return x instanceof Tensor ? x.shape.slice(1) : x.rowShape;
}

/** The rows at `indices` as a tensor. */
export function takeRows(x: Rows, indices: Int32Array): Tensor {
  return x instanceof Tensor ? x.gather(indices) : x.take(indices);
}

/** Rows `[from, to)`: a tensor for a tensor, a view for a source (nothing converted yet). */
export function rowRange(x: Rows, from: number, to: number): Rows {
  if (from === 0 && to === rowCount(x)) return x;
  const idx = new Int32Array(to - from);
  for (let i = 0; i < idx.length; i++) idx[i] = from + i;
  if (x instanceof Tensor) return x.gather(idx);
  const source = x;
  return {
    length: to - from,
    rowShape: source.rowShape,
    take: (indices) => source.take(Int32Array.from(indices as ArrayLike<number>, (i) => i + from)),
  };
}

/** Every row as one tensor (for a source: converted now). */
export function allRows(x: Rows): Tensor {
  if (x instanceof Tensor) return x;
  const idx = new Int32Array(x.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return x.take(idx);
}
