/** Every student-facing string of the catalog exists in Korean and English, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { both, catalog, PLACEHOLDER, t } from '../src/i18n/index.js';

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
});
