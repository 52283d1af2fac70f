/**
 * The README of a new exercise: Korean first, English below, with the sections the course's
 * READMEs share. It names every export of the starter (`pnpm verify` checks that).
 */
import type { ExerciseNames } from '../naming.js';
import type { ExerciseTexts } from './exercise-files.js';

/** `README.md` of a new exercise, with `<!-- 교수자 / instructor -->` notes where to write. */
export function readmeSource(names: ExerciseNames, texts: ExerciseTexts): string {
  const nn = names.id.slice(0, 2);
  const slides = texts.slides.length > 0 ? texts.slides.join(' → ') : '(슬라이드 제목 / slide titles)';
  return `# ${nn} — ${texts.title.ko}

> 강의 3강 슬라이드: **${slides}**
>
> English below.

<!-- 교수자 / instructor: 이 README 는 예시 과제(dot, weightedSum)에 맞춰 있습니다. 실습을 바꾸면 함께 바꾸세요.
     pnpm verify 는 src 의 모든 export 가 여기 나오는지 확인합니다. -->

## 슬라이드가 가르치는 것

${texts.summary.ko}

## 구현할 것 (\`${names.studentFile}\`)

\`\`\`ts
dot(a: readonly number[], b: readonly number[]): number            // Σ aᵢbᵢ
weightedSum(x: readonly number[], w: readonly number[], b: number): number   // dot(x, w) + b
\`\`\`

## 예

\`\`\`ts
dot([1, 2, 3], [4, 5, 6]); // 32
weightedSum([1, 1], [0.4, 0.2], -0.5); // 0.1 (부동소수점 오차 안에서)
\`\`\`

## 채점

\`\`\`sh
pnpm grade ${nn}          # 이 실습만
pnpm grade ${nn} --watch  # 저장할 때마다 다시 채점
\`\`\`

---

# ${nn} — ${texts.title.en}

> Lecture 3 slides: **${slides}**

## What the slides teach

${texts.summary.en}

## What to implement (\`${names.studentFile}\`)

\`\`\`ts
dot(a: readonly number[], b: readonly number[]): number            // Σ aᵢbᵢ
weightedSum(x: readonly number[], w: readonly number[], b: number): number   // dot(x, w) + b
\`\`\`

## Examples

\`\`\`ts
dot([1, 2, 3], [4, 5, 6]); // 32
weightedSum([1, 1], [0.4, 0.2], -0.5); // 0.1 (up to rounding)
\`\`\`

## Grading

\`\`\`sh
pnpm grade ${nn}          # this exercise only
pnpm grade ${nn} --watch  # regrade on every save
\`\`\`
`;
}
