/**
 * `.github/workflows/classroom.yml` (`pnpm export-student DIR --classroom`): the workflow GitHub
 * Classroom's autograding reads. Classroom sums the points of `autograding-command-grader` steps
 * (each worth its `max-score` when its command exits 0, else 0) that the
 * `autograding-grading-reporter` step names in `runners`, and shows the total on the assignment's
 * dashboard.
 *
 * Partial credit: a command-grader step is all or nothing, so each exercise gets a ladder of up to
 * four steps ("at least a quarter of its points", "half", ...), worth a share of its points each.
 * The course is graded once, with the secret seed, in an ordinary step that writes `report.json`;
 * the ladder's steps only read it (`.github/classroom/points.mjs`): grading four times over would
 * cost four times the minutes, and the command grader's commands run with an environment of their
 * own (PATH and HOME only), where the seed secret would have to be written into the command.
 * A student scores, per exercise, the highest rung their points reach: 23 of 32 points on a ladder
 * of 8/16/24/32 counts 16. The points are each exercise's public checks' (a student repository has
 * no hidden checks).
 */
import type { Lang } from '@gradschool/exercise-kit';
import { t } from '../../i18n/index.js';
import { CI_NODE_VERSION, CI_PNPM_VERSION } from './student-ci.js';

/** The command grader's and the reporter's versions the workflow uses. */
export const COMMAND_GRADER = 'classroom-resources/autograding-command-grader@v1';
export const GRADING_REPORTER = 'classroom-resources/autograding-grading-reporter@v1';
/** Where the ladder's script goes in the student repository. */
export const POINTS_SCRIPT = '.github/classroom/points.mjs';
/** The most rungs an exercise's ladder has (quarters). */
const MAX_RUNGS = 4;

/** An exercise as the workflow needs it: its id and its public points. */
export interface ClassroomExercise {
  id: string;
  points: number;
}

/** One step of an exercise's ladder: passes when the exercise scores at least `atLeast`. */
export interface Rung {
  /** The step's id: letters, digits and `_` only (the reporter reads `<ID>_RESULTS`). */
  stepId: string;
  atLeast: number;
  /** What the step is worth: a whole number (the command grader reads it with `parseInt`). */
  share: number;
}

/**
 * The ladder of an exercise worth `points` (whole points: the command grader's `max-score` is an
 * integer): up to four rungs whose shares differ by at most one and add up to `points`, the
 * larger shares last. None for an exercise worth nothing.
 *
 * @example
 * ```ts
 * ladder({ id: '02-and-gate', points: 19 }).map((r) => [r.atLeast, r.share]); // [[4,4],[9,5],[14,5],[19,5]]
 * ```
 */
export function ladder(exercise: ClassroomExercise): Rung[] {
  const points = Math.floor(exercise.points);
  const rungs = Math.min(MAX_RUNGS, points);
  const base = Math.floor(points / Math.max(1, rungs));
  const extra = points - base * rungs;
  const result: Rung[] = [];
  let atLeast = 0;
  for (let i = 0; i < rungs; i++) {
    const share = base + (i >= rungs - extra ? 1 : 0);
    atLeast += share;
    result.push({ stepId: `ex_${exercise.id.replace(/[^A-Za-z0-9]/g, '_')}_${i + 1}`, atLeast, share });
  }
  return result;
}

/** A YAML double-quoted scalar (JSON's escapes are YAML's). */
const quote = (text: string) => JSON.stringify(text);

/** `.github/workflows/classroom.yml` for `exercises`, in course order. */
export function classroomWorkflow(exercises: readonly ClassroomExercise[]): string {
  const steps = exercises.flatMap((exercise) =>
    ladder(exercise).map((rung) => ({
      exercise,
      rung,
      name: `${exercise.id} ≥ ${rung.atLeast}/${exercise.points}`,
    })),
  );
  const graders = steps
    .map(
      ({ exercise, rung, name }) => `      - name: ${quote(name)}
        id: ${rung.stepId}
        uses: ${COMMAND_GRADER}
        with:
          test-name: ${quote(name)}
          command: ${quote(`node ${POINTS_SCRIPT} report.json ${exercise.id} ${rung.atLeast} ${exercise.points}`)}
          timeout: 1
          max-score: ${rung.share}
`,
    )
    .join('\n');
  const env = steps
    .map(
      ({ rung }) =>
        `          ${rung.stepId.toUpperCase()}_RESULTS: "\${{ steps.${rung.stepId}.outputs.result }}"`,
    )
    .join('\n');
  return `# GitHub Classroom 자동 채점: 실습마다 점수의 1/4, 1/2, 3/4, 전부에 이르면 그만큼의 점수를 받습니다.
# 총점은 Classroom 과제 화면에, 검사별 결과는 이 실행의 Summary 와 Artifacts(grade-reports)에 있습니다.
# GitHub Classroom autograding: each exercise earns its points in quarters (a step per quarter reached).
# The total shows on the Classroom assignment's page; each check on this run's Summary and Artifacts.
#
# 교수자: 조직 시크릿 GRADE_SEED (학기마다 새로 만든 큰 무작위 정수) 를 학생 저장소에 허용하세요.
# Instructors: give the students' repositories an organisation secret GRADE_SEED (a large random integer).
name: Autograding Tests

on:
  push:
  repository_dispatch:
  workflow_dispatch:

permissions:
  checks: write
  actions: read
  contents: read

jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    # Classroom's own commit (the starter) is not graded.
    if: github.actor != 'github-classroom[bot]'
    timeout-minutes: 20
    env:
      CI: 'true'
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-node@v4
        with:
          node-version: ${CI_NODE_VERSION}

      - name: Install pnpm ${CI_PNPM_VERSION}
        run: npm install -g pnpm@${CI_PNPM_VERSION}

      # The pnpm store is cached between pushes, keyed by the lockfile: an install takes seconds.
      - name: Find the pnpm store
        id: pnpm-store
        run: echo "path=$(pnpm store path)" >> "$GITHUB_OUTPUT"

      - uses: actions/cache@v4
        with:
          path: \${{ steps.pnpm-store.outputs.path }}
          key: pnpm-store-\${{ runner.os }}-\${{ hashFiles('pnpm-lock.yaml') }}
          restore-keys: pnpm-store-\${{ runner.os }}-

      - name: Install dependencies
        run: pnpm install --frozen-lockfile

      # Graded once, with the secret seed; the steps below read its report. Exit code 1 (a check
      # that does not pass) must not stop them.
      - name: Grade
        continue-on-error: true
        run: pnpm grade --ci --json report.json --junit junit.xml
        env:
          GRADE_SEED: \${{ secrets.GRADE_SEED }}

${graders}
      - name: Autograding Reporter
        uses: ${GRADING_REPORTER}
        env:
${env}
        with:
          runners: ${steps.map(({ rung }) => rung.stepId).join(',')}

      - name: Upload the reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: grade-reports
          path: |
            report.json
            junit.xml
          if-no-files-found: warn
`;
}

/** The messages of the ladder's script, in both languages, from the catalogue. */
function scriptMessages(): Record<string, Record<Lang, string>> {
  const keys = ['noReport', 'noExercise', 'pointsChanged', 'rung'] as const;
  return Object.fromEntries(
    keys.map((key) => [
      key,
      { ko: t(`instructor.classroom.${key}`, 'ko'), en: t(`instructor.classroom.${key}`, 'en') },
    ]),
  );
}

/**
 * `.github/classroom/points.mjs`: `node points.mjs report.json <id> <atLeast> <max>` exits 0 when
 * exercise `<id>` of the report scored at least `<atLeast>` (of `<max>`), and says so, Korean first.
 */
export function pointsScript(): string {
  return `// GitHub Classroom 의 채점 단계가 부릅니다 (.github/workflows/classroom.yml). 고치지 마세요.
// Called by the Classroom workflow's steps (.github/workflows/classroom.yml). Do not edit.
// node ${POINTS_SCRIPT} report.json <exercise id> <at least> <max>: exit 0 when the exercise scored at least that.
import { readFileSync } from 'node:fs';

const MESSAGES = ${JSON.stringify(scriptMessages(), null, 2)};
const [file, id, atLeast, max] = process.argv.slice(2);
const fill = (text, values) => text.replace(/\\{(\\w+)\\}/g, (_, key) => String(values[key] ?? ''));
const say = (key, values = {}) => {
  console.log(fill(MESSAGES[key].ko, values));
  console.log(fill(MESSAGES[key].en, values));
};

let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  say('noReport', { file });
  process.exit(1);
}
const exercise = (report.exercises ?? []).find((e) => e.id === id);
if (!exercise) {
  say('noExercise', { id });
  process.exit(1);
}
// The points this workflow was written for: a course whose checks changed needs a new workflow.
if (exercise.maxScore !== Number(max)) {
  say('pointsChanged', { id, max, now: exercise.maxScore });
  process.exit(1);
}
say('rung', { id, score: exercise.score, max, atLeast });
process.exit(exercise.score + 1e-9 >= Number(atLeast) ? 0 : 1);
`;
}
