/**
 * Return-type contracts (`expectReturn`): each kind of violation has its own message naming the
 * function and the contract, in both languages, and what keeps the contract passes.
 */
import { describe, expect, it } from 'vitest';
import { type Contract, expectClose, expectReturn } from '../src/index.js';

const tensor = (shape: number[], values: number[]) => ({ shape, data: Float64Array.from(values) });

/** The verdict's message, or 'ok' when the contract holds. */
function said(got: unknown, fn: string, contract: Contract) {
  const verdict = expectReturn(got, fn, contract);
  if (!verdict) return 'ok';
  expect(verdict.pass).toBe(false);
  return verdict.message;
}

describe('expectReturn', () => {
  it('a number, 0 or 1: a string, another number, a boolean, nothing', () => {
    const step: Contract = { type: 'number', oneOf: [0, 1] };
    expect(said('1', 'perceptron', step)).toEqual({
      ko: '`perceptron` 함수는 0 또는 1인 숫자를 반환해야 하는데 문자열 "1"을 반환했습니다.',
      en: '`perceptron` must return a number (0 or 1); it returned the string "1".',
    });
    expect(said(0.7, 'step', step)).toEqual({
      ko: '`step` 함수는 0 또는 1인 숫자를 반환해야 하는데 숫자 0.7을 반환했습니다.',
      en: '`step` must return a number (0 or 1); it returned the number 0.7.',
    });
    expect(said(true, 'andGate', step)).toEqual({
      ko: '`andGate` 함수는 0 또는 1인 숫자를 반환해야 하는데 불리언 값 true를 반환했습니다.',
      en: '`andGate` must return a number (0 or 1); it returned the boolean true.',
    });
    expect(said(undefined, 'argmax', { type: 'number' })).toEqual({
      ko: '`argmax` 함수는 숫자를 반환해야 하는데 아무것도 반환하지 않았습니다 (undefined).',
      en: '`argmax` must return a number; it returned nothing (undefined).',
    });
    expect(said([0.5], 'meanSquaredError', { type: 'number' })).toEqual({
      ko: '`meanSquaredError` 함수는 숫자를 반환해야 하는데 배열 [0.5]를 반환했습니다.',
      en: '`meanSquaredError` must return a number; it returned an array [0.5].',
    });
    expect(said(1, 'step', step)).toBe('ok');
    expect(said(Number.NaN, 'mse', { type: 'number' })).toBe('ok'); // a number: its value is judged next
  });

  it('a flat array: a Tensor, a nested array, a typed array, a wrong length, a non-number inside', () => {
    const three: Contract = { type: 'array', length: 3 };
    expect(said(tensor([3], [0.2, 0.2, 0.6]), 'softmax', three)).toEqual({
      ko: '`softmax` 함수는 길이 3인 number[] 꼴의 평평한 숫자 배열을 반환해야 하는데 모양 [3]인 Tensor를 반환했습니다.',
      en: '`softmax` must return a flat array of 3 numbers (number[]); it returned a Tensor (shape [3]).',
    });
    expect(said([[0.2], [0.2], [0.6]], 'softmax', three)).toEqual({
      ko: '`softmax` 함수는 길이 3인 number[] 꼴의 평평한 숫자 배열을 반환해야 하는데 중첩 배열 [[0.2], [0.2], [0.6]]을 반환했습니다.',
      en: '`softmax` must return a flat array of 3 numbers (number[]); it returned a nested array [[0.2], [0.2], [0.6]].',
    });
    expect(said(Float64Array.from([0, 1]), 'oneHot', { type: 'array' })).toEqual({
      ko: '`oneHot` 함수는 number[] 꼴의 평평한 숫자 배열을 반환해야 하는데 Float64Array [0, 1]을 반환했습니다.',
      en: '`oneHot` must return a flat array of numbers (number[]); it returned a Float64Array [0, 1].',
    });
    expect(said([0.5, 0.5], 'softmax', three)).toEqual({
      ko: '`softmax` 함수는 길이 3인 number[] 꼴의 평평한 숫자 배열을 반환해야 하는데 배열 [0.5, 0.5]를 반환했습니다 (길이 2).',
      en: '`softmax` must return a flat array of 3 numbers (number[]); it returned an array [0.5, 0.5] (length 2).',
    });
    expect(said([1, '0'], 'oneHot', { type: 'array' })).toEqual({
      ko: '`oneHot` 함수는 number[] 꼴의 평평한 숫자 배열을 반환해야 하는데 배열 [1, "0"]을 반환했습니다 ([1]번째 값이 문자열 "0").',
      en: '`oneHot` must return a flat array of numbers (number[]); it returned an array [1, "0"] (its element [1] is the string "0").',
    });
    expect(said([0.2, 0.2, 0.6], 'softmax', three)).toBe('ok');
  });

  it('rows: a flat array, a wrong number of rows, a row of the wrong length', () => {
    expect(said([1, 0], 'oneHotBatch', { type: 'matrix' })).toEqual({
      ko: '`oneHotBatch` 함수는 number[][] 꼴의 행 배열을 반환해야 하는데 배열 [1, 0]을 반환했습니다 ([0]번째 행이 숫자 1).',
      en: '`oneHotBatch` must return an array of rows (number[][]); it returned an array [1, 0] (its row [0] is the number 1).',
    });
    const twoByTwo: Contract = { type: 'matrix', rows: 2, cols: 2 };
    expect(said([[1, 0]], 'oneHotBatch', twoByTwo)).toEqual({
      ko: '`oneHotBatch` 함수는 2 × 2 크기의 number[][] 꼴의 행 배열을 반환해야 하는데 중첩 배열 [[1, 0]]을 반환했습니다 (행 1개).',
      en: '`oneHotBatch` must return an array of rows (number[][], 2 × 2); it returned a nested array [[1, 0]] (1 row).',
    });
    expect(said([[1, 0], [0]], 'oneHotBatch', twoByTwo)).toEqual({
      ko: '`oneHotBatch` 함수는 2 × 2 크기의 number[][] 꼴의 행 배열을 반환해야 하는데 중첩 배열 [[1, 0], [0]]을 반환했습니다 ([1]번째 행이 배열 [0], 길이 1).',
      en: '`oneHotBatch` must return an array of rows (number[][], 2 × 2); it returned a nested array [[1, 0], [0]] (its row [1] is an array [0], length 1).',
    });
    expect(
      said(
        [
          [1, 0],
          [0, 1],
        ],
        'oneHotBatch',
        twoByTwo,
      ),
    ).toBe('ok');
  });

  it('a Tensor: a plain array, the wrong shape', () => {
    expect(said([0.2, 0.8], 'softmaxTensor', { type: 'tensor' })).toEqual({
      ko: '`softmaxTensor` 함수는 Tensor를 반환해야 하는데 배열 [0.2, 0.8]을 반환했습니다.',
      en: '`softmaxTensor` must return a Tensor; it returned an array [0.2, 0.8].',
    });
    expect(said(tensor([1, 2], [0.2, 0.8]), 'softmaxTensor', { type: 'tensor', shape: [2] })).toEqual({
      ko: '`softmaxTensor` 함수는 모양 [2]의 Tensor를 반환해야 하는데 모양 [1, 2]인 Tensor를 반환했습니다.',
      en: '`softmaxTensor` must return a Tensor of shape [2]; it returned a Tensor (shape [1, 2]).',
    });
    expect(said(tensor([2], [0.2, 0.8]), 'softmaxTensor', { type: 'tensor', shape: [2] })).toBe('ok');
  });

  it('an object: not an object, a field breaking its own contract', () => {
    const forward: Contract = { type: 'object', fields: { n: { type: 'array' }, y: { type: 'array' } } };
    expect(said([[0.5], [0.5]], 'forward', forward)).toEqual({
      ko: '`forward` 함수는 객체 { n, y }를 반환해야 하는데 중첩 배열 [[0.5], [0.5]]를 반환했습니다.',
      en: '`forward` must return an object { n, y }; it returned a nested array [[0.5], [0.5]].',
    });
    expect(said({ n: [[0.5]], y: [1, 0] }, 'forward', forward)).toEqual({
      ko: '`forward` 함수의 결과 중 n은 number[] 꼴의 평평한 숫자 배열이어야 하는데 중첩 배열 [[0.5]]입니다.',
      en: "The n of `forward`'s result must be a flat array of numbers (number[]); it is a nested array [[0.5]].",
    });
    expect(said({ n: [0.5] }, 'forward', forward)).toEqual({
      ko: '`forward` 함수의 결과 중 y는 number[] 꼴의 평평한 숫자 배열이어야 하는데 undefined입니다.',
      en: "The y of `forward`'s result must be a flat array of numbers (number[]); it is undefined.",
    });
    expect(said({ n: [0.5], y: [1, 0] }, 'forward', forward)).toBe('ok');
  });

  it('comes before the value comparison, which would judge a Tensor as numbers and pass it', () => {
    const got = tensor([3], [0.2, 0.2, 0.6]);
    expect(expectClose(got, [0.2, 0.2, 0.6]).pass).toBe(true);
    const verdict = expectReturn(
      got,
      'softmax',
      { type: 'array' },
      { what: { ko: 'softmax(x)', en: 'softmax(x)' } },
    );
    expect(verdict?.message.en).toBe(
      'For softmax(x): `softmax` must return a flat array of numbers (number[]); it returned a Tensor (shape [3]).',
    );
    expect(verdict?.got).toBe('tensor([0.2, 0.2, 0.6], shape=[3])');
  });
});

describe('expectReturn on a list', () => {
  const weights: Contract = { type: 'object', fields: { w: { type: 'array' }, b: { type: 'number' } } };
  it('names the item that breaks the contract', () => {
    expect(
      said(
        [
          { w: [0.1], b: 0.2 },
          { w: [0.1], b: '0.2' },
        ],
        'trainRound',
        { type: 'list', of: weights },
      ),
    ).toEqual({
      ko: '`trainRound` 함수는 객체 { w, b }의 배열을 반환해야 하는데 배열 [{ w: [0.1], b: 0.2 }, { w: [0.1], b: "0.2" }]를 반환했습니다 ([1]번째 값의 b가 문자열 "0.2").',
      en: '`trainRound` must return an array, each item an object { w, b }; it returned an array [{ w: [0.1], b: 0.2 }, { w: [0.1], b: "0.2" }] (its [1].b is the string "0.2").',
    });
    expect(said({ w: [0.1], b: 0.2 }, 'trainRound', { type: 'list', of: weights, length: 4 })).toEqual({
      ko: '`trainRound` 함수는 객체 { w, b } 4개의 배열을 반환해야 하는데 객체 { w: [0.1], b: 0.2 }를 반환했습니다.',
      en: '`trainRound` must return an array of 4 items, each an object { w, b }; it returned an object { w: [0.1], b: 0.2 }.',
    });
    expect(said([{ w: [0.1], b: 0.2 }], 'trainRound', { type: 'list', of: weights })).toBe('ok');
  });
});
