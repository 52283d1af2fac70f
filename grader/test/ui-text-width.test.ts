import { describe, expect, it } from 'vitest';
import { displayWidth, fitWidth } from '../src/ui/text-width.js';

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
