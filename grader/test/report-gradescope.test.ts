import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toGradescope } from '../src/report/gradescope.js';
import { appendStepSummary, escapeMarkdown, toMarkdownSummary } from '../src/report/markdown.js';
import { writeReports } from '../src/report/write.js';
import { everyStatusReport, fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gradschool-reports-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('toGradescope', () => {
  it('has score, max_score and one test per check with Gradescope fields', () => {
    const results = toGradescope(everyStatusReport(), 'en');
    expect(results).toMatchObject({ score: 5, max_score: 21, output_format: 'text', visibility: 'visible' });
    const checkCount = everyStatusReport().exercises.reduce((n, e) => n + e.checks.length, 0);
    expect(results.tests).toHaveLength(checkCount);
    for (const test of results.tests) {
      expect(Object.keys(test).sort()).toEqual(
        [
          'max_score',
          'name',
          'number',
          'output',
          'output_format',
          'score',
          'status',
          'tags',
          'visibility',
        ].sort(),
      );
      expect(['passed', 'failed']).toContain(test.status);
    }
    expect(results.tests.reduce((s, t) => s + t.score, 0)).toBe(5);
    const failed = results.tests.find((t) => t.name === '03-softmax › Check softmax-lecture-example')!;
    expect(failed).toMatchObject({ status: 'failed', score: 0, max_score: 2, number: '2.2' });
    expect(failed.output).toContain('expected: [0.21194156');
    expect(failed.output).toContain('x = <1 & 2>');
  });

  it('honours the visibility option and lists ignored files in the top-level output', () => {
    const results = toGradescope(everyStatusReport(), 'ko', { visibility: 'after_published' });
    expect(new Set(results.tests.map((t) => t.visibility))).toEqual(new Set(['after_published']));
    expect(results.output).toContain('exercises/03-softmax/checks.ts');
  });

  it('shows an exercise that could not run, even without checks', () => {
    const report = fakeReport([
      fakeExercise({
        id: '01-x',
        status: 'error',
        checks: [],
        problem: { code: 'SYNTAX', message: { ko: '문법 오류', en: 'Syntax error' }, file: 'a.ts', line: 1 },
      }),
    ]);
    const [test] = toGradescope(report, 'en').tests;
    expect(test).toMatchObject({ status: 'failed', max_score: 0 });
    expect(test?.output).toContain('Syntax error');
  });
});

describe('toMarkdownSummary', () => {
  it('has a total, one table row per exercise, and details of what did not pass', () => {
    const md = toMarkdownSummary(everyStatusReport(), 'en');
    expect(md.split('\n')[0]).toBe('## gradschool: 5/21 pts (24%)');
    expect(md).toContain('| | exercise | title | score |');
    expect(md).toContain('| ✅ | `01-perceptron` | Exercise 01-perceptron | 2/2 |');
    expect(toMarkdownSummary(everyStatusReport(), 'ko')).toContain('| | 실습 | 제목 | 점수 |');
    expect(md).toContain('**Check softmax-lecture-example** (`softmax-lecture-example`, 0/2)');
    expect(md).toContain('expected: \\[0.21194156');
    expect(md).not.toContain('softmax-sum');
  });

  it('cannot be broken by student output or titles', () => {
    expect(escapeMarkdown('a|b<script>`x`\nc')).toBe('a\\|b\\<script\\>\\`x\\` c');
    const report = fakeReport([
      fakeExercise({
        id: '01-x',
        status: 'fail',
        checks: [fakeCheck({ id: 'c', status: 'fail', output: '```\n</details>\n```' })],
      }),
    ]);
    const md = toMarkdownSummary(report, 'en');
    expect(md).toContain('````text\n```\n</details>\n```\n````');
  });

  it('is appended to the step summary file, never overwriting it', () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# earlier step\n');
    appendStepSummary(everyStatusReport(), 'ko', file);
    appendFileSync(file, '# later step\n');
    appendStepSummary(everyStatusReport(), 'en', file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# earlier step\n## gradschool: 5/21점 (24%)')).toBe(true);
    expect(text).toContain('# later step\n## gradschool: 5/21 pts');
  });
});

describe('writeReports', () => {
  it('writes each requested report', () => {
    const paths = {
      json: join(dir, 'out', 'grade.json'),
      junit: join(dir, 'out', 'junit.xml'),
      gradescope: join(dir, 'out', 'results.json'),
      stepSummary: join(dir, 'summary.md'),
    };
    writeReports(everyStatusReport(), { lang: 'en', ...paths });
    expect(JSON.parse(readFileSync(paths.json, 'utf8')).version).toBe(1);
    expect(readFileSync(paths.junit, 'utf8')).toMatch(/^<\?xml/);
    expect(JSON.parse(readFileSync(paths.gradescope, 'utf8')).max_score).toBe(21);
    expect(readFileSync(paths.stepSummary, 'utf8')).toContain('## gradschool');
  });
});
