/**
 * The one catalog of student-facing strings, in Korean and English. Each part of the grader keeps its
 * strings in its own module (core, report, ui); this file joins them. A key lacking either language does
 * not type-check, and `test/i18n.test.ts` fails on an empty one.
 */
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { core } from './core.js';
import { report } from './report.js';
import { ui } from './ui.js';

export const catalog = { ...core, ...report, ...ui } satisfies Record<string, Localized>;

export type MessageKey = keyof typeof catalog;

/** Values substituted for `{name}` placeholders. */
export type Params = Record<string, string | number>;

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message `key` in `lang`, with `{placeholders}` filled from `params`. */
export function t(key: MessageKey, lang: Lang, params?: Params): string {
  return fill(catalog[key][lang], params);
}

/** The message `key` in both languages, e.g. for a verdict or a report. */
export function both(key: MessageKey, params?: Params): Localized {
  return { ko: t(key, 'ko', params), en: t(key, 'en', params) };
}
