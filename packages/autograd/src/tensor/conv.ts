/**
 * 2-D convolution over a batch of images, as Keras's `Conv2D` computes it (`channels_last`):
 *
 *   out[b, i, j, f] = Σ_{p, q, c} x[b, i·sh − top + p, j·sw − left + q, c] · kernel[p, q, c, f]
 *
 * (positions outside the image read 0). Built on the matmul kernels with "im2col": each output
 * position's window is copied into one row of a matrix, so the whole convolution is one product
 *
 *   cols [positions, kh·kw·cin] · kernel [kh·kw·cin, cout] = out [positions, cout]
 *
 * and the kernel's row-major `[kh, kw, cin, cout]` data already *is* that right-hand matrix, and the
 * product's rows already are the output's NHWC layout. The backward pass is two more products:
 * dKernel = colsᵀ·G, and dCols = G·kernelᵀ, whose rows are added back into the windows they came from
 * ("col2im"). Copying costs kh·kw times the image's size, but the product then runs on the fast
 * (WebAssembly SIMD) kernel. Measured on the MNIST convnet's second layer (32 images of 13×13×32,
 * 3×3×32×64 kernel), the plain six-deep loop of `test/conv-reference.ts` took 5 to 9 times as long.
 *
 * The op can also add the layer's bias and apply its ReLU (TensorFlow.js's `tf.fused.conv2d` does the
 * same): the product is read once, where the kernel left it, and written once, biased and rectified,
 * instead of making three activation-sized arrays (product, sum, ReLU) and their gradients. The
 * backward pass likewise scatters the kernel's `dCols` straight into the image's gradient.
 */

import { checkOptions } from '../options.js';
import { fromOp, gradData, isGradEnabled } from './autograd.js';
import { allocFloats } from './kernels/alloc.js';
import {
  addProductAt,
  addProductBt,
  type ProductView,
  product,
  productBt,
} from './kernels/matmul-dispatch.js';
import { formatShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { expectImages, type Padding, pair, type Size2, type WindowAxis, windowAxis } from './window.js';

/** Options of `conv2d`. */
export interface Conv2dOptions {
  /** Step between windows, `[height, width]` or one number for both (default 1). */
  strides?: Size2;
  /** `'valid'` (default; no padding) or `'same'` (zero padding, output size ⌈in / stride⌉). */
  padding?: Padding;
  /**
   * A bias `[filters]` added to every output position, inside the same op: the same numbers as
   * `conv2d(x, kernel).add(bias)` without a second activation-sized array and its gradient.
   */
  bias?: Tensor;
  /**
   * `'relu'`: max(0, ·) applied inside the op, the numbers and gradients of
   * `relu(conv2d(x, kernel, { bias }))` (`'linear'`, the default, applies nothing).
   */
  activation?: 'linear' | 'relu';
}

/**
 * At most this many numbers in the im2col buffer at once (16 MiB): a large batch is convolved a few
 * images at a time, so memory stays bounded while each product stays large enough to be fast.
 */
const COLS_BUDGET = 2 ** 21;

/** The geometry of one convolution, computed once and used by the forward and backward passes. */
interface ConvPlan {
  batch: number;
  height: number;
  width: number;
  channels: number;
  filters: number;
  rows: WindowAxis;
  cols: WindowAxis;
  /** Output positions per image (out height × out width). */
  positions: number;
  /** Numbers in one window (kh · kw · cin): the inner size of the product. */
  windowSize: number;
  /** Images per im2col chunk. */
  chunk: number;
  /** A 1×1 kernel with stride 1: the image itself is the im2col matrix, no copy needed. */
  pointwise: boolean;
}

/**
 * Convolves images `x` `[batch, height, width, inChannels]` with `kernel`
 * `[kernelHeight, kernelWidth, inChannels, filters]` (Keras's layout), giving
 * `[batch, outHeight, outWidth, filters]`. `{ bias, activation: 'relu' }` adds a bias and applies ReLU in
 * the same op (see {@link Conv2dOptions}).
 * @example
 * const x = tensor([[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]]); // one 3×3 image
 * const k = tensor([[[[1]], [[0]]], [[[0]], [[1]]]]);                     // 2×2: x[i][j] + x[i+1][j+1]
 * conv2d(x, k).toArray() // [[[[6], [8]], [[12], [14]]]]
 * @throws RangeError when the shapes do not fit, naming both
 */
export function conv2d(x: Tensor, kernel: Tensor, options: Conv2dOptions = {}): Tensor {
  const plan = planConv(x, kernel, options);
  const { batch, positions, windowSize, filters, chunk } = plan;
  const bias = options.bias ?? null;
  if (bias !== null && (bias.rank !== 1 || bias.size !== filters)) {
    throw new RangeError(
      `conv2d: the bias must have shape [${filters}] (one number per filter), got ${formatShape(bias.shape)}` +
        ` / 편향은 필터마다 하나씩, [${filters}] 모양이어야 합니다`,
    );
  }
  const relu = options.activation === 'relu';
  const out = allocFloats(batch * positions * filters);
  // One chunk whose gradient will be asked for: its windows are kept for the backward pass.
  const kept =
    !plan.pointwise && chunk === batch && isGradEnabled() && (x.requiresGrad || kernel.requiresGrad);
  const token = {};
  const cols = plan.pointwise
    ? null
    : kept
      ? keptCols(kernel, token, batch * positions * windowSize)
      : scratch('cols', chunk * positions * windowSize);
  for (let first = 0; first < batch; first += chunk) {
    const count = Math.min(chunk, batch - first);
    const rows = count * positions;
    if (cols) im2col(x.data, plan, first, count, cols);
    const xOff = cols ? 0 : first * positions * windowSize;
    const windows = product(cols ?? x.data, xOff, kernel.data, 0, rows, windowSize, filters);
    finishRows(windows, out, first * positions * filters, rows, filters, bias?.data ?? null, relu);
  }
  const shape = [batch, plan.rows.out, plan.cols.out, filters];
  return fromOp(out, shape, 'conv2d', bias === null ? [x, kernel] : [x, kernel, bias], (gOut) => {
    const gx = x.requiresGrad ? gradData(x) : null;
    const gk = kernel.requiresGrad ? gradData(kernel) : null;
    // the gradient before the ReLU: through where the output is positive, 0 elsewhere; the
    // bias's is that, summed over every image and position (in the same pass)
    const gb = bias?.requiresGrad ? gradData(bias) : null;
    const g = relu ? throughRelu(gOut, out, gb, filters) : gOut;
    if (gb !== null && !relu) {
      for (let o = 0; o < g.length; o += filters) for (let f = 0; f < filters; f++) gb[f]! += g[o + f]!;
    }
    // The forward's windows when they are still this call's (no later conv with this kernel
    // refilled them); else built again, a chunk at a time (cheaper than keeping every chunk).
    const same = kept && colsKept.get(kernel)?.token === token;
    const windows = same || plan.pointwise ? cols : scratch('cols', chunk * positions * windowSize);
    for (let first = 0; first < batch; first += chunk) {
      const count = Math.min(chunk, batch - first);
      const rows = count * positions;
      const gOff = first * positions * filters;
      const xOff = first * positions * windowSize;
      if (windows && !same) im2col(x.data, plan, first, count, windows);
      // dKernel[window, f] += colsᵀ · G
      if (gk) addProductAt(windows ?? x.data, windows ? 0 : xOff, g, gOff, gk, 0, rows, windowSize, filters);
      if (!gx) continue;
      if (windows) {
        // dCols = G · kernelᵀ, then every window's gradient goes back where the window was read
        col2im(productBt(g, gOff, kernel.data, 0, rows, windowSize, filters), plan, first, count, gx);
      } else {
        addProductBt(g, gOff, kernel.data, 0, gx, xOff, rows, windowSize, filters);
      }
    }
  });
}

/** Writes `rows` rows of the product into `out`, adding the bias and applying the ReLU on the way. */
function finishRows(
  product: ProductView,
  out: Float64Array,
  outOff: number,
  rows: number,
  filters: number,
  bias: Float64Array | null,
  relu: boolean,
): void {
  const { data, offset, rowStride } = product;
  const b = bias ?? new Float64Array(filters); // no bias: adds zeros, as when `out` started at zeros
  for (let i = 0; i < rows; i++) {
    const from = offset + i * rowStride;
    const to = outOff + i * filters;
    if (relu) for (let f = 0; f < filters; f++) out[to + f] = Math.max(data[from + f]! + b[f]!, 0);
    else for (let f = 0; f < filters; f++) out[to + f] = data[from + f]! + b[f]!;
  }
}

/**
 * `g` where `out` (a ReLU's output) is positive, else 0: relu's backward, as `relu` computes it.
 * Adds each filter's sum of it into `gb` (the bias's gradient) when there is one.
 */
function throughRelu(
  g: Float64Array,
  out: Float64Array,
  gb: Float64Array | null,
  filters: number,
): Float64Array {
  const through = scratch('throughRelu', g.length);
  for (let o = 0; o < g.length; o += filters) {
    for (let f = 0; f < filters; f++) through[o + f] = out[o + f]! > 0 ? g[o + f]! : 0;
    if (gb !== null) for (let f = 0; f < filters; f++) gb[f]! += through[o + f]!;
  }
  return through;
}

/**
 * The im2col matrices, one of each kind, kept between calls and grown when a call needs more: every
 * call fills what it uses before reading it (a backward pass whose forward's windows were not kept,
 * below, builds them again), and a fresh 16 MiB array per call cost more in first-touch page faults
 * than the copying itself.
 */
const scratchArrays = { cols: new Float64Array(0), throughRelu: new Float64Array(0) };

/**
 * The windows of each kernel's last forward pass in training, kept for its backward pass (which
 * otherwise builds them again: half of im2col's time in a convnet step). One array per kernel,
 * reused step after step (no first-touch page faults), at most `COLS_BUDGET` numbers, freed with the
 * kernel; `token` says which call filled it, so a backward pass never reads another call's windows.
 */
const colsKept = new WeakMap<Tensor, { cols: Float64Array; token: object }>();

function keptCols(kernel: Tensor, token: object, n: number): Float64Array {
  let entry = colsKept.get(kernel);
  if (entry === undefined || entry.cols.length < n) {
    entry = { cols: new Float64Array(n), token };
    colsKept.set(kernel, entry);
  }
  entry.token = token;
  return entry.cols.subarray(0, n);
}

function scratch(kind: keyof typeof scratchArrays, n: number): Float64Array {
  if (scratchArrays[kind].length < n) scratchArrays[kind] = new Float64Array(n);
  return scratchArrays[kind].subarray(0, n);
}

function planConv(x: Tensor, kernel: Tensor, options: Conv2dOptions): ConvPlan {
  checkOptions('conv2d', options, {
    strides: { type: ['positive-integer', 'array'], optional: true },
    padding: { type: 'string', oneOf: ['valid', 'same'], optional: true },
    bias: { type: 'object', optional: true },
    activation: { type: 'string', oneOf: ['linear', 'relu'], optional: true },
  });
  const [batch, height, width, channels] = expectImages('conv2d', x.shape);
  if (kernel.rank !== 4) {
    throw new RangeError(
      `conv2d: the kernel must be [kernelHeight, kernelWidth, inChannels, filters], got shape ${formatShape(kernel.shape)}` +
        ' / 커널은 [커널 높이, 커널 너비, 입력 채널, 필터] 모양이어야 합니다',
    );
  }
  const [kh, kw, kc, filters] = kernel.shape as [number, number, number, number];
  if (kc !== channels) {
    throw new RangeError(
      `conv2d: images ${formatShape(x.shape)} have ${channels} channels, the kernel ${formatShape(kernel.shape)} expects ${kc}` +
        ` / 이미지의 채널 수(${channels})와 커널의 입력 채널 수(${kc})가 다릅니다`,
    );
  }
  const [sh, sw] = pair('conv2d', 'strides', options.strides ?? 1);
  const padding = options.padding ?? 'valid';
  const rows = windowAxis('conv2d', height, kh, sh, padding, x.shape);
  const cols = windowAxis('conv2d', width, kw, sw, padding, x.shape);
  const positions = rows.out * cols.out;
  const windowSize = kh * kw * channels;
  const perImage = Math.max(1, positions * windowSize);
  return {
    batch,
    height,
    width,
    channels,
    filters,
    rows,
    cols,
    positions,
    windowSize,
    chunk: Math.max(1, Math.min(batch, Math.floor(COLS_BUDGET / perImage))),
    pointwise: kh === 1 && kw === 1 && sh === 1 && sw === 1,
  };
}

/**
 * Copies the windows of images `first … first+count−1` into `cols`, one window per row: row
 * (image, i, j) holds x[image, i·sh − top + p, j·sw − left + q, c] in (p, q, c) order, 0 off the image.
 * A window row that lies inside the image is one contiguous run of `kw · channels` numbers in both
 * arrays, copied by one flat loop; only windows over the padding go pixel by pixel.
 */
function im2col(x: Float64Array, plan: ConvPlan, first: number, count: number, cols: Float64Array): void {
  const { height, width, channels, rows, cols: across } = plan;
  const rowLength = width * channels;
  const span = across.size * channels;
  let o = 0;
  for (let b = first; b < first + count; b++) {
    const image = b * height * rowLength;
    for (let i = 0; i < rows.out; i++) {
      const top = i * rows.stride - rows.padBefore;
      for (let j = 0; j < across.out; j++) {
        const left = j * across.stride - across.padBefore;
        const inside = left >= 0 && left + across.size <= width;
        for (let p = 0; p < rows.size; p++) {
          const r = top + p;
          if (r < 0 || r >= height) {
            cols.fill(0, o, o + span);
            o += span;
            continue;
          }
          if (inside) {
            const at = image + r * rowLength + left * channels;
            for (let e = 0; e < span; e++) cols[o + e] = x[at + e]!;
            o += span;
            continue;
          }
          for (let q = 0; q < across.size; q++) {
            const c = left + q;
            if (c < 0 || c >= width) {
              cols.fill(0, o, o + channels);
            } else {
              const at = image + r * rowLength + c * channels;
              for (let ch = 0; ch < channels; ch++) cols[o + ch] = x[at + ch]!;
            }
            o += channels;
          }
        }
      }
    }
  }
}

/** The reverse of `im2col`: adds each row of `dCols` into the image positions its window read. */
function col2im(dCols: ProductView, plan: ConvPlan, first: number, count: number, gx: Float64Array): void {
  const { height, width, channels, rows, cols: across } = plan;
  const rowLength = width * channels;
  const span = across.size * channels;
  const { data, rowStride } = dCols;
  let row = dCols.offset;
  for (let b = first; b < first + count; b++) {
    const image = b * height * rowLength;
    for (let i = 0; i < rows.out; i++) {
      const top = i * rows.stride - rows.padBefore;
      for (let j = 0; j < across.out; j++, row += rowStride) {
        const left = j * across.stride - across.padBefore;
        const inside = left >= 0 && left + across.size <= width;
        let o = row;
        for (let p = 0; p < rows.size; p++) {
          const r = top + p;
          if (r < 0 || r >= height) {
            o += span;
            continue;
          }
          if (inside) {
            const at = image + r * rowLength + left * channels;
            for (let e = 0; e < span; e++) gx[at + e]! += data[o + e]!;
            o += span;
            continue;
          }
          for (let q = 0; q < across.size; q++) {
            const c = left + q;
            if (c >= 0 && c < width) {
              const at = image + r * rowLength + c * channels;
              for (let ch = 0; ch < channels; ch++) gx[at + ch]! += data[o + ch]!;
            }
            o += channels;
          }
        }
      }
    }
  }
}
