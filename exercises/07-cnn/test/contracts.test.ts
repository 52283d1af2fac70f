/**
 * The README's return contracts: `conv2dNaive` returns an (h − kh + 1) × (w − kw + 1) array of
 * arrays, `outputShape` three numbers, `paramCount` a number. A wrong type is named as such, never
 * judged as a wrong number.
 */
import { tensor } from '@gradschool/autograd';
import type { CheckSuite } from '@gradschool/exercise-kit';
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/cnn.js';
import type * as starter from '../src/cnn.js';

type Student = typeof starter;
const checks = (suite as CheckSuite<Student>).checks;
const reference = solution as unknown as Student;

async function verdictOf(student: Student, id: string) {
  const check = checks.find((c) => c.id === id)!;
  const ctx = { seed: 4242, runSeed: 98765, lang: 'en' as const };
  const input = check.input?.(ctx);
  return check.judge(structuredClone(await check.probe(student, input)), input, ctx);
}

describe('return contracts', () => {
  it('names a Tensor or a flat array returned by conv2dNaive', async () => {
    const asTensor = {
      ...reference,
      conv2dNaive: (image: number[][], kernel: number[][], bias?: number) =>
        tensor(solution.conv2dNaive(image, kernel, bias)),
    } as unknown as Student;
    const verdict = await verdictOf(asTensor, 'conv2d-naive');
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(/^`conv2dNaive` must return/);
    const flat = {
      ...reference,
      conv2dNaive: (image: number[][], kernel: number[][]) => solution.conv2dNaive(image, kernel).flat(),
    } as unknown as Student;
    expect((await verdictOf(flat, 'conv2d-naive')).message.en).toMatch(/^`conv2dNaive` must return/);
  });

  it('names the output size when conv2dNaive pads like "same"', async () => {
    const padded = {
      ...reference,
      conv2dNaive: (image: number[][]) => image.map((row) => row.map(() => 0)),
    } as unknown as Student;
    const verdict = await verdictOf(padded, 'conv2d-naive');
    expect(verdict.pass).toBe(false);
    expect(verdict.message.en).toMatch(
      /`conv2dNaive` must return an array of rows \(number\[\]\[\], 2 × 2\); it returned .* \(3 rows\)/,
    );
  });

  it('names a string shape and a string count', async () => {
    const strings = {
      ...reference,
      outputShape: () => '26x26x32',
      paramCount: () => '320',
    } as unknown as Student;
    expect((await verdictOf(strings, 'output-shape')).message.en).toMatch(/^`outputShape` must return/);
    expect((await verdictOf(strings, 'param-count')).message.en).toMatch(
      /^`paramCount` must return a number/,
    );
  });
});
