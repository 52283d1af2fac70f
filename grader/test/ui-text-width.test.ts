import { describe, expect, it } from 'vitest';
import { displayWidth, fitWidth, wrapToWidth } from '../src/ui/text-width.js';

describe('displayWidth and fitWidth', () => {
  it('counts Hangul and emoji as two cells, combining marks as none', () => {
    expect(displayWidth('AND 게이트')).toBe(10);
    expect(displayWidth('🎉 ok')).toBe(5);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('wᵢ')).toBe(2);
  });

  it('cuts to the width with an ellipsis, never a cell over', () => {
    expect(fitWidth('퍼셉트론: 가중합', 8)).toBe('퍼셉트…');
    expect(fitWidth('퍼셉트론: 가중합', 9)).toBe('퍼셉트론…');
    expect(fitWidth('short', 10)).toBe('short');
    expect(fitWidth('abcdef', 4)).toBe('abc…');
    for (let width = 1; width < 20; width++) {
      expect(displayWidth(fitWidth('And 게이트 학습: 라운드마다 표', width))).toBeLessThanOrEqual(width);
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
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });
});
