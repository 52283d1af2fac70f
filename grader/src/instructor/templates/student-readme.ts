/**
 * The student repository's README: how to start, how to grade, how to submit, in Korean and then
 * English, with the exercises listed from their manifests.
 */
import type { ExerciseManifest } from '@gradschool/exercise-kit';

/** One row of the exercise table. */
export interface StudentExercise {
  id: string;
  manifest: ExerciseManifest;
}

function table(exercises: readonly StudentExercise[], lang: 'ko' | 'en'): string {
  const head =
    lang === 'ko'
      ? '| 실습 | 제목 | 고칠 파일 |\n| --- | --- | --- |'
      : '| exercise | title | file to edit |\n| --- | --- | --- |';
  const rows = exercises.map(
    ({ id, manifest }) =>
      `| [${id}](exercises/${id}/README.md) | ${manifest.title[lang]} | \`exercises/${id}/${manifest.files[0] ?? ''}\` |`,
  );
  return [head, ...rows].join('\n');
}

/** `README.md` of the student repository. */
export function studentReadme(exercises: readonly StudentExercise[]): string {
  const first = exercises[0];
  const firstFile = first ? `exercises/${first.id}/${first.manifest.files[0] ?? 'src'}` : 'exercises/';
  const firstNN = first ? first.id.slice(0, 2) : '01';
  return `# 신경망 실습 (3강) — 학생용 저장소

> English below.

TypeScript 로 신경망을 직접 만들어 보는 실습입니다. 각 실습 폴더의 \`// TODO\` 를 채우면
\`pnpm grade\` 가 바로 채점해 줍니다. 엔진(\`packages/autograd\`)과 채점기(\`grader/\`)도 모두 이 저장소에 있습니다.

## 시작하기

1. [Node.js 20 이상](https://nodejs.org/ko) 을 설치합니다 (LTS).
2. 터미널에서 pnpm 을 설치합니다: \`npm install -g pnpm@12.4.2\`
3. 이 저장소를 clone 한 폴더에서: \`pnpm install\`
4. VS Code 로 폴더를 열고, 오른쪽 아래에 뜨는 **권장 확장 설치** 를 누릅니다
   (Biome, 한국어 언어 팩, Error Lens). TypeScript 오류가 편집기에 바로 빨간 줄로 보입니다.
   "작업 영역 TypeScript 버전을 사용할까요?" 라고 물으면 **허용** 을 누르세요.

## 채점하기

\`\`\`sh
pnpm grade              # 전체 실습 채점 (터미널 화면: 화살표로 이동, h 힌트, q 종료)
pnpm grade ${firstNN}           # 한 실습만
pnpm grade --watch      # 파일을 저장할 때마다 다시 채점
pnpm grade --list       # 실습 목록과 마지막 채점 결과
pnpm grade --reset ${firstNN}   # 실습을 처음 상태로 되돌림 (묻고 나서; 지금 파일은 .grade/backup/에 보관)
\`\`\`

VS Code 에서는 **터미널 → 작업 실행… → grade** (저장할 때마다 채점) 를 고르면 됩니다.
처음에는 모든 항목이 \`todo\` (아직 시작 안 함) 입니다. \`${firstFile}\` 부터 시작하세요.

- 점수가 오르지 않으면: 실패한 항목의 메시지가 *어떤 입력에서 무엇을 기대했고 무엇이 나왔는지* 알려 줍니다.
  힌트는 한 단계씩 열립니다.
- 채점은 매번 같은 입력(공개 시드)으로 하지만, 제출 채점(CI)은 **다른 비밀 시드** 로 합니다.
  답을 외워 적은 코드는 통과하지 못하니, 계산을 구현하세요.
- 최종 채점은 교수자가 원본 저장소에 각 실습의 지정된 파일(아래 표의 "고칠 파일")만 가져와서 합니다.
  다른 파일(\`checks.ts\`, 채점기 등)을 고친 것은 반영되지 않습니다.

## 제출하기

\`\`\`sh
git add exercises
git commit -m "실습 ${firstNN}"
git push
\`\`\`

푸시할 때마다 GitHub Actions 가 채점합니다. 저장소의 **Actions** 탭 → 가장 최근 실행 → **Summary** 에
점수표가 있고, **Artifacts → grade-reports** 에 보고서(JSON, JUnit, Gradescope)가 있습니다.
모든 항목을 통과하면 실행이 초록색이 됩니다.

## 실습 목록

${table(exercises, 'ko')}

---

# Neural-network exercises (lecture 3) — student repository

You build a neural network in TypeScript yourself. Fill in the \`// TODO\`s in each exercise folder and
\`pnpm grade\` grades them on the spot. The engine (\`packages/autograd\`) and the grader (\`grader/\`) are in
this repository too.

## Getting started

1. Install [Node.js 20 or newer](https://nodejs.org/) (LTS).
2. Install pnpm in a terminal: \`npm install -g pnpm@12.4.2\`
3. In the folder you cloned: \`pnpm install\`
4. Open the folder in VS Code and accept **Install recommended extensions** (Biome, the Korean
   language pack, Error Lens): TypeScript errors show as red underlines while you type. When asked
   whether to use the workspace's TypeScript version, choose **Allow**.

## Grading

\`\`\`sh
pnpm grade              # every exercise (terminal screen: arrows to move, h for a hint, q to quit)
pnpm grade ${firstNN}           # one exercise
pnpm grade --watch      # regrade on every save
pnpm grade --list       # the exercises and their last grading
pnpm grade --reset ${firstNN}   # restore an exercise's starter (asks first; your files go to .grade/backup/)
\`\`\`

In VS Code: **Terminal → Run Task… → grade** (grades on every save).
At first every check is \`todo\` (not started). Start with \`${firstFile}\`.

- When the score does not rise, the failing check's message says *for which input, what was expected
  and what came back*. Hints open one step at a time.
- Local grading always uses the same inputs (the public seed); submissions are graded in CI with a
  **different, secret seed**. Hard-coded answers fail there: implement the computation.
- The final grading takes only each exercise's listed file (the "file to edit" column below) into the
  instructor's pristine copy of the course. Changes to other files (\`checks.ts\`, the grader) do not count.

## Submitting

\`\`\`sh
git add exercises
git commit -m "exercise ${firstNN}"
git push
\`\`\`

Every push is graded by GitHub Actions. The repository's **Actions** tab → the latest run →
**Summary** shows the score table; **Artifacts → grade-reports** holds the reports (JSON, JUnit,
Gradescope). The run turns green when every check passes.

## Exercises

${table(exercises, 'en')}
`;
}
