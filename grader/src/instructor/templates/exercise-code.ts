/**
 * The TypeScript files of a new exercise: the starter, the reference solution, one mutant (a patch
 * of the solution) and `checks.ts`. The example task (a dot product and a weighted sum, the perceptron's first step) is
 * small on purpose: it is there to be replaced, and it shows one check of each kind.
 */
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { ExerciseNames } from '../naming.js';

/** `src/<slug>.ts`: what the student fills in. Every body throws `NotImplemented` (the check is `todo`). */
export function starterSource(names: ExerciseNames): string {
  return `/**
 * 실습 ${names.id} — 벡터의 내적과 가중합 (예시: 교수자가 실제 실습으로 바꿉니다)
 * Exercise ${names.id} — dot product and weighted sum (an example for the instructor to replace)
 *
 * 각 함수의 \`// TODO\` 를 구현하세요. 채점: \`pnpm grade ${names.id.slice(0, 2)}\`
 * Implement each \`// TODO\`. Grade with \`pnpm grade ${names.id.slice(0, 2)}\`.
 */
// biome-ignore-all lint/correctness/noUnusedFunctionParameters: the stubs use their parameters once the TODOs are done.
import { NotImplemented } from '@gradschool/exercise-kit';

/** 내적: \`dot([1, 2, 3], [4, 5, 6])\` → \`32\` (= 1·4 + 2·5 + 3·6). / Dot product. */
export function dot(a: readonly number[], b: readonly number[]): number {
  // TODO: 같은 위치의 원소끼리 곱해서 모두 더하기. / TODO: multiply element by element and add it all up.
  throw new NotImplemented('dot');
}

/** 가중합: \`weightedSum(x, w, b)\` = Σ wᵢxᵢ + b (퍼셉트론의 첫 단계). / Weighted sum plus bias. */
export function weightedSum(x: readonly number[], w: readonly number[], b: number): number {
  // TODO: dot 을 써서 x 와 w 의 내적에 b 를 더하기. / TODO: use dot, then add b.
  throw new NotImplemented('weightedSum');
}
`;
}

/** `solution/<slug>.ts`: the reference, same exports. Never shipped to students. */
export function solutionSource(names: ExerciseNames): string {
  return `/**
 * ${names.id} — reference solution (removed from the student export).
 */

/** 내적 / Dot product: Σ aᵢbᵢ. */
export function dot(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i]! * b[i]!;
  return total;
}

/** 가중합 / Weighted sum: Σ wᵢxᵢ + b. */
export function weightedSum(x: readonly number[], w: readonly number[], b: number): number {
  return dot(x, w) + b;
}
`;
}

/**
 * `mutants/skips-last-element.patch`: one plausible mistake the checks must catch, as an instructor
 * writes it (`docs/instructors.md`): a description line, then what `git diff` prints after the
 * mistake is planted in the solution (`grader/src/dev/mutant-patch.ts` reads it). `solution` is the
 * solution's text as written (a formatter may have re-indented it since `solutionSource`).
 */
export function mutantPatch(names: ExerciseNames, solution = solutionSource(names)): string {
  const file = `exercises/${names.id}/solution/${path.posix.basename(names.studentFile)}`;
  const mutant = solution.replace('i < a.length; i++', 'i < a.length - 1; i++');
  const diff = createTwoFilesPatch(`a/${file}`, `b/${file}`, solution, mutant, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return `dot stops one element early: an off-by-one in the loop bound (i < a.length - 1).\n\ndiff --git a/${file} b/${file}\n${diff}`;
}

/** The mutant's file name under `mutants/`. */
export const MUTANT_FILE = 'skips-last-element.patch';

/** `checks.ts`: one check of each kind, commented so the author sees why each is written that way. */
export function checksSource(names: ExerciseNames): string {
  const module = `./${names.studentFile.replace(/\.ts$/, '.js')}`;
  return `/**
 * Checks of exercise ${names.id}. Trusted code: \`input\` and \`judge\` run in the grader, \`probe\` in the
 * sandbox beside the student's module. Expected values are computed here, never read from \`solution/\`
 * (students don't get it). The four checks show one of each kind; replace them with your own.
 */
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  check,
  defineChecks,
  expectClose,
  expectEqual,
  type Localized,
  render,
} from '@gradschool/exercise-kit';
import type * as Student from '${module}';

/** Infers each check's input and output types from its \`input\` and \`probe\`. */
const c = check<typeof Student>();

/** The judge's own dot product: the expected values come from here. */
function referenceDot(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i]! * b[i]!;
  return total;
}

/** Names the call a message is about, e.g. \`dot([1, 2], [3, 4])\` (the same text in both languages). */
function call(name: string, ...args: unknown[]): Localized {
  const text = \`\${name}(\${args.map((a) => render(a)).join(', ')})\`;
  return { ko: text, en: text };
}

/** \`n\` numbers in [-2, 2) from the check's own generator. */
function randomVector(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.uniform(-2, 2));
}

export default defineChecks<typeof Student>([
  // 1. An exact value: integer arithmetic has no rounding error, so exact equality is fair.
  c({
    id: 'dot-integers',
    title: { ko: 'dot: 정수 벡터 (정확한 값)', en: 'dot: integer vectors (exact value)' },
    points: 1,
    input: () => ({ a: [1, 2, 3], b: [4, 5, 6] }),
    probe: (student, { a, b }) => student.dot(a, b),
    judge: (got, { a, b }) => expectEqual(got, 32, { what: call('dot', a, b) }),
  }),
  // 2. Closeness: 0.1·0.3 + 0.2·0.4 is not exactly 0.11 in floating point, so compare with a tolerance.
  c({
    id: 'dot-decimals',
    title: { ko: 'dot: 소수 (허용 오차 안에서)', en: 'dot: decimals (within a tolerance)' },
    points: 1,
    input: () => ({ a: [0.1, 0.2], b: [0.3, 0.4] }),
    probe: (student, { a, b }) => student.dot(a, b),
    judge: (got, { a, b }) => expectClose(got, 0.11, { rtol: 1e-9, what: call('dot', a, b) }),
  }),
  // 3. Seeded inputs: built from ctx.seed (derived from the run's seed and this check's id), so a
  //    secret GRADE_SEED changes them and an answer hard-coded for the public seed fails.
  c({
    id: 'dot-random',
    title: { ko: 'dot: 무작위 벡터', en: 'dot: random vectors' },
    points: 2,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const n = 3 + rng.int(6);
      return { a: randomVector(rng, n), b: randomVector(rng, n) };
    },
    probe: (student, { a, b }) => student.dot(a, b),
    judge: (got, { a, b }) =>
      expectClose(got, referenceDot(a, b), { rtol: 1e-9, atol: 1e-12, what: call('dot', a, b) }),
  }),
  // 4. A dependent check: weightedSum builds on dot, so while 'dot-integers' fails this one is
  //    skipped with that reason instead of piling a second failure on the same mistake.
  c({
    id: 'weighted-sum',
    title: { ko: 'weightedSum: 내적 + 편향', en: 'weightedSum: dot product plus bias' },
    points: 2,
    dependsOn: ['dot-integers'],
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      return Array.from({ length: 3 }, () => {
        const n = 2 + rng.int(4);
        return { x: randomVector(rng, n), w: randomVector(rng, n), b: rng.uniform(-1, 1) };
      });
    },
    probe: (student, cases) => cases.map(({ x, w, b }) => student.weightedSum(x, w, b)),
    judge: (got, cases) =>
      allOf(
        cases.map(({ x, w, b }, i) =>
          expectClose(got[i], referenceDot(x, w) + b, {
            rtol: 1e-9,
            atol: 1e-12,
            what: call('weightedSum', x, w, b),
          }),
        ),
      ),
  }),
]);
`;
}
