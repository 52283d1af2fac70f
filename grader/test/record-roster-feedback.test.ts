/**
 * The parts of a term's record grading that need no process: the roster (`record/roster.ts`), the
 * new flags (`cli/args.ts`), the feedback files (`report/feedback.ts`) and which checks the secret
 * seed rule hides (`seededChecks`), the gradebook's LMS file and its Korean table.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import type { AnyCheck } from '../src/core/suite.js';
import { parseCsv, readRoster, rosterEntryFor } from '../src/record/roster.js';
import { seededChecks } from '../src/record/submission-record.js';
import { escapeHtml, toFeedbackHtml, toFeedbackMarkdown } from '../src/report/feedback.js';
import { type Gradebook, renderGradebook, toLmsCsv } from '../src/report/gradebook.js';
import { textWidth } from '../src/report/text.js';
import { fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-roster-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rosterFile(text: string): string {
  const file = path.join(dir, `roster-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  return file;
}

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return JSON.stringify((error as { localized?: unknown }).localized ?? String(error));
  }
  return '';
}

describe('the roster', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""\nthere"\r\n\r\nd,e,f')).toEqual([
      ['a', 'b, c', 'say "hi"\nthere'],
      ['d', 'e', 'f'],
    ]);
  });

  it('takes Korean headers in any order, a BOM, and NFD names; matches Classroom suffixes and case', () => {
    const file = rosterFile(
      `\uFEFF이름,학번,폴더\n${'김민수'.normalize('NFD')},2026002,MinsuKim\n박서준,2026004,park\n`,
    );
    const roster = readRoster(file);
    expect(roster.entries).toEqual([
      { folder: 'MinsuKim', studentId: '2026002', name: '김민수' },
      { folder: 'park', studentId: '2026004', name: '박서준' },
    ]);
    expect(roster.entries[0]?.name).toBe('김민수'.normalize('NFC'));
    expect(rosterEntryFor(roster, 'minsukim')?.studentId).toBe('2026002');
    expect(rosterEntryFor(roster, 'ai-x-lab3-MinsuKim')?.studentId).toBe('2026002');
    expect(rosterEntryFor(roster, 'ai-x-lab3-park')?.studentId).toBe('2026004');
    expect(rosterEntryFor(roster, 'sparkle')).toBeUndefined();
    // The hash changes with the roster, so a resumed batch notices.
    expect(readRoster(rosterFile('folder,id\npark,2026005\n')).hash).not.toBe(roster.hash);
  });

  it('matches a folder named in NFD Hangul to the roster entry in NFC', () => {
    const roster = readRoster(rosterFile('folder,student_id,name\n김민수,2026002,김민수\n'));
    expect(rosterEntryFor(roster, '김민수'.normalize('NFD'))?.studentId).toBe('2026002');
  });

  it('refuses a roster without the needed columns, with a folder twice, or missing, naming the problem', () => {
    expect(usageMessage(() => readRoster(rosterFile('name,email\na,b\n')))).toContain('student id column');
    expect(usageMessage(() => readRoster(rosterFile('folder,id\nkim,1\nKIM,2\n')))).toContain(
      'lists the folder KIM twice',
    );
    expect(usageMessage(() => readRoster(path.join(dir, 'nope.csv')))).toContain('cannot be read');
  });
});

describe('the flags', () => {
  it('--before takes a time with its zone, and only with --batch or --submission', () => {
    const options = parseCli(['--batch', 'class', '--before', '2026-12-10T23:59+09:00'], {});
    expect(options.before?.toISOString()).toBe('2026-12-10T14:59:00.000Z');
    expect(usageMessage(() => parseCli(['--batch', 'c', '--before', '2026-12-10 23:59'], {}))).toContain(
      'time with its zone',
    );
    expect(usageMessage(() => parseCli(['--batch', 'c', '--before', '2026-13-45T99:00Z'], {}))).toContain(
      'time with its zone',
    );
    expect(usageMessage(() => parseCli(['--before', '2026-12-10T23:59Z'], {}))).toContain(
      '--before is for --batch or --submission',
    );
    expect(usageMessage(() => parseCli(['--submission', 's', '--roster', 'r.csv'], {}))).toContain(
      '--roster is for --batch',
    );
    expect(parseCli(['--submission', 's', '--feedback', 'out'], {}).feedback).toBe('out');
  });

  it('marks a set but empty GRADE_SEED (an unset repository secret), not an absent one', () => {
    expect(parseCli([], { GRADE_SEED: '' })).toMatchObject({ seedSecretEmpty: true, seed: 12345 });
    expect(parseCli([], {})).not.toHaveProperty('seedSecretEmpty');
    expect(parseCli([], { GRADE_SEED: '5' })).not.toHaveProperty('seedSecretEmpty');
  });
});

describe('which checks draw their inputs from the seed', () => {
  const check = (id: string, parts: Partial<AnyCheck>): AnyCheck =>
    ({
      id,
      title: { ko: id, en: id },
      points: 1,
      probe: () => 0,
      judge: () => ({ pass: true }),
      ...parts,
    }) as AnyCheck;

  it('notes a read of ctx.seed or ctx.runSeed in input, a judge naming the seed, and an input that throws', () => {
    const suites = new Map([
      [
        '01-x',
        {
          checks: [
            check('fixed', { input: () => [1, 1, 2] }),
            check('none', {}),
            check('seeded', { input: (ctx) => ctx.seed * 2 }),
            check('run-seeded', { input: (ctx) => ctx.runSeed }),
            check('throws', {
              input: () => {
                throw new Error('no');
              },
            }),
            check('judge', { judge: (_o, _i, ctx) => ({ pass: ctx.seed > 0, message: { ko: '', en: '' } }) }),
          ],
        },
      ],
    ]);
    expect([...seededChecks(suites)].sort()).toEqual([
      '01-x/judge',
      '01-x/run-seeded',
      '01-x/seeded',
      '01-x/throws',
    ]);
  });
});

describe('feedback files', () => {
  const hostile = '<script>alert("x")</script> & \'quoted\'';
  const report = fakeReport(
    [
      fakeExercise({
        id: '01-x',
        title: { ko: '실습 <1>', en: 'Exercise <1>' },
        status: 'fail',
        checks: [
          fakeCheck({ id: 'ok', status: 'pass' }),
          fakeCheck({
            id: 'lecture',
            status: 'fail',
            message: { ko: `강의 예제 ${hostile}`, en: `lecture example ${hostile}` },
            expected: '[1, 2]',
            got: '[2, 1]',
          }),
          fakeCheck({
            id: 'random',
            status: 'fail',
            message: { ko: 'f([0.123456]) 틀림', en: 'f([0.123456]) should be 0.654321' },
            expected: '0.654321',
            got: '0.1',
            output: 'printed 0.123456',
          }),
        ],
      }),
    ],
    { seed: 4_815_162_342, seedHidden: true, lang: 'en' },
  );
  const input = {
    report,
    lang: 'en' as const,
    student: '김민수 <2026002>',
    hints: { '01-x': [{ ko: '힌트 <b>', en: 'hint <b>' }] },
    seeded: new Set(['01-x/random']),
  };

  it('HTML: every text escaped, no script, and the secret rule applied', () => {
    const html = toFeedbackHtml(input);
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(html).toContain('김민수 &lt;2026002&gt;');
    expect(html).toContain('hint &lt;b&gt;');
    expect(html).toContain('<code>[2, 1]</code>');
    for (const secret of ['0.123456', '0.654321', '4815162342']) expect(html).not.toContain(secret);
    expect(html).toContain('This check&#39;s inputs come from the secret seed');
  });

  it('Markdown: messages in fences they cannot close, the same secret rule, in the chosen language', () => {
    const md = toFeedbackMarkdown({ ...input, lang: 'ko' });
    expect(md).toContain('# 채점 결과: 김민수 &lt;2026002&gt;');
    expect(md).toContain(`강의 예제 ${hostile}`);
    for (const secret of ['0.123456', '0.654321', '4815162342']) expect(md).not.toContain(secret);
    expect(md).toContain('비공개 시드');
    const fenceBreaker = toFeedbackMarkdown({
      ...input,
      report: {
        ...report,
        exercises: [
          {
            ...report.exercises[0]!,
            checks: [fakeCheck({ id: 'f', status: 'fail', message: { ko: '```', en: '```\n# heading' } })],
          },
        ],
      },
    });
    expect(fenceBreaker).toContain('````text\n  ```\n  # heading\n  ````');
  });

  it('with a public seed, a seeded check keeps its message: the student can rerun it', () => {
    const md = toFeedbackMarkdown({ ...input, report: { ...report, seedHidden: false } });
    expect(md).toContain('f([0.123456]) should be 0.654321');
    expect(md).not.toContain('printed 0.123456');
  });
});

describe('the gradebook for the LMS and the terminal', () => {
  const book: Gradebook = {
    version: 1,
    seed: null,
    seedHidden: true,
    lang: 'ko',
    startedAt: '2026-12-11T00:00:00.000Z',
    durationMs: 1,
    exercises: [{ id: '01-a', title: 'A', maxScore: 3 }],
    rows: [
      {
        submission: '김민수',
        studentId: '2026002',
        name: '김민수',
        status: 'graded',
        score: 2,
        maxScore: 3,
        percent: 66.6667,
        exercises: { '01-a': 2 },
        ignoredFiles: 0,
        refusedFiles: 0,
      },
      {
        submission: 'lee',
        studentId: '=2026003',
        name: 'Lee',
        status: 'empty',
        score: 0,
        maxScore: 3,
        percent: 0,
        exercises: {},
        ignoredFiles: 0,
        refusedFiles: 0,
        note: '제출 폴더가 비어 있어',
      },
    ],
    roster: {
      file: 'roster.csv',
      missing: [{ folder: 'park', studentId: '2026004', name: '박서준' }],
      unknownFolders: [],
    },
  };

  it('LMS CSV: id first, no BOM, exact points, a formula-looking id defused, missing students blank', () => {
    expect(toLmsCsv(book)).toBe(
      "student_id,name,01-a,total\r\n2026002,김민수,2,2\r\n'=2026003,Lee,0,0\r\n2026004,박서준,,\r\n",
    );
  });

  it('terminal: columns line up in display width with Korean names and statuses', () => {
    const lines = renderGradebook(book, 'ko').split('\n');
    const total = (line: string) => textWidth(line.slice(0, line.search(/\d\/3/)));
    const minsu = lines.find((l) => l.startsWith('김민수'))!;
    const lee = lines.find((l) => l.startsWith('lee'))!;
    expect(total(minsu)).toBe(total(lee));
    expect(lee).toContain('제출 없음');
    expect(minsu).toContain('66.67');
    expect(lines).toContain('? 명단에 있지만 제출 폴더가 없습니다: 2026004 박서준 (park)');
  });
});
