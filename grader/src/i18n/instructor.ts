/**
 * What the instructor commands (`pnpm new-exercise`, `pnpm export-student`) say, in Korean and
 * English. Students never see these, but they are filled and checked like every other message.
 */
import type { Localized } from '@gradschool/exercise-kit';

export const instructor = {
  'instructor.badName': {
    ko: '"{name}" 은(는) 실습 이름이 될 수 없습니다. 소문자·숫자·하이픈으로 된 이름을 쓰세요: "06-attention" 또는 "attention" (번호는 자동).',
    en: '"{name}" is not an exercise name. Use lowercase letters, digits and hyphens: "06-attention", or "attention" (the next number is picked).',
  },
  'instructor.badNumber': {
    ko: '"{name}": 실습 번호는 01 ~ 99 여야 합니다.',
    en: '"{name}": exercise numbers go from 01 to 99.',
  },
  'instructor.exists': {
    ko: 'exercises/{id} 가 이미 있습니다. 덮어쓰지 않습니다: 다른 이름을 고르거나 그 폴더를 먼저 지우세요.',
    en: 'exercises/{id} already exists. Nothing is overwritten: pick another name or remove that folder first.',
  },
  'instructor.numberTaken': {
    ko: '{id}: 번호 {number} 은(는) 이미 exercises/{other} 가 쓰고 있습니다. 다른 번호를 쓰거나 번호 없이 이름만 주세요.',
    en: '{id}: number {number} is already used by exercises/{other}. Pick another number, or give only the name.',
  },
  'instructor.noRoot': {
    ko: '과정 저장소를 찾지 못했습니다 ({dir}와(과) 그 위에 exercises/ 폴더가 없음). 저장소 안에서 실행하거나 --root 를 주세요.',
    en: 'No course repository here ({dir} and its parents have no exercises/ folder). Run inside the repository or pass --root.',
  },
  'instructor.usageNew': {
    ko: '사용법: pnpm new-exercise <NN-이름> [--title-ko ...] [--title-en ...] [--summary-ko ...] [--summary-en ...] [--section-ko ...] [--section-en ...] [--slides "A, B"] [--yes]',
    en: 'Usage: pnpm new-exercise <NN-name> [--title-ko ...] [--title-en ...] [--summary-ko ...] [--summary-en ...] [--section-ko ...] [--section-en ...] [--slides "A, B"] [--yes]',
  },
  'instructor.usageExport': {
    ko: '사용법: pnpm export-student <폴더> [--root 저장소] [--with-hidden] [--classroom] — 학생용 저장소를 <폴더> 에 만듭니다 (비어 있거나 없는 폴더). --with-hidden: 비공개 검사를 남긴 채점용 사본 (학생에게 주지 마세요). --classroom: grade.yml 대신 GitHub Classroom이 점수를 읽는 .github/workflows/classroom.yml.',
    en: 'Usage: pnpm export-student <DIR> [--root REPO] [--with-hidden] [--classroom] — writes the student repository into <DIR> (missing or empty). --with-hidden: a grading copy that keeps the hidden checks (never give it to students). --classroom: .github/workflows/classroom.yml, whose points GitHub Classroom reads, instead of grade.yml.',
  },
  'instructor.badFlag': { ko: '잘못된 옵션: {reason}', en: 'Bad option: {reason}' },
  'instructor.created': {
    ko: '✓ exercises/{id} 폴더를 만들었습니다 (파일 {n}개):',
    en: '✓ Created exercises/{id} ({n} {n:file|files}):',
  },
  'instructor.nextSteps': {
    ko: [
      '다음 할 일:',
      '  1. pnpm install            새 패키지를 엔진·키트와 연결하고 pnpm-lock.yaml 에 기록합니다 (둘 다 커밋).',
      '  2. pnpm verify {id}    지금 그대로 통과해야 합니다: 정답 100%, 시작 코드는 모두 `todo`, 변형은 감점.',
      '  3. exercise.json 의 제목·요약·힌트, README.md, {file}, solution/, checks.ts, mutants/ 를 실습 내용으로 바꿉니다.',
      '  4. 바꿀 때마다 pnpm verify {id} — 무엇이 왜 틀렸는지 실습·검사 이름과 함께 알려 줍니다.',
      '  안내서: docs/instructors.md',
    ].join('\n'),
    en: [
      'Next:',
      '  1. pnpm install            links the new package to the engine and the kit and records it in pnpm-lock.yaml (commit both).',
      '  2. pnpm verify {id}    passes as generated: solution 100%, starter all todo, the mutant loses points.',
      '  3. Replace the titles, summary and hints in exercise.json, README.md, {file}, solution/, checks.ts and mutants/ with your exercise.',
      '  4. After each change, pnpm verify {id}: it names the exercise, the check and the problem.',
      '  Guide: docs/instructors.md',
    ].join('\n'),
  },
  'instructor.cancelled': {
    ko: '취소했습니다. 아무것도 만들지 않았습니다.',
    en: 'Cancelled. Nothing was created.',
  },
  'instructor.promptIntro': {
    ko: '새 실습 {id} — 빈칸으로 두면 [괄호 안] 값이 들어갑니다 (나중에 exercise.json 에서 고칠 수 있음).',
    en: 'New exercise {id} — leave blank to keep the [bracketed] value (you can edit exercise.json later).',
  },
  'instructor.promptConfirm': { ko: '만들까요? [Y/n] ', en: 'Create it? [Y/n] ' },
  'instructor.outNotEmpty': {
    ko: '{dir} 이(가) 비어 있지 않습니다. 덮어쓰지 않습니다: 없는 폴더나 빈 폴더를 주세요.',
    en: '{dir} is not empty. Nothing is overwritten: give a missing or empty folder.',
  },
  'instructor.outInsideRepo': {
    ko: '{dir} 은(는) 과정 저장소 안에 있습니다. 저장소 밖의 폴더를 주세요.',
    en: '{dir} is inside the course repository. Give a folder outside it.',
  },
  // The Classroom workflow's ladder script (.github/classroom/points.mjs): students read these in the run's log.
  'instructor.classroom.noReport': {
    ko: '채점 보고서 {file}가 없어 점수를 줄 수 없습니다: 위의 `Grade` 단계에서 채점이 끝나지 않았습니다.',
    en: 'No grading report ({file}), so no points: the Grade step above did not finish grading.',
  },
  'instructor.classroom.noExercise': {
    ko: '채점 보고서에 실습 {id}가 없습니다.',
    en: 'The grading report has no exercise {id}.',
  },
  'instructor.classroom.pointsChanged': {
    ko: '실습 {id}의 만점이 이 워크플로를 만들 때({max}점)와 다릅니다(지금 {now}점): 교수자에게 알려 주세요.',
    en: 'Exercise {id} is worth {now} points now, not the {max} this workflow was written for: tell your instructor.',
  },
  'instructor.classroom.rung': {
    ko: '실습 {id}: {score}/{max}점 (이 단계는 {atLeast}점 이상이면 통과)',
    en: 'Exercise {id}: {score}/{max} points (this step passes at {atLeast} or more)',
  },
  'instructor.classroomWritten': {
    ko: 'GitHub Classroom 자동 채점: .github/workflows/classroom.yml (실습마다 점수를 4단계로 나눈 채점 단계 {steps}개, 합계 {points}점).',
    en: 'GitHub Classroom autograding: .github/workflows/classroom.yml ({steps} grading steps, each exercise in quarters, {points} points in all).',
  },
  // pnpm export-gradescope: the Gradescope autograder.
  'instructor.usageGradescope': {
    ko: '사용법: pnpm export-gradescope <파일.zip> [--root 저장소] [--lang ko|en] — Gradescope 자동 채점기(setup.sh, run_autograder, 답안·변형을 뺀 강의, 비공개 검사 포함)를 압축 파일 하나로 만듭니다. 시드: `GRADE_SEED`가 있으면 그 값, 없으면 새 무작위 시드. --lang: 학생이 보는 결과의 언어.',
    en: "Usage: pnpm export-gradescope <FILE.zip> [--root REPO] [--lang ko|en] — writes a Gradescope autograder (setup.sh, run_autograder, the course without solutions or mutants, hidden checks kept) as a zip. Seed: GRADE_SEED if set, else a new random one. --lang: the language of the students' results.",
  },
  'instructor.gradescopeBadSeed': {
    ko: '`GRADE_SEED`가 0 이상의 정수가 아닙니다 (값은 보여 주지 않습니다).',
    en: 'GRADE_SEED is not a non-negative integer (its value is not shown).',
  },
  'instructor.gradescopeWritten': {
    ko: '✓ Gradescope 자동 채점기를 {file} 에 만들었습니다: 실습 {n}개, 파일 {files}개, {mb} MB (solution/, mutants/ 제외, 비공개 검사 포함).',
    en: '✓ Wrote the Gradescope autograder to {file}: {n} {n:exercise|exercises}, {files} files, {mb} MB (without solution/ and mutants/, hidden checks kept).',
  },
  'instructor.gradescopeSeedEnv': {
    ko: '시드: `GRADE_SEED`의 값을 압축 파일 안의 `grade-seed`에 넣었습니다 (화면에는 보여 주지 않습니다). 이 압축 파일은 교수자만 가지고 있으세요.',
    en: 'Seed: the value of GRADE_SEED, stored in the zip as grade-seed (not shown here). Keep the zip to yourself.',
  },
  'instructor.gradescopeSeedNew': {
    ko: '시드: `GRADE_SEED`가 없어 새 무작위 시드를 만들어 압축 파일 안의 `grade-seed`에 넣었습니다. 이 압축 파일은 교수자만 가지고 있으세요.',
    en: 'Seed: GRADE_SEED is not set, so a new random seed was made and stored in the zip as grade-seed. Keep the zip to yourself.',
  },
  'instructor.gradescopeNext': {
    ko: [
      '다음 할 일:',
      '  Gradescope의 `Programming Assignment` → `Configure Autograder` → `Zip file upload`에 이 압축 파일을 올립니다 (기본 이미지).',
      '  이미지가 만들어지면 `Test Autograder`로 답안을 한 번 제출해 만점이 나오는지 확인하세요.',
      '  학생은 GitHub 저장소를 그대로 올리거나, exercises/... 구조의 파일이나 그 폴더를 압축한 파일을 올립니다.',
    ].join('\n'),
    en: [
      'Next:',
      '  Gradescope → Programming Assignment → Configure Autograder → Zip file upload: upload this zip (Ubuntu base image).',
      '  Once the image is built, use Test Autograder with a correct submission: it should score full marks.',
      '  Students upload their GitHub repository as is, or the files in the exercises/... layout, or a zip of that folder.',
    ].join('\n'),
  },
  'instructor.gradescope.noResults': {
    ko: '채점기를 실행하지 못해 결과가 없습니다. 교수자에게 알려 주세요 (Gradescope의 자동 채점기 출력에 이유가 있습니다).',
    en: "The grader could not run, so there is no result. Tell your instructor (the reason is in Gradescope's autograder output).",
  },
  'instructor.exported': {
    ko: '✓ 학생용 저장소를 {dir} 에 만들었습니다: 실습 {n}개, 파일 {files}개 (solution/, mutants/, 교수자용 테스트·문서 제외).',
    en: '✓ Wrote the student repository to {dir}: {n} {n:exercise|exercises}, {files} {files:file|files} (without solution/, mutants/, instructor tests and docs).',
  },
  'instructor.lockfileRegenerated': {
    ko: '  pnpm-lock.yaml: 학생용 작업 공간에 맞춰 다시 만들었습니다 (pnpm install --lockfile-only, 로컬 저장소 우선).',
    en: '  pnpm-lock.yaml: regenerated for the student workspace (pnpm install --lockfile-only, local store first).',
  },
  'instructor.lockfileStale': {
    ko: '  주의: pnpm-lock.yaml 을 다시 만들지 못했습니다 ({reason}). 그 폴더에서 pnpm install 을 한 번 실행해 잠금 파일을 고치세요.',
    en: '  Warning: could not regenerate pnpm-lock.yaml ({reason}). Run pnpm install once in that folder to fix the lockfile.',
  },
  'instructor.exportNext': {
    ko: [
      '다음 할 일:',
      '  cd {dir} && pnpm install && pnpm grade     직접 확인 (시작 코드는 모두 `todo`)',
      '  git init && git add -A && git commit -m "course"   GitHub에 올려 템플릿 저장소로 씁니다',
      '  저장소의 `Settings → Secrets → Actions`에 GRADE_SEED(아무 정수)를 넣으면 CI 입력이 학생에게 숨겨집니다.',
    ].join('\n'),
    en: [
      'Next:',
      '  cd {dir} && pnpm install && pnpm grade     see it yourself (the starters are all todo)',
      '  git init && git add -A && git commit -m "course"   push it to GitHub and use it as a template repository',
      '  Add a GRADE_SEED secret (any integer) under Settings → Secrets → Actions to keep the CI inputs hidden.',
    ].join('\n'),
  },
} satisfies Record<string, Localized>;
