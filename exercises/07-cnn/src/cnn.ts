/**
 * Exercise 07 — a convolutional network on the handwritten digits (starter: replace each `throw new NotImplemented(...)` with your code).
 *
 * 1. `conv2dNaive`: the convolution of one image with one filter, by loops ('valid' padding).
 * 2. `outputShape` and `paramCount`: what a Conv2D or MaxPooling2D layer makes of its input, by formula.
 * 3. `makeConvModel`: Keras's mnist_convnet (34,826 parameters), compiled.
 * 4. `train`: that model trained on the images the grader hands over, with a learning rate that falls
 *    from 0.003 to 0 over the training (a `PolynomialDecay` schedule).
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
// biome-ignore-all lint/correctness/noUnusedImports: the stubs use these imports once the TODOs are done.
// biome-ignore-all lint/correctness/noUnusedVariables: EPOCHS, BATCH_SIZE and LEARNING_RATE are used once train is done.
// biome-ignore-all lint/style/useImportType: makeConvModel calls `new Sequential()`; a type-only import would make that a ReferenceError.
import {
  Adam,
  ByteRows,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  type History,
  MaxPooling2D,
  PolynomialDecay,
  Sequential,
  setSeed,
  tensor,
} from '@gradschool/autograd';
import { NotImplemented } from '@gradschool/exercise-kit';

/**
 * The convolution of `image` (height × width numbers) with `kernel` (kh × kw), 'valid' padding,
 * step 1: out[i][j] = Σₐ Σᵦ image[i + a][j + b] · kernel[a][b] + bias. As in Keras, the kernel is
 * not flipped (mathematicians call this cross-correlation).
 * @example conv2dNaive([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 0], [0, 1]]) // [[6, 8], [12, 14]]
 */
export function conv2dNaive(image: number[][], kernel: number[][], bias = 0): number[][] {
  // TODO: out has (h − kh + 1) rows and (w − kw + 1) columns; each value is the sum of the
  // window's pixels times the kernel's weights at the same place, plus bias. Kernel not flipped.
  throw new NotImplemented('conv2dNaive');
}

/** One image's shape: `[height, width, channels]`. */
export type Shape3 = [number, number, number];

/** A Conv2D layer's settings, as `new Conv2D(filters, kernelSize, { strides, padding, useBias })` takes them. */
export interface ConvSpec {
  kind: 'Conv2D';
  filters: number;
  kernelSize: [number, number];
  strides: [number, number];
  padding: 'valid' | 'same';
  useBias: boolean;
}

/** A MaxPooling2D layer's settings, as `new MaxPooling2D({ poolSize, strides, padding })` takes them. */
export interface PoolSpec {
  kind: 'MaxPooling2D';
  poolSize: [number, number];
  strides: [number, number];
  padding: 'valid' | 'same';
}

export type LayerSpec = ConvSpec | PoolSpec;

/**
 * The shape of one image after `layer`, by formula.
 * @example outputShape({ kind: 'Conv2D', filters: 32, kernelSize: [3, 3], strides: [1, 1], padding: 'valid', useBias: true }, [28, 28, 1]) // [26, 26, 32]
 */
export function outputShape(layer: LayerSpec, input: Shape3): Shape3 {
  // TODO: [height, width, channels] after the layer. 'valid': ⌊(size − window) / stride⌋ + 1,
  // 'same': ⌈size / stride⌉ on each side; channels: the filters (Conv2D) or unchanged (pooling).
  throw new NotImplemented('outputShape');
}

/**
 * The number of weights `layer` learns: a Conv2D has one kh × kw × channels kernel per filter, plus
 * one bias per filter; pooling learns nothing.
 * @example paramCount({ kind: 'Conv2D', filters: 64, kernelSize: [3, 3], ... useBias: true }, [13, 13, 32]) // 18496
 */
export function paramCount(layer: LayerSpec, input: Shape3): number {
  // TODO: Conv2D: kh · kw · input channels · filters, plus one bias per filter when useBias.
  // MaxPooling2D learns nothing.
  throw new NotImplemented('paramCount');
}

/** Keras's mnist_convnet, compiled with adam, categorical cross-entropy and accuracy. */
export function makeConvModel(): Sequential {
  // TODO: new Sequential(); Conv2D 32 3×3 relu (inputShape [28, 28, 1]), MaxPooling2D 2, Conv2D 64 3×3 relu,
  // MaxPooling2D 2, Flatten, Dropout 0.5, Dense 10 softmax; compile with 'adam',
  // 'categorical_crossentropy' and metrics ['accuracy']; return the model.
  throw new NotImplemented('makeConvModel');
}

/** The training images the grader hands over: `count` images of 28 × 28 bytes, and their labels. */
export interface TrainingImages {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** The epochs and batch size of the README: enough for the grader's bar within its time limit. */
const EPOCHS = 2;
const BATCH_SIZE = 8;
/** Adam's learning rate at the first step; it then falls in a straight line to 0 at the last step. */
const LEARNING_RATE = 0.003;

/**
 * `makeConvModel()` trained on `data` after `setSeed(seed)`: bytes / 255 as input, one-hot labels,
 * compiled again with Adam on a learning rate that falls from LEARNING_RATE to 0 over every step.
 */
export function train(data: TrainingImages, seed: number): { model: Sequential; history: History } {
  // TODO: setSeed(seed), then makeConvModel(); x = new ByteRows(data.images, [28, 28, 1]) (bytes / 255),
  // y = the labels one-hot, a tensor [count, 10].
  // steps = EPOCHS · ⌈count / BATCH_SIZE⌉ (the updates fit makes); compile the model again with
  // new Adam({ learningRate: new PolynomialDecay({ initialLearningRate: LEARNING_RATE, decaySteps: steps,
  // endLearningRate: 0 }) }), the same loss and metrics; model.fit(x, y, { epochs: EPOCHS,
  // batchSize: BATCH_SIZE, verbose: 0 }); return { model, history }.
  throw new NotImplemented('train');
}
