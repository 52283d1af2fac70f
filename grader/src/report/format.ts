import type { CheckStatus, ExerciseStatus } from '../core/types.js';
import type { Style } from './ansi.js';

/**
 * Points as people write them: integers bare, partial credit with at most two decimals.
 *
 * @example
 * formatPoints(3) // '3'
 * formatPoints(1.6667) // '1.67'
 */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Math.round(points * 100) / 100);
}

/** `score / maxScore` as a whole percentage (0 when there is nothing to score). */
export function percent(score: number, maxScore: number): number {
  return maxScore > 0 ? Math.round((score / maxScore) * 100) : 0;
}

/** The symbol of each status: the same in every language, readable without colors. */
export const STATUS_SYMBOL: Record<CheckStatus | ExerciseStatus, string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  timeout: '⏱',
  todo: '○',
};

/** The color of each status when colors are on. */
export const STATUS_STYLE: Record<CheckStatus | ExerciseStatus, Style> = {
  pass: 'green',
  fail: 'red',
  error: 'magenta',
  timeout: 'yellow',
  todo: 'gray',
};
