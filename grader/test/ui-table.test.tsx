import { afterEach, describe, expect, it } from 'vitest';
import { textWidth } from '../src/report/text.js';
import { CheckItem } from '../src/ui/components/CheckItem.js';
import { LossChart } from '../src/ui/components/LossChart.js';
import { check } from './ui-fakes.js';
import { type Rendered, renderAt } from './ui-render.js';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

const plain = (frame: string) => frame.replace(/\u001B\[[0-9;]*m/g, '');

const table = {
  head: ['옵티마이저', 'epoch 1 손실', 'epoch 3000 손실', '정답률'],
  rows: [
    ['SGD', 0.6821472, 0.6821, 0.5],
    ['Adam', 0.69, 0.0123456789, 1],
  ],
};

describe("a verdict's table on the details screen", () => {
  it('is drawn with its columns aligned, Korean counted two cells wide', () => {
    rendered = renderAt(<CheckItem check={check('compare', 'pass', { table })} lang="ko" columns={100} />);
    const lines = plain(rendered.lastFrame()).split('\n');
    const head = lines.find((l) => l.includes('옵티마이저')) ?? '';
    const sgd = lines.find((l) => l.includes('SGD')) ?? '';
    const adam = lines.find((l) => l.includes('Adam')) ?? '';
    expect(head).not.toBe('');
    expect(adam).toContain('0.0123457');
    // Numbers are right-aligned under their heading: each column ends at the same cell.
    const endOf = (line: string, text: string) => textWidth(line.slice(0, line.indexOf(text) + text.length));
    expect(endOf(sgd, '0.6821 ')).toBe(endOf(adam, '0.0123457 '));
    expect(endOf(head, '정답률')).toBe(endOf(adam, '  1'));
    expect(endOf(head, '정답률')).toBe(endOf(sgd, '0.5'));
  });

  it('is cut, not wrapped, in a narrow terminal', () => {
    rendered = renderAt(<CheckItem check={check('compare', 'pass', { table })} lang="ko" columns={40} />, 40);
    const lines = plain(rendered.lastFrame()).split('\n');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.filter((l) => l.includes('SGD'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('SGD'))).toMatch(/…$/);
  });
});

describe("a chart's x axis", () => {
  const values = Array.from({ length: 101 }, (_, i) => 1 / (i + 1));
  it("labels the chart's own x values (every 30th epoch), with the axis' name", () => {
    const x = values.map((_, i) => 1 + 30 * i);
    rendered = renderAt(
      <LossChart
        chart={{
          title: { ko: '손실', en: 'loss' },
          series: [{ name: 'adam', values }],
          x,
          xLabel: { ko: 'epoch', en: 'epoch' },
        }}
        lang="en"
        width={72}
      />,
    );
    const axis = plain(rendered.lastFrame()).split('\n').at(-1) ?? '';
    expect(axis.trim()).toMatch(/^1 +3001 epoch$/);
    expect(textWidth(axis)).toBeLessThanOrEqual(72);
  });

  it('numbers the points 1..n without x values', () => {
    rendered = renderAt(
      <LossChart
        chart={{ title: { ko: '손실', en: 'loss' }, series: [{ name: 'a', values }] }}
        lang="en"
        width={72}
      />,
    );
    expect((plain(rendered.lastFrame()).split('\n').at(-1) ?? '').trim()).toMatch(/^1 +101$/);
  });
});
