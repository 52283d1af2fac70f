import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allOf,
  Budget,
  expectClose,
  expectEqual,
  expectShape,
  fail,
  firstDifference,
  formatTolerance,
  isClose,
  MAX_ELEMENTS,
  pass,
  withParticle,
} from '../src/index.js';
import { doubling, ReadCounter, roundTrip, selfHolding } from './answers.js';

const what = { ko: 'softmax([1, 1, 2])', en: 'softmax([1, 1, 2])' };

describe('pass / fail', () => {
  it('builds verdicts with bilingual messages and extras', () => {
    expect(pass()).toEqual({ pass: true, message: { ko: '통과했습니다.', en: 'Passed.' } });
    const v = fail({ ko: '틀림', en: 'wrong' }, { got: '3', pass: true });
    expect(v.pass).toBe(false);
    expect(v.got).toBe('3');
  });
});

describe('isClose', () => {
  it('follows |a - b| <= atol + rtol |b|', () => {
    expect(isClose(1, 1 + 1e-7)).toBe(true);
    expect(isClose(1, 1.001)).toBe(false);
    expect(isClose(0, 1e-10)).toBe(true);
    expect(isClose(0, 1e-3, 0, 1e-2)).toBe(true);
    expect(isClose(Number.NaN, 1)).toBe(false);
    expect(isClose(1, Number.NaN)).toBe(false);
    expect(isClose(Number.NaN, Number.NaN)).toBe(true);
    expect(isClose(Infinity, Infinity)).toBe(true);
    expect(isClose(Infinity, -Infinity)).toBe(false);
  });

  it('is reflexive for every finite number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (x) => isClose(x, x)));
  });
});

describe('firstDifference', () => {
  it('names the first differing index', () => {
    expect(
      firstDifference(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 5],
        ],
      ),
    ).toEqual({ index: [1, 1], got: 4, expected: 5 });
    expect(firstDifference([1, 2], [1, 2])).toBeNull();
    expect(firstDifference([1], [1, 2])).toEqual({ index: [1], got: Number.NaN, expected: 2 });
    expect(firstDifference('a', [1])).toEqual({ kind: 'not-numeric' });
    expect(firstDifference(roundTrip(selfHolding()), [1])).toEqual({ kind: 'cycle', path: '[0]' });
    expect(firstDifference(doubling(40), [1])).toEqual({ kind: 'too-large', limit: MAX_ELEMENTS });
    expect(() => firstDifference([1], 'a')).toThrow(TypeError);
  });

  it('agrees with a naive element-by-element comparison on any two numeric arrays', () => {
    const values = fc.array(fc.oneof(fc.double(), fc.constantFrom(0, 1, -0)), { maxLength: 6 });
    fc.assert(
      fc.property(values, values, fc.boolean(), (a, b, nested) => {
        const wrap = (xs: number[]) => (nested ? xs.map((x) => [x]) : xs);
        const n = Math.max(a.length, b.length);
        let naive: { index: number[]; got: number; expected: number } | null = null;
        for (let i = 0; i < n && !naive; i++) {
          const [x, y] = [a[i] ?? Number.NaN, b[i] ?? Number.NaN];
          if (!isClose(x, y)) naive = { index: nested ? [i, 0] : [i], got: x, expected: y };
        }
        expect(firstDifference(roundTrip(wrap(a)), wrap(b))).toEqual(naive);
      }),
    );
  });
});

describe('expectShape', () => {
  it('is null for the right shape and explains a wrong one', () => {
    expect(expectShape([[1, 2]], [1, 2])).toBeNull();
    const v = expectShape([1, 2, 3], [2], { what });
    expect(v?.pass).toBe(false);
    expect(v?.message.en).toBe('For softmax([1, 1, 2]): expected shape [2], got shape [3].');
    expect(v?.message.ko).toContain('[3]');
    expect(expectShape('nope', [2])?.message.en).toContain('got a string');
    expect(expectShape({}, [2])?.message.en).toBe('expected numbers of shape [2], got an object: {}');
  });

  it('says, in both languages, when the answer holds itself', () => {
    const v = expectShape(roundTrip(selfHolding()), [2], { what });
    expect(v?.pass).toBe(false);
    expect(v?.message.en).toBe(
      'For softmax([1, 1, 2]): the answer contains itself (a cycle) at [0]: the value there is an array or object that encloses it.',
    );
    expect(v?.message.ko).toBe(
      'softmax([1, 1, 2]): 답 안에 자기 자신이 들어 있습니다(순환): 위치 [0]의 값이 그것을 감싼 배열이나 객체 자신입니다.',
    );
    expect(v?.got).toBe('[<cycle>]');
  });
});

describe('expectClose', () => {
  const expected = [0.21194156, 0.21194156, 0.57611688];

  it('passes within tolerance and fills expected/got', () => {
    const v = expectClose([0.211941557, 0.211941557, 0.576116885], expected, { atol: 1e-6, what });
    expect(v.pass).toBe(true);
    expect(v.expected).toBe('[0.21194156, 0.21194156, 0.57611688]');
  });

  it('names the index, expected, got and the input', () => {
    const v = expectClose([0.2, 0.3, 0.5], expected, { what });
    expect(v.pass).toBe(false);
    expect(v.message.en).toBe(
      'For softmax([1, 1, 2]): at [0] expected 0.21194156, got 0.2 (rtol=1e-6, atol=1e-9).',
    );
    expect(v.message.ko).toBe(
      'softmax([1, 1, 2]): 위치 [0]에서 0.21194156을 기대했지만 0.2가 나왔습니다 (rtol=1e-6, atol=1e-9).',
    );
    // The row marks where the first difference is.
    expect(v.got).toBe('[>>0.2<<, 0.3, 0.5]');
    expect(v.expected).toBe('[>>0.21194156<<, 0.21194156, 0.57611688]');
  });

  it('reports wrong types, shapes and NaN specifically', () => {
    expect(expectClose(undefined, expected).message.en).toContain('undefined (nothing returned)');
    expect(expectClose([1, 2], expected).message.en).toContain('expected shape [3], got shape [2]');
    expect(expectClose([0.2, Number.NaN, 0.5], [0.2, 0.3, 0.5]).message.en).toContain('got NaN at [1]');
    expect(expectClose(2, 3).message.en).toBe('expected 3, got 2 (rtol=1e-6, atol=1e-9).');
  });

  it('leaves the tolerances out of an exact comparison, and a zero one out of the rest', () => {
    expect(expectClose(2, 3, { rtol: 0, atol: 0 }).message).toEqual({
      ko: '3을 기대했지만 2가 나왔습니다.',
      en: 'expected 3, got 2.',
    });
    expect(expectClose(2, 3, { rtol: 0, atol: 5e-7 }).message.en).toBe('expected 3, got 2 (atol=5e-7).');
    expect(formatTolerance(0.000001)).toBe('1e-6');
    expect(formatTolerance(0.01)).toBe('0.01');
    expect(formatTolerance(1.5e-8)).toBe('1.5e-8');
  });

  it('chooses Korean particles by the last syllable, digits by their reading', () => {
    expect(expectClose(1, 0.5).message.ko).toBe('0.5를 기대했지만 1이 나왔습니다 (rtol=1e-6, atol=1e-9).');
    expect(expectClose(7, 8).message.ko).toBe('8을 기대했지만 7이 나왔습니다 (rtol=1e-6, atol=1e-9).');
    expect(expectClose(4, 9).message.ko).toBe('9를 기대했지만 4가 나왔습니다 (rtol=1e-6, atol=1e-9).');
    expect(expectClose(1, 1).message.ko).toBe('1로 맞습니다.');
    expect(expectClose(3, 3).message.ko).toBe('3으로 맞습니다.');
    expect(expectEqual('사과', '배').message.ko).toBe('"배"를 기대했지만 "사과"가 나왔습니다.');
    const digits = [...'0123456789'].map((d) => withParticle(d, '을'));
    expect(digits).toEqual(['0을', '1을', '2를', '3을', '4를', '5를', '6을', '7을', '8을', '9를']);
    expect(['영', '이', '삼'].map((w) => withParticle(w, '은'))).toEqual(['영은', '이는', '삼은']);
    expect(withParticle('[1, 2]', '이')).toBe('[1, 2]가');
    expect(withParticle('NaN', '이')).toBe('NaN이');
    expect(withParticle('Infinity', '을')).toBe('Infinity를');
    expect(withParticle('서울', '으로')).toBe('서울로');
    expect(expectShape(undefined, [2])?.message.ko).toContain('undefined(반환값 없음)이 나왔습니다');
    expect(expectShape([1, 2], [4, 2])?.message.ko).toBe('모양이 [4, 2]여야 하는데 [2]입니다.');
    expect(expectShape([1, 2], [3])?.message.ko).toBe('모양이 [3]이어야 하는데 [2]입니다.');
  });

  it('accepts tensors and typed arrays', () => {
    const tensorLike = { shape: [1, 2], data: new Float64Array([1, 2]) };
    expect(expectClose(tensorLike, [[1, 2]]).pass).toBe(true);
    expect(expectClose(new Float32Array([1, 2]), [1, 2]).pass).toBe(true);
    expect(expectClose([1, 2], new Float64Array([1, 2.5])).message.en).toContain(
      'at [1] expected 2.5, got 2',
    );
  });
});

describe('allOf', () => {
  const ok = pass({ ko: 'a', en: 'a' });
  const bad = fail({ ko: 'b', en: 'b' }, { got: '2' });

  it('passes when all pass, and the first failure wins', () => {
    expect(allOf([ok, ok]).pass).toBe(true);
    expect(allOf([ok])).toBe(ok);
    const v = allOf([ok, bad, fail({ ko: 'c', en: 'c' })]);
    expect(v.pass).toBe(false);
    expect(v.message.en).toBe('b (1 of 3 cases right)');
    expect(v.got).toBe('2');
    expect(v.fraction).toBeUndefined();
  });

  it('gives the passed fraction as partial credit when asked', () => {
    expect(allOf([ok, bad, ok, bad], { partial: true }).fraction).toBe(0.5);
  });
});

describe('expectClose on answers that are huge, shared or cyclic', () => {
  const square = [
    [1, 2],
    [3, 4],
  ];

  it('fails the 2^40 doubling answer at once, saying it is too large for the expected shape', () => {
    const counter = new ReadCounter();
    const budget = new Budget();
    const v = expectClose(doubling(40, 1, counter.wrap), square, { budget });
    expect(v.pass).toBe(false);
    expect(v.message).toEqual({
      ko: '답이 너무 커서 채점할 수 없습니다: 원소가 4,000,000개를 넘습니다 (기대한 모양 [2, 2]).',
      en: 'the answer is too large to judge: more than 4,000,000 elements (expected shape [2, 2]).',
    });
    expect(v.expected).toBe('[[1, 2], [3, 4]]');
    expect(v.got).toBe('[[[[...], [...]], [[...], [...]]], [[[...], [...]], [[...], [...]]]]'); // its form, briefly
    expect(budget.used).toBe(0);
    expect(counter.reads).toBeLessThan(40 + 300); // the shape's first elements, then what `render` shows
    expect(expectClose(roundTrip(doubling(40)), square).message.en).toContain('too large to judge');
  });

  it('judges a shared answer within the budget, and refuses it past the budget', () => {
    const full = (depth: number): unknown => (depth === 0 ? 1 : [full(depth - 1), full(depth - 1)]);
    const expected = full(10) as number[];
    expect(expectClose(roundTrip(doubling(10)), expected).pass).toBe(true);
    const row = [0, 0];
    expect(
      expectClose(roundTrip([row, row]), [
        [0, 0],
        [0, 0],
      ]).pass,
    ).toBe(true);
    expect(
      expectClose(roundTrip([row, row]), [
        [0, 0],
        [0, 1],
      ]).message.en,
    ).toContain('at [1, 1] expected 1, got 0');
    const budget = new Budget(2045); // 2046 elements: 1024 numbers in 1022 arrays
    expect(expectClose(roundTrip(doubling(10)), expected, { budget }).message.en).toBe(
      'the answer is too large to judge: more than 2,045 elements (expected shape [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]).',
    );
  });

  it('reports a nested cycle where it is', () => {
    const b: unknown[][] = [
      [1, 2],
      [3, 4],
    ];
    (b[1] as unknown[])[1] = b;
    const v = expectClose(roundTrip(b), square);
    expect(v.message.en).toContain('the answer contains itself (a cycle) at [1][1]');
    expect(v.got).toBe('[[1, 2], [3, <cycle>]]');
  });

  it('fails a huge array of strings at its first element, showing only its ends', () => {
    const counter = new ReadCounter();
    const v = expectClose(counter.wrap(new Array(1e7).fill('ab')), square);
    expect(v.message.en).toBe(
      'expected numbers of shape [2, 2], got an array that is ragged or holds non-numbers: ["ab", "ab", "ab", "ab", ..., "ab", "ab", "ab", "ab"]',
    );
    expect(counter.reads).toBe(1 + 8);
  });

  it('keeps NaN, infinities and -0 through typed arrays and the round trip', () => {
    const values = [Number.NaN, Infinity, -Infinity, -0];
    expect(expectClose(roundTrip(new Float64Array(values)), values).pass).toBe(true);
    expect(expectClose(roundTrip(values), new Float64Array(values)).pass).toBe(true);
    expect(expectClose(roundTrip([-0]), [0]).pass).toBe(true);
    expect(expectClose(roundTrip([Infinity]), [-Infinity]).message.en).toContain(
      'expected -Infinity, got Infinity',
    );
  });

  it('never throws, whatever the answer', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(anything, (got) => {
        for (const v of [expectClose(got, square), expectShape(got, [2, 2]), expectClose(got, 1)])
          if (v) expect(v.message.ko.length > 0 && v.message.en.length > 0).toBe(true);
        firstDifference(got, square);
      }),
    );
  });
});

describe('expectClose pass messages', () => {
  it('say what came back, for a number and for arrays', () => {
    expect(expectClose(0.5, 0.5, { what: { ko: 'f(1)', en: 'f(1)' } }).message.en).toBe(
      'For f(1): got 0.5, as expected.',
    );
    expect(expectClose([1, 2], [1, 2]).message.en).toBe('all 2 values match within tolerance.');
  });
});
