/**
 * A wrong name in compile is quoted as the student wrote it: "expected 'binary_crossentropy', got
 * 'mse'", never the folded form the comparison uses internally ('binarycrossentropy'). Either style
 * of a right name passes.
 */
import { Dense, Sequential } from '@gradschool/autograd';
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/and-gate.js';

const configCheck = suite.checks.find((c) => c.id === 'model-config')!;

async function judged(loss: string) {
  const makeModel = (seed = 0) => {
    const model = new Sequential({ seed });
    model.add(new Dense(2, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
    model.compile({ optimizer: 'adam', loss, metrics: ['accuracy'] });
    return model;
  };
  const ctx = { seed: 7, runSeed: 98765, lang: 'en' as const };
  const input = configCheck.input?.(ctx);
  const output = await configCheck.probe({ ...solution, makeModel } as typeof solution, input);
  return configCheck.judge(structuredClone(output), input, ctx);
}

describe("compile's names", () => {
  it('accepts both styles of the right loss', async () => {
    expect((await judged('binary_crossentropy')).pass).toBe(true);
    expect((await judged('binaryCrossentropy')).pass).toBe(true);
  });

  it('quotes a wrong loss as written', async () => {
    const verdict = await judged('mse');
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toContain('"binary_crossentropy"');
    expect(verdict.message.en).toContain('"mse"');
    expect(verdict.message.en).not.toContain('binarycrossentropy');
    expect(verdict.message.ko).not.toContain('binarycrossentropy');
  });
});
