/**
 * The course's vocabulary (`docs/glossary.json`) and the rules a student-facing string must keep:
 * Korean text uses the preferred terms and no English beyond code and the lecture's English terms;
 * English text has no Korean; expected/got rows, shown alike in both languages, hold neither.
 * `docs/glossary.md` shows the same data (`glossaryTable`); `test/glossary.test.ts` applies the rules
 * to every text `glossary-texts.ts` collects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One term: the preferred Korean word, its English, the forms not to use, and why. */
export interface GlossaryTerm {
  ko: string;
  en: string;
  avoid: string[];
  why: { ko: string; en: string };
}

/** What `docs/glossary.json` holds. */
export interface Glossary {
  terms: GlossaryTerm[];
  english: {
    why: { ko: string; en: string };
    /** Terms the lecture itself writes in English (matched case-insensitively, `-` = space). */
    lecture: string[];
    /** Names of tools and products, never translated. */
    names: string[];
  };
}

/** Where a text comes from and in which language it is meant to be. */
export interface CourseText {
  file: string;
  /** The catalogue key, or the property path and line of a literal (`message.ko (line 42)`). */
  key: string;
  lang: 'ko' | 'en' | 'row';
  text: string;
}

/** One broken rule, naming the fragment that breaks it. */
export interface TextProblem {
  file: string;
  key: string;
  fragment: string;
  rule: 'avoided-term' | 'english-in-korean' | 'korean-in-english' | 'mixed-row' | 'particle-spacing';
  detail: string;
}

export function loadGlossary(root: string): Glossary {
  return JSON.parse(readFileSync(join(root, 'docs', 'glossary.json'), 'utf8')) as Glossary;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
/**
 * What never counts as prose: code in backticks, `${…}` slots of templates, `{name}` placeholders,
 * quotes, and braces or calls with no Korean inside (`{ seed }`, `fit(x, y, { epochs: 1 })`).
 */
const NOT_PROSE = /`[^`]*`|\$\{…\}|\{\w+(?:\|[^}]+)?\}|'[^'\n]*'|"[^"\n]*"/g;
const CODE_GROUPS = [
  /\{[^{}\uac00-\ud7af]*\}/g,
  /[\w.$]+\((?:[^()\uac00-\ud7af]|\([^()\uac00-\ud7af]*\))*\)/g,
];
/** A chunk with any of these, or a camelCase name, is code (`fit(x)`, `param.data`, `x1`, `--seed`). */
const CODE_SHAPED = /[.()[\]=_:<>{}\\#@$|+*&^%~/0-9]|^--?\w|[a-z][A-Z]|[^\x00-\x7f]/;
const HANGUL_RUN = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/;
/** A word that is only a Korean particle (`을`, `에도`, `이지만`), with its punctuation. */
const PARTICLE =
  /^(을|를|이|가|은|는|의|에|에도|에서|으로|로|와|과|도|만|이지|이지만|입니다|이라|이라서)[.,:;)!?]*$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a case-insensitive pattern where `-` and a space are the same. */
function phrasePattern(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]');
}

/** Removes code, placeholders, quotes and the allowed English terms, leaving the prose to judge. */
function koreanProse(text: string, glossary: Glossary): string {
  // Exact case, and all lower case for the longer terms (`softmax`, `binary cross entropy`), not `and`;
  // a term the glossary itself decides (Epoch) only as written there.
  const decided = new Set(glossary.terms.map((term) => term.ko));
  const variants = [...glossary.english.lecture, ...glossary.english.names].flatMap((term) =>
    term.length >= 5 && !decided.has(term) ? [term, term.toLowerCase()] : [term],
  );
  const allowed = variants.sort((a, b) => b.length - a.length).map(phrasePattern);
  const terms = new RegExp(`(?<![A-Za-z])(?:${allowed.join('|')})s?(?![A-Za-z])`, 'g');
  let prose = text.replace(NOT_PROSE, ' ');
  // Inner groups first, so `f({ a })` loses its braces and then its call.
  for (let round = 0; round < 3; round++) for (const group of CODE_GROUPS) prose = prose.replace(group, ' ');
  return prose.replace(terms, ' ');
}

/** The one-word English of the glossary's terms, singular: `seed`, `loss`, `weight`, `epoch`. */
function termWords(glossary: Glossary): Set<string> {
  // Not a word the Korean term itself writes, as `갱신 (step 한 번)` does: there it is the method's name.
  const words = glossary.terms.flatMap((term) =>
    term.en
      .split(/[^A-Za-z]+/)
      .map((w) => w.toLowerCase())
      .filter((w) => !term.ko.includes(w)),
  );
  return new Set(words.filter((w) => w.length > 2).map((w) => w.replace(/e?s$/, '')));
}

/** Programs whose following words, up to the next Korean, are a command line (`pnpm grade 03`). */
const COMMANDS = new Set(['pnpm', 'git', 'npx', 'node', 'cd']);

/**
 * English words in Korean prose that are not code: a word of more than one letter, not an acronym,
 * not a name in `identifiers` (the course's code: `step`, `fit`, `loss`), not part of a command line,
 * and not in a chunk shaped like code or maths (`param.data`, `x1`, `wᵢ`, `--seed`).
 */
function englishWords(prose: string, identifiers: ReadonlySet<string>, terms: ReadonlySet<string>): string[] {
  const words: string[] = [];
  let command = false;
  for (const chunk of prose.split(/\s+/)) {
    const korean = HANGUL.test(chunk);
    if (command && !korean) continue;
    command = !korean && COMMANDS.has(chunk.replace(/^[([]+/, ''));
    if (command) continue;
    for (const part of chunk.split(HANGUL_RUN)) {
      // Prose punctuation around a word (`(rounds)`, `loss,`) does not make it code.
      const bare = part.replace(/^[("'[]+|[)"',.;!?\]]+$/g, '');
      if (!/[A-Za-z]/.test(bare) || CODE_SHAPED.test(bare)) continue;
      const word = bare.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
      if (word.length <= 1 || /^[A-Z]{2,}s?$/.test(word) || COMMANDS.has(word)) continue;
      // A code name excuses a word, unless it is a glossary term: prose says 손실, code says `loss`.
      if (identifiers.has(word) && !terms.has(word.toLowerCase().replace(/e?s$/, ''))) continue;
      words.push(word);
    }
  }
  return words;
}

/** What the rules need besides the text: the glossary, and the names the course's code defines. */
export interface Vocabulary {
  glossary: Glossary;
  identifiers: ReadonlySet<string>;
}

/** The problems of one text. */
export function textProblems(text: CourseText, vocabulary: Vocabulary): TextProblem[] {
  const at = { file: text.file, key: text.key };
  if (text.lang === 'en') {
    // A language is named in its own language on the language switch: 한국어 in English text.
    const korean = text.text.replace(/한국어/g, '').match(/[^\s]*[\uac00-\ud7af][^\s]*/);
    return korean
      ? [{ ...at, fragment: korean[0], rule: 'korean-in-english', detail: 'Korean inside English text' }]
      : [];
  }
  if (text.lang === 'row') return rowProblems(text, vocabulary);
  return [
    ...avoidedTerms(text, vocabulary.glossary),
    ...bilingualPairs(text),
    ...englishInKorean(text, vocabulary),
    ...detachedParticles(text),
  ];
}

function avoidedTerms(text: CourseText, glossary: Glossary): TextProblem[] {
  const problems: TextProblem[] = [];
  const prose = text.text.replace(/`[^`]*`/g, ' ');
  for (const term of glossary.terms) {
    // The longest form first, so `연습 문제` is named rather than its `연습`.
    const found = [...term.avoid].sort((a, b) => b.length - a.length).find((form) => prose.includes(form));
    if (found)
      problems.push({
        file: text.file,
        key: text.key,
        fragment: found,
        rule: 'avoided-term',
        detail: `write ${term.ko} (${term.en}), not ${found}`,
      });
  }
  return problems;
}

/** `유한한 수 / a finite number`: the English half of a pair belongs in the English text. */
function bilingualPairs(text: CourseText): TextProblem[] {
  const prose = text.text.replace(/`[^`]*`/g, ' ');
  // Korean, at most a few characters, ` / `, then an English word (not `x`, not a call `f(`).
  return [...prose.matchAll(/[\uac00-\ud7af][^/\n]{0,12}? \/ [A-Za-z][A-Za-z'-]+(?![A-Za-z(.])/g)].map(
    (m) => ({
      file: text.file,
      key: text.key,
      fragment: m[0].trim(),
      rule: 'english-in-korean' as const,
      detail:
        'a "Korean / English" pair inside Korean text: keep only the Korean (the English text has its own)',
    }),
  );
}

function englishInKorean(text: CourseText, { glossary, identifiers }: Vocabulary): TextProblem[] {
  if (!HANGUL.test(text.text)) return [];
  return englishWords(koreanProse(text.text, glossary), identifiers, termWords(glossary)).map((word) => ({
    file: text.file,
    key: text.key,
    fragment: word,
    rule: 'english-in-korean' as const,
    detail: 'an English word inside Korean text: translate it, or put code in backticks',
  }));
}

/**
 * `Adam 을`, `bias 에도`, `j k 로`: a particle belongs to its word. After a path, a flag or a command
 * line (`exercise.json 의`, `--root 를`, `git diff 로`) the space is kept, so the name can be copied whole.
 */
function detachedParticles(text: CourseText): TextProblem[] {
  const chunks = text.text.replace(/`[^`]*`/g, '`x`').split(/[ \t]+/);
  const problems: TextProblem[] = [];
  let command = false;
  chunks.forEach((chunk, i) => {
    const before = chunks[i - 1];
    const korean = HANGUL.test(chunk);
    const particle = PARTICLE.test(chunk);
    if (
      particle &&
      before &&
      /[A-Za-z0-9)\]]$/.test(before) &&
      !command &&
      !/[/\\]|\.\w+$|^-|[{}`]/.test(before)
    ) {
      const fragment = `${before} ${chunk.replace(/[.,:;)!?]+$/, '')}`;
      problems.push({
        file: text.file,
        key: text.key,
        fragment,
        rule: 'particle-spacing',
        detail: `a particle is written apart from its word: write "${fragment.replace(' ', '')}"`,
      });
    }
    if (korean) command = false;
    if (COMMANDS.has(chunk.replace(/^[([]+/, ''))) command = true;
  });
  return problems;
}

/** Expected/got rows are printed as they are in both languages: values and code only. */
function rowProblems(text: CourseText, { glossary, identifiers }: Vocabulary): TextProblem[] {
  const korean = text.text.match(/[^\s]*[\uac00-\ud7af][^\s]*/);
  // Rows are code: a code name is fine there even when it is a glossary term (`accuracy = 1`).
  const words = englishWords(koreanProse(text.text, glossary), identifiers, new Set());
  const fragment = korean?.[0] ?? words[0];
  return fragment === undefined
    ? []
    : [
        {
          file: text.file,
          key: text.key,
          fragment,
          rule: 'mixed-row',
          detail: 'expected/got rows are shown unchanged in Korean and English: keep them to values and code',
        },
      ];
}

/** `docs/glossary.md`'s table and lists, made from the JSON (the test compares them). */
export function glossaryTable(glossary: Glossary): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = glossary.terms.map((term) =>
    [term.ko, term.en, term.avoid.join(', ') || '—', term.why.ko, term.why.en].map(cell).join(' | '),
  );
  return [
    '| 한국어 | English | 쓰지 않는 말 / avoid | 왜 | why |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
    `**강의가 영어로 쓰는 말 / the lecture's English terms**: ${glossary.english.lecture.join(', ')}`,
    '',
    `**이름 / names** (도구·제품·키 / tools, products, keys): ${glossary.english.names.join(', ')}`,
  ].join('\n');
}
