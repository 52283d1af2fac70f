/**
 * CIFAR-10 from the official "binary version" (https://www.cs.toronto.edu/~kriz/cifar.html): 50,000
 * training images in `data_batch_1.bin` … `data_batch_5.bin` and 10,000 test images in
 * `test_batch.bin`, 32 × 32 colour, 10 classes named in `batches.meta.txt`. Each record is one label
 * byte and then 3,072 bytes: the red plane (32 rows of 32), then green, then blue. The data cannot be
 * installed from npm, so the instructor downloads it once and names its folder; nothing downloads at
 * run time.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatasetError } from './errors.js';
import type { ImageSet } from './image-set.js';

/** Where to get the files, for the error message. */
export const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';

const SIDE = 32;
const PLANE = SIDE * SIDE;
/** One record: the label byte and three colour planes. */
export const CIFAR10_RECORD = 1 + 3 * PLANE;

export const CIFAR10_TRAIN_FILES = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);
export const CIFAR10_TEST_FILE = 'test_batch.bin';
export const CIFAR10_META_FILE = 'batches.meta.txt';

/** CIFAR-10's training and test sets and its class names (`airplane`, `automobile`, …). */
export interface Cifar10 {
  train: ImageSet;
  test: ImageSet;
  classNames: string[];
}

/**
 * Loads CIFAR-10 from `dir`, the folder that holds `data_batch_1.bin` (the archive unpacks into
 * `cifar-10-batches-bin/`; that folder or its parent will do). Images come back NHWC (row, column,
 * red-green-blue), as Keras's `channels_last`.
 * @example const { train, classNames } = loadCifar10('/data/cifar-10-batches-bin'); // train.shape [50000, 32, 32, 3]
 * @throws DatasetError when the folder or a file is missing (saying where to download it and where to
 * put it), or a file is not CIFAR-10's binary format
 */
export function loadCifar10(dir: string): Cifar10 {
  const folder = findFolder(dir);
  return {
    train: concat(CIFAR10_TRAIN_FILES.map((file) => readBatch(folder, file))),
    test: readBatch(folder, CIFAR10_TEST_FILE),
    classNames: readClassNames(folder),
  };
}

function findFolder(dir: string): string {
  const candidates = [dir, path.join(dir, 'cifar-10-batches-bin')];
  const found = candidates.find((d) => existsSync(path.join(d, CIFAR10_TRAIN_FILES[0]!)));
  if (found) return found;
  throw new DatasetError(
    dir,
    `CIFAR-10 파일(${CIFAR10_TRAIN_FILES[0]} 등)이 이 폴더에 없습니다. ${CIFAR10_URL} 에서 "CIFAR-10 binary version"을 내려받아 풀고(tar xzf cifar-10-binary.tar.gz), 생긴 cifar-10-batches-bin 폴더(또는 그 상위 폴더)를 알려 주세요.`,
    `the CIFAR-10 files (${CIFAR10_TRAIN_FILES[0]}, …) are not in this folder. Download the "CIFAR-10 binary version" from ${CIFAR10_URL}, unpack it (tar xzf cifar-10-binary.tar.gz) and name the cifar-10-batches-bin folder it makes (or its parent).`,
  );
}

function readFile(folder: string, file: string): Uint8Array {
  const at = path.join(folder, file);
  try {
    return readFileSync(at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(
      at,
      `CIFAR-10 파일을 읽을 수 없습니다(${code}): 압축을 푼 폴더에 ${file}이(가) 있어야 합니다 (${CIFAR10_URL}).`,
      `cannot read this CIFAR-10 file (${code}): the unpacked folder must hold ${file} (${CIFAR10_URL}).`,
    );
  }
}

/** One batch file: records of a label byte and three 32 × 32 planes, turned into NHWC. */
function readBatch(folder: string, file: string): ImageSet {
  const bytes = readFile(folder, file);
  const at = path.join(folder, file);
  if (bytes.length === 0 || bytes.length % CIFAR10_RECORD !== 0) {
    throw new DatasetError(
      at,
      `크기가 ${bytes.length}바이트로, 레코드 하나(${CIFAR10_RECORD}바이트)의 배수가 아닙니다: 잘렸거나 CIFAR-10 바이너리 파일이 아닙니다(파이썬 버전은 다른 형식입니다).`,
      `its size, ${bytes.length} bytes, is not a multiple of one record (${CIFAR10_RECORD} bytes): truncated, or not CIFAR-10's binary version (the Python version is another format).`,
    );
  }
  const count = bytes.length / CIFAR10_RECORD;
  const images = new Uint8Array(count * 3 * PLANE);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const record = n * CIFAR10_RECORD;
    const label = bytes[record]!;
    if (label > 9) {
      throw new DatasetError(
        at,
        `${n}번째 레코드(바이트 ${record})의 레이블이 ${label}입니다: 0–9여야 합니다. 파일이 깨졌거나 CIFAR-100 파일입니다.`,
        `record ${n} (byte ${record}) has label ${label}: labels are 0–9. The file is corrupt, or it is CIFAR-100.`,
      );
    }
    labels[n] = label;
    // planes R, G, B of 1024 bytes each → pixels of 3 bytes each
    const pixels = record + 1;
    const out = n * 3 * PLANE;
    for (let p = 0; p < PLANE; p++) {
      images[out + 3 * p] = bytes[pixels + p]!;
      images[out + 3 * p + 1] = bytes[pixels + PLANE + p]!;
      images[out + 3 * p + 2] = bytes[pixels + 2 * PLANE + p]!;
    }
  }
  return { images, labels, shape: [count, SIDE, SIDE, 3] };
}

function concat(sets: ImageSet[]): ImageSet {
  const count = sets.reduce((n, s) => n + s.shape[0], 0);
  const images = new Uint8Array(count * 3 * PLANE);
  const labels = new Uint8Array(count);
  let n = 0;
  for (const s of sets) {
    images.set(s.images, n * 3 * PLANE);
    labels.set(s.labels, n);
    n += s.shape[0];
  }
  return { images, labels, shape: [count, SIDE, SIDE, 3] };
}

function readClassNames(folder: string): string[] {
  const names = new TextDecoder()
    .decode(readFile(folder, CIFAR10_META_FILE))
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (names.length !== 10) {
    throw new DatasetError(
      path.join(folder, CIFAR10_META_FILE),
      `클래스 이름이 10개여야 하는데 ${names.length}개입니다.`,
      `it should name 10 classes, one per line, but names ${names.length}.`,
    );
  }
  return names;
}
