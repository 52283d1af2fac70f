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

/** True when `got` is a number within a relative 1e-6 of `value` (and `value` is not 0). */
const near = (got: unknown, value: number): boolean =>
  typeof got === 'number' && value !== 0 && Math.abs(got - value) <= 1e-6 * Math.abs(value);

/**
 * A hint when a loss came back a whole multiple of the expected value: the student summed where Keras
 * averages. `rows` is the batch size; `cols` the row length when the loss averages over each row
 * (MSE, binary cross-entropy), else 1. Null when the value is not such a multiple.
 */
export function averagingHint(got: unknown, expected: number, rows: number, cols = 1): Localized | null {
  if (rows > 1 && cols > 1 && near(got, expected * rows * cols))
    return {
      ko: `기대값의 정확히 ${rows * cols}배입니다: 더하기만 하고 평균을 내지 않았습니다. 행마다 평균(열 ${cols}개의 평균), 그다음 배치 평균(행 ${rows}개의 평균).`,
      en: `Exactly ${rows * cols} times the expected value: you summed without averaging. Average each row (divide by its ${cols} columns), then the batch (divide by its ${rows} rows).`,
    };
  if (rows > 1 && rows === cols && near(got, expected * rows))
    return {
      ko: `기대값의 정확히 ${rows}배입니다: 평균 하나가 빠졌습니다. 행마다 평균(열 ${cols}개의 평균)과 배치 평균(행 ${rows}개의 평균)을 모두 내세요.`,
      en: `Exactly ${rows} times the expected value: one mean is missing. Average within each row (${cols} columns) and over the batch (${rows} rows).`,
    };
  if (rows > 1 && near(got, expected * rows))
    return {
      ko: `기대값의 정확히 ${rows}배입니다: 행(샘플)마다의 손실을 더하기만 했습니다. 배치 평균이므로 행의 수(${rows})로 나누세요.`,
      en: `Exactly ${rows} times the expected value: you added up the per-row losses. The batch value is their mean: divide by the ${rows} rows.`,
    };
  if (cols > 1 && near(got, expected * cols))
    return {
      ko: `기대값의 정확히 ${cols}배입니다: 한 행 안에서 더하기만 했습니다. Keras는 행 안에서도 평균을 냅니다 (열 ${cols}개의 평균).`,
      en: `Exactly ${cols} times the expected value: you summed within each row. Keras averages within a row too (divide by its ${cols} columns).`,
    };
  return null;
}

/** `withHint` with a hint that may be missing. */
export const withOptionalHint = (verdict: Verdict, hint: Localized | null): Verdict =>
  hint ? withHint(verdict, hint) : verdict;
