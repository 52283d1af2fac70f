/**
 * The IDX format of the original MNIST files (http://yann.lecun.com/exdb/mnist/, "FILE FORMATS"):
 * a 4-byte magic number — two zero bytes, a type byte (0x08: unsigned bytes) and the number of
 * dimensions — then each dimension's size as a big-endian 32-bit integer, then the data, row-major.
 * So images start with 2051 (0x00000803: bytes, 3 dimensions: count, rows, columns) and labels with
 * 2049 (0x00000801: bytes, 1 dimension).
 */
import { DatasetError } from './errors.js';

/** An IDX file's dimensions and its bytes (a view into the file, not a copy). */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** The magic numbers of MNIST's two kinds of file. */
export const IDX_IMAGES = 2051;
export const IDX_LABELS = 2049;

/**
 * Reads an IDX file of unsigned bytes whose magic number must be `expectedMagic`.
 * @param file the file's name, for the error messages
 * @throws DatasetError naming the file and what is wrong: a foreign file, another element type, a
 * header or data shorter than the header says, or bytes left over
 */
export function parseIdx(bytes: Uint8Array, file: string, expectedMagic: number): IdxArray {
  if (bytes.length < 4) {
    throw new DatasetError(
      file,
      `파일이 너무 짧습니다(${bytes.length}바이트): IDX 파일이 아닙니다.`,
      `too short (${bytes.length} bytes) to be an IDX file.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    const hex = `0x${magic.toString(16).padStart(8, '0')}`;
    throw new DatasetError(
      file,
      `IDX 파일의 매직 넘버가 ${expectedMagic}이어야 하는데 ${magic}(${hex})입니다: 다른 파일이거나 압축된(.gz) 파일입니다.`,
      `its IDX magic number should be ${expectedMagic} but is ${magic} (${hex}): another kind of file, or still gzipped.`,
    );
  }
  const rank = bytes[3]!;
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new DatasetError(
      file,
      `머리말(${headerLength}바이트)이 잘렸습니다.`,
      `its header (${headerLength} bytes) is cut short.`,
    );
  }
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerLength;
  if (actual !== expected) {
    const dimsText = dims.join(' × ');
    throw new DatasetError(
      file,
      `머리말은 ${dimsText} = ${expected}바이트라고 하는데 데이터는 ${actual}바이트입니다: ${actual < expected ? '파일이 잘렸습니다(내려받기가 끝나지 않았을 수 있습니다)' : '뒤에 남는 바이트가 있습니다'}.`,
      `its header says ${dimsText} = ${expected} bytes of data but there are ${actual}: ${actual < expected ? 'the file is truncated (an unfinished download?)' : 'bytes are left over'}.`,
    );
  }
  return { dims, data: bytes.subarray(headerLength) };
}
