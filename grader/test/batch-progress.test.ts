/**
 * The batch's progress (`src/cli/batch-progress.ts`) with a fake clock: counts, rate, time left, a
 * bar redrawn in place on a terminal, plain lines (every twentieth of the class) in CI.
 */
import { describe, expect, it } from 'vitest';
import { BatchProgress, formatDuration } from '../src/cli/batch-progress.js';
import { textWidth } from '../src/report/text.js';

function progress(tty: boolean, lang: 'ko' | 'en' = 'en', columns = 80) {
  let clock = 0;
  let out = '';
  const bar = new BatchProgress({ lang, tty, columns, now: () => clock, write: (text) => (out += text) });
  return {
    bar,
    tick: (ms: number) => (clock += ms),
    out: () => out,
  };
}

describe('batch progress', () => {
  it('in CI: plain lines, never a carriage return; rate and time left from this run only', () => {
    const p = progress(false);
    p.bar.start({ total: 4, kept: 1, jobs: 2 });
    p.bar.line('kept: 10/10 (graded) (resumed)', true);
    p.tick(30_000);
    p.bar.line('a: 10/10 (graded)');
    p.tick(30_000);
    p.bar.line('b: 5/10 (graded)');
    p.tick(60_000);
    p.bar.line('c: 0/10 (graded)');
    expect(p.out().split('\n')).toEqual([
      'Grading 3 submissions, 2 at a time.',
      'kept: 10/10 (graded) (resumed)',
      'a: 10/10 (graded)',
      // 1 graded in 0.5 min: 2/min, 2 left: 1 min.
      '[2/4 done · 2.0/min · about 1 min 0 s left]',
      'b: 5/10 (graded)',
      '[3/4 done · 2.0/min · about 30 s left]',
      'c: 0/10 (graded)',
      '[4/4 done · 1.5/min · all done]',
      '',
    ]);
    expect(p.out()).not.toContain('\r');
  });

  it('prints a plain progress line every twentieth of a large class, and after the last', () => {
    const p = progress(false);
    p.bar.start({ total: 60, kept: 0, jobs: 2 });
    for (let i = 1; i <= 60; i++) {
      p.tick(1000);
      p.bar.line(`s${i}: 1/1 (graded)`);
    }
    const lines = p
      .out()
      .split('\n')
      .filter((line) => line.startsWith('['));
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('[3/60 done · 60.0/min · about 57 s left]');
    expect(lines.at(-1)).toBe('[60/60 done · 60.0/min · all done]');
  });

  it('on a terminal: one bar line redrawn under the submission lines, cleared at the end, never wider than the terminal', () => {
    const p = progress(true, 'ko', 50);
    p.bar.start({ total: 2, kept: 0, jobs: 2 });
    const [intro, first] = p.out().split('\n');
    expect(intro).toBe('제출물 2개를 2개씩 동시에 채점합니다.');
    expect(first!.startsWith(`${'░'.repeat(24)} 0/2개 완료 · 분당 –개`)).toBe(true);
    // Cut to the terminal's width (less one column, so the cursor never wraps), with an ellipsis.
    expect(textWidth(first!)).toBeLessThanOrEqual(49);
    expect(first!.endsWith('…')).toBe(true);
    p.tick(20_000);
    p.bar.line('kim-minji: 142/142 (graded)');
    const after = p.out().split('\r\u001b[2K').at(-1)!;
    expect(after.split('\n')[0]).toBe('kim-minji: 142/142 (graded)');
    const bar = after.split('\n')[1]!;
    expect(bar.startsWith(`${'█'.repeat(12)}${'░'.repeat(12)} 1/2개`)).toBe(true);
    expect(textWidth(bar)).toBeLessThanOrEqual(49);
    p.bar.end();
    expect(p.out().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('formats durations in both languages', () => {
    expect(formatDuration(42, 'ko')).toBe('42초');
    expect(formatDuration(250, 'en')).toBe('4 min 10 s');
    expect(formatDuration(2 * 3600 + 5 * 60 + 9, 'ko')).toBe('2시간 5분');
    expect(formatDuration(-3, 'en')).toBe('0 s');
  });
});
