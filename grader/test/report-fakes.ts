/**
 * Hand-built `GradeReport`s for the reporters' tests: one exercise per status, every optional field
 * of a check used somewhere, texts that need escaping.
 */
import type { CheckResult, ExerciseResult, GradeReport } from '../src/core/types.js';

/** A check result with sensible defaults; override what the test is about. */
export function fakeCheck(overrides: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status'>): CheckResult {
  const passed = overrides.status === 'pass';
  return {
    title: { ko: `검사 ${overrides.id}`, en: `Check ${overrides.id}` },
    score: passed ? 2 : 0,
    maxScore: 2,
    message: passed ? { ko: '맞았습니다', en: 'correct' } : { ko: '틀렸습니다', en: 'wrong' },
    output: '',
    durationMs: 3,
    ...overrides,
  };
}

/** An exercise result whose score and maximum are the sums of its checks. */
export function fakeExercise(
  overrides: Partial<ExerciseResult> & Pick<ExerciseResult, 'id' | 'status' | 'checks'>,
): ExerciseResult {
  return {
    title: { ko: `실습 ${overrides.id}`, en: `Exercise ${overrides.id}` },
    score: overrides.checks.reduce((sum, c) => sum + c.score, 0),
    maxScore: overrides.checks.reduce((sum, c) => sum + c.maxScore, 0),
    durationMs: 40,
    files: [`exercises/${overrides.id}/src/main.ts`],
    ...overrides,
  };
}

/** A report whose totals are the sums of its exercises. */
export function fakeReport(exercises: ExerciseResult[], overrides: Partial<GradeReport> = {}): GradeReport {
  return {
    version: 1,
    seed: 12345,
    lang: 'ko',
    score: exercises.reduce((sum, e) => sum + e.score, 0),
    maxScore: exercises.reduce((sum, e) => sum + e.maxScore, 0),
    durationMs: 1840,
    startedAt: '2026-11-28T06:00:00.000Z',
    source: 'src',
    ignoredFiles: [],
    exercises,
    ...overrides,
  };
}

/** One exercise of every exercise status, holding checks of every check status. */
export function everyStatusReport(): GradeReport {
  return fakeReport(
    [
      fakeExercise({
        id: '01-perceptron',
        status: 'pass',
        checks: [fakeCheck({ id: 'step-zero', status: 'pass', output: 'debug print\n' })],
      }),
      fakeExercise({
        id: '03-softmax',
        status: 'fail',
        title: { ko: 'Softmax와 손실 함수', en: 'Softmax and losses' },
        checks: [
          fakeCheck({ id: 'softmax-sum', status: 'pass' }),
          fakeCheck({
            id: 'softmax-lecture-example',
            status: 'fail',
            message: { ko: 'softmax([1,1,2])의 [2]가 다릅니다', en: 'softmax([1,1,2]) differs at [2]' },
            expected: '[0.21194156, 0.21194156, 0.57611688]',
            got: '[0.33333333, 0.33333333, 0.33333333]',
            output: 'x = <1 & 2> "quoted" \'single\'\n',
          }),
          fakeCheck({
            id: 'cross-entropy',
            status: 'error',
            message: { ko: 'TypeError가 발생했습니다', en: 'TypeError was thrown' },
          }),
          fakeCheck({
            id: 'depends',
            status: 'fail',
            skippedBecause: 'cross-entropy',
            message: { ko: '건너뜀', en: 'skipped' },
          }),
          fakeCheck({ id: 'slow', status: 'timeout', message: { ko: '2초 초과', en: 'over 2 s' } }),
          fakeCheck({ id: 'mse', status: 'todo', message: { ko: '미구현', en: 'not implemented' } }),
        ],
      }),
      fakeExercise({
        id: '05-optimizers',
        status: 'fail',
        checks: [
          fakeCheck({
            id: 'compare',
            status: 'fail',
            score: 1,
            maxScore: 3,
            table: {
              head: ['optimizer', '손실'],
              rows: [
                ['sgd', 0.523456789],
                ['adam', 0.013],
              ],
            },
            chart: { title: { ko: '손실', en: 'loss' }, series: [{ name: 'adam', values: [1, 0.5, 0.013] }] },
          }),
        ],
      }),
      fakeExercise({
        id: '02-and-gate',
        status: 'todo',
        checks: [fakeCheck({ id: 'and-truth-table', status: 'todo', message: { ko: '미구현', en: 'todo' } })],
      }),
      fakeExercise({
        id: '04-mlp-xor',
        status: 'error',
        checks: [fakeCheck({ id: 'xor', status: 'error' })],
        problem: {
          code: 'SYNTAX',
          message: { ko: '문법 오류', en: 'Syntax error' },
          file: 'exercises/04-mlp-xor/src/mlp.ts',
          line: 3,
          column: 7,
          frame: '> 3 | const x = ;\n    |       ^',
        },
      }),
    ],
    { ignoredFiles: ['exercises/03-softmax/checks.ts', 'notes.txt'], source: 'submission' },
  );
}
