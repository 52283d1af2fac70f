import { describe, expect, it } from 'vitest';
import { textWidth } from '../src/report/text.js';
import { axisLabel, legendLines, plotSeries } from '../src/ui/chart.js';

const text = (grid: { char: string }[][]) => grid.map((row) => row.map((c) => c.char).join(''));

describe('plotSeries', () => {
  it('draws a falling line from the top-left to the bottom-right in braille', () => {
    const { grid, min, max, length } = plotSeries([[4, 3, 2, 1, 0]], {
      width: 10,
      height: 4,
      mode: 'braille',
    });
    expect([min, max, length]).toEqual([0, 4, 5]);
    const rows = text(grid);
    // The first column's top row holds the start, the last column's bottom row the end.
    expect(rows[0]?.[0]).not.toBe(' ');
    expect(rows[3]?.[9]).not.toBe(' ');
    expect(rows[3]?.[0]).toBe(' ');
    expect(rows[0]?.[9]).toBe(' ');
    // Every character is braille or blank.
    expect(rows.join('')).toMatch(/^[\u2800-\u28ff ]+$/);
  });

  it('leaves no gap in a steep line (every row of the plot is touched)', () => {
    const { grid } = plotSeries([[100, 0]], { width: 4, height: 6, mode: 'braille' });
    for (const row of text(grid)) expect(row.trim()).not.toBe('');
  });

  it('marks the series that drew each cell, and uses per-series markers without colors', () => {
    const { grid } = plotSeries(
      [
        [1, 1, 1],
        [0, 0, 0],
      ],
      { width: 3, height: 3, mode: 'markers', markers: ['●', '×'] },
    );
    expect(text(grid)).toEqual(['●●●', '   ', '×××']);
    expect(grid[0]?.[0]?.series).toBe(0);
    expect(grid[2]?.[0]?.series).toBe(1);
  });

  it('skips non-finite values and copes with a flat or empty series', () => {
    const flat = plotSeries([[2, 2, Number.NaN, 2]], {
      width: 4,
      height: 3,
      mode: 'markers',
      markers: ['o'],
    });
    expect(text(flat.grid)).toEqual(['    ', 'oo o', '    ']);
    const empty = plotSeries([[]], { width: 3, height: 2, mode: 'braille' });
    expect(text(empty.grid)).toEqual(['   ', '   ']);
  });
});

describe('axisLabel', () => {
  it('keeps labels short', () => {
    expect(axisLabel(0.123456)).toBe('0.123');
    expect(axisLabel(12)).toBe('12');
    expect(axisLabel(0)).toBe('0');
    expect(axisLabel(0.00001234)).toBe('1.2e-5');
  });
});

describe('legendLines', () => {
  const OPTIMIZERS = ['SGD', 'Momentum', 'Nesterov', 'Adagrad', 'RMSprop', 'Adam'];
  const markers = ['●', '×', '+', '○', '*', '#'];
  const joined = (lines: { text: string }[][]) => lines.map((line) => line.map((e) => e.text).join('  '));

  it('names every series once, in order, with its key, on lines that fit the width', () => {
    for (const width of [20, 40, 52, 94]) {
      const lines = legendLines(OPTIMIZERS, (i) => markers[i] as string, width);
      expect(lines.flat().map((e) => e.series)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(lines.flat().map((e) => e.text)).toEqual(OPTIMIZERS.map((name, i) => `${markers[i]} ${name}`));
      for (const line of joined(lines)) expect(textWidth(line)).toBeLessThanOrEqual(width);
    }
    // Wide enough: one line; narrow: several.
    expect(legendLines(OPTIMIZERS, () => '━━', 94)).toHaveLength(1);
    expect(legendLines(OPTIMIZERS, () => '━━', 40).length).toBeGreaterThan(1);
  });

  it('cuts a name wider than the line, keeping its key, and measures Korean as two columns', () => {
    const lines = legendLines(['손실이 아주 긴 이름의 곡선', 'b'], () => '━━', 12);
    expect(lines[0]?.[0]?.text.startsWith('━━ ')).toBe(true);
    expect(lines[0]?.[0]?.text.endsWith('…')).toBe(true);
    for (const line of joined(lines)) expect(textWidth(line)).toBeLessThanOrEqual(12);
  });
});
