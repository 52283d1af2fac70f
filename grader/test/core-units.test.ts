/** Small pure parts of the core: seeds, exit codes, manifest paths, flags, the IPC guard, code frames. */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';
import { exitCodeFor } from '../src/cli/exit-code.js';
import { isInsidePath, validateManifest } from '../src/core/manifest.js';
import { checkSeed, DEFAULT_SEED, parseSeed } from '../src/core/seed.js';
import { codeFrame } from '../src/core/static/frame.js';
import type { GradeReport } from '../src/core/types.js';
import { GraderError } from '../src/errors.js';
import { checkFromChild } from '../src/sandbox/check-message.js';
import { toPlain } from '../src/sandbox/plain.js';

describe('seeds', () => {
  it('derives stable, distinct per-check seeds', () => {
    expect(checkSeed(12345, 'a')).toBe(checkSeed(12345, 'a'));
    expect(checkSeed(12345, 'a')).not.toBe(checkSeed(12345, 'b'));
    expect(checkSeed(12345, 'a')).not.toBe(checkSeed(12346, 'a'));
    expect(Number.isInteger(checkSeed(1, 'x')) && checkSeed(1, 'x') >= 0 && checkSeed(1, 'x') < 2 ** 32).toBe(
      true,
    );
  });

  it('parses seeds strictly', () => {
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed(' 7 ')).toBe(7);
    expect(parseSeed('-1')).toBeNull();
    expect(parseSeed('1.5')).toBeNull();
    expect(parseSeed('abc')).toBeNull();
    expect(parseSeed('99999999999999999999')).toBeNull();
  });
});

describe('exitCodeFor', () => {
  const report = (statuses: string[], score: number, maxScore: number): GradeReport =>
    ({
      score,
      maxScore,
      exercises: [{ checks: statuses.map((status) => ({ status })) }],
    }) as unknown as GradeReport;

  it('is 0 only when every check passed, or the min score is met', () => {
    expect(exitCodeFor(report(['pass', 'pass'], 4, 4))).toBe(0);
    expect(exitCodeFor(report(['pass', 'todo'], 2, 4))).toBe(1);
    expect(exitCodeFor(report([], 0, 0))).toBe(1);
    expect(exitCodeFor(report(['pass', 'fail'], 3, 4), { minScore: 75 })).toBe(0);
    expect(exitCodeFor(report(['pass', 'fail'], 2, 4), { minScore: 75 })).toBe(1);
  });
});

describe('manifest paths and fields', () => {
  it('keeps paths inside the exercise folder', () => {
    for (const p of ['src/a.ts', 'src/../src/a.ts', 'a']) expect([p, isInsidePath(p)]).toEqual([p, true]);
    for (const p of ['../a.ts', 'src/../../a.ts', '/etc/passwd', 'C:/x.ts', '..\\a.ts', '.', 'src/..'])
      expect([p, isInsidePath(p)]).toEqual([p, false]);
  });

  it('names the failing field and checks the id against the folder', () => {
    const valid = {
      id: '03-softmax',
      order: 3,
      title: { ko: '가', en: 'a' },
      summary: { ko: '가', en: 'a' },
      lecture: { section: { ko: '가', en: 'a' }, slides: [] },
      files: ['src/softmax.ts'],
      hints: [{ ko: '가', en: 'a' }],
    };
    expect(validateManifest(valid, 'm.json', '03-softmax')).toEqual([]);
    expect(validateManifest(valid, 'm.json', '04-other').map((i) => i.field)).toEqual(['id']);
    const broken = { ...valid, title: { ko: '가' }, hints: [], extra: 1 };
    const fields = validateManifest(broken, 'm.json', '03-softmax').map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['title.en', 'hints', 'extra']));
  });
});

describe('parseCli', () => {
  it('reads filters, flags, seed and language with their precedence', () => {
    const o = parseCli(['03', '04', '--ci', '--json', 'r.json', '--min-score', '60'], {
      LANG: 'en_US.UTF-8',
    });
    expect(o).toMatchObject({
      filters: ['03', '04'],
      ci: true,
      json: 'r.json',
      minScore: 60,
      lang: 'en',
      seed: DEFAULT_SEED,
    });
    expect(parseCli([], { GRADE_SEED: '9' }).seed).toBe(9);
    expect(parseCli(['--seed', '3'], { GRADE_SEED: '9' }).seed).toBe(3);
    expect(parseCli([], {}).lang).toBe('ko');
    expect(parseCli(['--lang', 'en'], { LANG: 'ko_KR.UTF-8' }).lang).toBe('en');
  });

  it('throws a usage GraderError with both languages', () => {
    try {
      parseCli(['--seed', 'x'], {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraderError);
      expect((error as GraderError).code).toBe('usage');
      expect((error as GraderError).localized.ko).toContain('시드');
    }
  });
});

describe('the IPC guard', () => {
  const nonce = 'abc';
  const ok = (message: unknown) => checkFromChild(message, nonce).ok;
  const why = (message: unknown) => {
    const checked = checkFromChild(message, nonce);
    return checked.ok ? 'ok' : checked.why;
  };
  const result = {
    type: 'result',
    nonce,
    checkId: 'x',
    output: '',
    droppedChars: 0,
    unhandled: [],
    ms: 1,
    ok: true,
    value: 1,
  };
  it('believes only well-formed messages carrying the run nonce', () => {
    expect(ok(result)).toBe(true);
    expect(why({ ...result, nonce: 'forged' })).toBe('unauthentic');
    expect(why({ ...result, nonce: undefined })).toBe('unauthentic');
    expect(why({ ...result, unhandled: undefined })).toBe('malformed');
    const { value: _value, ...noValue } = result;
    expect(why(noValue)).toBe('malformed');
    expect(why({ ...result, ok: false })).toBe('malformed');
    expect(why('result')).toBe('unauthentic');
  });

  it('refuses what a forged message would crash the grader with: BigInt counts, huge fields, extra keys', () => {
    expect(why({ ...result, droppedChars: 10n })).toBe('malformed');
    expect(why({ ...result, droppedChars: -1 })).toBe('malformed');
    expect(why({ ...result, output: 'x'.repeat(100_000) })).toBe('malformed');
    const error = { name: 'Error', message: 'm', notImplemented: false };
    expect(ok({ ...result, error })).toBe(false);
    const { value: _v, ...failed } = result;
    expect(ok({ ...failed, ok: false, error })).toBe(true);
    expect(why({ ...failed, ok: false, error: { ...error, stack: 's'.repeat(1_000_000) } })).toBe(
      'malformed',
    );
    expect(why({ ...failed, ok: false, error: { ...error, exitCode: 1.5 } })).toBe('malformed');
    expect(why({ ...result, unhandled: [{ ...error, stack: 10n }] })).toBe('malformed');
    expect(why({ ...result, unhandled: Array.from({ length: 101 }, () => error) })).toBe('malformed');
    expect(why({ ...result, extra: 1 })).toBe('malformed');
    expect(why({ type: 'ready', nonce, checkId: 'x' })).toBe('malformed');
    // `began`: the child read a probe's request (a timeout without it is not the probe's fault)
    expect(ok({ type: 'began', nonce, checkId: 'x' })).toBe(true);
    expect(why({ type: 'began', nonce })).toBe('malformed');
    expect(why({ type: 'began', nonce, checkId: 'x', ms: 1 })).toBe('malformed');
    expect(why({ type: 'began', nonce: 'forged', checkId: 'x' })).toBe('unauthentic');
    // The answer's value is the judge's business: anything structured clone carries is let through.
    expect(ok({ ...result, value: { big: 10n, nested: [Number.NaN, new Float64Array(2)] } })).toBe(true);
  });
});

describe('toPlain', () => {
  it('turns tensors (with closures) into { shape, data } and keeps plain data', () => {
    const tensor = { shape: [2], data: new Float64Array([1, 2]), backward: () => {} };
    expect(toPlain({ out: tensor, n: [1, { a: 2 }] })).toEqual({
      out: { shape: [2], data: new Float64Array([1, 2]) },
      n: [1, { a: 2 }],
    });
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    const copy = toPlain(cyclic) as { self: unknown };
    expect(copy.self).toBe(copy);
  });
});

describe('codeFrame', () => {
  it('marks the line and the column', () => {
    expect(codeFrame('a\nbb\nccc\ndd', 3, 2, 1)).toBe('  2 | bb\n> 3 | ccc\n    |  ^\n  4 | dd');
  });
});
