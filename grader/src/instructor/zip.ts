/**
 * A small zip writer (deflate, Unix file modes), enough for the Gradescope autograder's archive:
 * no dependency, and the same bytes on every platform an instructor exports from (no `zip` binary on
 * Windows). Files only: unzip makes the folders a path names.
 */
import { deflateRawSync } from 'node:zlib';

/** One file of the archive: its path (`/` separators), content and Unix mode (e.g. 0o755). */
export interface ZipEntry {
  path: string;
  content: Buffer;
  mode: number;
}

/** CRC-32 (IEEE), the checksum zip stores for each file. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A fixed time (1 January 2026) for every entry: the same files give the same archive. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/**
 * The zip archive of `entries`, in their order.
 *
 * @example
 * ```ts
 * writeFileSync('a.zip', zip([{ path: 'run_autograder', content: Buffer.from('#!/bin/sh\n'), mode: 0o755 }]));
 * ```
 */
export function zip(entries: readonly ZipEntry[]): Buffer {
  // Beyond these a zip needs its 64-bit extension, which this writer does not have.
  if (entries.length > 0xffff) throw new RangeError(`too many files for a zip: ${entries.length}`);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const deflated = deflateRawSync(entry.content);
    // Stored as is when deflate does not help (small or compressed files).
    const store = deflated.length >= entry.content.length;
    const data = store ? entry.content : deflated;
    const crc = crc32(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // the name is UTF-8
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix (3): the external attributes hold a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38); // a regular file, and its mode
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  if (offset > 0xffffffff) throw new RangeError(`too large for a zip: ${offset} bytes`);
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
