/**
 * Warming up the engine in a pre-started sandbox child, while it waits for the next save.
 *
 * Why: a fresh child runs the engine's code in V8's interpreter until it gets hot. Measured with
 * `node --cpu-prof` on `05-optimizers` (27,000 XOR epochs in its checks), the first XOR training
 * checks then take about twice as long as the same checks once the engine is compiled: 130-240 ms
 * against 100-160 ms after this warm-up (bench/README.md). The warm-up trains the lecture's XOR model
 * (the shape every training check of the course uses) with the engine's own optimizer, so `Dense`,
 * `Sequential.fit`, the activations, the loss, autograd and `evaluate` are compiled before the
 * student's code loads.
 *
 * Only the course's own, trusted engine runs here, never an exercise's checks or a student's file,
 * and the child is still used for one grading only. What it leaves behind does not change any result:
 * every model here has its own seed, and the engine's shared default generator is reset to the state
 * it starts in (`new Rng(42)`), so a check that draws from it sees the same numbers as in a fresh child.
 */

/** The parts of `@gradschool/autograd` the warm-up uses (the grader does not depend on the engine). */
export interface WarmUpEngine {
  Sequential: new (opts: {
    seed: number;
  }) => {
    add(layer: unknown): void;
    compile(opts: { optimizer: unknown; loss: string; metrics: string[] }): void;
    fit(x: number[][], y: number[][], opts: { epochs: number; verbose: 0; seed: number }): unknown;
    evaluate(x: number[][], y: number[][]): unknown;
  };
  Dense: new (
    units: number,
    opts: { inputDim?: number; kernelInitializer: string; activation: string },
  ) => unknown;
  Adam: new () => unknown;
  Rng: new (seed: number) => unknown;
  setDefaultRng(rng: unknown): void;
}

/** The engine's default generator's seed when it loads (`packages/autograd/src/random.ts`). */
export const ENGINE_DEFAULT_SEED = 42;

/** Epochs per warm-up run: enough for V8 to compile the hot paths (about 0.1 s in all). */
export const WARM_UP_EPOCHS = 400;

const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

/** True when `engine` (a module namespace) has what the warm-up uses. */
export function isWarmUpEngine(engine: unknown): engine is WarmUpEngine {
  const e = engine as Partial<Record<keyof WarmUpEngine, unknown>> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    ['Sequential', 'Dense', 'Adam', 'Rng', 'setDefaultRng'].every(
      (name) => typeof e[name as keyof WarmUpEngine] === 'function',
    )
  );
}

/**
 * Trains the lecture's XOR model briefly, from both initializers the checks use, then resets the
 * engine's default generator.
 *
 * @example
 * ```ts
 * const engine = await import('@gradschool/autograd');
 * if (isWarmUpEngine(engine)) warmUpEngine(engine);
 * ```
 */
export function warmUpEngine(engine: WarmUpEngine, epochs: number = WARM_UP_EPOCHS): void {
  try {
    for (const kernelInitializer of ['glorotUniform', 'normal']) {
      const model = new engine.Sequential({ seed: 1 });
      model.add(new engine.Dense(5, { inputDim: 2, kernelInitializer, activation: 'sigmoid' }));
      model.add(new engine.Dense(2, { kernelInitializer, activation: 'softmax' }));
      model.compile({ optimizer: new engine.Adam(), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      model.fit(XOR_X, XOR_Y, { epochs, verbose: 0, seed: 1 });
      model.evaluate(XOR_X, XOR_Y);
    }
  } finally {
    engine.setDefaultRng(new engine.Rng(ENGINE_DEFAULT_SEED));
  }
}
