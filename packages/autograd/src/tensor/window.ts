/**
 * Sliding windows over an image's height and width, shared by convolution and pooling: how many
 * windows fit and how much zero padding goes before the first, the way Keras (TensorFlow) counts.
 *
 * - `'valid'`: no padding; only windows entirely inside the image: out = ⌊(in − k) / stride⌋ + 1.
 * - `'same'`: out = ⌈in / stride⌉ (the same size when stride is 1); the padding needed,
 *   max((out − 1)·stride + k − in, 0), is split with the smaller half *before* (top/left) and the
 *   rest after — TensorFlow's split, which Keras uses, so an odd padding puts the extra row at the
 *   bottom and the extra column on the right.
 */
import { formatShape } from './shape.js';

/** How windows treat the image's edges (Keras's `padding`). */
export type Padding = 'valid' | 'same';

/** A size along height and width: one number for both, or `[height, width]`. */
export type Size2 = number | readonly [number, number];

/** One axis of a sliding window: its size, step, the output length and the padding before it. */
export interface WindowAxis {
  /** Window size along this axis. */
  size: number;
  /** Step between windows. */
  stride: number;
  /** How many windows fit (the output's length along this axis). */
  out: number;
  /** Zero rows (or columns) added before the first input row; the first window starts at −padBefore. */
  padBefore: number;
}

/** Reads a `Size2` as `[height, width]`, refusing anything but positive integers. */
export function pair(op: string, name: string, value: Size2): [number, number] {
  const [h, w] = typeof value === 'number' ? [value, value] : value;
  for (const v of [h, w]) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(
        `${op}: ${name} must be a positive integer or a pair of them, got ${JSON.stringify(value)}` +
          ` / ${name}은(는) 양의 정수이거나 그 두 개여야 합니다`,
      );
    }
  }
  return [h, w];
}

/** The windows along one axis of length `inSize`. */
export function windowAxis(
  op: string,
  inSize: number,
  size: number,
  stride: number,
  padding: Padding,
  shape: readonly number[],
): WindowAxis {
  if (padding === 'same') {
    const out = Math.ceil(inSize / stride);
    const total = Math.max((out - 1) * stride + size - inSize, 0);
    return { size, stride, out, padBefore: Math.floor(total / 2) };
  }
  if (padding !== 'valid') {
    throw new RangeError(`${op}: padding must be 'valid' or 'same', got ${JSON.stringify(padding)}`);
  }
  if (inSize < size) {
    throw new RangeError(
      `${op}: a ${size}-wide window does not fit in an input of ${inSize} (shape ${formatShape(shape)})` +
        ` with padding 'valid'; use padding 'same' or a smaller window` +
        ` / 'valid'에서는 크기 ${size}의 창이 길이 ${inSize}인 입력에 들어가지 않습니다`,
    );
  }
  return { size, stride, out: Math.floor((inSize - size) / stride) + 1, padBefore: 0 };
}

/** Checks that `x` is a batch of images `[batch, height, width, channels]` (Keras's `channels_last`). */
export function expectImages(op: string, shape: readonly number[]): [number, number, number, number] {
  if (shape.length !== 4) {
    throw new RangeError(
      `${op}: expects images [batch, height, width, channels], got shape ${formatShape(shape)}` +
        ` / 입력은 [배치, 높이, 너비, 채널] 모양의 이미지여야 합니다`,
    );
  }
  return [shape[0]!, shape[1]!, shape[2]!, shape[3]!];
}
