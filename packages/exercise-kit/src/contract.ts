/**
 * Return-type contracts: what a README says a student function returns ("a number, 0 or 1", "a flat
 * `number[]` of length n", "a `Tensor`", "{ n, y }"), checked before any value is compared. A
 * violation gets its own message naming the function and the contract, e.g. "`perceptron` must
 * return a number (0 or 1); it returned the string "1"", instead of a value comparison that leaves
 * the student to guess why `"1"` is not 1, or a pass (a `Tensor` reads as numbers like an array).
 *
 * An answer arrives from the sandbox as structured-clone data: a `Tensor` as `{ shape, data }`
 * (`data` a typed array), an array as an array, a typed array as a typed array.
 *
 * @example
 * ```ts
 * judge: (got, x) =>
 *   expectReturn(got, 'step', { type: 'number', oneOf: [0, 1] }, { what }) ?? expectClose(got, stepOf(x), { what }),
 * ```
 */
import { about } from './about.js';
import { fail, type WhatOption } from './judge.js';
import { withParticle } from './particle.js';
import type { Check, Localized, Verdict } from './protocol.js';
import { renderBrief } from './render.js';

/** What a function returns, as its README states it. */
export type Contract =
  /** A plain `number`; with `oneOf`, one of those values (a step's 0 or 1). */
  | { type: 'number'; oneOf?: readonly number[] }
  /** A plain (not typed) flat array of numbers; with `length`, exactly that many. */
  | { type: 'array'; length?: number }
  /** An array of rows, each a plain flat array of numbers (`number[][]`), with the counts given. */
  | { type: 'matrix'; rows?: number; cols?: number }
  /** An engine `Tensor` (not a plain array); with `shape`, that shape. */
  | { type: 'tensor'; shape?: readonly number[] }
  /** A plain array whose items each keep `of` (`Weights[]`); with `length`, exactly that many. */
  | { type: 'list'; of: Contract; length?: number }
  /** A plain object with these fields, each under its own contract (`{ n: number[], y: number[] }`). */
  | { type: 'object'; fields: Readonly<Record<string, Contract>> };

const isTensor = (v: unknown): v is { shape: number[]; data: ArrayLike<number> } =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as { shape?: unknown }).shape) &&
  ArrayBuffer.isView((v as { data?: unknown }).data);

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/**
 * The contract as the README says it: `a number (0 or 1)`, `a flat array of 3 numbers (number[])`.
 * The Korean ends in a word, not a parenthesis, so its particle reads right (`0 또는 1인 숫자를`).
 */
function contractText(contract: Contract): Localized {
  switch (contract.type) {
    case 'number':
      return contract.oneOf
        ? {
            ko: `${contract.oneOf.join(contract.oneOf.length === 2 ? ' 또는 ' : ', ')}인 숫자`,
            en: `a number (${contract.oneOf.join(contract.oneOf.length === 2 ? ' or ' : ', ')})`,
          }
        : { ko: '숫자', en: 'a number' };
    case 'array':
      return contract.length === undefined
        ? { ko: 'number[] 꼴의 평평한 숫자 배열', en: 'a flat array of numbers (number[])' }
        : {
            ko: `길이 ${contract.length}인 number[] 꼴의 평평한 숫자 배열`,
            en: `a flat array of ${contract.length} numbers (number[])`,
          };
    case 'matrix':
      return contract.rows !== undefined && contract.cols !== undefined
        ? {
            ko: `${contract.rows} × ${contract.cols} 크기의 number[][] 꼴의 행 배열`,
            en: `an array of rows (number[][], ${contract.rows} × ${contract.cols})`,
          }
        : { ko: 'number[][] 꼴의 행 배열', en: 'an array of rows (number[][])' };
    case 'tensor':
      return contract.shape
        ? {
            ko: `모양 ${shapeText(contract.shape)}의 Tensor`,
            en: `a Tensor of shape ${shapeText(contract.shape)}`,
          }
        : { ko: 'Tensor', en: 'a Tensor' };
    case 'object': {
      const fields = `{ ${Object.keys(contract.fields).join(', ')} }`;
      return { ko: `객체 ${fields}`, en: `an object ${fields}` };
    }
    case 'list': {
      const item = contractText(contract.of);
      return contract.length === undefined
        ? { ko: `${item.ko}의 배열`, en: `an array, each item ${item.en}` }
        : {
            ko: `${item.ko} ${contract.length}개의 배열`,
            en: `an array of ${contract.length} items, each ${item.en}`,
          };
    }
  }
}

/** What came back, named by its kind: `the string "1"`, `a nested array [[1], [2]]`, `a Tensor (shape [3])`. */
export function describeReturned(value: unknown): Localized {
  const shown = renderBrief(value);
  if (value === undefined) return { ko: 'undefined', en: 'undefined' };
  if (value === null) return { ko: 'null', en: 'null' };
  if (typeof value === 'string')
    return { ko: `문자열 ${JSON.stringify(value)}`, en: `the string ${JSON.stringify(value)}` };
  if (typeof value === 'number') return { ko: `숫자 ${shown}`, en: `the number ${shown}` };
  if (typeof value === 'boolean') return { ko: `불리언 값 ${shown}`, en: `the boolean ${shown}` };
  if (isTensor(value)) {
    const shape = shapeText(value.shape);
    return { ko: `모양 ${shape}인 Tensor`, en: `a Tensor (shape ${shape})` };
  }
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    return { ko: `${name} ${shown}`, en: `a ${name} ${shown}` };
  }
  if (Array.isArray(value)) {
    return value.some((item) => Array.isArray(item) || ArrayBuffer.isView(item))
      ? { ko: `중첩 배열 ${shown}`, en: `a nested array ${shown}` }
      : { ko: `배열 ${shown}`, en: `an array ${shown}` };
  }
  if (typeof value === 'object') return { ko: `객체 ${shown}`, en: `an object ${shown}` };
  return { ko: `${typeof value} 값 ${shown}`, en: `a ${typeof value} ${shown}` };
}

/** How `value` breaks a contract: what it is, a detail (which element), and where (a field path). */
interface Breach {
  returned: Localized;
  detail?: Localized;
  field?: string;
}

/** Why `value` breaks `contract`, or null when it keeps it. */
function breach(value: unknown, contract: Contract): Breach | null {
  const returned = describeReturned(value);
  switch (contract.type) {
    case 'number':
      if (typeof value !== 'number') return { returned };
      if (contract.oneOf && !contract.oneOf.includes(value)) return { returned };
      return null;
    case 'array': {
      if (!Array.isArray(value)) return { returned };
      const bad = value.findIndex((item) => typeof item !== 'number');
      if (bad >= 0) {
        // A nested array says so by its name; anything else names the first element that is no number.
        if (returned.en.startsWith('a nested')) return { returned };
        const item = describeReturned(value[bad]);
        return {
          returned,
          detail: { ko: `[${bad}]번째 값이 ${item.ko}`, en: `its element [${bad}] is ${item.en}` },
        };
      }
      if (contract.length !== undefined && value.length !== contract.length)
        return { returned, detail: { ko: `길이 ${value.length}`, en: `length ${value.length}` } };
      return null;
    }
    case 'matrix': {
      if (!Array.isArray(value)) return { returned };
      if (contract.rows !== undefined && value.length !== contract.rows)
        return {
          returned,
          detail: { ko: `행 ${value.length}개`, en: `${value.length} row${value.length === 1 ? '' : 's'}` },
        };
      for (let i = 0; i < value.length; i++) {
        const row = breach(value[i], {
          type: 'array',
          ...(contract.cols === undefined ? {} : { length: contract.cols }),
        });
        if (row) {
          const rowDetail = row.detail ? `, ${row.detail.ko}` : '';
          const rowDetailEn = row.detail ? `, ${row.detail.en}` : '';
          return {
            returned,
            detail: {
              ko: `[${i}]번째 행이 ${row.returned.ko}${rowDetail}`,
              en: `its row [${i}] is ${row.returned.en}${rowDetailEn}`,
            },
          };
        }
      }
      return null;
    }
    case 'tensor': {
      if (!isTensor(value)) return { returned };
      const { shape } = contract;
      if (shape && (value.shape.length !== shape.length || value.shape.some((d, i) => d !== shape[i])))
        return { returned };
      return null;
    }
    case 'list': {
      if (!Array.isArray(value)) return { returned };
      if (contract.length !== undefined && value.length !== contract.length)
        return { returned, detail: { ko: `길이 ${value.length}`, en: `length ${value.length}` } };
      for (let i = 0; i < value.length; i++) {
        const item = breach(value[i], contract.of);
        if (item) {
          const field = item.field ? { ko: `의 ${item.field}`, en: `.${item.field}` } : { ko: '', en: '' };
          return {
            returned,
            detail: {
              ko: `[${i}]번째 값${field.ko}${item.field ? '가' : '이'} ${item.returned.ko}`,
              en: `its [${i}]${field.en} is ${item.returned.en}`,
            },
          };
        }
      }
      return null;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || isTensor(value))
        return { returned };
      for (const [field, inner] of Object.entries(contract.fields)) {
        const wrong = breach((value as Record<string, unknown>)[field], inner);
        if (wrong) return { ...wrong, field: wrong.field ? `${field}.${wrong.field}` : field };
      }
      return null;
    }
  }
}

/** The contract of the `field` path inside an object contract (`n`, `a.b`). */
function fieldContract(contract: Contract, field: string | undefined): Contract {
  let current = contract;
  for (const name of field?.split('.') ?? []) {
    if (current.type !== 'object') break;
    current = current.fields[name] ?? current;
  }
  return current;
}

/**
 * Null when `got` (what `fn` returned) keeps `contract`; otherwise a failing verdict that names the
 * function and its contract: "`softmax` must return a flat array of numbers (number[]); it returned
 * a Tensor (shape [3])". Call it before comparing values, so a wrong type is never judged as a wrong
 * number. `fn` is the function's name as the README writes it (`forward`, `SGD.step`).
 *
 * @example
 * ```ts
 * const broken = expectReturn(got, 'perceptron', { type: 'number', oneOf: [0, 1] }, { what });
 * if (broken) return broken;
 * ```
 */
export function expectReturn(
  got: unknown,
  fn: string,
  contract: Contract,
  opts: WhatOption = {},
): Verdict | null {
  const wrong = breach(got, contract);
  if (!wrong) return null;
  const want = contractText(fieldContract(contract, wrong.field));
  const name = `\`${fn}\``;
  const detail = wrong.detail
    ? { ko: ` (${wrong.detail.ko})`, en: ` (${wrong.detail.en})` }
    : { ko: '', en: '' };
  // `…이어야` after a consonant, `…여야` after a vowel (`Tensor여야`, `숫자여야`).
  const must = withParticle(want.ko, '이').endsWith('이') ? '이어야' : '여야';
  const nothing = got === undefined && !wrong.field;
  const ko = wrong.field
    ? `${name} 함수의 결과 중 ${withParticle(wrong.field, '은')} ${want.ko}${must} 하는데 ${wrong.returned.ko}입니다${detail.ko}.`
    : nothing
      ? `${name} 함수는 ${withParticle(want.ko, '을')} 반환해야 하는데 아무것도 반환하지 않았습니다 (undefined).`
      : `${name} 함수는 ${withParticle(want.ko, '을')} 반환해야 하는데 ${withParticle(wrong.returned.ko, '을')} 반환했습니다${detail.ko}.`;
  const en = wrong.field
    ? `The ${wrong.field} of ${name}'s result must be ${want.en}; it is ${wrong.returned.en}${detail.en}.`
    : nothing
      ? `${name} must return ${want.en}; it returned nothing (undefined).`
      : `${name} must return ${want.en}; it returned ${wrong.returned.en}${detail.en}.`;
  return fail(about(opts.what, ko, en), { expected: want.en, got: renderBrief(got) });
}

/** Where `returning` finds the answers in a probe's output. */
export interface ReturningOptions {
  /** The probe returns one answer per case (`cases.map(...)`): each is held to the contract. */
  each?: boolean;
}

/**
 * `check` with `fn`'s return contract enforced before its judge: every answer (or each case's,
 * `{ each: true }`) that breaks `contract` fails with `expectReturn`'s message, and the judge only
 * ever compares values of the right type. `contract` may depend on the case (`(input, i) => ...`).
 *
 * @example
 * ```ts
 * returning('softmax', (cases, i) => ({ type: 'array', length: cases[i].length }), c({
 *   id: 'softmax-random', ..., probe: (student, cases) => cases.map((x) => student.softmax(x)), judge,
 * }), { each: true }),
 * ```
 */
export function returning<S, I, O>(
  fn: string,
  contract: Contract | ((input: I, index: number) => Contract),
  check: Check<S, I, O>,
  opts: ReturningOptions = {},
): Check<S, I, O> {
  return {
    ...check,
    judge: (output, input, ctx) => {
      const answers: unknown[] = opts.each && Array.isArray(output) ? output : [output];
      for (let i = 0; i < answers.length; i++) {
        const wanted = typeof contract === 'function' ? contract(input, i) : contract;
        const broken = expectReturn(answers[i], fn, wanted);
        if (broken) return broken;
      }
      return check.judge(output, input, ctx);
    },
  };
}
