/**
 * Plain-loop references for convolution and pooling, written straight from the definitions (no
 * im2col, no shared windows code): what `conv.ts` and `pool.ts` are compared with, forward and
 * backward. Padding follows TensorFlow's 'same' rule, derived here on its own.
 */
import fc from 'fast-check';
export interface Geometry {
  batch: number;
  height: number;
  width: number;
  channels: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  padding: 'valid' | 'same';
}

/**
 * Random geometries where at least one window fits with 'valid' padding: up to `batch` images, windows
 * up to `kernel` wide, strides up to `stride`, up to `channels` channels, up to `extra` pixels more
 * than the window on each side.
 */
export function geometryArb(max: {
  batch: number;
  kernel: number;
  stride: number;
  channels: number;
  extra: number;
}): fc.Arbitrary<Geometry> {
  const upTo = (n: number, min = 1) => fc.integer({ min, max: n });
  return fc
    .record({
      batch: upTo(max.batch),
      kh: upTo(max.kernel),
      kw: upTo(max.kernel),
      sh: upTo(max.stride),
      sw: upTo(max.stride),
      channels: upTo(max.channels),
      extraH: upTo(max.extra, 0),
      extraW: upTo(max.extra, 0),
      padding: fc.constantFrom('valid' as const, 'same' as const),
    })
    .map(({ extraH, extraW, ...g }) => ({ ...g, height: g.kh + extraH, width: g.kw + extraW }));
}

/** Output length and padding before, along one axis. */
export function axis(inSize: number, k: number, s: number, padding: 'valid' | 'same'): [number, number] {
  if (padding === 'valid') return [Math.floor((inSize - k) / s) + 1, 0];
  const out = Math.ceil(inSize / s);
  const pad = Math.max((out - 1) * s + k - inSize, 0);
  return [out, Math.floor(pad / 2)];
}

const at = (g: Geometry, b: number, r: number, c: number, ch: number): number =>
  ((b * g.height + r) * g.width + c) * g.channels + ch;

/**
 * The six-deep loop: out[b,i,j,f] = Σ x[b, i·sh−top+p, j·sw−left+q, c]·k[p,q,c,f]. Positions off the
 * image are skipped, or, with `padZeros`, read as 0 and multiplied (numpy's `np.pad` then the sum:
 * 0·Inf is NaN there, which matters only for non-finite kernels and gradients).
 */
export function naiveConv(
  x: ArrayLike<number>,
  k: ArrayLike<number>,
  g: Geometry,
  filters: number,
  padZeros = false,
): { out: number[]; shape: number[] } {
  const [oh, top] = axis(g.height, g.kh, g.sh, g.padding);
  const [ow, left] = axis(g.width, g.kw, g.sw, g.padding);
  const out: number[] = [];
  for (let b = 0; b < g.batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let f = 0; f < filters; f++) {
          let s = 0;
          for (let p = 0; p < g.kh; p++)
            for (let q = 0; q < g.kw; q++) {
              const r = i * g.sh - top + p;
              const c = j * g.sw - left + q;
              const off = r < 0 || r >= g.height || c < 0 || c >= g.width;
              if (off && !padZeros) continue;
              for (let ch = 0; ch < g.channels; ch++)
                s +=
                  (off ? 0 : x[at(g, b, r, c, ch)]!) * k[((p * g.kw + q) * g.channels + ch) * filters + f]!;
            }
          out.push(s);
        }
  return { out, shape: [g.batch, oh, ow, filters] };
}

/** d(Σ w·conv)/dx and /dk for upstream gradient `w`, by the same loops (`padZeros` as in `naiveConv`). */
export function naiveConvGrads(
  x: ArrayLike<number>,
  k: ArrayLike<number>,
  w: ArrayLike<number>,
  g: Geometry,
  filters: number,
  padZeros = false,
): { dx: number[]; dk: number[] } {
  const [oh, top] = axis(g.height, g.kh, g.sh, g.padding);
  const [ow, left] = axis(g.width, g.kw, g.sw, g.padding);
  const dx = new Array<number>(x.length).fill(0);
  const dk = new Array<number>(k.length).fill(0);
  let o = 0;
  for (let b = 0; b < g.batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let f = 0; f < filters; f++, o++)
          for (let p = 0; p < g.kh; p++)
            for (let q = 0; q < g.kw; q++) {
              const r = i * g.sh - top + p;
              const c = j * g.sw - left + q;
              if (r < 0 || r >= g.height || c < 0 || c >= g.width) {
                if (padZeros) {
                  for (let ch = 0; ch < g.channels; ch++)
                    dk[((p * g.kw + q) * g.channels + ch) * filters + f]! += w[o]! * 0;
                }
                continue;
              }
              for (let ch = 0; ch < g.channels; ch++) {
                const ki = ((p * g.kw + q) * g.channels + ch) * filters + f;
                const xi = at(g, b, r, c, ch);
                dx[xi]! += w[o]! * k[ki]!;
                dk[ki]! += w[o]! * x[xi]!;
              }
            }
  return { dx, dk };
}

/** Max or average pooling, with the positions inside the image only. */
export function naivePool(
  kind: 'max' | 'avg',
  x: ArrayLike<number>,
  g: Geometry,
): { out: number[]; shape: number[]; from: number[][] } {
  const [oh, top] = axis(g.height, g.kh, g.sh, g.padding);
  const [ow, left] = axis(g.width, g.kw, g.sw, g.padding);
  const out: number[] = [];
  const from: number[][] = []; // the input indices each output read
  for (let b = 0; b < g.batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let ch = 0; ch < g.channels; ch++) {
          const read: number[] = [];
          for (let p = 0; p < g.kh; p++)
            for (let q = 0; q < g.kw; q++) {
              const r = i * g.sh - top + p;
              const c = j * g.sw - left + q;
              if (r >= 0 && r < g.height && c >= 0 && c < g.width) read.push(at(g, b, r, c, ch));
            }
          const values = read.map((n) => x[n]!);
          out.push(kind === 'max' ? Math.max(...values) : values.reduce((s, v) => s + v, 0) / values.length);
          from.push(read);
        }
  return { out, shape: [g.batch, oh, ow, g.channels], from };
}
