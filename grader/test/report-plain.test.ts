import { describe, expect, it } from 'vitest';
import { renderPlain, sanitize } from '../src/report/plain.js';
import { renderTable } from '../src/report/table.js';
import { textWidth } from '../src/report/text.js';
import { everyStatusReport, fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

const hints = { '03-softmax': [{ ko: '지수를 먼저 계산하세요', en: 'Exponentiate first' }] };

describe('renderPlain', () => {
  it('prints one line per exercise with symbol, id, title and score', () => {
    const text = renderPlain(everyStatusReport(), { lang: 'en', color: false });
    const lines = text.split('\n');
    expect(lines.find((l) => l.startsWith('✓ 01-perceptron'))).toMatch(/Exercise 01-perceptron\s+2\/2$/);
    expect(lines.find((l) => l.startsWith('✗ 03-softmax'))).toMatch(/Softmax and losses\s+2\/12$/);
    expect(lines.find((l) => l.startsWith('○ 02-and-gate'))).toBeDefined();
    expect(lines.find((l) => l.startsWith('! 04-mlp-xor'))).toBeDefined();
  });

  it('shows failing checks with message, expected, got, output and the first hint', () => {
    const text = renderPlain(everyStatusReport(), { lang: 'en', color: false, hints });
    expect(text).toContain('✗ softmax-lecture-example  Check softmax-lecture-example  0/2');
    expect(text).toContain('softmax([1,1,2]) differs at [2]');
    expect(text).toMatch(/expected: \[0\.21194156/);
    expect(text).toMatch(/got:\s+\[0\.33333333/);
    expect(text).toContain('│ x = <1 & 2> "quoted"');
    expect(text).toContain('hint: Exponentiate first');
    expect(text).toContain('⏱ slow');
    expect(text).toContain('skipped: the check "Check cross-entropy" it builds on did not pass');
  });

  it('hides passing checks unless verbose', () => {
    const quiet = renderPlain(everyStatusReport(), { lang: 'en', color: false });
    expect(quiet).not.toContain('softmax-sum');
    expect(quiet).not.toContain('debug print');
    const verbose = renderPlain(everyStatusReport(), { lang: 'en', color: false, verbose: true });
    expect(verbose).toContain('✓ softmax-sum');
    expect(verbose).toContain('│ debug print');
    expect(verbose).toContain('loss · adam: last value 0.013');
  });

  it('summarises a not-started exercise in one line instead of listing its checks', () => {
    const text = renderPlain(everyStatusReport(), { lang: 'ko', color: false });
    expect(text).toContain(
      '아직 시작하지 않았습니다: exercises/02-and-gate/src/main.ts의 TODO를 채워 보세요',
    );
    expect(text).not.toContain('and-truth-table');
  });

  it('shows an exercise problem with its location and code frame', () => {
    const text = renderPlain(everyStatusReport(), { lang: 'en', color: false });
    expect(text).toContain('! Syntax error (exercises/04-mlp-xor/src/mlp.ts:3:7)');
    expect(text).toContain('      > 3 | const x = ;');
    // Its checks are listed, without repeating the problem.
    const section = text.slice(text.indexOf('! 04-mlp-xor'), text.indexOf('Total'));
    expect(section).toContain('! xor  Check xor  0/2');
    expect(section).not.toContain('wrong');
  });

  it('says a hang at load once, though its checks are timeouts', () => {
    const hang = { ko: '불러오기가 끝나지 않았습니다', en: 'Loading did not finish' };
    const report = fakeReport([
      fakeExercise({
        id: '01-x',
        status: 'error',
        checks: ['a', 'b'].map((id) => fakeCheck({ id, status: 'timeout', message: hang })),
        problem: { code: 'load-failed', message: hang, file: 'a.ts' },
      }),
    ]);
    const text = renderPlain(report, { lang: 'en', color: false });
    expect(text.split('Loading did not finish').length - 1).toBe(1);
    expect(text).toContain('⏱ b  Check b  0/2');
  });

  it('does not repeat a location the problem message already names', () => {
    const report = fakeReport([
      fakeExercise({
        id: '01-x',
        status: 'error',
        checks: [],
        problem: {
          code: 'syntax',
          message: { ko: 'a.ts:1:2: 오류', en: 'a.ts:1:2: bad' },
          file: 'a.ts',
          line: 1,
          column: 2,
        },
      }),
    ]);
    expect(renderPlain(report, { lang: 'en', color: false })).toContain('    ! a.ts:1:2: bad\n');
  });

  it('prints the total, the seed, and the ignored files', () => {
    const en = renderPlain(everyStatusReport(), { lang: 'en', color: false });
    expect(en).toMatch(/Total: 5\/21 pts \(24%\)\s+submission · seed 12345/);
    expect(en).toContain('2 files ignored');
    expect(en).toContain('  - exercises/03-softmax/checks.ts');
    const ko = renderPlain(everyStatusReport(), { lang: 'ko', color: false });
    expect(ko).toContain('합계: 5/21점 (24%)');
  });

  it('lists refused submission files with their reason', () => {
    const refusedFiles = [
      { path: 'exercises/01-x/src/a.ts', reason: { ko: '심볼릭 링크', en: 'a symlink' } },
    ];
    const text = renderPlain(everyStatusReport(), { lang: 'en', color: false, refusedFiles });
    expect(text).toContain('refused file: exercises/01-x/src/a.ts — a symlink');
  });

  it('renders a table as aligned text', () => {
    const text = renderPlain(everyStatusReport(), { lang: 'en', color: false });
    expect(text).toContain(
      '      optimizer      손실\n      ---------  --------\n      sgd        0.523457\n      adam          0.013\n',
    );
  });

  it('uses colors only when asked', () => {
    const plain = renderPlain(everyStatusReport(), { lang: 'en', color: false });
    expect(plain).not.toContain('\x1b[');
    const colored = renderPlain(everyStatusReport(), { lang: 'en', color: true });
    expect(colored).toContain('\x1b[32m✓\x1b[39m');
    expect(colored).toContain('\x1b[31m✗\x1b[39m');
  });

  it('never lets student output inject terminal escapes', () => {
    const report = fakeReport([
      fakeExercise({
        id: '01-x',
        status: 'fail',
        checks: [fakeCheck({ id: 'c', status: 'fail', output: '\x1b[2J\x1b[32mall passed\x1b[0m\x07\n' })],
      }),
    ]);
    const text = renderPlain(report, { lang: 'en', color: false });
    expect(text).toContain('│ all passed');
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
  });

  it('congratulates when everything passed, and says so when nothing was graded', () => {
    const all = fakeReport([
      fakeExercise({ id: '01-x', status: 'pass', checks: [fakeCheck({ id: 'a', status: 'pass' })] }),
    ]);
    expect(renderPlain(all, { lang: 'en', color: false })).toContain('Every check passed!');
    expect(renderPlain(fakeReport([]), { lang: 'en', color: false })).toContain('No exercise to grade.');
  });

  it('with filters, says the selected exercises pass and names the ones left instead', () => {
    const one = fakeReport([
      fakeExercise({ id: '01-x', status: 'pass', checks: [fakeCheck({ id: 'a', status: 'pass' })] }),
    ]);
    const notSelected = [
      { id: '02-and-gate', title: { ko: 'And 게이트', en: 'The AND gate' } },
      { id: '03-softmax', title: { ko: '소프트맥스', en: 'Softmax' } },
    ];
    const en = renderPlain(one, { lang: 'en', color: false, notSelected });
    expect(en).not.toContain('Every check passed!');
    expect(en).toContain('The selected exercises pass. 2 more were not graded in this run:');
    expect(en).toContain(
      '  - 02-and-gate The AND gate\n  - 03-softmax Softmax\nTo grade them all: pnpm grade',
    );
    const ko = renderPlain(one, { lang: 'ko', color: false, notSelected });
    expect(ko).toContain('선택한 실습은 모두 통과했습니다. 이번에 채점하지 않은 실습 2개가 남았습니다:');
    expect(ko).toContain('  - 03-softmax 소프트맥스');
  });
});

describe('renderTable and textWidth', () => {
  it('counts Korean as two columns and right-aligns numeric columns', () => {
    expect(textWidth('통과')).toBe(4);
    expect(textWidth('\x1b[31mab\x1b[39m')).toBe(2);
    const lines = renderTable({
      head: ['이름', 'n'],
      rows: [
        ['가', 10],
        ['abc', 2],
      ],
    });
    expect(lines).toEqual(['이름   n', '----  --', '가    10', 'abc    2']);
  });

  it('sanitize keeps newlines and tabs only', () => {
    expect(sanitize('a\tb\r\nc\x00\x1b[1md')).toBe('a\tb\nc' + 'd');
  });
});
