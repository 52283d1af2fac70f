/**
 * numpy/PyTorch-like text for tensors: `tensor([[0.2119, 0.2119, 0.5761]])`. Columns are right-aligned
 * to one width; whole numbers print without decimals; big tensors (> 1000 values) show 3 entries at
 * each end of every axis around `...`; long rows wrap at 80 characters.
 */
import type { Tensor } from './tensor.js';

const SUMMARIZE_ABOVE = 1000;
const EDGE = 3;
const LINE_WIDTH = 80;

/** Indices shown along an axis of size n; -1 marks the `...`. */
function shownIndices(n: number, summarize: boolean): number[] {
  if (!summarize || n <= 2 * EDGE) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < EDGE; i++) out.push(i);
  out.push(-1);
  for (let i = n - EDGE; i < n; i++) out.push(i);
  return out;
}

/** A formatter shared by every value of the tensor, so columns line up. */
function numberFormat(values: readonly number[]): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const special = (v: number): string | null =>
    Number.isNaN(v)
      ? 'nan'
      : v === Number.POSITIVE_INFINITY
        ? 'inf'
        : v === Number.NEGATIVE_INFINITY
          ? '-inf'
          : null;
  if (finite.every((v) => Number.isInteger(v) && Math.abs(v) < 1e15)) {
    return (v) => special(v) ?? String(v === 0 ? 0 : v);
  }
  const abs = finite.map(Math.abs).filter((v) => v > 0);
  const big = Math.max(0, ...abs);
  const small = Math.min(Number.POSITIVE_INFINITY, ...abs);
  const scientific = big >= 1e8 || small < 1e-4;
  // numpy writes two exponent digits: 1.0000e-05
  const sci = (v: number): string =>
    v.toExponential(4).replace(/e([+-])(\d)$/, (_, sign, d) => `e${sign}0${d}`);
  return (v) => special(v) ?? (scientific ? sci(v) : v.toFixed(4));
}

/** The text `print()` shows. @example formatTensor(tensor([1.5, 2])) // 'tensor([1.5000, 2.0000])' */
export function formatTensor(t: Tensor): string {
  const prefix = 'tensor(';
  if (t.rank === 0) return `${prefix}${numberFormat([t.data[0]!])(t.data[0]!)})`;
  const summarize = t.size > SUMMARIZE_ABOVE;
  const strides: number[] = [];
  let s = 1;
  for (let i = t.rank - 1; i >= 0; i--) {
    strides[i] = s;
    s *= t.shape[i]!;
  }
  // gather the values that will be shown, to pick one format and one width for all of them
  const shown: number[] = [];
  const collect = (axis: number, offset: number): void => {
    for (const i of shownIndices(t.shape[axis]!, summarize)) {
      if (i < 0) continue;
      if (axis === t.rank - 1) shown.push(t.data[offset + i]!);
      else collect(axis + 1, offset + i * strides[axis]!);
    }
  };
  collect(0, 0);
  const fmt = numberFormat(shown);
  const width = Math.max(0, ...shown.map((v) => fmt(v).length));
  const cell = (v: number): string => fmt(v).padStart(width);

  const render = (axis: number, offset: number, indent: number): string => {
    const indices = shownIndices(t.shape[axis]!, summarize);
    if (axis === t.rank - 1) {
      const items = indices.map((i) => (i < 0 ? '...' : cell(t.data[offset + i]!)));
      const lines: string[] = [];
      let line = '';
      for (const item of items) {
        const piece = line === '' ? item : `${line}, ${item}`;
        if (line !== '' && indent + piece.length + 2 > LINE_WIDTH) {
          lines.push(`${line},`);
          line = item;
        } else {
          line = piece;
        }
      }
      lines.push(line);
      return `[${lines.join(`\n${' '.repeat(indent + 1)}`)}]`;
    }
    const separator = `,${'\n'.repeat(t.rank - axis - 1)}${' '.repeat(indent + 1)}`;
    const parts = indices.map((i) =>
      i < 0 ? '...' : render(axis + 1, offset + i * strides[axis]!, indent + 1),
    );
    return `[${parts.join(separator)}]`;
  };
  return `${prefix}${render(0, 0, prefix.length)})`;
}
