import { describe, expect, it } from 'vitest';
import { fitWidth, padToWidth, textWidth, wrapToWidth } from '../src/report/text.js';

describe('textWidth and fitWidth', () => {
  it('counts Hangul and emoji as two cells, combining marks as none', () => {
    expect(textWidth('AND 게이트')).toBe(10);
    expect(textWidth('🎉 ok')).toBe(5);
    expect(textWidth('é')).toBe(1);
    expect(textWidth('wᵢ')).toBe(2);
  });

  it('cuts to the width with an ellipsis, never a cell over', () => {
    expect(fitWidth('퍼셉트론: 가중합', 8)).toBe('퍼셉트…');
    expect(fitWidth('퍼셉트론: 가중합', 9)).toBe('퍼셉트론…');
    expect(fitWidth('short', 10)).toBe('short');
    expect(fitWidth('abcdef', 4)).toBe('abc…');
    for (let width = 1; width < 20; width++) {
      expect(textWidth(fitWidth('And 게이트 학습: 라운드마다 표', width))).toBeLessThanOrEqual(width);
    }
  });
});

describe('wrapToWidth', () => {
  it('breaks at spaces without carrying a space to the next line', () => {
    expect(wrapToWidth('가중합 = Σ wᵢxᵢ + b', 10)).toEqual(['가중합 = Σ', 'wᵢxᵢ + b']);
    expect(wrapToWidth('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapToWidth('a\nb', 10)).toEqual(['a', 'b']);
  });

  it('cuts a word longer than a line, and never exceeds the width', () => {
    expect(wrapToWidth('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
    const text = 'andGate는 슬라이드의 AND_gate 코드를 옮기면 됩니다. OR은 (0,0)만 0, NAND는 (1,1)만 0';
    for (const width of [5, 12, 20, 33]) {
      const lines = wrapToWidth(text, width);
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });
});

describe('one measure for Korean, emoji, colours, links and combining marks', () => {
  const link = (text: string) => `\u001B]8;;file:///course/src/a.ts\u0007${text}\u001B]8;;\u0007`;

  it('counts columns as a terminal draws them', () => {
    expect(textWidth('통과')).toBe(4);
    expect(textWidth('소프트맥스 03')).toBe(13);
    expect(textWidth('\u001B[31m통과\u001B[39m')).toBe(4);
    expect(textWidth('\u001B[1m\u001B[38;5;196mab\u001B[0m')).toBe(2);
    expect(textWidth(link('src/a.ts'))).toBe(8);
    expect(textWidth(link('소스'))).toBe(4);
    expect(textWidth('👍🏽')).toBe(2);
    expect(textWidth('👨‍👩‍👧')).toBe(2);
    expect(textWidth('✅ 통과')).toBe(7);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('한\u0300')).toBe(2);
    expect(textWidth('ｆｕｌｌ')).toBe(8);
  });

  it('pads Korean and coloured cells to the same column', () => {
    const cells = ['통과', '\u001B[32mpass\u001B[39m', link('링크'), '👍 ok', 'abc'];
    for (const cell of cells) {
      expect(textWidth(padToWidth(cell, 10))).toBe(10);
      expect(textWidth(padToWidth(cell, 10, 'right'))).toBe(10);
    }
    expect(padToWidth('통과', 6, 'right')).toBe('  통과');
  });

  it('cuts coloured and linked text without breaking its escape codes', () => {
    const red = '\u001B[31m퍼셉트론: 가중합\u001B[39m';
    const cut = fitWidth(red, 8);
    expect(textWidth(cut)).toBeLessThanOrEqual(8);
    expect(cut).toContain('퍼셉트');
    expect(cut).toContain('\u001B[39m');
    expect(textWidth(fitWidth(link('exercises/03-softmax/src/softmax.ts'), 12))).toBeLessThanOrEqual(12);
    for (let width = 1; width < 12; width++) {
      expect(textWidth(fitWidth('🎉👍🏽 통과 e\u0301', width))).toBeLessThanOrEqual(width);
    }
  });

  it('wraps Korean with emoji and colours within the width', () => {
    const text = '\u001B[33m경고\u001B[39m: 🎉 축하합니다 모든 검사를 통과했습니다 e\u0301';
    for (const width of [4, 7, 10, 16]) {
      for (const line of wrapToWidth(text, width)) expect(textWidth(line)).toBeLessThanOrEqual(width);
    }
  });
});
