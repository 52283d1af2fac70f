/**
 * Fake exercises, results and a fake grader session for the UI tests: the UI is tested against the
 * committed result types, without the real core.
 */
import type { Localized } from '@gradschool/exercise-kit';
import type { CheckResult, ExerciseResult } from '../src/core/types.js';
import type { ExerciseInfo, GradeProgress, GraderSession, HintsShown } from '../src/ui/session.js';

export function exercise(order: number, slug: string, en: string, ko: string): ExerciseInfo {
  const id = `${String(order).padStart(2, '0')}-${slug}`;
  return {
    id,
    order,
    title: { ko, en },
    hints: [
      { ko: `${ko} 힌트 하나`, en: `${en} hint one` },
      { ko: `${ko} 힌트 둘`, en: `${en} hint two` },
      { ko: `${ko} 힌트 셋`, en: `${en} hint three` },
    ],
    studentFile: `/course/exercises/${id}/src/${slug}.ts`,
    studentFileShown: `exercises/${id}/src/${slug}.ts`,
    readme: `/course/exercises/${id}/README.md`,
    readmeShown: `exercises/${id}/README.md`,
  };
}

export const EXERCISES: ExerciseInfo[] = [
  exercise(1, 'perceptron', 'Perceptron', '퍼셉트론'),
  exercise(2, 'and-gate', 'AND gate', 'AND 게이트'),
  exercise(3, 'softmax', 'Softmax', '소프트맥스'),
];

export function check(
  id: string,
  status: CheckResult['status'],
  extra: Partial<CheckResult> = {},
): CheckResult {
  const pass = status === 'pass';
  return {
    id,
    title: { ko: `검사 ${id}`, en: `check ${id}` },
    status,
    score: pass ? 2 : 0,
    maxScore: 2,
    message: pass ? { ko: '맞았습니다', en: 'correct' } : { ko: `${id} 틀렸습니다`, en: `${id} is wrong` },
    output: '',
    durationMs: 3,
    ...extra,
  };
}

export function result(
  ex: ExerciseInfo,
  checks: CheckResult[],
  extra: Partial<ExerciseResult> = {},
): ExerciseResult {
  const statuses = checks.map((c) => c.status);
  const status: ExerciseResult['status'] = statuses.every((s) => s === 'pass')
    ? 'pass'
    : statuses.every((s) => s === 'todo')
      ? 'todo'
      : 'fail';
  return {
    id: ex.id,
    title: ex.title,
    status,
    score: checks.reduce((sum, c) => sum + c.score, 0),
    maxScore: checks.reduce((sum, c) => sum + c.maxScore, 0),
    checks,
    durationMs: 10,
    files: [ex.studentFileShown],
    ...extra,
  };
}

/** A session whose grading returns `results` (changeable between runs) and records what was asked. */
export class FakeSession implements GraderSession {
  exercises: ExerciseInfo[];
  results: Record<string, ExerciseResult>;
  saved: HintsShown[] = [];
  gradedOne: string[] = [];
  gradedAll = 0;
  notSelected?: GraderSession['notSelected'];
  /** Gradings (full or one) that have finished. */
  finished = 0;
  private onSaved: ((id: string) => void) | null = null;
  private onProblem: ((notice: Localized) => void) | null = null;

  constructor(
    results: ExerciseResult[],
    exercises: ExerciseInfo[] = EXERCISES,
    private hints: HintsShown = {},
  ) {
    this.exercises = exercises;
    this.results = Object.fromEntries(results.map((r) => [r.id, r]));
  }

  async gradeAll(onProgress: (e: GradeProgress) => void): Promise<void> {
    this.gradedAll++;
    for (const ex of this.exercises) await this.gradeOneQuietly(ex.id, onProgress);
    this.finished++;
  }

  async gradeOne(id: string, onProgress: (e: GradeProgress) => void): Promise<void> {
    this.gradedOne.push(id);
    await this.gradeOneQuietly(id, onProgress);
    this.finished++;
  }

  private async gradeOneQuietly(id: string, onProgress: (e: GradeProgress) => void) {
    onProgress({ type: 'exercise-start', id });
    await Promise.resolve();
    const found = this.results[id];
    if (found) onProgress({ type: 'exercise-done', result: found });
  }

  watch = (onSaved: (id: string) => void, onProblem?: (notice: Localized) => void) => {
    this.onSaved = onSaved;
    this.onProblem = onProblem ?? null;
    return () => {
      this.onSaved = null;
      this.onProblem = null;
    };
  };

  /** Simulates saving a student file of exercise `id`. */
  save(id: string) {
    this.onSaved?.(id);
  }

  /** Simulates the watcher reporting a problem (worded, as `cli/interactive.ts` does). */
  watchProblem(notice: Localized) {
    this.onProblem?.(notice);
  }

  loadHints(): HintsShown {
    return { ...this.hints };
  }

  saveHints(hints: HintsShown): void {
    this.saved.push(hints);
  }
}
