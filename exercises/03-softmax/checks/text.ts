/** Small text helpers shared by exercise 03's judges. */
import type { Localized, Verdict } from '@gradschool/exercise-kit';

/** The same text in both languages (code, formulas). */
export const code = (text: string): Localized => ({ ko: text, en: text });

/** A failing verdict with a hint (what to try) appended to its message; passing verdicts unchanged. */
export function withHint(verdict: Verdict, hint: Localized): Verdict {
  if (verdict.pass) return verdict;
  return {
    ...verdict,
    message: { ko: `${verdict.message.ko} ${hint.ko}`, en: `${verdict.message.en} ${hint.en}` },
  };
}
