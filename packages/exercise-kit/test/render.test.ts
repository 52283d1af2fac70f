import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Budget,
  digitsToTell,
  expectClose,
  expectEqual,
  render,
  renderDifference,
  renderNumber,
  renderNumberPair,
} from '../src/index.js';
import { renderBrief } from '../src/render.js';
import { doubling, KeyListCounter, ReadCounter, roundTrip, selfHolding, withHole } from './answers.js';

describe('renderNumber', () => {
  it('keeps 8 significant digits and drops trailing zeros', () => {
    expect(renderNumber(0.21194155761708544)).toBe('0.21194156');
    expect(renderNumber(1)).toBe('1');
    expect(renderNumber(-0)).toBe('0');
    expect(renderNumber(1e-12)).toBe('1e-12');
    expect(renderNumber(Number.NaN)).toBe('NaN');
    expect(renderNumber(-Infinity)).toBe('-Infinity');
  });
});

describe('render', () => {
  it('renders arrays, nested arrays, tensors and objects', () => {
    expect(render([0.2119415576, 0.5761168847])).toBe('[0.21194156, 0.57611688]');
    expect(
      render([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('[[1, 2], [3, 4]]');
    expect(render({ shape: [2], data: new Float64Array([1, 2]) })).toBe('tensor([1, 2], shape=[2])');
    expect(render({ shape: [2, 2], data: [1, 2, 3, 4] })).toBe('tensor([[1, 2], [3, 4]], shape=[2, 2])');
    expect(render({ shape: [2], data: [1, 'a'] })).toBe('{ shape: [2], data: [1, "a"] }');
    expect(render({ loss: 0.5, names: ['a'] })).toBe('{ loss: 0.5, names: ["a"] }');
    expect(render(undefined)).toBe('undefined');
    expect(render(new RangeError('bad'))).toBe('RangeError: bad');
  });

  it('renders whatever else crosses the sandbox', () => {
    const shown = (value: unknown) => render(roundTrip(value));
    expect(
      shown(
        new Map<unknown, unknown>([
          ['a', 1],
          [2, [3]],
        ]),
      ),
    ).toBe('Map(2) { "a" => 1, 2 => [3] }');
    expect(shown(new Set([1, 'x']))).toBe('Set(2) { 1, "x" }');
    expect(shown(new Map())).toBe('Map(0) {}');
    expect(shown(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(shown(new Date(Number.NaN))).toBe('Invalid Date');
    expect(shown(/ab+/g)).toBe('/ab+/g');
    expect(shown(new Uint8Array([1, 2]))).toBe('[1, 2]');
    expect(shown(new BigInt64Array([1n, -2n]))).toBe('[1n, -2n]');
    expect(shown(new ArrayBuffer(4))).toBe('ArrayBuffer(4)');
    expect(shown(Object(1))).toBe('Number(1)');
    expect(shown(Object('s'))).toBe('String("s")');
    expect(shown(-(2n ** 64n))).toBe('-18446744073709551616n');
    expect(shown(2n ** 10_000n)).toBe('<BigInt of about 3011 digits>');
    expect(shown(withHole())).toBe('[1, undefined, 3]');
    expect(shown([Number.NaN, Infinity, -Infinity, -0])).toBe('[NaN, Infinity, -Infinity, 0]');
    expect(render(Object.create(null))).toBe('{}');
    expect(render(Symbol('s'))).toBe('Symbol(s)');
  });

  it('summarises long axes, long objects and long strings', () => {
    const long = Array.from({ length: 100 }, (_, i) => i);
    expect(render(long)).toBe('[0, 1, 2, 3, ..., 96, 97, 98, 99]');
    expect(render(new Array(1e7).fill('ab'))).toBe('["ab", "ab", "ab", "ab", ..., "ab", "ab", "ab", "ab"]');
    const keys = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]));
    expect(render(keys)).toBe('{ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, ... }');
    expect(render('x'.repeat(5000)).length).toBeLessThanOrEqual(1200);
    expect(render('x'.repeat(5000)).endsWith('...')).toBe(true);
  });

  it('shows a cycle as <cycle> and a shared value in full', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(render(roundTrip(cyclic))).toBe('{ a: 1, self: <cycle> }');
    expect(render(roundTrip(selfHolding([1])))).toBe('[1, <cycle>]');
    const row = [0, 0];
    expect(render(roundTrip([row, row]))).toBe('[[0, 0], [0, 0]]');
  });

  it('looks at a bounded part of a huge, deep or shared answer', () => {
    const counter = new ReadCounter();
    const text = render(doubling(40, 1, counter.wrap));
    expect(text.length).toBeLessThanOrEqual(1200);
    expect(text.startsWith('[[[[[[[[...], [...]], [[...], [...]]]')).toBe(true);
    expect(counter.reads).toBeLessThan(300); // 2^7 arrays at most above the cut, 2 reads each

    const strings = new ReadCounter();
    render(strings.wrap(new Array(1e7).fill('ab')));
    expect(strings.reads).toBe(8);

    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(render(deep)).toBe('[[[[[[[[...]]]]]]]]');
  });

  it('has a brief form for answers too large to judge', () => {
    expect(renderBrief(doubling(40))).toBe(
      '[[[[...], [...]], [[...], [...]]], [[[...], [...]], [[...], [...]]]]',
    );
    expect(renderBrief(Array.from({ length: 100 }, () => 'x'.repeat(100))).length).toBeLessThanOrEqual(200);
    expect(renderBrief([1, 2])).toBe('[1, 2]');
  });

  it('stops where its budget runs out, with what it has', () => {
    const budget = new Budget(5);
    expect(
      render(
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        budget,
      ),
    ).toBe('[...');
    expect(budget.used).toBeLessThanOrEqual(5);
    const big = { shape: [3000], data: new Array(3000).fill(1) };
    const tensorBudget = new Budget(1000);
    expect(render(big, tensorBudget)).toBe('{ shape: [3000], data: [1, 1, 1, 1, ..., 1, 1, 1, 1] }');
    expect(tensorBudget.used).toBeLessThanOrEqual(1000);

    // A wide object shared many times: each visit lists all its keys, so they count.
    const counter = new KeyListCounter();
    const wide = counter.wrap(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])));
    const keysBudget = new Budget(35_000);
    expect(render(new Array(100).fill([wide]), keysBudget).endsWith('...')).toBe(true);
    expect(counter.lists).toBe(4); // the fourth listing is the one refused
    expect(keysBudget.used).toBeLessThanOrEqual(35_000);
  });

  it('never throws and stays short, whatever the value', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(anything, fc.boolean(), (value, cyclic) => {
        if (cyclic && typeof value === 'object' && value !== null && !ArrayBuffer.isView(value))
          (value as Record<string, unknown>).again = value;
        const text = render(value);
        expect(typeof text).toBe('string');
        expect(text.length).toBeLessThanOrEqual(1200);
      }),
    );
  });
});

describe('differences you can see', () => {
  // 05's Adagrad with ε outside the square root: at 8 digits both rows read [2.3082222, …].
  const want = 2.30822223991683;
  const got = 2.3082222442504;

  it('digitsToTell finds the fewest digits (8 to 17) at which two numbers differ', () => {
    expect(digitsToTell(0.5, 0.25)).toBe(8);
    expect(digitsToTell(want, got)).toBe(10);
    expect(digitsToTell(0.3, 0.1 + 0.2)).toBe(17);
    expect(digitsToTell(1, 1)).toBe(17);
  });

  it('renderNumberPair keeps trailing zeros past 8 digits, and reads back exactly at 17', () => {
    expect(renderNumberPair(0.5, 0.25)).toEqual(['0.5', '0.25']);
    expect(renderNumberPair(want, got)).toEqual(['2.308222240', '2.308222244']);
    expect(renderNumberPair(0.3, 0.1 + 0.2)).toEqual(['0.3', '0.30000000000000004']);
    expect(renderNumberPair(Number.NaN, 1)).toEqual(['NaN', '1']);
  });

  it('renderDifference shows rows that differ, the first difference marked in both', () => {
    const rows = renderDifference([want, 2.6130155, 3], [got, 2.6130155, 3], {
      index: [0],
      expected: want,
      got,
    });
    expect(rows).toEqual({
      expected: '[>>2.308222240<<, 2.6130155, 3]',
      got: '[>>2.308222244<<, 2.6130155, 3]',
    });
    expect(rows.expected).not.toBe(rows.got);
  });

  it('keeps the marked element in view inside a summarised axis, and marks nested and tensor elements', () => {
    const long = Array.from({ length: 30 }, (_, i) => i);
    const other = [...long];
    other[15] = 15.5;
    const rows = renderDifference(long, other, { index: [15], expected: 15, got: 15.5 });
    expect(rows.expected).toBe('[0, 1, 2, 3, ..., 14, >>15<<, 16, ..., 26, 27, 28, 29]');
    expect(rows.got).toBe('[0, 1, 2, 3, ..., 14, >>15.5<<, 16, ..., 26, 27, 28, 29]');
    expect(
      renderDifference(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 5],
        ],
        { index: [1, 1], expected: 4, got: 5 },
      ).got,
    ).toBe('[[1, 2], [3, >>5<<]]');
    const t = { data: Float64Array.from([1, 2, 3, 4]), shape: [2, 2] };
    expect(renderDifference(t, t, { index: [0, 1], expected: 2, got: 2 }).got).toBe(
      'tensor([[1, >>2<<], [3, 4]], shape=[2, 2])',
    );
  });

  it('does not mark a lone number, and leaves render as it was', () => {
    expect(renderDifference(want, got, { index: [], expected: want, got })).toEqual({
      expected: '2.308222240',
      got: '2.308222244',
    });
    expect(render(Array.from({ length: 30 }, (_, i) => i))).toBe('[0, 1, 2, 3, ..., 26, 27, 28, 29]');
  });

  it('expectClose and expectEqual use them for their rows and messages', () => {
    const close = expectClose([want, 1], [got, 1], { rtol: 1e-12 });
    expect(close.pass).toBe(false);
    expect(close.expected).toBe('[>>2.308222244<<, 1]');
    expect(close.got).toBe('[>>2.308222240<<, 1]');
    expect(close.message.en).toContain('expected 2.308222244, got 2.308222240');
    const exact = expectEqual([1, 0.1 + 0.2], [1, 0.3]);
    expect(exact.message.en).toContain('expected 0.3, got 0.30000000000000004');
    expect(exact.got).toBe('[1, 0.30000000000000004]');
  });
});
