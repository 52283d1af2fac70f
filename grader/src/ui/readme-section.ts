/**
 * Where an exercise's README says what to write: the line of its "구현할 것" / "What to implement"
 * heading in each language (the README holds both, Korean first), so the UI can point a stuck student
 * at `exercises/03-softmax/README.md:19` (a terminal or an editor opens a `path:line` at that line).
 */
import type { Lang } from '@gradschool/exercise-kit';

/** The task heading in each language, as `new-exercise` writes it and every exercise keeps it. */
const TASK_HEADING: Record<Lang, RegExp> = {
  ko: /^##\s+구현할 것/,
  en: /^##\s+What to implement/i,
};

/**
 * The 1-based line of the task heading in each language, where the README has one.
 *
 * @example
 * ```ts
 * taskSectionLines('# 03\n## 구현할 것 (`src/softmax.ts`)\n...\n## What to implement'); // { ko: 2, en: 4 }
 * ```
 */
export function taskSectionLines(readme: string): Partial<Record<Lang, number>> {
  const lines = readme.split(/\r?\n/);
  const found: Partial<Record<Lang, number>> = {};
  for (const lang of ['ko', 'en'] as const) {
    const index = lines.findIndex((line) => TASK_HEADING[lang].test(line));
    if (index >= 0) found[lang] = index + 1;
  }
  return found;
}
