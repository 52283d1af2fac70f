/**
 * Tables that stay true: the top README's exercise tables are what `pnpm docs:tables` generates from
 * the manifests and suites, and every number in the grader README's screen pictures (an exercise's
 * maximum, the course total, the hidden points) is the course's real one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coursePoints, type ExercisePoints, exerciseTable, withTables } from '../src/dev/docs-tables.js';
import { REPO_ROOT } from './helpers.js';

const rows = await coursePoints(REPO_ROOT);
const total = rows.reduce((sum, r) => sum + r.points, 0);
const hidden = rows.reduce((sum, r) => sum + r.hiddenPoints, 0);

describe('the top README', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('has the exercise tables pnpm docs:tables generates (run it when this fails)', () => {
    expect(withTables(readme, rows)).toBe(readme);
  });

  it('names every exercise with its points, and the total', () => {
    for (const row of rows) expect(readme).toContain(`| \`${row.id}\` | ${row.title.ko} |`);
    expect(readme).toContain(`| 합계 | | | ${total}${hidden ? ` + 비공개 ${hidden}` : ''} |`);
    expect(readme).toContain(`| total | | | ${total}${hidden ? ` + ${hidden} hidden` : ''} |`);
  });

  it('would be rewritten if an exercise changed: a stale table is caught', () => {
    const changed: ExercisePoints[] = rows.map((r, i) => (i === 0 ? { ...r, points: r.points + 1 } : r));
    expect(withTables(readme, changed)).not.toBe(readme);
    expect(() => withTables('# no markers\n', rows)).toThrow(/exercises:ko/);
  });

  it('writes hidden points beside the public ones', () => {
    const table = exerciseTable(
      [
        {
          id: '01-x',
          title: { ko: '엑스', en: 'X' },
          slides: ['a|b'],
          points: 5,
          hiddenChecks: 1,
          hiddenPoints: 3,
        },
      ],
      'en',
    );
    expect(table).toContain('| `01-x` | X | a\\|b | 5 + 3 hidden |');
    expect(table).toContain('| total | | | 5 + 3 hidden |');
  });
});

describe("the grader README's screen pictures", () => {
  const text = readFileSync(path.join(REPO_ROOT, 'grader', 'README.md'), 'utf8');
  const byNumber = new Map(rows.map((r) => [r.id.slice(0, 2), r]));

  it("show each exercise's real maximum", () => {
    // `✓ 01 퍼셉트론: …  28/28점 통과`, `! 03 One-hot … error 0/32 pts`
    const found = [...text.matchAll(/^[›\s]*[✓✗!⠋] (\d\d) .*? \d+(?:\.\d+)?\/(\d+)(?:점| pts)/gm)];
    expect(found.length).toBeGreaterThanOrEqual(rows.length);
    for (const [line, number, max] of found) {
      expect(byNumber.has(number!), line).toBe(true);
      expect(Number(max), line).toBe(byNumber.get(number!)!.points);
    }
  });

  it('show the real course total, and the real hidden checks', () => {
    const totals = [...text.matchAll(/ \d+\/(\d{3})(?:점| pts| points)/g)].map((m) => Number(m[1]));
    expect(totals.length).toBeGreaterThan(0);
    expect(new Set(totals)).toEqual(new Set([total]));
    const hiddenChecks = rows.reduce((sum, r) => sum + r.hiddenChecks, 0);
    for (const [line, count, points] of text.matchAll(
      /🔒 (?:비공개 검사 )?(\d+)(?:개| hidden check\(s\)) \((\d+)(?:점| pts)\)/g,
    )) {
      expect(Number(count), line).toBe(hiddenChecks);
      expect(Number(points), line).toBe(hidden);
    }
  });
});
