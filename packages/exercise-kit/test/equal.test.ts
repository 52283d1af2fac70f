import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget, expectEqual } from '../src/index.js';
import { doubling, ReadCounter, roundTrip, selfHolding, withHole } from './answers.js';

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
});

describe('expectEqual', () => {
  it('compares deeply and names the first differing path', () => {
    expect(expectEqual([0, 0, 0, 1], [0, 0, 0, 1]).pass).toBe(true);
    expect(expectEqual({ a: [1, 2] }, { a: [1, 2] }).pass).toBe(true);
    const v = expectEqual({ a: [1, 3] }, { a: [1, 2] }, { what: { ko: 'x', en: 'x' } });
    expect(v.pass).toBe(false);
    expect(v.message.en).toBe('For x: at .a[1] expected 2, got 3.');
    expect(expectEqual([1], [1, 2]).message.en).toBe('expected [1, 2], got [1].');
    expect(expectEqual({ a: 1, b: 2 }, { a: 1 }).message.en).toBe('at .b expected undefined, got 2.');
    expect(expectEqual({ 'a b': 1 }, { 'a b': 2 }).message.en).toBe('at ["a b"] expected 2, got 1.');
    expect(expectEqual('1', 1).pass).toBe(false);
  });

  it('compares numbers by value, lists by elements, and other cloneable things by kind and content', () => {
    const same = (got: unknown, expected: unknown) => expectEqual(roundTrip(got), expected).pass;
    expect(same([Number.NaN], [Number.NaN])).toBe(true);
    expect(same([-0], [0])).toBe(true);
    expect(same([Infinity], [-Infinity])).toBe(false);
    expect(same(new Uint8Array([1, 2]), [1, 2])).toBe(true);
    expect(same([1n], [1])).toBe(false);
    expect(same(2n ** 70n, 2n ** 70n)).toBe(true);
    expect(same(new Date(5), new Date(5))).toBe(true);
    expect(same(new Date(5), new Date(6))).toBe(false);
    expect(same(new Date(5), {})).toBe(false);
    expect(same(/a/g, /a/g)).toBe(true);
    expect(same(/a/g, /a/i)).toBe(false);
    expect(same(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(true);
    expect(same(new Map([['a', 1]]), { a: 1 })).toBe(false);
    expect(same(new Set([1, 2]), new Set([1, 2]))).toBe(true);
    expect(same(new Set([1, 2]), new Set([1, 3]))).toBe(false);
    expect(same(withHole(), [1, undefined, 3])).toBe(true);
    expect(expectEqual(roundTrip(new Map([['a', 1]])), new Map([['a', 2]])).message.en).toBe(
      'at .entries()[0][1] expected 2, got 1.',
    );
  });

  it('judges shared rows like separate ones', () => {
    const row = [0, 1];
    expect(
      expectEqual(roundTrip([row, row]), [
        [0, 1],
        [0, 1],
      ]).pass,
    ).toBe(true);
    expect(
      expectEqual(roundTrip([row, row]), [
        [0, 1],
        [0, 2],
      ]).message.en,
    ).toBe('at [1][1] expected 2, got 1.');
  });

  it('reports a cycle in the answer, in both languages, at the top and nested', () => {
    const top = expectEqual(roundTrip(selfHolding([1])), [1, [1]]);
    expect(top.pass).toBe(false);
    expect(top.message.en).toBe(
      'the answer contains itself (a cycle) at [1]: the value there is an array or object that encloses it.',
    );
    expect(top.message.ko).toContain('답 안에 자기 자신이 들어 있습니다(순환): 위치 [1]');
    expect(top.got).toBe('[1, <cycle>]');
    const o: Record<string, unknown> = { a: 1, b: { c: [] } };
    ((o.b as Record<string, unknown>).c as unknown[]).push(o.b);
    const what = { ko: '설정', en: 'the settings' };
    expect(expectEqual(roundTrip(o), { a: 1, b: { c: [{ c: [] }] } }, { what }).message.en).toBe(
      'For the settings: the answer contains itself (a cycle) at .b.c[0]: the value there is an array or object that encloses it.',
    );
  });

  it('stops a shared answer at the budget, looking at no more than it allows', () => {
    const small = new Budget(100); // 8190 elements in the 2^12 doubling answer, compared to itself
    expect(expectEqual(roundTrip(doubling(12)), doubling(12), { budget: small }).message.en).toContain(
      'more than 100 elements',
    );
    expect(small.used).toBeLessThanOrEqual(100);
    const counter = new ReadCounter();
    const budget = new Budget(1000);
    const v = expectEqual(doubling(40, 1, counter.wrap), doubling(40), { budget });
    expect(v.pass).toBe(false);
    expect(v.message.en).toBe('the answer is too large to judge: more than 1,000 elements.');
    expect(v.message.ko).toBe('답이 너무 커서 채점할 수 없습니다: 원소가 1,000개를 넘습니다.');
    expect(budget.used).toBeLessThanOrEqual(1000);
    expect(counter.reads).toBeLessThanOrEqual(1000 + 300); // the walk, then `render` of the answer
  });

  it('decides on a huge answer of the wrong length without reading it', () => {
    const counter = new ReadCounter();
    const v = expectEqual(counter.wrap(new Array(1e7).fill('ab')), [
      [1, 2],
      [3, 4],
    ]);
    expect(v.message.en).toBe(
      'expected [[1, 2], [3, 4]], got ["ab", "ab", "ab", "ab", ..., "ab", "ab", "ab", "ab"].',
    );
    expect(counter.reads).toBe(8); // only what `render` shows
    const keys = new Budget(100);
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(expectEqual(wide, { k0: 0 }, { budget: keys }).message.en).toContain('too large to judge');
  });

  it('finds a round-tripped value equal to itself, and never throws', () => {
    fc.assert(fc.property(anything, (value) => expectEqual(roundTrip(value), value).pass));
    fc.assert(
      fc.property(anything, anything, (got, expected) => {
        const v = expectEqual(got, expected);
        expect(v.message.ko.length > 0 && v.message.en.length > 0).toBe(true);
      }),
    );
  });
});
