import { afterEach, describe, expect, it } from 'vitest';
import { textWidth } from '../src/report/text.js';
import { CheckItem } from '../src/ui/components/CheckItem.js';
import { ThemeContext } from '../src/ui/theme.js';
import { check } from './ui-fakes.js';
import { type Rendered, renderAt } from './ui-render.js';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

const plain = (frame: string) => frame.replace(/\u001B\[[0-9;]*m/g, '');

/** A 28 × 28 bar of ink in columns 13–14. */
const digit = {
  caption: { ko: '정답 1 → 예측 7 (97.0%)', en: 'true 1 → predicted 7 (97.0%)' },
  width: 28,
  height: 28,
  pixels: Array.from({ length: 784 }, (_, i) => (i % 28 === 13 || i % 28 === 14 ? 255 : 0)),
};
const matrix = {
  head: ['정답\\예측', '0', '1'],
  rows: [
    ['0', 9, 1],
    ['1', 2, 8],
  ],
  diagonal: true,
};

function draw(color: boolean, columns: number) {
  return renderAt(
    <ThemeContext.Provider value={{ color }}>
      <CheckItem
        check={check('train-accuracy', 'pass', { pictures: [digit, digit, digit], table: matrix })}
        lang="ko"
        columns={columns}
      />
    </ThemeContext.Provider>,
    columns,
  );
}

describe('pictures on the details screen', () => {
  it('draws grey half blocks side by side when the terminal has colours', () => {
    rendered = draw(true, 100);
    const frame = rendered.lastFrame();
    expect(frame).toContain('▀');
    // The ink's cells: a white foreground over a white background (Ink may split the codes).
    expect(frame).toMatch(/\x1b\[38;5;255m\x1b\[48;5;255m|\x1b\[38;5;255;48;5;255m/);
    const lines = plain(frame).split('\n');
    const art = lines.filter((l) => l.includes('▀'));
    // Three pictures of 28 columns fit in 98 columns: one row of 14 text lines.
    expect(art).toHaveLength(14);
    expect(art[0]?.match(/▀+/g)?.map((run) => run.length)).toEqual([28, 28, 28]);
    expect(lines.filter((l) => l.includes('정답 1 → 예측 7'))).toHaveLength(1);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(100);
  });

  it('draws the plain ramp under NO_COLOR: two pictures in 70 columns, the third on a row of its own', () => {
    rendered = draw(false, 70);
    const frame = rendered.lastFrame();
    expect(frame).not.toContain('▀');
    expect(frame).not.toContain('\x1b[');
    const art = frame.split('\n').filter((l) => /^\s*[.:+#]{28}/.test(l));
    // Every picture is drawn: the details screen pages by lines (Space, PgDn) down to the last row.
    expect(art).toHaveLength(28);
    expect(art[0]?.trim()).toBe(`${'.'.repeat(13)}##${'.'.repeat(13)}  ${'.'.repeat(13)}##${'.'.repeat(13)}`);
    expect(art[14]?.trim()).toMatch(/^[.:+#]{28}$/);
  });

  it('highlights the confusion matrix diagonal: brackets always, bold green with colours', () => {
    rendered = draw(true, 100);
    expect(rendered.lastFrame()).toMatch(/\x1b\[1m\x1b\[32m\[9\]/);
    rendered.unmount();
    rendered = draw(false, 100);
    expect(rendered.lastFrame()).toMatch(/0\s+\[9\]\s+1/);
  });

  it('says how many pictures were dropped', () => {
    rendered = renderAt(
      <CheckItem check={check('x', 'pass', { picturesDropped: 2 })} lang="en" columns={100} />,
    );
    expect(plain(rendered.lastFrame())).toContain('2 pictures not shown');
  });
});
