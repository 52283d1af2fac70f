/**
 * Reports built from real grading runs (the fixture exercises: passing, failing, crashing, syntax
 * error, forbidden import, cheats, broken manifest...) are valid and complete in every format.
 * The slow fixtures (hanging, huge allocation) are left to the core's own tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradeReport } from '../src/core/types.js';
import { toGradescope } from '../src/report/gradescope.js';
import { toJsonReport } from '../src/report/json.js';
import { toJUnit } from '../src/report/junit.js';
import { toMarkdownSummary } from '../src/report/markdown.js';
import { renderPlain } from '../src/report/plain.js';
import { validateJsonReport } from '../src/report/schema.js';
import { gradeFixtures } from './helpers.js';

let report: GradeReport;
beforeAll(async () => {
  report = await gradeFixtures({ filters: ['01', '02', '04', '05', '06', '08', '09', '10', '11'] });
}, 120_000);

describe('reports of the fixture exercises', () => {
  it('the JSON report validates in both languages, with every check present', () => {
    for (const lang of ['ko', 'en'] as const) {
      const json = toJsonReport(report, lang);
      expect(validateJsonReport(json)).toEqual([]);
      expect(json.exercises.flatMap((e) => e.checks)).toHaveLength(
        report.exercises.reduce((n, e) => n + e.checks.length, 0),
      );
    }
    const statuses = new Set(report.exercises.flatMap((e) => e.checks.map((c) => c.status)));
    expect([...statuses].sort()).toEqual(['error', 'fail', 'pass', 'todo']);
  });

  it('every format names every exercise', () => {
    const plain = renderPlain(report, { lang: 'ko', color: false });
    const junit = toJUnit(report, 'ko');
    const markdown = toMarkdownSummary(report, 'ko');
    const gradescope = toGradescope(report, 'ko');
    for (const exercise of report.exercises) {
      expect(plain).toContain(exercise.id);
      expect(junit).toContain(`<testsuite name="${exercise.id}"`);
      expect(markdown).toContain(`\`${exercise.id}\``);
      expect(gradescope.tests.some((t) => t.tags.includes(exercise.id))).toBe(true);
    }
    expect(gradescope.score).toBe(report.score);
  });
});
