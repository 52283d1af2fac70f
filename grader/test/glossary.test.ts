// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are TypeScript sources and the texts read from them, `${…}` slots included
/**
 * One vocabulary: every student-facing string (the grader's catalogue, the kit's messages, each
 * exercise's checks and exercise.json) keeps docs/glossary.json, and docs/glossary.md shows it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type CourseText,
  glossaryTable,
  loadGlossary,
  type TextProblem,
  textProblems,
  type Vocabulary,
} from '../src/dev/glossary.js';
import { codeIdentifiers, collectTexts, sourceTexts } from '../src/dev/glossary-texts.js';
import { catalog } from '../src/i18n/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const vocabulary: Vocabulary = { glossary: loadGlossary(root), identifiers: codeIdentifiers(root) };
const texts = collectTexts(root);

/** One line per problem: the file, the key, the rule and the fragment, so a failure says where to look. */
const describeProblem = (p: TextProblem) => `${p.file} ${p.key}: ${p.rule}: "${p.fragment}" (${p.detail})`;

const problemsOf = (text: string, lang: CourseText['lang'] = 'ko') =>
  textProblems({ file: 'f.ts', key: 'k', lang, text }, vocabulary).map((p) => [p.rule, p.fragment]);

describe('the glossary', () => {
  it('docs/glossary.md shows exactly the terms of docs/glossary.json', () => {
    const markdown = readFileSync(join(root, 'docs', 'glossary.md'), 'utf8');
    const table = markdown.match(/<!-- glossary:start[^>]*-->\n([\s\S]*?)\n<!-- glossary:end -->/)?.[1];
    expect(
      table,
      'docs/glossary.md lost its <!-- glossary:start --> … <!-- glossary:end --> block',
    ).toBeDefined();
    expect(table).toBe(glossaryTable(vocabulary.glossary));
  });

  it('never avoids its own preferred term', () => {
    for (const term of vocabulary.glossary.terms) {
      for (const form of term.avoid) expect([term.ko, term.ko.includes(form)]).toEqual([term.ko, false]);
    }
  });

  it('reads every catalogue message in both languages, and the kit, checks and manifests', () => {
    for (const key of Object.keys(catalog)) {
      for (const lang of ['ko', 'en'] as const) {
        const found = texts.some((t) => t.key.startsWith(`${key}.${lang} (`));
        expect([key, lang, found]).toEqual([key, lang, true]);
      }
    }
    const files = new Set(texts.map((t) => t.file));
    expect(files).toContain('packages/exercise-kit/src/judge.ts');
    expect(files).toContain('exercises/05-optimizers/checks/trajectory.ts');
    expect(files).toContain('exercises/04-mlp-xor/exercise.json');
    expect(texts.some((t) => t.lang === 'row')).toBe(true);
  });
});

describe('the rules', () => {
  it('name an avoided term and the preferred one', () => {
    expect(problemsOf('모든 연습문제를 통과했습니다')).toEqual([['avoided-term', '연습문제']]);
    expect(problemsOf('2차 함수 위 8걸음')).toEqual([['avoided-term', '걸음']]);
    expect(problemsOf('모든 실습을 통과했습니다')).toEqual([]);
  });

  it('find English inside Korean, but not code, acronyms or the lecture English', () => {
    expect(problemsOf('유한한 수 / a finite number')).toContainEqual(['english-in-korean', 'finite']);
    expect(problemsOf('compile() 없음 / no compile()')).toContainEqual(['english-in-korean', 'no']);
    expect(problemsOf('정답률 / accuracy 1.0')).toContainEqual(['english-in-korean', '정답률 / accuracy']);
    expect(problemsOf('weight마다 한 번')).toEqual([['english-in-korean', 'weight']]);
    expect(
      problemsOf(
        'param.data[i] = …로 고치고 `async`를 지운 뒤 pnpm grade 05 --seed 3. MLP는 XOR을 Adam으로, CI는 JSON으로',
      ),
    ).toEqual([]);
    expect(problemsOf('softmax와 binary cross entropy, 1000 Epoch')).toEqual([]);
    expect(problemsOf('trainStep의 결과')).toEqual([]);
  });

  it('find Korean inside English, except the name of the language itself', () => {
    expect(problemsOf('the 검사 failed', 'en')).toEqual([['korean-in-english', '검사']]);
    expect(problemsOf('switch to 한국어', 'en')).toEqual([]);
  });

  it('keep expected/got rows free of either language', () => {
    expect(problemsOf('라운드의 배열 / an array of rounds', 'row')).toEqual([['mixed-row', '라운드의']]);
    expect(problemsOf('accuracy = 1', 'row')).toEqual([]);
    expect(problemsOf('1 (≤ 60 rounds)', 'row')).toEqual([['mixed-row', 'rounds']]);
  });

  it('find a particle written apart from its word, but not after a path or a command', () => {
    expect(problemsOf('그냥 Adam 을 사용한다')).toEqual([['particle-spacing', 'Adam 을']]);
    expect(problemsOf('j k 로 스크롤')).toEqual([['particle-spacing', 'k 로']]);
    expect(problemsOf('exercise.json 의 제목, git diff 로 다시, --root 를 주세요')).toEqual([]);
  });
});

describe('reading a source', () => {
  const source = [
    "const m = { ko: `${call}: 손실이 ${withParticle(x, '이')} 아닙니다`, en: `${call}: the loss is not ${x}` };",
    "const v = fail(m, { expected: 'accuracy = 1', got: ok ? '정답률 / accuracy 1' : `${n}` });",
    "if (outcome === 'threw') about(what, '예외가 났습니다', 'it threw');",
    "throw new TypeError('x must be a number (x는 숫자여야 합니다)');",
  ].join('\n');
  const found = sourceTexts('c.ts', source).map((t) => [t.lang, t.text]);

  it('tells Korean, English and rows apart, and leaves compared literals and thrown errors out', () => {
    expect(found).toEqual([
      ['ko', '${…}: 손실이 ${…} 아닙니다'],
      ['ko', '이'], // a particle: Korean, checked as such, never English
      ['en', '${…}: the loss is not ${…}'],
      ['row', 'accuracy = 1'],
      ['row', '정답률 / accuracy 1'],
      ['row', '${…}'],
      ['ko', '예외가 났습니다'],
      ['en', 'it threw'],
    ]);
  });

  it('asks for the Korean of a glossary term even where the code has that name', () => {
    expect(vocabulary.identifiers.has('seed')).toBe(true);
    expect(problemsOf('seed에 따라 다릅니다')).toEqual([['english-in-korean', 'seed']]);
    expect(problemsOf('compile의 `loss`가 다릅니다, 처음 30 epoch 동안')).toEqual([
      ['english-in-korean', 'epoch'],
    ]);
    expect(problemsOf('fit(x, y, { epochs: 1, seed })를 부르세요')).toEqual([]);
  });
});

describe('every student-facing string', () => {
  it('keeps the glossary: preferred terms, one language per text, rows of values only', () => {
    const problems = texts.flatMap((text) => textProblems(text, vocabulary)).map(describeProblem);
    expect(problems).toEqual([]);
  });
});
