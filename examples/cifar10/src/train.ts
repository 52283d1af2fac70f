/**
 * Lecture 3's "다음 시간?" (next time), second half: CIFAR-10 image classification with a Keras-style
 * convolutional network, on the official "CIFAR-10 binary version" files (see README.md).
 *
 *   pnpm --filter @gradschool/example-cifar10 start -- /data/cifar-10-batches-bin
 *   CIFAR10_DIR=/data/cifar-10-batches-bin pnpm --filter @gradschool/example-cifar10 start -- --epochs 5
 *
 * Options: --train N (training images, default 10000), --test N (test images, default 2000),
 * --epochs N (default 3), --batch N (default 32), --seed N (default 1). Prints one line per epoch
 * and the accuracy on the test images; with the data missing it says where to get it and exits 2.
 */
import { pathToFileURL } from 'node:url';
import {
  ByteRows,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  MaxPooling2D,
  Sequential,
  setSeed,
  type Tensor,
  tensor,
} from '@gradschool/autograd';
import { DatasetError, type ImageSet, loadCifar10, oneHot, subset } from '@gradschool/datasets';

export interface Options {
  dir: string;
  train: number;
  test: number;
  epochs: number;
  batch: number;
  seed: number;
}

/** A problem with the command line or the data: printed in both languages, exit code 2, no stack trace. */
class UsageError extends Error {}

const USAGE =
  '사용법 / usage: pnpm --filter @gradschool/example-cifar10 start -- <CIFAR-10 폴더 / folder> ' +
  '[--train N] [--test N] [--epochs N] [--batch N] [--seed N]  (또는 / or CIFAR10_DIR=<folder>)';

const DEFAULTS = { train: 10_000, test: 2000, epochs: 3, batch: 32, seed: 1 };

/** The options from `argv` (without node and the script) and the environment's `CIFAR10_DIR`. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const numbers: Record<string, number> = { ...DEFAULTS };
  let dir = env.CIFAR10_DIR ?? '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      dir = arg;
      continue;
    }
    const name = arg.slice(2);
    const value = Number(argv[++i]);
    if (!(name in DEFAULTS) || !Number.isInteger(value) || value < (name === 'seed' ? 0 : 1))
      throw new UsageError(
        `${arg} ${argv[i] ?? ''}: 알 수 없는 옵션이거나 양의 정수가 아닙니다 / unknown option or not a positive integer.\n${USAGE}`,
      );
    numbers[name] = value;
  }
  if (dir === '')
    throw new UsageError(
      `CIFAR-10 폴더를 알려 주세요 (README.md 참고) / name the CIFAR-10 folder (see README.md).\n${USAGE}`,
    );
  return { dir, ...(numbers as Omit<Options, 'dir'>) };
}

/** Keras-style: two convolution + pooling blocks ('same' padding keeps 32 → 16 → 8), dropout, softmax. */
export function makeModel(): Sequential {
  const model = new Sequential();
  model.add(new Conv2D(32, [3, 3], { activation: 'relu', padding: 'same', inputShape: [32, 32, 3] }));
  model.add(new MaxPooling2D({ poolSize: [2, 2] }));
  model.add(new Conv2D(64, [3, 3], { activation: 'relu', padding: 'same' }));
  model.add(new MaxPooling2D({ poolSize: [2, 2] }));
  model.add(new Flatten());
  model.add(new Dropout(0.5));
  model.add(new Dense(10, { activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

const rowsOf = (set: ImageSet) => new ByteRows(set.images, [32, 32, 3]);
const targetsOf = (set: ImageSet): Tensor => tensor(oneHot(set.labels), { shape: [set.labels.length, 10] });

/** Trains on a seeded subset, one line per epoch, and returns the accuracy on the test subset. */
export function run(options: Options, print: (line: string) => void): number {
  const data = loadCifar10(options.dir);
  const train = subset(data.train, Math.min(options.train, data.train.shape[0]), options.seed);
  const test = subset(data.test, Math.min(options.test, data.test.shape[0]), options.seed + 1);
  print(
    `CIFAR-10: 학습 이미지 ${train.shape[0]}장, 테스트 이미지 ${test.shape[0]}장 / ${train.shape[0]} training images, ${test.shape[0]} test images (${data.classNames.join(', ')})`,
  );
  setSeed(options.seed);
  const model = makeModel();
  print(`모델 / model: ${model.countParams()} parameters`);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = performance.now();
    // One epoch per fit call: the optimizer keeps its state between calls, as in Keras.
    const history = model.fit(rowsOf(train), targetsOf(train), {
      epochs: 1,
      batchSize: options.batch,
      verbose: 0,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    print(
      `Epoch ${epoch}/${options.epochs}: loss ${history.loss[0]!.toFixed(4)}, accuracy ${(history.accuracy?.[0] ?? 0).toFixed(4)} (${seconds} s)`,
    );
  }
  const result = model.evaluate(rowsOf(test), targetsOf(test), { verbose: 0 });
  const accuracy = result.accuracy ?? 0;
  print(`테스트 정답률 / test accuracy: ${(100 * accuracy).toFixed(1)}% (${test.shape[0]} images)`);
  return accuracy;
}

/** The command: 0 when it trained, 2 (with the message in both languages) when it could not start. */
export function main(argv: string[], env: NodeJS.ProcessEnv): number {
  try {
    run(parseOptions(argv, env), (line) => console.log(line));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DatasetError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2), process.env);
}
