/**
 * Pictures in verdicts: what the grader keeps of them (core/pictures.ts, the boundary for data a
 * student can influence) and how the plain report and the JSON report carry them. The details
 * screen's drawing is tested in ui-pictures.test.tsx.
 */
import { MAX_PICTURES, type Picture } from '@gradschool/exercise-kit';
import { describe, expect, it } from 'vitest';
import { checkedTable, checkPictures } from '../src/core/pictures.js';
import { decide } from '../src/core/verdict.js';
import { toJsonReport } from '../src/report/json.js';
import { PLAIN_RAMP, renderPictures } from '../src/report/pictures.js';
import { renderPlain } from '../src/report/plain.js';
import { validateJsonReport } from '../src/report/schema.js';
import { renderTable } from '../src/report/table.js';
import { textWidth } from '../src/report/text.js';
import { fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

/** A 28 × 28 "1": a vertical bar of ink (255) in columns 13–14, rows 4–23, on a 0 background. */
function one(caption = 'true 1 → predicted 7 (97.0%)'): Picture {
  const pixels = Array.from({ length: 28 * 28 }, (_, i) => {
    const [row, col] = [Math.floor(i / 28), i % 28];
    return row >= 4 && row < 24 && (col === 13 || col === 14) ? 255 : 0;
  });
  return { caption: { ko: caption.replace('true', '정답'), en: caption }, width: 28, height: 28, pixels };
}

const stripAnsi = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '');

describe('checkPictures: only pictures that keep the contract are kept', () => {
  it('keeps a well-formed picture, rounding fractional grey levels', () => {
    const picture = { ...one(), pixels: one().pixels.map((p) => (p === 255 ? 254.6 : 0.2)) };
    const { pictures, dropped } = checkPictures([picture]);
    expect(dropped).toBe(0);
    expect(pictures[0]?.pixels.filter((p) => p === 255)).toHaveLength(40);
    expect(pictures[0]?.pixels.every((p) => p === 0 || p === 255)).toBe(true);
  });

  it('drops and counts pictures of the wrong size, out-of-range or non-numeric pixels, no caption', () => {
    const good = one();
    const bad: unknown[] = [
      { ...good, width: 65, height: 1, pixels: new Array(65).fill(0) }, // wider than 64
      { ...good, width: 0, height: 0, pixels: [] },
      { ...good, width: 2.5 },
      { ...good, pixels: good.pixels.slice(1) }, // one pixel short
      { ...good, pixels: good.pixels.map((p, i) => (i === 3 ? 256 : p)) },
      { ...good, pixels: good.pixels.map((p, i) => (i === 3 ? -1 : p)) },
      { ...good, pixels: good.pixels.map((p, i) => (i === 3 ? Number.NaN : p)) },
      { ...good, pixels: good.pixels.map((p, i) => (i === 3 ? '7' : p)) },
      { ...good, caption: 'one' },
      { ...good, caption: { ko: '하나' } },
      null,
      'a picture',
    ];
    expect(checkPictures([good, ...bad])).toEqual({ pictures: [good], dropped: bad.length });
    expect(checkPictures({ 0: good, length: 1 })).toEqual({ pictures: [], dropped: 1 });
    expect(checkPictures(undefined)).toEqual({ pictures: [], dropped: 0 });
  });

  it(`keeps at most ${MAX_PICTURES} and counts the rest`, () => {
    const many = Array.from({ length: MAX_PICTURES + 3 }, () => one());
    const { pictures, dropped } = checkPictures(many);
    expect(pictures).toHaveLength(MAX_PICTURES);
    expect(dropped).toBe(3);
  });

  it('removes escape codes and newlines from captions, so a caption cannot restyle the terminal', () => {
    const evil = one('\x1b[2J\x1b[32m✓ all passed\nline two');
    const [kept] = checkPictures([evil]).pictures;
    expect(kept?.caption.en).toBe('✓ all passed line two');
    expect(kept?.caption.en).not.toMatch(/[\x00-\x1f]/);
  });

  it("keeps a table's diagonal flag only when it is true", () => {
    const table = { head: ['', '0'], rows: [['0', 1]] };
    expect(checkedTable({ ...table, diagonal: true })?.diagonal).toBe(true);
    expect(checkedTable({ ...table, diagonal: 'yes' } as never)).toEqual(table);
  });

  it('decide() passes only the checked pictures on, with the number dropped', () => {
    // A judge's verdict as it may arrive: one picture broken (types cannot promise what data holds).
    const verdict = {
      pass: true,
      message: { ko: '좋아요', en: 'good' },
      pictures: [one(), { width: 99 } as unknown as Picture],
    };
    const check = { id: 'c', title: { ko: 'c', en: 'c' }, points: 2, probe: () => 0, judge: () => verdict };
    const outcome = { kind: 'value' as const, value: 0, unhandled: [], output: '', droppedChars: 0 };
    const ctx = { seed: 1, runSeed: 1, lang: 'en' as const };
    const decision = decide(check, outcome, undefined, ctx, { absolute: '/x.ts', shownAs: 'x.ts' }, 256);
    expect(decision.pictures).toEqual([one()]);
    expect(decision.picturesDropped).toBe(1);
    const none = decide(
      { ...check, judge: () => ({ pass: true, message: verdict.message }) },
      outcome,
      undefined,
      ctx,
      { absolute: '/x.ts', shownAs: 'x.ts' },
      256,
    );
    expect(none).not.toHaveProperty('pictures');
    expect(none).not.toHaveProperty('picturesDropped');
  });
});

describe('renderPictures: half blocks in colour, a character ramp without', () => {
  it('draws 28 × 28 as 28 columns × 14 rows of the plain ramp, the caption under it', () => {
    const lines = renderPictures([one()], { lang: 'en', width: 80, color: false });
    expect(lines).toHaveLength(15);
    const art = lines.slice(0, 14);
    for (const line of art) expect(line).toMatch(/^[.:+#]{28}$/);
    // Rows 4–23 of ink in columns 13–14 are text rows 2–11.
    expect(art[1]).toBe('.'.repeat(28));
    expect(art[2]).toBe(`${'.'.repeat(13)}##${'.'.repeat(13)}`);
    expect(art[11]).toBe(`${'.'.repeat(13)}##${'.'.repeat(13)}`);
    expect(art[12]).toBe('.'.repeat(28));
    expect(lines[14]).toBe('true 1 → predicted 7 (97.0%)');
    expect(PLAIN_RAMP).toEqual(['.', ':', '+', '#']);
  });

  it('draws grey levels with ▀, the upper pixel as foreground and the lower as background', () => {
    const half: Picture = { caption: { ko: '', en: 'edge' }, width: 2, height: 2, pixels: [255, 0, 0, 255] };
    const [row] = renderPictures([half], { lang: 'en', width: 80, color: true });
    // Left cell: top white (255), bottom black (232); right cell: the other way round.
    expect(row).toContain('\x1b[38;5;255;48;5;232m▀');
    expect(row).toContain('\x1b[38;5;232;48;5;255m▀');
    expect(row?.endsWith('\x1b[0m') || row?.includes('\x1b[0m')).toBe(true);
    const lines = renderPictures([one()], { lang: 'en', width: 80, color: true });
    for (const line of lines.slice(0, 14)) expect(textWidth(line)).toBe(28);
    expect(stripAnsi(lines[2] ?? '')).toBe('▀'.repeat(28));
  });

  it("an odd height leaves the last row's lower half as background", () => {
    const odd: Picture = { caption: { ko: '', en: '' }, width: 1, height: 3, pixels: [255, 255, 255] };
    // The last row is ink over background: the mean of 255 and 0, the ramp's second step.
    expect(renderPictures([odd], { lang: 'en', width: 80, color: false }).slice(0, 2)).toEqual(['#', ':']);
  });

  it('puts as many side by side as the width allows, captions wrapped under each, in the language asked', () => {
    const four = [one(), one(), one(), one()];
    const wide = renderPictures(four, { lang: 'ko', width: 120, color: false });
    // 4 × 28 + 3 × 2 = 118 columns: all four on one row; the captions wrap to 28 columns.
    expect(wide[0]).toBe(Array(4).fill('.'.repeat(28)).join('  '));
    expect(wide.slice(14).join(' ')).toContain('정답 1 → predicted 7 (97.0%)'.slice(0, 8));
    const narrow = renderPictures(four, { lang: 'en', width: 60, color: false });
    // Two per row, a blank line between the rows.
    expect(narrow[0]).toBe(`${'.'.repeat(28)}  ${'.'.repeat(28)}`);
    expect(narrow.filter((l) => l === '')).toHaveLength(1);
    expect(narrow).toHaveLength(2 * 15 + 1);
    for (const line of narrow) expect(textWidth(line)).toBeLessThanOrEqual(60);
    const one28 = renderPictures(four, { lang: 'en', width: 30, color: false });
    expect(one28.filter((l) => l === '')).toHaveLength(3);
  });
});

describe('a confusion matrix (a table with diagonal: true)', () => {
  const matrix = {
    head: ['정답\\예측', '0', '1'],
    rows: [
      ['0', 472, 3],
      ['1', 12, 584],
    ],
    diagonal: true,
  };

  it('brackets the diagonal and keeps the digits aligned', () => {
    const lines = renderTable(matrix);
    expect(lines[2]).toMatch(/^0\s+\[472\]\s+3$/);
    expect(lines[3]).toMatch(/^1\s+12\s+\[584\]$/);
    const endOf = (line: string, text: string) => textWidth(line.slice(0, line.indexOf(text) + text.length));
    expect(endOf(lines[2]!, '472')).toBe(endOf(lines[3]!, ' 12'));
    expect(endOf(lines[0]!, '0 ') - 1).toBe(endOf(lines[2]!, '472'));
  });

  it('styles only the diagonal cells with the highlight', () => {
    const lines = renderTable(matrix, { highlight: (cell) => `<${cell}>` });
    expect(lines[2]).toContain('<[472]>');
    expect(lines[3]).toContain('<[584]>');
    expect(lines.join('\n').match(/</g)).toHaveLength(2);
    expect(renderTable({ ...matrix, diagonal: false }).join('\n')).not.toContain('[');
  });
});

describe('pictures in the reports', () => {
  const report = () =>
    fakeReport([
      fakeExercise({
        id: '06-mnist',
        status: 'pass',
        checks: [
          fakeCheck({
            id: 'train-accuracy',
            status: 'pass',
            pictures: [one(), one()],
            table: {
              head: ['정답\\예측', '0', '1'],
              rows: [
                ['0', 9, 1],
                ['1', 2, 8],
              ],
              diagonal: true,
            },
          }),
          fakeCheck({ id: 'quiet', status: 'pass' }),
        ],
      }),
    ]);

  it('the plain report shows a passing check that drew pictures, with the ramp and its captions', () => {
    const text = renderPlain(report(), { lang: 'en', color: false, width: 80 });
    expect(text).toContain('✓ train-accuracy');
    expect(text).not.toContain('✓ quiet');
    expect(text).toContain(`${'.'.repeat(13)}##${'.'.repeat(13)}  ${'.'.repeat(13)}##`);
    expect(text).toContain('true 1 → predicted 7 (97.0%)');
    expect(text).toMatch(/0\s+\[9\]\s+1/);
    expect(text).not.toContain('\x1b[');
  });

  it('with colours, the plain report draws half blocks and a bold green diagonal', () => {
    const text = renderPlain(report(), { lang: 'en', color: true, width: 80 });
    expect(text).toContain('▀');
    expect(text).toContain('\x1b[1m\x1b[32m[9]\x1b[39m\x1b[22m');
  });

  it('the JSON report carries them, in the language asked, and keeps its schema', () => {
    const json = toJsonReport(report(), 'ko');
    const check = json.exercises[0]!.checks[0]!;
    expect(check.pictures?.[0]).toEqual({
      caption: '정답 1 → predicted 7 (97.0%)',
      width: 28,
      height: 28,
      pixels: one().pixels,
    });
    expect(check.table?.diagonal).toBe(true);
    expect(validateJsonReport(json)).toEqual([]);
    const bad = structuredClone(json);
    bad.exercises[0]!.checks[0]!.pictures![0]!.pixels[0] = 300;
    expect(validateJsonReport(bad)).not.toEqual([]);
    const tooWide = structuredClone(json);
    tooWide.exercises[0]!.checks[0]!.pictures![0]!.width = 65;
    expect(validateJsonReport(tooWide)).not.toEqual([]);
  });
});
