/** Every student-facing string of the catalog exists in Korean and English, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { both, catalog, t } from '../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
});
