/**
 * The configuration files of a new exercise: `package.json` and `tsconfig.json` shaped like the
 * existing exercises', and `exercise.json` (the manifest, valid against the schema as generated).
 */
import type { ExerciseManifest, Localized } from '@gradschool/exercise-kit';
import type { ExerciseNames } from '../naming.js';

/** What the author tells `new-exercise` (prompts or flags); anything missing gets a placeholder. */
export interface ExerciseTexts {
  title: Localized;
  summary: Localized;
  section: Localized;
  slides: string[];
}

/** Placeholders that say what to write; `pnpm verify` accepts them, the author replaces them. */
export function defaultTexts(names: ExerciseNames): ExerciseTexts {
  return {
    title: { ko: `(제목을 쓰세요) ${names.slug}`, en: `(write the title) ${names.slug}` },
    summary: {
      ko: '(이 실습에서 학생이 만드는 것과 배우는 것을 한두 문장으로 쓰세요.)',
      en: '(Say in one or two sentences what the student builds and learns.)',
    },
    section: { ko: '3강 신경망 및 딥러닝 개요', en: 'Lecture 3, neural networks' },
    slides: [],
  };
}

/** `package.json`: a private workspace package depending on the engine and the kit. */
export function packageJson(names: ExerciseNames, texts: ExerciseTexts): string {
  const pkg = {
    name: names.packageName,
    version: '0.1.0',
    private: true,
    description: `Lecture 3: ${texts.title.en}`,
    type: 'module',
    engines: { node: '>=20' },
    scripts: { 'check-types': 'tsc --noEmit', lint: 'biome check .', test: 'vitest run --passWithNoTests' },
    dependencies: { '@gradschool/autograd': 'workspace:*', '@gradschool/exercise-kit': 'workspace:*' },
    devDependencies: { '@types/node': '^20.19.0', typescript: '~5.9.3', vitest: '~4.1.12' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** `tsconfig.json`: the starter, the solution and the checks are all type-checked. */
export function tsconfigJson(): string {
  const config = {
    extends: '../../tsconfig.base.json',
    compilerOptions: { noEmit: true },
    include: ['src', 'solution', 'checks', 'test', 'checks.ts', 'checks.hidden.ts', 'vitest.config.ts'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** `vitest.config.ts`: tests of the judges' own helpers go in `test/` (none yet). */
export function vitestConfig(): string {
  return `import shared from '../../vitest.shared.js';\n\nexport default shared;\n`;
}

/** `exercise.json`: id, order, texts, the student file, three hints (nudge, formula, pitfall). */
export function manifest(names: ExerciseNames, texts: ExerciseTexts): ExerciseManifest {
  return {
    $schema: '../../grader/schema/exercise.schema.json',
    id: names.id,
    order: names.order,
    title: texts.title,
    summary: texts.summary,
    lecture: { section: texts.section, slides: texts.slides },
    files: [names.studentFile],
    hints: [
      {
        ko: '한 번에 하나씩: dot 부터 만드세요. 같은 위치의 원소끼리 곱해서 모두 더하면 됩니다.',
        en: 'One at a time: start with dot. Multiply the elements at the same position and add everything up.',
      },
      {
        ko: '식: dot(a, b) = Σᵢ aᵢ·bᵢ, weightedSum(x, w, b) = dot(x, w) + b.',
        en: 'Formulas: dot(a, b) = Σᵢ aᵢ·bᵢ, weightedSum(x, w, b) = dot(x, w) + b.',
      },
      {
        ko: '함정: 반복문의 끝은 i < a.length 입니다 (마지막 원소를 빠뜨리지 마세요). 0.1·0.3 + 0.2·0.4 는 정확히 0.11 이 아니어도 됩니다 — 채점은 허용 오차 안에서 비교합니다.',
        en: "Pitfall: the loop runs while i < a.length (don't drop the last element). 0.1·0.3 + 0.2·0.4 need not be exactly 0.11: the grader compares within a tolerance.",
      },
    ],
    timeLimitMs: 5000,
    forbiddenImports: [],
  };
}
