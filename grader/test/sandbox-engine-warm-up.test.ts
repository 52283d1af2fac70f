/**
 * The engine's warm-up in a pre-started child (`engine-warm-up.ts`): it trains the XOR model, and a
 * grading in a warmed-up child sees exactly what it sees in a fresh one (the same seeded training,
 * the same numbers from the engine's shared default generator).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type LoadedExercise } from '../src/core/discover.js';
import { gradeExercise } from '../src/core/run.js';
import {
  ENGINE_DEFAULT_SEED,
  isWarmUpEngine,
  type WarmUpEngine,
  warmUpEngine,
} from '../src/sandbox/engine-warm-up.js';
import { WarmSandboxes } from '../src/sandbox/warm.js';

/** An exercise folder whose node_modules holds the engine and the exercise kit. */
const ENGINE_MODULES = fileURLToPath(new URL('../../exercises/05-optimizers/node_modules', import.meta.url));
const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'grade-warm-up-')));
const warm = new WarmSandboxes();
let exercise: LoadedExercise;

const CHECKS = `import { defineChecks, pass } from '@gradschool/exercise-kit';
import type * as Student from './src/numbers.js';

export default defineChecks<typeof Student>([
  {
    id: 'numbers',
    title: { ko: '수', en: 'Numbers' },
    points: 1,
    probe: (student) => student.numbers(),
    judge: (got) => pass({ ko: JSON.stringify(got), en: JSON.stringify(got) }),
  },
]);
`;

/** A seeded training run and draws from the engine's default generator. */
const STUDENT = `import { Adam, Dense, defaultRng, Sequential } from '@gradschool/autograd';
export function numbers() {
  const model = new Sequential({ seed: 3 });
  model.add(new Dense(3, { inputDim: 2, activation: 'sigmoid' }));
  model.add(new Dense(2, { activation: 'softmax' }));
  model.compile({ optimizer: new Adam(), loss: 'categoricalCrossentropy' });
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const y = [[1, 0], [0, 1], [0, 1], [1, 0]];
  const history = model.fit(x, y, { epochs: 20, verbose: 0, seed: 3 });
  return { draws: [defaultRng().next(), defaultRng().next()], losses: history.loss };
}
`;

beforeAll(async () => {
  const dir = path.join(root, 'exercises', '01-numbers');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  const text = { ko: 'numbers', en: 'numbers' };
  const manifest = {
    id: '01-numbers',
    order: 1,
    title: text,
    summary: text,
    lecture: { section: text, slides: ['1'] },
    files: ['src/numbers.ts'],
    hints: [text, text, text],
    timeLimitMs: 5000,
  };
  writeFileSync(path.join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(path.join(dir, 'exercise.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'checks.ts'), CHECKS);
  writeFileSync(path.join(dir, 'src', 'numbers.ts'), STUDENT);
  symlinkSync(ENGINE_MODULES, path.join(dir, 'node_modules'), 'dir');
  [exercise] = (await discover(root)).exercises as [LoadedExercise];
});

afterAll(() => {
  warm.close();
  rmSync(root, { recursive: true, force: true });
});

/** What the probe saw, graded with the pool of pre-started children or without. */
async function numbersSeen(pool?: WarmSandboxes): Promise<unknown> {
  const result = await gradeExercise(exercise, {
    root,
    seed: 1,
    lang: 'en',
    source: 'src',
    ...(pool ? { warm: pool } : {}),
  });
  expect(result.status).toBe('pass');
  return JSON.parse(result.checks[0]!.message.en);
}

describe('the engine warm-up', () => {
  it('trains the XOR model from both initializers, then resets the default generator', () => {
    const calls: string[] = [];
    const engine: WarmUpEngine = {
      Sequential: class {
        add() {}
        compile() {}
        fit(_x: unknown, _y: unknown, opts: { epochs: number }) {
          calls.push(`fit ${opts.epochs}`);
        }
        evaluate() {
          calls.push('evaluate');
        }
      },
      Dense: class {
        constructor(units: number, opts: { kernelInitializer: string }) {
          calls.push(`dense ${units} ${opts.kernelInitializer}`);
        }
      },
      Adam: class {},
      Rng: class {
        constructor(readonly seed: number) {}
      },
      setDefaultRng: (rng) => calls.push(`reset ${(rng as { seed: number }).seed}`),
    };
    warmUpEngine(engine, 7);
    expect(calls).toEqual([
      'dense 5 glorotUniform',
      'dense 2 glorotUniform',
      'fit 7',
      'evaluate',
      'dense 5 normal',
      'dense 2 normal',
      'fit 7',
      'evaluate',
      `reset ${ENGINE_DEFAULT_SEED}`,
    ]);
    expect(isWarmUpEngine(engine)).toBe(true);
    expect(isWarmUpEngine({ ...engine, Adam: undefined })).toBe(false);
    expect(isWarmUpEngine(null)).toBe(false);
  });

  it('changes nothing a grading sees: a warmed-up child answers as a fresh one', async () => {
    const fresh = await numbersSeen();
    await numbersSeen(warm); // the first grading starts the child that then waits, warmed up
    expect(warm.waitingPid).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time to load and warm up
    expect(await numbersSeen(warm)).toEqual(fresh);
  }, 30_000);
});
