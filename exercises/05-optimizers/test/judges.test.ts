import { Adam as EngineAdam } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import { type ComparisonOutput, judgeComparison } from '../checks/comparison.js';
import { OPTIMIZERS } from '../checks/reference.js';
import {
  measureRun,
  REPLAY_EPOCHS,
  type RunResult,
  type RunSpec,
  referenceRun,
  trainXor,
} from '../checks/training.js';
import { judgeXor, XOR_OPTIONS } from '../checks/xor.js';

// judgeXor and judgeComparison judge runs as the judge measured them (`measureRun`, tested below):
// feed them made-up runs and read their verdicts.
const run = (first: number, last: number, accuracy: number, epochs: number): RunResult => ({
  losses: Array.from({ length: epochs }, (_, k) => first + ((last - first) * k) / (epochs - 1)),
  loss: last,
  accuracy,
});

describe("exercise 05's training judges", () => {
  const spec = (seed: number) => ({
    optimizer: 'Adam' as const,
    options: XOR_OPTIONS.Adam,
    kernelInitializer: 'glorotUniform' as const,
    epochs: 500,
    seed,
  });
  const input = { runs: [spec(1), spec(2), spec(3)] };

  it('passes XOR when two of three starts learn, and says how each went', () => {
    const verdict = judgeXor(
      [run(0.7, 0.01, 1, 500), run(0.7, 0.35, 0.75, 500), run(0.7, 0.02, 1, 500)],
      input,
    );
    expect(verdict.pass).toBe(true);
    expect(verdict.message.en).toContain('2 of 3 starts');
    expect(verdict.chart?.series).toHaveLength(3);
  });

  it('fails XOR when only one start learns, naming the optimizer, the seeds and the losses', () => {
    const verdict = judgeXor(
      [run(0.7, 0.01, 1, 500), run(0.7, 0.69, 0.5, 500), run(0.7, 0.35, 0.75, 500)],
      input,
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(
      /Adam\(\{ learningRate: 0.03 \}\).*at least 2.*1 did: seed 1: 0.7 → 0.01/,
    );
    expect(verdict.message.ko).toContain('1번이었습니다');
  });

  it('fails XOR on a NaN loss, naming the epoch', () => {
    const broken = run(0.7, 0.01, 1, 500);
    broken.losses[41] = Number.NaN;
    const verdict = judgeXor([run(0.7, 0.01, 1, 500), broken, run(0.7, 0.01, 1, 500)], input);
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toContain('seed 2), the loss became NaN at epoch 42');
  });

  it('fails XOR on a malformed answer instead of crashing', () => {
    expect(judgeXor([{ losses: [1] } as RunResult, run(1, 0, 1, 500), run(1, 0, 1, 500)], input).pass).toBe(
      false,
    );
    expect(judgeXor(null as unknown as RunResult[], input).pass).toBe(false);
  });

  const comparison = (adam: RunResult, sgd = run(0.69, 0.69, 0.5, 3000)): ComparisonOutput => {
    const out = Object.fromEntries(
      OPTIMIZERS.map((n) => [n, run(0.69, 0.69, 0.5, 3000)]),
    ) as ComparisonOutput;
    return { ...out, SGD: sgd, Adam: adam };
  };
  const cmpInput = { seed: 5, epochs: 3000 };

  it("passes the comparison when Adam learns, with a table of six rows in the reader's language", () => {
    const verdict = judgeComparison(comparison(run(0.69, 0.07, 1, 3000)), cmpInput, 'ko');
    expect(verdict.pass).toBe(true);
    expect(verdict.table?.rows.map((r) => r[0])).toEqual([...OPTIMIZERS]);
    expect(verdict.table?.head[0]).toBe('옵티마이저');
    expect(verdict.chart?.series).toHaveLength(6);
    // 3000 epochs drawn every 30th: epochs 1, 31, ..., 2971, then the last one.
    expect(verdict.chart?.series[5]?.values).toHaveLength(101);
    expect(verdict.chart?.title.en).toBe('XOR training loss (every 30 epochs)');
  });

  it('fails the comparison when Adam stays on the plateau, or when another optimizer blows up', () => {
    const stuck = judgeComparison(comparison(run(0.69, 0.69, 0.5, 3000)), cmpInput, 'en');
    expect(stuck.pass).toBe(false);
    expect(stuck.message.en).toContain('expected Adam');
    expect(stuck.table?.rows).toHaveLength(6);
    const blown = judgeComparison(
      comparison(run(0.69, 0.07, 1, 3000), run(0.69, 5, 0.5, 3000)),
      cmpInput,
      'en',
    );
    expect(blown.pass).toBe(false);
    expect(blown.message.en).toMatch(/^SGD \(SGD\(lr=0.1\).*grew from 0.69 to 5/);
  });
});

describe("exercise 05's measured runs", () => {
  // The engine's own Adam (its epsilon set to the slides' 1e-8) plays the student's: the run is real,
  // and the same formula in another rounding order, so the judge must accept it.
  class SlideAdam extends EngineAdam {
    constructor(options: ConstructorParameters<typeof EngineAdam>[0] = {}) {
      super({ epsilon: 1e-8, ...options });
    }
  }
  const student = { Adam: SlideAdam } as unknown as Parameters<typeof trainXor>[0];
  const spec: RunSpec = {
    optimizer: 'Adam',
    options: XOR_OPTIONS.Adam,
    kernelInitializer: 'glorotUniform',
    epochs: 300,
    seed: 3,
  };

  it("takes the loss and accuracy from the judge's own run, once the history matches it", () => {
    const probe = structuredClone(trainXor(student, spec));
    const measured = measureRun(probe, spec);
    if ('problem' in measured) throw new Error(measured.problem.en);
    const reference = referenceRun(spec);
    expect(measured.run).toEqual({
      losses: probe.losses,
      loss: reference.loss,
      accuracy: reference.accuracy,
    });
    expect(measured.run.accuracy).toBe(1);
    expect(measured.run.loss).toBeLessThan(probe.losses.at(-1)!);
    expect(reference.losses.slice(0, REPLAY_EPOCHS)).toEqual(probe.losses.slice(0, REPLAY_EPOCHS));
  });

  it('refuses final weights that do not have the loss the history ends with', () => {
    const probe = structuredClone(trainXor(student, spec));
    const untrained = { ...probe, weights: trainXor(student, { ...spec, epochs: 1 }).weights };
    const stuck = measureRun(untrained, spec);
    expect('problem' in stuck && stuck.problem.en).toMatch(
      /^the loss at the weights after training is 0\.6\d+, but the history's last epoch says 0\.0\d+/,
    );
    expect('problem' in stuck && stuck.problem.ko).toContain('학습이 끝난 그대로의 가중치');
  });

  it('gives a run that follows the reference and then jumps to a solution nothing more', () => {
    // Honest for the first REPLAY_EPOCHS epochs, then a history falling to 1e-4 and hand-set weights
    // at that loss: consistent, but what counts is the judge's own run.
    const probe = structuredClone(trainXor(student, spec));
    const solved = structuredClone(trainXor(student, { ...spec, epochs: 3000 }));
    const claimed = {
      losses: probe.losses.map((x, k) => (k < REPLAY_EPOCHS ? x : solved.losses.at(-1)!)),
      weights: solved.weights,
    };
    const honest = measureRun(probe, spec);
    const jumped = measureRun(claimed, spec);
    if ('problem' in jumped || 'problem' in honest) throw new Error('both should be measured');
    expect(jumped.run.loss).toBe(honest.run.loss);
    expect(jumped.run.accuracy).toBe(honest.run.accuracy);
    // A history that leaves the reference inside the window is refused, naming the epoch.
    const late = { ...probe, losses: probe.losses.map((x, k) => (k === 19 ? x * (1 + 1e-6) : x)) };
    const refused = measureRun(late, spec);
    expect('problem' in refused && refused.problem.en).toMatch(/^the loss at epoch 20 should be/);
    expect('problem' in refused && refused.problem.en).toContain('from step 19 on');
  });

  it("refuses a loss history that does not start at the seed's initial loss, and malformed runs", () => {
    const probe = structuredClone(trainXor(student, { ...spec, epochs: 5 }));
    const fiveEpochs = { ...spec, epochs: 5 };
    const madeUp = measureRun({ ...probe, losses: [0.7, 0.5, 0.3, 0.2, 0.1] }, fiveEpochs);
    expect('problem' in madeUp && madeUp.problem.en).toMatch(
      /^the first epoch's loss should be [\d.]+, the loss at the weights new Sequential\(\{ seed: 3 \}\) starts from, got 0\.7/,
    );
    expect('problem' in madeUp && madeUp.problem.ko).toContain('첫 Epoch의 손실은');
    const noWeights = measureRun({ losses: probe.losses }, fiveEpochs);
    expect('problem' in noWeights && noWeights.problem.en).toContain(
      'expected { losses: number[5], weights:',
    );
    expect(measureRun(probe, spec)).toHaveProperty('problem'); // 5 losses where 300 were due
  });
});
