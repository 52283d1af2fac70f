import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allOf,
  expectClose,
  expectEqual,
  expectShape,
  fail,
  firstDifference,
  formatTolerance,
  isClose,
  pass,
  withParticle,
} from '../src/index.js';

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
    expect(() => firstDifference('a', [1])).toThrow(TypeError);
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
    expect(v.got).toBe('[0.2, 0.3, 0.5]');
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

describe('expectEqual', () => {
  it('compares deeply and names the first differing path', () => {
    expect(expectEqual([0, 0, 0, 1], [0, 0, 0, 1]).pass).toBe(true);
    expect(expectEqual({ a: [1, 2] }, { a: [1, 2] }).pass).toBe(true);
    const v = expectEqual({ a: [1, 3] }, { a: [1, 2] }, { what: { ko: 'x', en: 'x' } });
    expect(v.pass).toBe(false);
    expect(v.message.en).toBe('For x: at .a[1] expected 2, got 3.');
    expect(expectEqual([1], [1, 2]).message.en).toBe('expected [1, 2], got [1].');
    expect(expectEqual({ a: 1, b: 2 }, { a: 1 }).pass).toBe(false);
    expect(expectEqual('1', 1).pass).toBe(false);
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

describe('expectClose pass messages', () => {
  it('say what came back, for a number and for arrays', () => {
    expect(expectClose(0.5, 0.5, { what: { ko: 'f(1)', en: 'f(1)' } }).message.en).toBe(
      'For f(1): got 0.5, as expected.',
    );
    expect(expectClose([1, 2], [1, 2]).message.en).toBe('all 2 values match within tolerance.');
  });
});
