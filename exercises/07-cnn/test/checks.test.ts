import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CheckSuite, isNotImplemented, MAX_PICTURES } from '@gradschool/exercise-kit';
import { mutantPatches, scratchMutant } from '@gradschool/grader/src/dev/mutant-patch.js';
import { describe, expect, it } from 'vitest';
import suite from '../checks.js';
import * as solution from '../solution/cnn.js';
import * as starter from '../src/cnn.js';

// The grader's verify test runs every check in the sandbox; this one runs them in-process
// (input -> probe -> judge) so a mistake in a check shows here first, with its message. The training
// check runs once here (it takes seconds); `pnpm verify 07-cnn` grades it under three run seeds.
type Student = typeof starter;
const checks = (suite as CheckSuite<Student>).checks;
const reference = solution as unknown as Student;
const fast = checks.filter((c) => c.id !== 'train-mnist');
const ctxFor = (seed: number) => ({ seed, runSeed: seed, lang: 'en' as const });

async function verdictOf(student: Student, id: string, seed: number) {
  const check = checks.find((c) => c.id === id)!;
  const ctx = ctxFor(seed);
  const input = check.input?.(ctx);
  return check.judge(structuredClone(await check.probe(student, input)), input, ctx);
}

describe("exercise 07's checks", () => {
  it('passes the reference solution on every fast check for several seeds', async () => {
    for (const seed of [1, 2, 3, 12345]) {
      for (const check of fast) {
        const verdict = await verdictOf(reference, check.id, seed);
        expect(verdict.pass, `${check.id}, seed ${seed}: ${verdict.message.en}`).toBe(true);
      }
    }
  });

  it('passes the trained reference, with the comparison table, the history chart and the pictures', async () => {
    const verdict = await verdictOf(reference, 'train-mnist', 7);
    expect(verdict.pass, verdict.message.en).toBe(true);
    expect(verdict.table?.rows.map((r) => r[0])).toEqual(['CNN mnist_convnet (07)', 'MLP 784-128-10 (06)']);
    expect(verdict.chart?.series.map((s) => [s.name, s.values.length])).toEqual([
      ['loss', 2],
      ['accuracy', 2],
    ]);
    const pictures = verdict.pictures ?? [];
    expect(pictures.length).toBeLessThanOrEqual(MAX_PICTURES);
    // The digit, then a 3 × 3 filter and its 26 × 26 feature map, seven times.
    expect(pictures.map((p) => `${p.width}x${p.height}`)).toEqual([
      '28x28',
      ...Array.from({ length: 7 }, () => ['3x3', '26x26']).flat(),
    ]);
    for (const p of pictures) {
      expect(p.pixels).toHaveLength(p.width * p.height);
      expect(p.pixels.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
      expect(p.caption.ko).not.toBe('');
    }
    // Scaled: each filter spans the whole grey range (its smallest weight 0, its largest 255).
    for (const filter of pictures.filter((p) => p.width === 3)) {
      expect([Math.min(...filter.pixels), Math.max(...filter.pixels)]).toEqual([0, 255]);
    }
    for (const map of pictures.filter((p) => p.width === 26)) expect(Math.max(...map.pixels)).toBe(255);
  }, 300_000);

  it("meets the starter's NotImplemented in every probe", async () => {
    for (const check of checks) {
      const input = check.input?.(ctxFor(1));
      const outcome = await Promise.resolve()
        .then(() => check.probe(starter, input))
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(isNotImplemented(outcome), check.id).toBe(true);
    }
  });

  const exerciseDir = fileURLToPath(new URL('..', import.meta.url));
  const fastMutants = mutantPatches(exerciseDir).filter((p) => !path.basename(p).startsWith('train-'));
  for (const patch of fastMutants) {
    const file = path.basename(patch);
    it(`catches the mutant ${file} in a fast check`, async () => {
      const made = scratchMutant(exerciseDir, 'cnn.ts', patch);
      if ('problem' in made) throw new Error(`${file}: ${made.problem.kind}`);
      // The scratch folder is outside the repository: it finds the engine through a link to ours.
      symlinkSync(
        path.join(exerciseDir, 'node_modules'),
        path.join(path.dirname(made.entry), 'node_modules'),
      );
      const mutant = await import(/* @vite-ignore */ pathToFileURL(made.entry).href).finally(made.remove);
      const failed = [];
      for (const check of fast) {
        const verdict = await verdictOf(mutant as Student, check.id, 12345).catch((error: unknown) => ({
          pass: false,
          message: { ko: String(error), en: String(error) },
        }));
        if (!verdict.pass) failed.push(verdict);
      }
      expect(failed.length).toBeGreaterThan(0);
    });
  }
});
