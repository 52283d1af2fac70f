import { afterEach, describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../src/core/types.js';
import { both } from '../src/i18n/index.js';
import { textWidth } from '../src/report/text.js';
import { App } from '../src/ui/components/App.js';
import { ThemeContext } from '../src/ui/theme.js';
import { check, EXERCISES, exercise, FakeSession, result } from './ui-fakes.js';
import { press, type Rendered, renderAt, waitForFrame } from './ui-render.js';

const [perceptron, andGate, softmax] = EXERCISES as [
  (typeof EXERCISES)[0],
  (typeof EXERCISES)[0],
  (typeof EXERCISES)[0],
];

const lossChart = {
  title: { ko: '손실 곡선', en: 'Loss curves' },
  series: [
    { name: 'sgd', values: [1, 0.8, 0.6, 0.45, 0.3, 0.2] },
    { name: 'adam', values: [1, 0.5, 0.25, 0.1, 0.05, 0.02] },
  ],
};

function mixedResults(): ExerciseResult[] {
  return [
    result(perceptron, [check('step-zero', 'pass'), check('step-negative', 'pass')]),
    result(andGate, [
      check('and-truth-table', 'fail', {
        expected: '[0, 0, 0, 1]',
        got: '[0, 1, 1, 1]',
        output: 'epoch 1\nepoch 2',
      }),
      check('and-loss', 'pass', { chart: lossChart }),
    ]),
    result(softmax, [check('softmax-lecture-example', 'todo')]),
  ];
}

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

async function start(session: FakeSession, lang: 'ko' | 'en' = 'en', columns = 100, rows = 40) {
  rendered = renderAt(<App session={session} lang={lang} watch />, columns, rows);
  return settled(rendered, session);
}

/** Waits until the session's gradings have finished and the screen shows it. */
async function settled(r: Rendered, session: FakeSession, gradings = 1) {
  await waitForFrame(
    r,
    (f) => session.finished >= gradings && !f.includes('Grading…') && !f.includes('채점 중…'),
    'the end of grading',
  );
  return r;
}

describe('the overview', () => {
  it('lists every exercise with its symbol and points, the total, and selects the next to do', async () => {
    const r = await start(new FakeSession(mixedResults()));
    const frame = r.lastFrame();
    expect(frame).toContain('6/10 pts (60%)');
    expect(frame).toMatch(/✓ 01 Perceptron.*4\/4 pts.*passed/);
    expect(frame).toMatch(/› ✗ 02 AND gate ← next up.*2\/4 pts.*failing/);
    expect(frame).toMatch(/○ 03 Softmax.*0\/2 pts.*not started/);
    // The key bar is the last line.
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/↑↓ move.*⏎ details.*h hint.*q quit/);
  });

  it('moves the selection with j/k and the arrows', async () => {
    const r = await start(new FakeSession(mixedResults()));
    await press(r, 'j');
    expect(r.lastFrame()).toMatch(/› ○ 03 Softmax/);
    await press(r, '\u001B[A'); // up arrow
    await press(r, 'k');
    expect(r.lastFrame()).toMatch(/› ✓ 01 Perceptron/);
    // Keys typed fast arrive as one chunk.
    await press(r, 'jj');
    expect(r.lastFrame()).toMatch(/› ○ 03 Softmax/);
  });

  it('switches language with l', async () => {
    const r = await start(new FakeSession(mixedResults()), 'en');
    await press(r, 'l');
    const frame = r.lastFrame();
    expect(frame).toContain('6/10점 (60%)');
    expect(frame).toContain('AND 게이트');
    expect(frame).toContain('실패');
    expect(frame).not.toContain('failing');
  });

  it('shows the key help on ? and hides it again', async () => {
    const r = await start(new FakeSession(mixedResults()));
    await press(r, '?');
    expect(r.lastFrame()).toContain('regrade every exercise');
    await press(r, '?');
    expect(r.lastFrame()).not.toContain('regrade every exercise');
  });
});

describe('details', () => {
  it('shows each check: status, message, expected vs got, output, time, file and README', async () => {
    const r = await start(new FakeSession(mixedResults()));
    await press(r, '\r');
    const frame = r.lastFrame();
    expect(frame).toContain('Your file: exercises/02-and-gate/src/and-gate.ts');
    expect(frame).toContain('The task: exercises/02-and-gate/README.md');
    expect(frame).toMatch(/✗ check and-truth-table.*0\/2 pts · 3ms/);
    expect(frame).toContain('and-truth-table is wrong');
    expect(frame).toContain('expected: [0, 0, 0, 1]');
    expect(frame).toContain('got: [0, 1, 1, 1]');
    expect(frame).toContain('│ epoch 2');
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/Esc back/);
    await press(r, '\u001B');
    await waitForFrame(r, (f) => f.includes('⏎ details'), 'the overview again');
  });

  it('links the student file and the README where the terminal supports it', async () => {
    const session = new FakeSession(mixedResults());
    rendered = renderAt(<App session={session} lang="en" watch links />);
    await settled(rendered, session);
    await press(rendered, '\r');
    const frame = rendered.lastFrame();
    expect(frame).toContain('\u001B]8;;file:///course/exercises/02-and-gate/src/and-gate.ts\u0007');
    expect(frame).toContain('\u001B]8;;file:///course/exercises/02-and-gate/README.md\u0007');
  });

  it("names a skipped check's prerequisite by its title", async () => {
    const checks = [
      check('first', 'fail'),
      check('second', 'fail', { skippedBecause: 'first', message: { ko: '건너뜀', en: 'skipped' } }),
    ];
    const r = await start(new FakeSession([result(perceptron, checks)]));
    await press(r, '\r');
    expect(r.lastFrame()).toContain('Runs once "check first" passes.');
  });

  it('shows what the student printed without its escape codes', async () => {
    const output =
      'plain \u001B[31mred\u001B[0m \u001B]8;;https://example.com\u0007link\u001B]8;;\u0007\u0007';
    const r = await start(new FakeSession([result(perceptron, [check('loud', 'fail', { output })])]));
    await press(r, '\r');
    expect(r.lastFrame()).toContain('│ plain red link');
    expect(r.lastFrame()).not.toContain('example.com');
  });

  it('draws a chart with one legend entry per series', async () => {
    const r = await start(new FakeSession(mixedResults()), 'en', 100, 60);
    await press(r, '\r');
    const frame = r.lastFrame();
    expect(frame).toContain('Loss curves');
    expect(frame).toMatch(/[\u2801-\u28ff]/);
    expect(frame).toMatch(/━━ sgd.*━━ adam/);
  });

  it('shows the legend of a six-curve chart on screen, at 60 and 100 columns, with or without colors', async () => {
    const names = ['SGD', 'Momentum', 'Nesterov', 'Adagrad', 'RMSprop', 'Adam'];
    const sixCurves = {
      title: { ko: 'XOR 학습 손실', en: 'XOR training loss' },
      series: names.map((name, i) => ({ name, values: [0.7, 0.69 - i * 0.05, 0.6 - i * 0.1] })),
    };
    // A long verdict above the chart, as 05's comparison has: the chart is the check's last rows.
    const long = Array.from({ length: 10 }, (_, i) => `Line ${i + 1} of what the comparison found.`).join(
      '\n',
    );
    const results = [
      result(perceptron, [check('step-zero', 'pass')]),
      result(andGate, [
        check('and-truth-table', 'fail'),
        check('compare', 'pass', { chart: sixCurves, message: { ko: long, en: long } }),
      ]),
      result(softmax, [check('softmax-lecture-example', 'todo')]),
    ];
    for (const color of [true, false]) {
      for (const columns of [60, 100]) {
        const session = new FakeSession(results);
        rendered = renderAt(
          <ThemeContext.Provider value={{ color }}>
            <App session={session} lang="en" watch />
          </ThemeContext.Provider>,
          columns,
          32,
        );
        await settled(rendered, session);
        await press(rendered, '\r');
        await press(rendered, 'j');
        const frame = rendered.lastFrame();
        expect(frame).toContain('XOR training loss');
        const lines = frame.split('\n');
        for (const [i, name] of names.entries()) {
          const key = color ? '━━' : ['●', '×', '+', '○', '*', '#'][i];
          expect([columns, color, frame.includes(`${key} ${name}`)]).toEqual([columns, color, true]);
        }
        for (const line of lines) expect(textWidth(line)).toBeLessThan(columns);
        rendered.unmount();
        rendered = undefined;
      }
    }
  });

  it('draws the chart with markers when colors are off (NO_COLOR)', async () => {
    const session = new FakeSession(mixedResults());
    rendered = renderAt(
      <ThemeContext.Provider value={{ color: false }}>
        <App session={session} lang="en" watch />
      </ThemeContext.Provider>,
      100,
      60,
    );
    await settled(rendered, session);
    await press(rendered, '\r');
    const frame = rendered.lastFrame();
    expect(frame).toMatch(/● sgd.*× adam/);
    expect(frame).not.toMatch(/[\u2801-\u28ff]/);
  });

  it('scrolls by check with j', async () => {
    const r = await start(new FakeSession(mixedResults()));
    await press(r, '\r');
    await press(r, 'j');
    const frame = r.lastFrame();
    expect(frame).toContain('Checks from 2/2');
    expect(frame).not.toContain('check and-truth-table');
    expect(frame).toContain('check and-loss');
  });

  it('pages a check taller than the screen line by line (Space, PgDn), back up (b, PgUp), to its end and no further', async () => {
    const tall = Array.from({ length: 40 }, (_, i) => `row ${i + 1} of the message`).join('\n');
    const session = new FakeSession([
      result(perceptron, [
        check('tall', 'fail', { message: { ko: tall, en: tall } }),
        check('after', 'pass'),
      ]),
    ]);
    const r = await start(session, 'en', 80, 24);
    await press(r, '\r');
    const top = r.lastFrame() ?? '';
    expect(top).toContain('Your file');
    expect(top).not.toContain('row 40 of');
    await press(r, ' ');
    const paged = r.lastFrame() ?? '';
    expect(paged).not.toContain('Your file');
    expect(paged).toMatch(/row \d+ of the message/);
    // to the end: the last lines stay on screen however often the key is pressed
    for (let i = 0; i < 6; i++) await press(r, '\u001b[6~');
    const end = r.lastFrame() ?? '';
    expect(end).toContain('row 40 of the message');
    expect(end).toContain('check after');
    expect(end.trimEnd().split('\n').at(-1)).toMatch(/Esc back/);
    for (let i = 0; i < 6; i++) await press(r, 'b');
    expect(r.lastFrame()).toContain('Your file');
    // j moves by check and starts that check at the top again
    await press(r, ' ');
    await press(r, 'j');
    expect(r.lastFrame()).toContain('Checks from 2/2');
  });

  it('shows a syntax error with its code frame, not a stack trace', async () => {
    const syntax = { ko: '문법 오류: 괄호가 닫히지 않았습니다', en: 'Syntax error: a bracket is not closed' };
    const broken = result(perceptron, [check('step-zero', 'error', { message: syntax })], {
      status: 'error',
      problem: {
        code: 'syntax',
        message: syntax,
        file: 'exercises/01-perceptron/src/perceptron.ts',
        line: 3,
        column: 10,
        frame: '  2 | export function step(x: number) {\n> 3 |   return (x >= 0 ? 1 : 0;\n    |          ^',
      },
    });
    const r = await start(new FakeSession([broken]));
    await press(r, '\r');
    const frame = r.lastFrame();
    expect(frame).toContain('This exercise could not run');
    expect(frame).toContain('Syntax error: a bracket is not closed');
    expect(frame).toContain('exercises/01-perceptron/src/perceptron.ts:3:10');
    expect(frame).toContain('> 3 |   return (x >= 0 ? 1 : 0;');
    // The checks that could not run are listed, without repeating the same message each.
    expect(frame).toContain('! check step-zero');
    expect(frame.split('a bracket is not closed').length - 1).toBe(1);
  });
});

describe('hints', () => {
  it('reveals the next hint on h, one at a time, and saves the count', async () => {
    const session = new FakeSession(mixedResults());
    const r = await start(session);
    expect(r.lastFrame()).toContain('Press h to reveal a hint');
    await press(r, 'h');
    expect(r.lastFrame()).toContain('Hint 1/3 AND gate hint one');
    expect(r.lastFrame()).not.toContain('hint two');
    await press(r, 'h');
    expect(r.lastFrame()).toContain('Hint 2/3 AND gate hint two');
    expect(r.lastFrame()).toContain('h: next hint (1 left)');
    expect(session.saved.at(-1)).toEqual({ [andGate.id]: 2 });
    // Details, short of room, shows the latest hint only.
    await press(r, '\r');
    expect(r.lastFrame()).toContain('Hint 2/3 AND gate hint two');
    expect(r.lastFrame()).not.toContain('hint one');
  });

  it('says so when h is pressed after the last hint, and points to the README section and --typecheck', async () => {
    const exercises = EXERCISES.map((ex) =>
      ex.id === andGate.id
        ? { ...ex, readmeSection: { ko: `${ex.readmeShown}:19`, en: `${ex.readmeShown}:134` } }
        : ex,
    );
    const session = new FakeSession(mixedResults(), exercises, { [andGate.id]: 3 });
    const r = await start(session, 'en', 100, 40);
    expect(r.lastFrame()).toContain('Hint 1/3 AND gate hint one');
    expect(r.lastFrame()).not.toContain('last hint');
    await press(r, 'h');
    const frame = r.lastFrame().replace(/\s+/g, ' ');
    expect(frame).toContain('That was the last hint (3 in all).');
    expect(frame).toContain('exercises/02-and-gate/README.md:134');
    expect(frame).toContain('pnpm grade 02 --typecheck');
    // The count is unchanged, and the note goes with the next key.
    expect(session.saved.at(-1) ?? { [andGate.id]: 3 }).toEqual({ [andGate.id]: 3 });
    await press(r, 'l');
    expect(r.lastFrame().replace(/\s+/g, ' ')).toContain('exercises/02-and-gate/README.md:19의 "구현할 것"');
    await press(r, '\r');
    expect(r.lastFrame()).not.toContain('구현할 것');
    await press(r, 'h');
    expect(r.lastFrame().replace(/\s+/g, ' ')).toContain('pnpm grade 02 --typecheck');
  });

  it('shows the latest hints that fit on a short screen, never cutting off the newest', async () => {
    const long = (n: string) => `${n}: ${'a long hint sentence that wraps over several lines '.repeat(4)}`;
    const exercises = EXERCISES.map((ex) =>
      ex.id === andGate.id
        ? { ...ex, hints: ['one', 'two', 'three'].map((n) => ({ ko: long(n), en: long(n) })) }
        : ex,
    );
    const r = await start(new FakeSession(mixedResults(), exercises, { [andGate.id]: 3 }), 'en', 60, 24);
    const frame = r.lastFrame();
    expect(frame).toContain('Hint 3/3 three:');
    expect(frame).not.toContain('Hint 1/3');
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/q quit$/);
    // Tall enough, every hint is there.
    r.resize(60, 60);
    await waitForFrame(r, (f) => f.includes('Hint 1/3 one:') && f.includes('Hint 3/3 three:'), 'all hints');
  });

  it('starts with the hints remembered from the last run', async () => {
    const r = await start(new FakeSession(mixedResults(), EXERCISES, { [andGate.id]: 1 }));
    expect(r.lastFrame()).toContain('Hint 1/3 AND gate hint one');
  });
});

describe('watch mode and regrading', () => {
  it('regrades only the saved exercise and shows the new result', async () => {
    const session = new FakeSession(mixedResults());
    const r = await start(session);
    session.results[andGate.id] = result(andGate, [
      check('and-truth-table', 'pass'),
      check('and-loss', 'pass'),
    ]);
    session.save(andGate.id);
    await waitForFrame(r, (f) => /02 AND gate.*4\/4 pts.*passed/.test(f), 'the regraded exercise');
    expect(session.gradedOne).toEqual([andGate.id]);
    expect(session.gradedAll).toBe(1);
    // It passes now, so the cursor moved on to the next exercise to do.
    expect(r.lastFrame()).toMatch(/› ○ 03 Softmax/);
  });

  it('shows a problem of the watcher once, in the chosen language, and still regrades on save', async () => {
    const session = new FakeSession(mixedResults());
    const r = await start(session);
    const problem = both('ui.watch.failed', { message: 'EPERM: operation not permitted, watch' });
    session.watchProblem(problem);
    session.watchProblem(problem);
    await waitForFrame(r, (f) => f.includes(problem.en), 'the problem line');
    expect(r.lastFrame()?.split(problem.en).length).toBe(2);
    await press(r, 'l');
    await waitForFrame(r, (f) => f.includes(problem.ko), 'the problem line in Korean');
    session.save(andGate.id);
    await waitForFrame(r, () => session.gradedOne.length === 1 && session.finished === 2, 'the regrade');
    expect(session.gradedOne).toEqual([andGate.id]);
  });

  it('regrades everything on r', async () => {
    const session = new FakeSession(mixedResults());
    const r = await start(session);
    await press(r, 'r');
    await waitForFrame(r, () => session.gradedAll === 2, 'a second full grading');
  });
});

describe('finishing', () => {
  it('says that everything passes and what to do next', async () => {
    const all = EXERCISES.map((ex) => result(ex, [check('only', 'pass')]));
    const r = await start(new FakeSession(all));
    const frame = r.lastFrame();
    expect(frame).toContain('Every exercise passes! 6/6 points');
    expect(frame).toContain('git push');
    expect(frame).not.toContain('next up');
  });

  it('with filters, says the selected exercises pass and names the rest, without suggesting to push', async () => {
    const [first, ...rest] = EXERCISES;
    const session = new FakeSession([result(first!, [check('only', 'pass')])], [first!]);
    session.notSelected = rest.map((ex) => ({ id: ex.id, order: ex.order, title: ex.title }));
    const r = await start(session, 'ko');
    const frame = r.lastFrame();
    expect(frame).toContain('선택한 실습을 모두 통과했습니다. 2/2점');
    expect(frame).toContain('이번에 채점하지 않은 실습 2개가 남았습니다:');
    expect(frame).toMatch(/• 02 AND 게이트[\s\S]*• 03 소프트맥스/);
    expect(frame).not.toContain('모든 실습을 통과했습니다');
    expect(frame).not.toContain('git push');
  });
});

describe('terminal size', () => {
  it('fits in 80 columns, in Korean too, cutting long titles with …', async () => {
    const long = exercise(
      2,
      'and-gate',
      'AND',
      'And 게이트: 학습, 학습된 모델, Keras로 모델 만들기, 그리고 더 긴 제목',
    );
    const results = mixedResults();
    results[1] = { ...results[1]!, title: long.title };
    const r = await start(new FakeSession(results, [perceptron, long, softmax]), 'ko', 80, 24);
    expect(r.lastFrame()).toMatch(/02 And 게이트: 학습, 학습된.*… ← 다음 할 일/);
    const overview = r.lastFrame();
    await press(r, '\r');
    for (const frame of [overview, r.lastFrame()]) {
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      // However tall the content, the header keeps the first row and the keys the last.
      expect(lines[0]).toContain('gradschool 채점기');
      expect(lines.at(-1)).toContain('q 종료');
      // One column stays spare (see App).
      for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(79);
    }
    expect(r.lastFrame()).toContain('내 파일');
  });

  it('keeps "? keys" and "q quit" on the key bar of a narrow terminal, leaving out the least needed keys', async () => {
    for (const lang of ['en', 'ko'] as const) {
      for (const columns of [40, 60]) {
        const r = await start(new FakeSession(mixedResults()), lang, columns, 24);
        for (const screen of ['overview', 'details']) {
          if (screen === 'details') await press(r, '\r');
          const last = r.lastFrame().trimEnd().split('\n').at(-1) ?? '';
          expect([lang, columns, screen, last]).toEqual([
            lang,
            columns,
            screen,
            expect.stringMatching(lang === 'en' ? /\? keys {2}q quit$/ : /\? 도움말 {2}q 종료$/),
          ]);
          expect(textWidth(last)).toBeLessThan(columns);
        }
        r.unmount();
        rendered = undefined;
      }
    }
    // Wide enough, every key is there.
    const wide = await start(new FakeSession(mixedResults()), 'en', 100, 24);
    expect(wide.lastFrame().trimEnd().split('\n').at(-1)).toMatch(
      /↑↓ move.*⏎ details.*h hint.*r regrade.*l 한국어.*\? keys.*q quit/,
    );
  });

  it('redraws on resize, and asks for room when the terminal is tiny', async () => {
    const r = await start(new FakeSession(mixedResults()), 'en', 100, 30);
    r.resize(30, 6);
    await waitForFrame(r, (f) => /too small\s+\(30×6\)/.test(f), 'the too-small note');
    r.resize(90, 15);
    const frame = await waitForFrame(r, (f) => f.includes('next up'), 'the overview again');
    expect(frame.split('\n').length).toBeLessThanOrEqual(14);
    expect(frame).toMatch(/q quit/);
  });
});
