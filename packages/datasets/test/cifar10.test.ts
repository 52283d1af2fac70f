/**
 * The CIFAR-10 loader on small files generated here in exactly the official binary format (the real
 * data cannot be installed from npm): record layout, the planes → NHWC conversion, class names, and
 * the errors for a missing folder, a truncated batch and a corrupt label.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CIFAR10_META_FILE,
  CIFAR10_RECORD,
  CIFAR10_TEST_FILE,
  CIFAR10_TRAIN_FILES,
  CIFAR10_URL,
  DatasetError,
  loadCifar10,
} from '../src/index.js';

const CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** A record whose red, green and blue values encode the image number, the position and the plane. */
function record(label: number, image: number): Uint8Array {
  const r = new Uint8Array(CIFAR10_RECORD);
  r[0] = label;
  for (let plane = 0; plane < 3; plane++) {
    for (let p = 0; p < 1024; p++) r[1 + plane * 1024 + p] = (image * 7 + p * 3 + plane) % 256;
  }
  return r;
}

function batch(labels: number[], firstImage: number): Uint8Array {
  const out = new Uint8Array(labels.length * CIFAR10_RECORD);
  labels.forEach((label, i) => {
    out.set(record(label, firstImage + i), i * CIFAR10_RECORD);
  });
  return out;
}

const root = mkdtempSync(path.join(tmpdir(), 'cifar-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `cifar-10-batches-bin/` as the archive unpacks it: 5 training batches of 3 and a test batch of 2. */
function makeFolder(name: string, change?: (folder: string) => void): string {
  const parent = path.join(root, name);
  const folder = path.join(parent, 'cifar-10-batches-bin');
  mkdirSync(folder, { recursive: true });
  CIFAR10_TRAIN_FILES.forEach((file, b) => {
    writeFileSync(path.join(folder, file), batch([b, (b + 3) % 10, 9], b * 3));
  });
  writeFileSync(path.join(folder, CIFAR10_TEST_FILE), batch([3, 8], 100));
  writeFileSync(path.join(folder, CIFAR10_META_FILE), `${CLASSES.join('\n')}\n\n`);
  change?.(folder);
  return parent;
}

describe('loadCifar10', () => {
  it('reads the five training batches in order and the test batch, as NHWC bytes', () => {
    const data = loadCifar10(makeFolder('good'));
    expect(data.train.shape).toEqual([15, 32, 32, 3]);
    expect(data.test.shape).toEqual([2, 32, 32, 3]);
    expect(Array.from(data.train.labels)).toEqual([0, 3, 9, 1, 4, 9, 2, 5, 9, 3, 6, 9, 4, 7, 9]);
    expect(Array.from(data.test.labels)).toEqual([3, 8]);
    expect(data.classNames).toEqual(CLASSES);
    // image 4 of the training set, row 5, column 6: red, green, blue from the three planes
    const image = 4;
    const p = 5 * 32 + 6;
    const at = (image * 1024 + p) * 3;
    expect(Array.from(data.train.images.subarray(at, at + 3))).toEqual(
      [0, 1, 2].map((plane) => (image * 7 + p * 3 + plane) % 256),
    );
    // the test set's second image is image 101 of the generator
    const t = (1 * 1024 + p) * 3;
    expect(data.test.images[t + 2]).toBe((101 * 7 + p * 3 + 2) % 256);
  });

  it('takes the unpacked folder itself as well as its parent', () => {
    const parent = makeFolder('either');
    expect(loadCifar10(path.join(parent, 'cifar-10-batches-bin')).train.shape[0]).toBe(15);
  });

  it('says where to download the data and where to put it when the folder has none', () => {
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    expect(() => loadCifar10(empty)).toThrow(DatasetError);
    expect(() => loadCifar10(empty)).toThrow(
      new RegExp(`${CIFAR10_URL.replace(/[.]/g, '\\.')}[\\s\\S]*cifar-10-batches-bin`),
    );
    expect(() => loadCifar10(empty)).toThrow(/내려받아/);
  });

  it('names a truncated batch and a corrupt label', () => {
    const truncated = makeFolder('truncated', (folder) =>
      writeFileSync(
        path.join(folder, 'data_batch_3.bin'),
        batch([1, 2], 0).subarray(0, CIFAR10_RECORD + 100),
      ),
    );
    expect(() => loadCifar10(truncated)).toThrow(/data_batch_3\.bin\)$/);
    expect(() => loadCifar10(truncated)).toThrow(
      /3173 bytes, is not a multiple of one record \(3073 bytes\)/,
    );
    const corrupt = makeFolder('corrupt', (folder) =>
      writeFileSync(path.join(folder, CIFAR10_TEST_FILE), batch([3, 57], 0)),
    );
    expect(() => loadCifar10(corrupt)).toThrow(/record 1 \(byte 3073\) has label 57/);
    const missing = makeFolder('missing', (folder) => rmSync(path.join(folder, 'data_batch_5.bin')));
    expect(() => loadCifar10(missing)).toThrow(/ENOENT[\s\S]*data_batch_5\.bin/);
    const names = makeFolder('names', (folder) =>
      writeFileSync(path.join(folder, CIFAR10_META_FILE), 'cat\ndog\n'),
    );
    expect(() => loadCifar10(names)).toThrow(/should name 10 classes, one per line, but names 2/);
  });
});
