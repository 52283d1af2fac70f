/**
 * A refusal of an instructor command (bad name, existing folder, ...): the CLI prints it in the
 * instructor's language and exits 2. Its messages are the catalog's `instructor.*` keys.
 */
import type { Lang } from '@gradschool/exercise-kit';
import { type MessageKey, type Params, t } from '../i18n/index.js';

type WithoutPrefix<K> = K extends `instructor.${infer Name}` ? Name : never;
/** The name of one instructor message, without its `instructor.` prefix. */
export type InstructorMessageKey = WithoutPrefix<MessageKey>;

/** The instructor message `key` in `lang` with `{placeholders}` filled in. */
export function say(key: InstructorMessageKey, lang: Lang, params: Params = {}): string {
  return t(`instructor.${key}`, lang, params);
}

export class InstructorError extends Error {
  readonly key: InstructorMessageKey;
  readonly params: Params;

  constructor(key: InstructorMessageKey, params: Params = {}) {
    super(say(key, 'en', params));
    this.name = 'InstructorError';
    this.key = key;
    this.params = params;
  }

  /** The message in the instructor's language. */
  text(lang: Lang): string {
    return say(this.key, lang, this.params);
  }
}
