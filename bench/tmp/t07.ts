import { performance } from 'node:perf_hooks';
import {
  ByteRows,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  Input,
  MaxPooling2D,
  Sequential,
  tensor,
} from '@gradschool/autograd';
import { loadMnist, oneHot, subset } from '@gradschool/datasets';

const { train, test } = loadMnist();
const ts = subset(test, 1000, 2);
for (const [n, epochs, batch] of [
  [4000, 2, 32],
  [6000, 1, 32],
  [3000, 3, 32],
  [6000, 2, 64],
]) {
  const s = subset(train, n, 1);
  const m = new Sequential(
    [
      new Input({ shape: [28, 28, 1] }),
      new Conv2D(32, [3, 3], { activation: 'relu' }),
      new MaxPooling2D({ poolSize: [2, 2] }),
      new Conv2D(64, [3, 3], { activation: 'relu' }),
      new MaxPooling2D({ poolSize: [2, 2] }),
      new Flatten(),
      new Dropout(0.5),
      new Dense(10, { activation: 'softmax' }),
    ],
    { seed: 1 },
  );
  m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const t = performance.now();
  m.fit(new ByteRows(s.images, [28, 28, 1]), tensor(oneHot(s.labels), { shape: [n, 10] }), {
    epochs,
    batchSize: batch,
    verbose: 0,
  });
  const ms = performance.now() - t;
  const acc = m.evaluate(
    new ByteRows(ts.images, [28, 28, 1]),
    tensor(oneHot(ts.labels), { shape: [1000, 10] }),
    { batchSize: 100 },
  ).accuracy!;
  console.log(
    `${n} x ${epochs} batch ${batch}: ${ms.toFixed(0)} ms (${(((n * epochs) / ms) * 1000).toFixed(0)}/s), acc ${(acc * 100).toFixed(1)}`,
  );
}
