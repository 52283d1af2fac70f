import { describe, expect, it } from 'vitest';
import { toJUnit } from '../src/report/junit.js';
import { escapeXml } from '../src/report/xml.js';
import { everyStatusReport, fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

/** A parsed XML element. */
interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bare & in ${text}`);
  if (/</.test(text)) throw new Error(`bare < in ${text}`);
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? '';
  });
}

/** A strict little parser: throws on mismatched tags, bad attributes, stray `<`/`&`, forbidden chars. */
function parseXml(xml: string): Node {
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(xml)) throw new Error('control character in XML');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: Node[] = [{ name: '#root', attrs: {}, children: [], text: '' }];
  const tag = /^<(\/?)([\w-]+)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    stack[stack.length - 1]!.text += decode(text);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const match = tag.exec(rest);
    if (!match) throw new Error(`malformed tag at ${rest.slice(0, 40)}`);
    const [whole, closing, name, attrText, selfClosing] = match;
    rest = rest.slice(whole.length);
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, key, value] of (attrText ?? '').matchAll(/([\w-]+)="([^"]*)"/g))
      attrs[key!] = decode(value!);
    const node: Node = { name: name!, attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  const [root] = stack[0]!.children;
  if (!root || stack[0]!.children.length !== 1) throw new Error('not exactly one root element');
  return root;
}

const find = (node: Node, name: string): Node[] => [
  ...node.children.filter((c) => c.name === name),
  ...node.children.flatMap((c) => find(c, name)),
];

describe('toJUnit', () => {
  it('is well-formed: one testsuite per exercise, one testcase per check', () => {
    const report = everyStatusReport();
    const root = parseXml(toJUnit(report, 'en'));
    expect(root.name).toBe('testsuites');
    const suites = find(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(report.exercises.map((e) => e.id));
    const softmax = suites[1]!;
    expect(find(softmax, 'testcase')).toHaveLength(6);
    expect(softmax.attrs).toMatchObject({ tests: '6', failures: '1', errors: '2', skipped: '2' });
    expect(root.attrs).toMatchObject({ tests: '10', failures: '2', errors: '3', skipped: '3' });
  });

  it('maps statuses to failure, error and skipped, with the message and expected/got', () => {
    const root = parseXml(toJUnit(everyStatusReport(), 'en'));
    const cases = find(root, 'testcase');
    const byId = (id: string) => cases.find((c) => c.attrs.name?.startsWith(`${id}:`))!;
    const failure = find(byId('softmax-lecture-example'), 'failure')[0]!;
    expect(failure.attrs.message).toBe('softmax([1,1,2]) differs at [2]');
    expect(failure.text).toContain('expected: [0.21194156');
    expect(find(byId('slow'), 'error')[0]?.attrs.type).toBe('timeout');
    expect(find(byId('cross-entropy'), 'error')).toHaveLength(1);
    expect(find(byId('mse'), 'skipped')).toHaveLength(1);
    expect(find(byId('depends'), 'skipped')[0]?.attrs.message).toContain('"Check cross-entropy"');
    expect(byId('softmax-sum').children).toEqual([]);
    expect(byId('softmax-sum').attrs).toMatchObject({ classname: '03-softmax', time: '0.003' });
  });

  it('puts the student output in system-out and survives anything printed', () => {
    const nasty = 'a <b> & "c" \'d\' ]]> \x1b[31mred\x00\x07 end\r\n';
    const report = fakeReport([
      fakeExercise({
        id: '01-x',
        status: 'fail',
        checks: [
          fakeCheck({
            id: 'c',
            status: 'fail',
            output: nasty,
            message: { ko: '<&>', en: 'line1\nline2 <&"\'>' },
          }),
        ],
      }),
    ]);
    const xml = toJUnit(report, 'en');
    const root = parseXml(xml);
    const out = find(root, 'system-out')[0]!;
    expect(out.text).toBe('a <b> & "c" \'d\' ]]> \\u001b[31mred\\u0000\\u0007 end\r\n');
    expect(find(root, 'failure')[0]?.attrs.message).toBe('line1\nline2 <&"\'>');
  });

  it('escapes the five special characters and forbidden control characters', () => {
    expect(escapeXml(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
    expect(escapeXml('a\x01b\tc\n')).toBe('a\\u0001b\tc\n');
    expect(escapeXml('lone \ud800 surrogate, pair 😀')).toBe('lone \\ud800 surrogate, pair 😀');
  });

  it('reports an exercise problem in system-err', () => {
    const root = parseXml(toJUnit(everyStatusReport(), 'ko'));
    const err = find(root, 'system-err')[0]!;
    expect(err.text).toContain('SYNTAX: 문법 오류');
    expect(err.text).toContain('exercises/04-mlp-xor/src/mlp.ts:3:7');
  });
});
