/** Every student-facing string of the catalog exists in Korean and English, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { both, catalog, PLACEHOLDER, PLURAL, pluralWord, t } from '../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();

describe('the message catalog', () => {
  it('has both languages, non-empty, for every key', () => {
    for (const [key, text] of Object.entries(catalog)) {
      expect([key, text.ko.trim().length > 0, text.en.trim().length > 0]).toEqual([key, true, true]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(catalog)) {
      expect([key, placeholders(text.ko)]).toEqual([key, placeholders(text.en)]);
    }
  });

  it('fills placeholders', () => {
    expect(t('core.check.timeout', 'en', { seconds: 20 })).toContain('within 20 s');
    expect(both('core.check.exitCalled', { code: 3 }).ko).toContain('process.exit(3)');
  });

  it('puts the Korean particle that fits the value after a {name|을} placeholder', () => {
    expect(t('core.manifest.unreadable', 'ko', { file: 'exercise.json', reason: 'x' })).toMatch(
      /^exercise\.json을 /,
    );
    expect(t('core.static.missingStudentFile', 'ko', { file: 'src/step.ts' })).toContain(
      'src/step.ts가 없습니다',
    );
    expect(t('core.static.missingStudentFile', 'ko', { file: '사전' })).toContain('사전이 없습니다');
    expect(t('core.static.missingStudentFile', 'en', { file: 'src/step.ts' })).not.toContain('|');
  });

  it('says "1 pt" and "2 pts": English counts take the plural form their number calls for', () => {
    expect(t('ui.points', 'en', { score: 0, max: 1 })).toBe('0/1 pt');
    expect(t('ui.points', 'en', { score: 1, max: 2 })).toBe('1/2 pts');
    expect(t('report.points', 'en', { score: '0.5', max: '1' })).toBe('0.5/1 pt');
    expect(t('ui.points', 'en', { score: 0, max: 0 })).toBe('0/0 pts');
    expect(t('ui.overview.checks', 'en', { passed: 0, total: 1 })).toMatch(/^0\/1 check passes ·/);
    expect(t('ui.overview.checks', 'en', { passed: 3, total: 14 })).toMatch(/^3\/14 checks pass ·/);
    expect(t('core.static.typeErrors', 'en', { file: 'a.ts', n: 1 })).toBe(
      'a.ts has 1 type error (pnpm grade --typecheck):',
    );
    expect(t('ui.finish.remaining', 'en', { n: 1 })).toBe('1 more exercise was not graded in this run:');
    expect(t('ui.finish.remaining', 'en', { n: 4 })).toBe('4 more exercises were not graded in this run:');
    // Korean has no plural: the same text for any count.
    expect(t('ui.points', 'ko', { score: 0, max: 1 })).toBe('0/1점');
    expect(pluralWord(1.5, 'pt', 'pts', 'en')).toBe('pts');
  });

  it('writes no "(s)" for a plural, and chooses plurals only by a placeholder it fills', () => {
    for (const [key, text] of Object.entries(catalog)) {
      expect([key, /\w\(s\)/.test(text.en)]).toEqual([key, false]);
      const names = new Set([...text.en.matchAll(PLACEHOLDER)].map((m) => m[1]));
      for (const m of text.en.matchAll(PLURAL)) expect([key, names.has(m[1])]).toEqual([key, true]);
      // Korean text never carries an English plural choice.
      expect([key, [...text.ko.matchAll(PLURAL)].length]).toEqual([key, 0]);
    }
  });
});
