/** `defineChecks`: what a suite may declare, refused at load with the check named. */
import { describe, expect, it } from 'vitest';
import { defineChecks, MAX_CHECK_SEEDS, pass } from '../src/index.js';

const checkWith = (extra: Record<string, unknown>) => ({
  id: 'trains',
  title: { ko: '학습', en: 'Trains' },
  points: 1,
  probe: () => 1,
  judge: () => pass({ ko: '좋음', en: 'fine' }),
  ...extra,
});

describe('Check.seeds', () => {
  it('accepts 1 to MAX_CHECK_SEEDS run seeds, and none', () => {
    for (const seeds of [undefined, 1, 3, MAX_CHECK_SEEDS])
      expect(defineChecks([checkWith({ seeds })]).checks[0]?.seeds).toBe(seeds);
  });

  it.each([0, -1, 1.5, MAX_CHECK_SEEDS + 1, Number.NaN, '3'])(
    'refuses seeds: %s, naming the check',
    (seeds) => {
      expect(() => defineChecks([checkWith({ seeds })])).toThrow(
        `defineChecks: "trains" has seeds: ${String(seeds)}; expected an integer from 1 to ${MAX_CHECK_SEEDS}`,
      );
    },
  );
});
