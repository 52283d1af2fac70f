/**
 * Just enough of the WebAssembly binary format to write one module by hand: numbers (LEB128), names,
 * sections, and the instructions our matmul kernel uses. The bytes follow the spec
 * (https://webassembly.github.io/spec/core/binary/); every instruction below names its opcode.
 */

/** Unsigned LEB128: 7 bits per byte, high bit set on every byte but the last. */
export function u32(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (for `i32.const`). */
export function s32(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector: its length, then its items. */
export function vec(items: number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

/** A section: id, byte size, contents. */
export function section(id: number, contents: number[]): number[] {
  return [id, ...u32(contents.length), ...contents];
}

/** A UTF-8 name. */
export function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...u32(bytes.length), ...bytes];
}

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;

/** A memory access's alignment (log2 bytes) and constant offset. */
function memarg(alignLog2: number, offset: number): number[] {
  return [...u32(alignLog2), ...u32(offset)];
}

/** SIMD instructions are 0xfd followed by their number in LEB128. */
function simd(code: number, ...rest: number[]): number[] {
  return [0xfd, ...u32(code), ...rest];
}

/** The instructions the kernel is written with, as byte arrays to concatenate. */
export const op = {
  block: [0x02, 0x40], // a block without results
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...u32(depth)],
  brIf: (depth: number) => [0x0d, ...u32(depth)],
  get: (local: number) => [0x20, ...u32(local)],
  set: (local: number) => [0x21, ...u32(local)],
  tee: (local: number) => [0x22, ...u32(local)],
  i32Const: (value: number) => [0x41, ...s32(value)],
  i32Load: (offset = 0) => [0x28, ...memarg(2, offset)],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32GeU: [0x4f],
  v128Load: (offset = 0) => simd(0x00, ...memarg(3, offset)),
  /** Loads one f64 and copies it into both lanes. */
  v128Load64Splat: (offset = 0) => simd(0x0a, ...memarg(3, offset)),
  v128Store: (offset = 0) => simd(0x0b, ...memarg(3, offset)),
  v128Zero: simd(0x0c, ...new Array<number>(16).fill(0)),
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
} as const;
