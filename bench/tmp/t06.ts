import { performance } from 'node:perf_hooks';
import { ByteRows, Dense, Sequential, tensor } from '@gradschool/autograd';
import { loadMnist, oneHot, subset } from '@gradschool/datasets';

const { train, test } = loadMnist();
const s = subset(train, 20000, 1);
const ts = subset(test, 5000, 2);
for (const batch of [32, 64, 128])
  for (const epochs of [3, 4]) {
    const m = new Sequential(
      [new Dense(128, { inputDim: 784, activation: 'relu' }), new Dense(10, { activation: 'softmax' })],
      { seed: 1 },
    );
    m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const t = performance.now();
    m.fit(new ByteRows(s.images, [784]), tensor(oneHot(s.labels), { shape: [20000, 10] }), {
      epochs,
      batchSize: batch,
      verbose: 0,
    });
    const ms = performance.now() - t;
    const acc = m.evaluate(new ByteRows(ts.images, [784]), tensor(oneHot(ts.labels), { shape: [5000, 10] }), {
      batchSize: 500,
    }).accuracy!;
    console.log(`batch ${batch} epochs ${epochs}: ${ms.toFixed(0)} ms, acc ${(acc * 100).toFixed(2)}`);
  }
