/**
 * Every student-facing text of the course, for the glossary's rules (`glossary.ts`): the grader's
 * message catalogue, the exercise kit's messages, each exercise's checks and its `exercise.json`.
 * TypeScript sources are read as syntax, not run: a string literal with Korean in it is Korean text
 * (a `${…}` slot of a template counts as code); the English of a `{ ko, en }` object or of a
 * `(ko, en)` argument pair is English text; a literal given as `expected`/`got` is a row. An error's
 * message (`throw`, `super(…)` of an error class) is left out: it is one string, English (Korean).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { CourseText } from './glossary.js';

const HANGUL = /[\uac00-\ud7af]/;

/** The files whose strings students read, relative to the course root. */
export function studentFacingSources(root: string): string[] {
  const ts = (dir: string) =>
    listFiles(join(root, dir)).filter((f) => /\.tsx?$/.test(f) && !/\.(test|d)\.tsx?$/.test(f));
  const exercises = readdirSync(join(root, 'exercises')).filter((d) =>
    statSync(join(root, 'exercises', d)).isDirectory(),
  );
  return [
    ...ts('grader/src/i18n'),
    ...ts('packages/exercise-kit/src'),
    ...exercises.flatMap((d) => {
      const checks = join(root, 'exercises', d, 'checks');
      return [
        join(root, 'exercises', d, 'checks.ts'),
        ...(safeIsDir(checks) ? ts(relative(root, checks)) : []),
        join(root, 'exercises', d, 'exercise.json'),
      ];
    }),
  ].map((f) => relative(root, f));
}

function safeIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** All texts of the course's student-facing files. */
export function collectTexts(root: string): CourseText[] {
  return studentFacingSources(root).flatMap((file) => {
    const source = readFileSync(join(root, file), 'utf8');
    return file.endsWith('.json') ? manifestTexts(file, source) : sourceTexts(file, source);
  });
}

/** `exercise.json`: title, summary, lecture section and hints (slide titles are quotes, left out). */
function manifestTexts(file: string, source: string): CourseText[] {
  const manifest = JSON.parse(source) as {
    title: Pair;
    summary?: Pair;
    lecture?: { section?: Pair };
    hints?: Pair[];
  };
  const fields: [string, Pair | undefined][] = [
    ['title', manifest.title],
    ['summary', manifest.summary],
    ['lecture.section', manifest.lecture?.section],
    ...(manifest.hints ?? []).map((hint, i): [string, Pair] => [`hints[${i}]`, hint]),
  ];
  return fields.flatMap(([key, pair]) =>
    pair
      ? [
          { file, key: `${key}.ko`, lang: 'ko' as const, text: pair.ko },
          { file, key: `${key}.en`, lang: 'en' as const, text: pair.en },
        ]
      : [],
  );
}

interface Pair {
  ko: string;
  en: string;
}

type Literal = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

function isLiteral(node: ts.Node): node is Literal {
  return (
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)
  );
}

/** A literal's text, each `${…}` slot as `${…}` (its own literals are visited on their own). */
function literalText(node: Literal): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('');
}

/** The texts of one TypeScript source (exported for the tests). */
export function sourceTexts(file: string, source: string): CourseText[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const texts: CourseText[] = [];
  const english = new Set<ts.Node>();
  const korean = new Set<ts.Node>();
  const rows = new Set<ts.Node>();
  const keyOf = (node: ts.Node) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    return `${propertyPath(node)} (line ${line})`;
  };

  const visit = (node: ts.Node): void => {
    markPairs(node, korean, english);
    if (ts.isPropertyAssignment(node) && /^(expected|got)$/.test(propertyName(node.name) ?? '')) {
      rows.add(node.initializer);
    }
    // An error's message is one string for both languages, English first (`… (한국어)`), as the
    // engine's are: not a catalogue text.
    if (
      ts.isThrowStatement(node) ||
      (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword)
    )
      return;
    if (isLiteral(node) && !compared(node)) {
      const text = literalText(node);
      const lang = inside(node, rows) ? 'row' : inside(node, english) ? 'en' : 'ko';
      if (lang !== 'ko' || HANGUL.test(text) || inside(node, korean))
        texts.push({ file, key: keyOf(node), lang, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return texts;
}

/** `outcome === 'threw'`: a literal that is compared is not shown to anyone. */
function compared(node: ts.Node): boolean {
  const { parent } = node;
  if (!parent || !ts.isBinaryExpression(parent)) return false;
  const op = parent.operatorToken.kind;
  return [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ].includes(op);
}

/** Marks the English half of `{ ko, en }` and of a `(…ko, en)` argument pair. */
function markPairs(node: ts.Node, korean: Set<ts.Node>, english: Set<ts.Node>): void {
  if (ts.isObjectLiteralExpression(node)) {
    const props = node.properties.filter(ts.isPropertyAssignment);
    const ko = props.find((p) => propertyName(p.name) === 'ko');
    const en = props.find((p) => propertyName(p.name) === 'en');
    if (ko && en) {
      korean.add(ko.initializer);
      english.add(en.initializer);
    }
  }
  if (ts.isCallExpression(node)) {
    node.arguments.forEach((arg, i) => {
      const next = node.arguments[i + 1];
      const isPair =
        next &&
        isLiteral(arg) &&
        isLiteral(next) &&
        HANGUL.test(literalText(arg)) &&
        !HANGUL.test(literalText(next));
      if (isPair) english.add(next); // not `withParticle(name, '을')`
    });
  }
}

/**
 * Whether `node` is one of `marked`, or a literal anywhere inside one (a conditional, a template
 * slot): the English of `en: ok ? 'a' : 'b'`, the row of `got: \`${n} rounds\``.
 */
function inside(node: ts.Node, marked: Set<ts.Node>): boolean {
  for (let up: ts.Node | undefined = node; up; up = up.parent) {
    if (marked.has(up)) return true;
    if (ts.isPropertyAssignment(up) || ts.isStatement(up)) return false;
  }
  return false;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
    ? name.text
    : undefined;
}

/** `core.manifest.unreadable.ko`, `title.ko`, `message.en`: the property names above a literal. */
function propertyPath(node: ts.Node): string {
  const names: string[] = [];
  for (let up: ts.Node | undefined = node.parent, child: ts.Node = node; up; child = up, up = up.parent) {
    if (ts.isPropertyAssignment(up) && up.initializer === child) {
      const name = propertyName(up.name);
      if (name) names.unshift(name);
    }
    if (ts.isVariableDeclaration(up) || ts.isFunctionDeclaration(up)) {
      if (up.name && ts.isIdentifier(up.name)) names.unshift(up.name.text);
      break;
    }
  }
  // `core['core.check.todo']`: the catalogue key names it; the variable's name would only repeat it.
  if (names.length > 1 && names[1]?.includes('.')) names.shift();
  return names.join('.') || 'text';
}

const JS_GLOBALS = [
  'NaN',
  'Infinity',
  'Promise',
  'Math',
  'Number',
  'Array',
  'Float64Array',
  'Error',
  'RangeError',
  'TypeError',
  'Proxy',
];

/**
 * The names of the course's public code (the engine, the kit, the starters: exported functions,
 * classes, interfaces and their members): a Korean message may name them without backticks (`step`,
 * `fit`, `loss`, `epochs`), as it names `trainStep` or `param.data`. Local variables do not count,
 * so an English word is not excused by some loop's `rounds`. With JavaScript's keywords (`return`,
 * `async`, `null`) and the globals messages name (`NaN`, `Promise`).
 */
export function codeIdentifiers(root: string): Set<string> {
  const dirs = ['packages/autograd/src', 'packages/exercise-kit/src'];
  const exercises = readdirSync(join(root, 'exercises')).map((d) => join('exercises', d, 'src'));
  const files = [...dirs, ...exercises.filter((d) => safeIsDir(join(root, d)))]
    .flatMap((d) => listFiles(join(root, d)))
    .filter((f) => /\.tsx?$/.test(f));
  const names = new Set<string>(JS_GLOBALS);
  for (let kind = ts.SyntaxKind.FirstKeyword; kind <= ts.SyntaxKind.LastKeyword; kind++) {
    const keyword = ts.tokenToString(kind);
    if (keyword) names.add(keyword);
  }
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of sf.statements) publicNames(statement, names);
  }
  return names;
}

const exported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** An exported declaration's name, and the names of its members, parameters and options. */
function publicNames(statement: ts.Statement, names: Set<string>): void {
  if (!exported(statement)) return;
  const visit = (node: ts.Node): void => {
    const name = (node as { name?: ts.Node }).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.add(name.text);
    // Inside a function body only the signature is public, not its locals.
    if (ts.isBlock(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(statement);
}
