/**
 * Pooling over a batch of images `[batch, height, width, channels]`, as Keras's `MaxPooling2D` and
 * `AveragePooling2D` compute it: each channel on its own, one output per window. With padding
 * `'same'`, the windows at the edges hang over the image and only their positions *inside* it count
 * (TensorFlow's rule): a maximum ignores the padding, and an average divides by the number of real
 * positions, not by the window's size. Also `flatten`, which Keras's `Flatten` layer is.
 */

import { checkOptions } from '../options.js';
import { fromOp, gradData } from './autograd.js';
import { allocFloats } from './kernels/alloc.js';
import { reshape } from './shape-ops.js';
import type { Tensor } from './tensor.js';
import { expectImages, type Padding, pair, type Size2, type WindowAxis, windowAxis } from './window.js';

/** Options of `maxPool2d` and `avgPool2d`. */
export interface Pool2dOptions {
  /** Window size, `[height, width]` or one number for both (default 2, as Keras). */
  poolSize?: Size2;
  /** Step between windows (default: the pool size, so windows do not overlap). */
  strides?: Size2;
  /** `'valid'` (default) or `'same'`. */
  padding?: Padding;
}

interface PoolPlan {
  batch: number;
  height: number;
  width: number;
  channels: number;
  rows: WindowAxis;
  cols: WindowAxis;
}

function planPool(op: string, x: Tensor, options: Pool2dOptions): PoolPlan {
  checkOptions(op, options, {
    poolSize: { type: ['positive-integer', 'array'], optional: true },
    strides: { type: ['positive-integer', 'array'], optional: true },
    padding: { type: 'string', oneOf: ['valid', 'same'], optional: true },
  });
  const [batch, height, width, channels] = expectImages(op, x.shape);
  const [ph, pw] = pair(op, 'poolSize', options.poolSize ?? 2);
  const [sh, sw] = pair(op, 'strides', options.strides ?? [ph, pw]);
  const padding = options.padding ?? 'valid';
  return {
    batch,
    height,
    width,
    channels,
    rows: windowAxis(op, height, ph, sh, padding, x.shape),
    cols: windowAxis(op, width, pw, sw, padding, x.shape),
  };
}

/**
 * Calls `visit(outIndex, inStart, count)` for every output position and channel 0: `inStart` is the
 * flat index of the window's first in-image position, and the window's in-image positions are
 * `inStart + r·rowStep + c·channels` for r < rowsIn, c < colsIn (the caller adds the channel).
 */
function forEachWindow(
  plan: PoolPlan,
  visit: (out: number, start: number, rowsIn: number, colsIn: number, rowStep: number) => void,
): void {
  const { batch, height, width, channels, rows, cols } = plan;
  const rowStep = width * channels;
  let out = 0;
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < rows.out; i++) {
      const top = Math.max(i * rows.stride - rows.padBefore, 0);
      const bottom = Math.min(i * rows.stride - rows.padBefore + rows.size, height);
      for (let j = 0; j < cols.out; j++) {
        const left = Math.max(j * cols.stride - cols.padBefore, 0);
        const right = Math.min(j * cols.stride - cols.padBefore + cols.size, width);
        visit(out, ((b * height + top) * width + left) * channels, bottom - top, right - left, rowStep);
        out += channels;
      }
    }
  }
}

/**
 * The maximum of each window, per channel. A NaN in a window wins (as `max` does). The gradient goes
 * to the position that held the maximum (the first one, if several tie).
 * @example maxPool2d(tensor([[[[1], [2]], [[3], [4]]]])).toArray() // [[[[4]]]]
 */
export function maxPool2d(x: Tensor, options: Pool2dOptions = {}): Tensor {
  const plan = planPool('maxPool2d', x, options);
  const { channels } = plan;
  const size = plan.batch * plan.rows.out * plan.cols.out * channels;
  const out = allocFloats(size);
  const winner = new Int32Array(size); // the input index each output came from
  const xd = x.data;
  forEachWindow(plan, (o, start, rowsIn, colsIn, rowStep) => {
    for (let ch = 0; ch < channels; ch++) {
      let best = Number.NEGATIVE_INFINITY;
      let at = -1;
      for (let r = 0; r < rowsIn; r++) {
        for (let c = 0; c < colsIn; c++) {
          const k = start + r * rowStep + c * channels + ch;
          const v = xd[k]!;
          if (at === -1 || v > best || (Number.isNaN(v) && !Number.isNaN(best))) {
            best = v;
            at = k;
          }
        }
      }
      out[o + ch] = best;
      winner[o + ch] = at;
    }
  });
  return fromOp(out, [plan.batch, plan.rows.out, plan.cols.out, channels], 'maxPool2d', [x], (g) => {
    const gx = gradData(x);
    for (let o = 0; o < size; o++) gx[winner[o]!]! += g[o]!;
  });
}

/**
 * The average of each window, per channel, over the window's positions inside the image.
 * @example avgPool2d(tensor([[[[1], [2]], [[3], [4]]]])).toArray() // [[[[2.5]]]]
 */
export function avgPool2d(x: Tensor, options: Pool2dOptions = {}): Tensor {
  const plan = planPool('avgPool2d', x, options);
  const { channels } = plan;
  const size = plan.batch * plan.rows.out * plan.cols.out * channels;
  const out = allocFloats(size);
  const xd = x.data;
  forEachWindow(plan, (o, start, rowsIn, colsIn, rowStep) => {
    const n = rowsIn * colsIn;
    for (let ch = 0; ch < channels; ch++) {
      let total = 0;
      for (let r = 0; r < rowsIn; r++) {
        for (let c = 0; c < colsIn; c++) total += xd[start + r * rowStep + c * channels + ch]!;
      }
      out[o + ch] = total / n;
    }
  });
  return fromOp(out, [plan.batch, plan.rows.out, plan.cols.out, channels], 'avgPool2d', [x], (g) => {
    const gx = gradData(x);
    forEachWindow(plan, (o, start, rowsIn, colsIn, rowStep) => {
      const n = rowsIn * colsIn;
      for (let ch = 0; ch < channels; ch++) {
        const share = g[o + ch]! / n;
        for (let r = 0; r < rowsIn; r++) {
          for (let c = 0; c < colsIn; c++) gx[start + r * rowStep + c * channels + ch]! += share;
        }
      }
    });
  });
}

/**
 * Keeps the first (batch) axis and flattens the rest: `[batch, h, w, c]` → `[batch, h·w·c]`, in
 * row-major order as Keras's `Flatten` (`channels_last`). A 1-D input becomes `[batch, 1]`.
 * @example flatten(zeros([32, 5, 5, 64])).shape // [32, 1600]
 */
export function flatten(x: Tensor): Tensor {
  if (x.rank === 0) {
    throw new RangeError('flatten: needs a batch axis; got a scalar / 배치 축이 있는 텐서여야 합니다');
  }
  const batch = x.shape[0]!;
  return reshape(x, [batch, batch === 0 ? 0 : x.size / batch]);
}
