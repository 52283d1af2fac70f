/**
 * Exercise 07 — a convolutional network on the handwritten digits (reference solution).
 *
 * 1. `conv2dNaive`: the convolution of one image with one filter, by loops ('valid' padding).
 * 2. `outputShape` and `paramCount`: what a Conv2D or MaxPooling2D layer makes of its input, by formula.
 * 3. `makeConvModel`: Keras's mnist_convnet (34,826 parameters), compiled.
 * 4. `train`: that model trained on the images the grader hands over, with a learning rate that falls
 *    from 0.003 to 0 over the training (a `PolynomialDecay` schedule).
 */
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

/**
 * The convolution of `image` (height × width numbers) with `kernel` (kh × kw), 'valid' padding,
 * step 1: out[i][j] = Σₐ Σᵦ image[i + a][j + b] · kernel[a][b] + bias. As in Keras, the kernel is
 * not flipped (mathematicians call this cross-correlation).
 * @example conv2dNaive([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 0], [0, 1]]) // [[6, 8], [12, 14]]
 */
export function conv2dNaive(image: number[][], kernel: number[][], bias = 0): number[][] {
  const [h, w] = [image.length, image[0]!.length];
  const [kh, kw] = [kernel.length, kernel[0]!.length];
  const out: number[][] = [];
  for (let i = 0; i + kh <= h; i++) {
    const row: number[] = [];
    for (let j = 0; j + kw <= w; j++) {
      let sum = bias;
      for (let a = 0; a < kh; a++) {
        for (let b = 0; b < kw; b++) sum += image[i + a]![j + b]! * kernel[a]![b]!;
      }
      row.push(sum);
    }
    out.push(row);
  }
  return out;
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

/** One side of the output: 'valid' keeps the windows that fit, 'same' pads so every step has one. */
function side(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/**
 * The shape of one image after `layer`, by formula.
 * @example outputShape({ kind: 'Conv2D', filters: 32, kernelSize: [3, 3], strides: [1, 1], padding: 'valid', useBias: true }, [28, 28, 1]) // [26, 26, 32]
 */
export function outputShape(layer: LayerSpec, input: Shape3): Shape3 {
  const [h, w, c] = input;
  const window = layer.kind === 'Conv2D' ? layer.kernelSize : layer.poolSize;
  const channels = layer.kind === 'Conv2D' ? layer.filters : c;
  return [
    side(h, window[0], layer.strides[0], layer.padding),
    side(w, window[1], layer.strides[1], layer.padding),
    channels,
  ];
}

/**
 * The number of weights `layer` learns: a Conv2D has one kh × kw × channels kernel per filter, plus
 * one bias per filter; pooling learns nothing.
 * @example paramCount({ kind: 'Conv2D', filters: 64, kernelSize: [3, 3], ... useBias: true }, [13, 13, 32]) // 18496
 */
export function paramCount(layer: LayerSpec, input: Shape3): number {
  if (layer.kind === 'MaxPooling2D') return 0;
  const [kh, kw] = layer.kernelSize;
  return kh * kw * input[2] * layer.filters + (layer.useBias ? layer.filters : 0);
}

/** Keras's mnist_convnet, compiled with adam, categorical cross-entropy and accuracy. */
export function makeConvModel(): Sequential {
  const model = new Sequential();
  model.add(new Conv2D(32, [3, 3], { activation: 'relu', inputShape: [28, 28, 1] }));
  model.add(new MaxPooling2D({ poolSize: [2, 2] }));
  model.add(new Conv2D(64, [3, 3], { activation: 'relu' }));
  model.add(new MaxPooling2D({ poolSize: [2, 2] }));
  model.add(new Flatten());
  model.add(new Dropout(0.5));
  model.add(new Dense(10, { activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

/** The training images the grader hands over: `count` images of 28 × 28 bytes, and their labels. */
export interface TrainingImages {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** Labels as one-hot rows `[count, 10]`: 3 → [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]. */
function oneHotRows(labels: Uint8Array): ReturnType<typeof tensor> {
  const rows = new Float64Array(labels.length * 10);
  labels.forEach((label, i) => {
    rows[i * 10 + label] = 1;
  });
  return tensor(rows, { shape: [labels.length, 10] });
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
  setSeed(seed);
  const model = makeConvModel();
  // fit makes EPOCHS · ⌈count / BATCH_SIZE⌉ updates: the rate reaches 0 at the last one.
  const steps = EPOCHS * Math.ceil(data.count / BATCH_SIZE);
  const learningRate = new PolynomialDecay({
    initialLearningRate: LEARNING_RATE,
    decaySteps: steps,
    endLearningRate: 0,
  });
  model.compile({
    optimizer: new Adam({ learningRate }),
    loss: 'categorical_crossentropy',
    metrics: ['accuracy'],
  });
  // ByteRows divides each byte by 255 one batch at a time: no float copy of every image.
  const x = new ByteRows(data.images, [28, 28, 1]);
  const history = model.fit(x, oneHotRows(data.labels), {
    epochs: EPOCHS,
    batchSize: BATCH_SIZE,
    verbose: 0,
  });
  return { model, history };
}
