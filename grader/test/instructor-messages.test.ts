/** The instructor commands' messages: both languages, the same placeholders in each. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/i18n/index.js';
import { InstructorError, say } from '../src/instructor/messages.js';

const instructorMessages = Object.fromEntries(
  Object.entries(catalog).filter(([key]) => key.startsWith('instructor.')),
);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('instructor messages', () => {
  for (const [key, text] of Object.entries(instructorMessages)) {
    it(`${key} exists in Korean and English with the same placeholders`, () => {
      expect(text.ko.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(placeholders(text.ko)).toEqual(placeholders(text.en));
    });
  }

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(say('exists', 'en', { id: '06-x' })).toContain('exercises/06-x already exists');
    expect(say('exists', 'en')).toContain('{id}');
    expect(new InstructorError('exists', { id: '06-x' }).text('ko')).toContain('exercises/06-x');
  });
});
