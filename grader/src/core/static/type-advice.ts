/**
 * What the TypeScript errors students meet most often mean, and how to fix them, in both languages.
 * The compiler's own text (`Object is possibly 'undefined'.`) is exact but says nothing about
 * `noUncheckedIndexedAccess` or what to write instead; this does.
 */
import type { Localized } from '@gradschool/exercise-kit';

const possiblyUndefined: Localized = {
  ko: '배열이나 객체에서 꺼낸 값(x[i])은 undefined일 수도 있다고 TypeScript가 봅니다 (noUncheckedIndexedAccess). 값이 꼭 있다면 x[i]!, 없을 수도 있다면 기본값을 주어 x[i] ?? 0으로 쓰세요.',
  en: 'TypeScript treats a value read from an array or object (x[i]) as possibly undefined (noUncheckedIndexedAccess). If it is surely there write x[i]!, otherwise give a default: x[i] ?? 0.',
};

const mismatch: Localized = {
  ko: '값의 타입이 그 자리에서 기대하는 타입과 다릅니다. 반환하거나 넘기는 값이 맞는 타입인지 확인하세요 (number와 number[], 문자열과 숫자, number | undefined와 number).',
  en: 'The value does not have the type expected there. Check what you return or pass (number vs number[], a string vs a number, number | undefined vs number).',
};

/** Advice by TypeScript error code (`2532` for TS2532). */
const ADVICE: Record<number, Localized> = {
  2532: possiblyUndefined,
  18048: possiblyUndefined,
  2322: mismatch,
  2345: mismatch,
  7006: {
    ko: '매개변수에 타입이 없습니다 (암묵적 any). (x: number)나 (xs: number[])처럼 타입을 적으세요.',
    en: 'A parameter has no type (implicit any). Write its type, like (x: number) or (xs: number[]).',
  },
  2339: {
    ko: '그 속성이나 메서드가 이 타입에는 없습니다. 이름의 철자와, 값이 배열인지 숫자인지 객체인지 확인하세요.',
    en: 'That property or method does not exist on this type. Check its spelling, and whether the value is an array, a number or an object.',
  },
  2304: {
    ko: '그 이름을 찾을 수 없습니다. 철자를 확인하고, 다른 파일이나 패키지에 있다면 import하세요.',
    en: 'That name is not defined. Check its spelling, and import it if it lives in another file or package.',
  },
};

/**
 * The explanation and fix for a TypeScript error code, or undefined for codes without advice.
 *
 * @example
 * ```ts
 * typeAdvice(2532)?.en; // "TypeScript treats a value read from an array ... x[i] ?? 0."
 * ```
 */
export function typeAdvice(code: number): Localized | undefined {
  return ADVICE[code];
}
