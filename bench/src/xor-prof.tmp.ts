import { Dense, Sequential } from '@gradschool/autograd';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];
function m() {
  const model = new Sequential({ seed: 1 });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}
const n = Number(process.argv[2] ?? 20);
for (let i = 0; i < 3; i++) m().fit(X, Y, { epochs: 1000, batchSize: 4, verbose: 0 });
const t = performance.now();
for (let i = 0; i < n; i++) m().fit(X, Y, { epochs: 1000, batchSize: 4, verbose: 0 });
console.log('ms per fit', (performance.now() - t) / n);
