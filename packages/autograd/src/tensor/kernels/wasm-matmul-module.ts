/**
 * The bytes of a WebAssembly module (SIMD, two f64 lanes per instruction) that multiplies packed
 * matrices, written instruction by instruction: this file is the source of the `.wasm`, and it is
 * assembled when the engine loads (no build step, nothing downloaded).
 *
 * `matmul(ap, bp, cw, ip, cntp, mb, nb, k)` computes `Cw = A·B` for matrices packed by
 * `wasm-matmul.ts` into the module's memory (all arguments are byte addresses or counts):
 * - A in blocks of 4 rows: block `ib` holds, for each packed column `p`, the 4 values `A[4ib..4ib+3][p]` (32 bytes) at `ap + ib·k·32`; the list of those `p` (i32) is at
 *   `ip + ib·k·4` and its length at `cntp + ib·4`. The packer may leave out all-zero columns, when
 *   B is all finite (then they add only ±0; see `zero-skip.ts`).
 * - B in panels of 4 columns: panel `jb` holds `B[p][4jb..4jb+3]` for p = 0..k-1 at `bp + jb·k·32`.
 * - Cw: `4·mb` rows of `4·nb` f64, row-major, written (not added to).
 * Each 4x4 block of C stays in 8 SIMD registers while the shared dimension is walked, so every value
 * loaded from A or B is used four times — the same idea as `matmul-kernels.ts`, with two lanes.
 */
import { I32, name, op, section, u32, V128, vec } from './wasm-encoding.js';

// parameters
const AP = 0;
const BP = 1;
const CW = 2;
const IP = 3;
const CNTP = 4;
const MB = 5;
const NB = 6;
const K = 7;
// locals
const IB = 8;
const JB = 9;
const A_BLOCK = 10;
const I_BLOCK = 11;
const I_END = 12;
const I_PTR = 13;
const A_PTR = 14;
const B_PANEL = 15;
const B_PTR = 16;
const C_PTR = 17;
const ROW_BYTES = 18;
const ROW_PTR = 19;
const ACC = 20; // 8 accumulators: row s of the block, lanes 0-1 at ACC+2s, lanes 2-3 at ACC+2s+1
const B0 = 28;
const B1 = 29;
const SPLAT = 30;

/** `local += value` for an i32 local. */
function addTo(local: number, value: number[]): number[] {
  return [...op.get(local), ...value, ...op.i32Add, ...op.set(local)];
}

/** The innermost loop: over the packed columns p of this row block, acc += A[s][p] · B[p][4 columns]. */
function innerLoop(): number[] {
  const rows: number[] = [];
  for (let s = 0; s < 4; s++) {
    rows.push(...op.get(A_PTR), ...op.v128Load64Splat(8 * s), ...op.set(SPLAT));
    for (const [lane, b] of [
      [0, B0],
      [1, B1],
    ] as const) {
      const acc = ACC + 2 * s + lane;
      rows.push(
        ...op.get(acc),
        ...op.get(SPLAT),
        ...op.get(b),
        ...op.f64x2Mul,
        ...op.f64x2Add,
        ...op.set(acc),
      );
    }
  }
  return [
    ...op.block,
    ...op.loop,
    ...op.get(I_PTR),
    ...op.get(I_END),
    ...op.i32GeU,
    ...op.brIf(1),
    // B_PTR = panel + p·32; load B[p][0..1] and B[p][2..3]
    ...op.get(I_PTR),
    ...op.i32Load(),
    ...op.i32Const(5),
    ...op.i32Shl,
    ...op.get(B_PANEL),
    ...op.i32Add,
    ...op.tee(B_PTR),
    ...op.v128Load(0),
    ...op.set(B0),
    ...op.get(B_PTR),
    ...op.v128Load(16),
    ...op.set(B1),
    ...rows,
    ...addTo(A_PTR, op.i32Const(32)),
    ...addTo(I_PTR, op.i32Const(4)),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
}

/** One 4x4 block of C: clear the accumulators, run the inner loop, store the 4 rows. */
function blockBody(): number[] {
  const clear: number[] = [];
  for (let i = 0; i < 8; i++) clear.push(...op.v128Zero, ...op.set(ACC + i));
  const store: number[] = [...op.get(C_PTR), ...op.set(ROW_PTR)];
  for (let s = 0; s < 4; s++) {
    store.push(...op.get(ROW_PTR), ...op.get(ACC + 2 * s), ...op.v128Store(0));
    store.push(...op.get(ROW_PTR), ...op.get(ACC + 2 * s + 1), ...op.v128Store(16));
    store.push(...addTo(ROW_PTR, op.get(ROW_BYTES)));
  }
  return [
    ...clear,
    ...op.get(I_BLOCK),
    ...op.set(I_PTR),
    ...op.get(A_BLOCK),
    ...op.set(A_PTR),
    ...innerLoop(),
    ...store,
  ];
}

/** The function body: for each row block, for each column panel, one block. */
function matmulBody(): number[] {
  // byte offset of the block row `ib` in a per-block array of k entries of `shift` log2 bytes
  const blockOffset = (base: number, shift: number) => [
    ...op.get(IB),
    ...op.get(K),
    ...op.i32Mul,
    ...op.i32Const(shift),
    ...op.i32Shl,
    ...op.get(base),
    ...op.i32Add,
  ];
  const columnLoop = [
    ...op.i32Const(0),
    ...op.set(JB),
    ...op.get(BP),
    ...op.set(B_PANEL),
    ...op.block,
    ...op.loop,
    ...op.get(JB),
    ...op.get(NB),
    ...op.i32GeU,
    ...op.brIf(1),
    ...blockBody(),
    ...addTo(C_PTR, op.i32Const(32)),
    ...addTo(B_PANEL, [...op.get(K), ...op.i32Const(5), ...op.i32Shl]),
    ...addTo(JB, op.i32Const(1)),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
  return [
    ...op.get(NB),
    ...op.i32Const(5),
    ...op.i32Shl,
    ...op.set(ROW_BYTES),
    ...op.block,
    ...op.loop,
    ...op.get(IB),
    ...op.get(MB),
    ...op.i32GeU,
    ...op.brIf(1),
    ...blockOffset(AP, 5),
    ...op.set(A_BLOCK),
    ...blockOffset(IP, 2),
    ...op.set(I_BLOCK),
    // I_END = I_BLOCK + count·4
    ...op.get(IB),
    ...op.i32Const(2),
    ...op.i32Shl,
    ...op.get(CNTP),
    ...op.i32Add,
    ...op.i32Load(),
    ...op.i32Const(2),
    ...op.i32Shl,
    ...op.get(I_BLOCK),
    ...op.i32Add,
    ...op.set(I_END),
    // C_PTR = cw + ib·4·rowBytes
    ...op.get(IB),
    ...op.get(ROW_BYTES),
    ...op.i32Mul,
    ...op.i32Const(2),
    ...op.i32Shl,
    ...op.get(CW),
    ...op.i32Add,
    ...op.set(C_PTR),
    ...columnLoop,
    ...addTo(IB, op.i32Const(1)),
    ...op.br(0),
    ...op.end,
    ...op.end,
    ...op.end, // end of the function
  ];
}

/** The whole module: one function `matmul` (8 i32 parameters) and its exported memory `memory`. */
export function matmulModuleBytes(): Uint8Array {
  const params = new Array<number>(8).fill(I32);
  // locals after the parameters: IB..ROW_PTR are i32, ACC..SPLAT are v128 (all start at zero)
  const locals = vec([
    [...u32(ACC - IB), I32],
    [...u32(SPLAT + 1 - ACC), V128],
  ]);
  const body = [...locals, ...matmulBody()];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vec([[0x60, ...vec(params.map((t) => [t])), ...vec([])]])), // type: (8 x i32) -> ()
    ...section(3, vec([u32(0)])), // function 0 has type 0
    ...section(5, vec([[0x00, ...u32(1)]])), // memory: 1 page to start, grown on demand
    ...section(
      7,
      vec([
        [...name('matmul'), 0x00, ...u32(0)],
        [...name('memory'), 0x02, ...u32(0)],
      ]),
    ),
    ...section(10, vec([[...u32(body.length), ...body]])),
  ]);
}
