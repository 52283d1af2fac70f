// A cheat: no model at all, a plain object that reports the slide's layers, adam, and weights
// written by hand, with a History claiming 99.9%. It reads as the slide's model (classes named Dense
// and Adam), so the structure check passes; the judge rebuilds the weights and measures them.
import type { History } from '@gradschool/autograd';

export { confusionMatrix, flattenImages, normalize, oneHot, worstExamples } from './common.js';

class FakeDense {
  readonly kernelInitializer = 'glorotUniform';
  readonly biasInitializer = 'zeros';
  readonly useBias = true;
  constructor(
    readonly units: number,
    readonly activationName: string,
    readonly inputShape: number[] | null,
  ) {}
}

class FakeAdam {
  readonly learningRate = 0.001;
}
// Named as the engine's classes are (the bundler would rename a class called Dense beside the engine's).
Object.defineProperty(FakeDense, 'name', { value: 'Dense' });
Object.defineProperty(FakeAdam, 'name', { value: 'Adam' });

export function makeModel() {
  const weights = [
    { shape: [784, 128], data: Float64Array.from({ length: 784 * 128 }, (_, i) => ((i * 7919) % 13) / 100) },
    { shape: [128], data: new Float64Array(128) },
    { shape: [128, 10], data: Float64Array.from({ length: 1280 }, (_, i) => ((i * 104729) % 17) / 10 - 0.8) },
    { shape: [10], data: new Float64Array(10) },
  ];
  return {
    layers: [new FakeDense(128, 'relu', [784]), new FakeDense(10, 'softmax', null)],
    getWeights: () => weights,
    compiled: { optimizer: new FakeAdam(), loss: 'categorical_crossentropy', metrics: ['accuracy'] },
  };
}

export function train(): History {
  const loss = [0.3, 0.05, 0.01];
  const accuracy = [0.9, 0.99, 0.999];
  return { epoch: [0, 1, 2], history: { loss, accuracy }, loss, accuracy };
}
