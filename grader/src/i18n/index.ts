/**
 * The one catalog of student-facing strings, in Korean and English. Each part of the grader keeps its
 * strings in its own module (core, instructor, mutants, report, ui); this file joins them. A key lacking either language does
 * not type-check, and `test/i18n.test.ts` fails on an empty one.
 */
import { type Lang, type Localized, type Particle, withParticle } from '@gradschool/exercise-kit';
import { core } from './core.js';
import { instructor } from './instructor.js';
import { mutants } from './mutants.js';
import { report } from './report.js';
import { ui } from './ui.js';

export const catalog = { ...core, ...instructor, ...mutants, ...report, ...ui } satisfies Record<
  string,
  Localized
>;

export type MessageKey = keyof typeof catalog;

/** Values substituted for `{name}` placeholders. */
export type Params = Record<string, string | number>;

/**
 * A placeholder: `{name}`, or in Korean `{name|을}` — the value followed by the particle that fits it
 * (`process.exit(0)을`, `perceptron.ts를`), instead of the `을(를)` fallback.
 */
export const PLACEHOLDER = /\{(\w+)(?:\|([^}]+))?\}/g;

/**
 * A plural choice: `{name:one|other}` becomes `one` or `other` by the count in `name`, as the
 * language's plural rules pick (`{max:pt|pts}`: "1 pt", "0 pts", "2.5 pts"). English needs it;
 * Korean counts take no plural and never use it. Not a placeholder: the number itself is `{name}`.
 */
export const PLURAL = /\{(\w+):([^|{}]*)\|([^{}]*)\}/g;

/** Plural rules per language, made once (`Intl.PluralRules` is slow to build). */
const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/** `one` or `other`, as `lang`'s plural rules pick for `count` (not a number: `other`). */
export function pluralWord(count: number, one: string, other: string, lang: Lang): string {
  pluralRules[lang] ??= new Intl.PluralRules(lang);
  return Number.isFinite(count) && pluralRules[lang].select(count) === 'one' ? one : other;
}

function fill(template: string, params: Params | undefined, lang: Lang): string {
  if (!params) return template;
  const chosen = template.replace(PLURAL, (whole, name: string, one: string, other: string) =>
    name in params ? pluralWord(Number(params[name]), one, other, lang) : whole,
  );
  return chosen.replace(PLACEHOLDER, (whole, name: string, particle: string | undefined) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return particle ? withParticle(value, particle as Particle) : value;
  });
}

/** The message `key` in `lang`, with `{placeholders}` filled from `params`. */
export function t(key: MessageKey, lang: Lang, params?: Params): string {
  return fill(catalog[key][lang], params, lang);
}

/** The message `key` in both languages, e.g. for a verdict or a report. */
export function both(key: MessageKey, params?: Params): Localized {
  return { ko: t(key, 'ko', params), en: t(key, 'en', params) };
}
