/**
 * Korean particles chosen by the word they follow, instead of the `을(를)` fallback: `0.5를`,
 * `-0.6을`, `NaN을`, `[1, 2]를`. A particle depends on whether the last syllable, as read aloud,
 * ends in a consonant (받침): Hangul by its code point, digits by their Korean reading (0 영, 1 일,
 * 3 삼, 6 육, 7 칠, 8 팔 end in one; 2 이, 4 사, 5 오, 9 구 do not), Latin letters by how the word is
 * usually read (`NaN` 난, `null` 널 end in one; `Infinity`, `true` do not). Closing brackets, quotes
 * and dots are skipped: `[1, 2]` is read up to its `2`.
 */

/** The particles whose form depends on the word before them (the form after a consonant first). */
export type Particle = '을' | '를' | '이' | '가' | '은' | '는' | '으로' | '로' | '과' | '와';

const PAIRS: Record<Particle, readonly [afterConsonant: string, afterVowel: string]> = {
  을: ['을', '를'],
  를: ['을', '를'],
  이: ['이', '가'],
  가: ['이', '가'],
  은: ['은', '는'],
  는: ['은', '는'],
  으로: ['으로', '로'],
  로: ['으로', '로'],
  과: ['과', '와'],
  와: ['과', '와'],
};

/** How the last syllable of a word ends: with a consonant (and whether it is ㄹ), or a vowel. */
type Ending = 'consonant' | 'rieul' | 'vowel';

const DIGIT_ENDINGS: Record<string, Ending> = {
  '0': 'consonant',
  '1': 'rieul',
  '2': 'vowel',
  '3': 'consonant',
  '4': 'vowel',
  '5': 'vowel',
  '6': 'consonant',
  '7': 'rieul',
  '8': 'rieul',
  '9': 'vowel',
};

function endingOf(word: string): Ending {
  const trimmed = word.replace(/[\s)\]}>'"`’”.,…]+$/u, '');
  const last = [...trimmed].at(-1) ?? '';
  const code = last.codePointAt(0) ?? 0;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant';
  }
  const digit = DIGIT_ENDINGS[last];
  if (digit) return digit;
  // Latin: words read ending in ㄹ (null, ...l), in another consonant (NaN, ...m, ...n, ...ng, ...k),
  // or in a vowel (Infinity, true, undefined 언디파인드: the 드 has none).
  if (/l$/i.test(trimmed)) return 'rieul';
  if (/(m|n|ng|k)$/i.test(trimmed)) return 'consonant';
  return 'vowel';
}

/**
 * `word` followed by the right form of `particle` (either form may be given).
 *
 * @example
 * ```ts
 * withParticle('0.5', '을');      // '0.5를'
 * withParticle('-0.601624', '이'); // '-0.601624가'
 * withParticle('0.6', '을');      // '0.6을'
 * withParticle('[1, 7]', '로');   // '[1, 7]로'
 * withParticle('NaN', '이');      // 'NaN이'
 * ```
 */
export function withParticle(word: string, particle: Particle): string {
  const [afterConsonant, afterVowel] = PAIRS[particle];
  const ending = endingOf(word);
  // ㄹ takes 로, not 으로; for every other particle ㄹ is a consonant like the rest.
  if (particle === '으로' || particle === '로')
    return word + (ending === 'consonant' ? afterConsonant : afterVowel);
  return word + (ending === 'vowel' ? afterVowel : afterConsonant);
}
