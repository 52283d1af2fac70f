/**
 * Colors, symbols and the `NO_COLOR` switch. Ink's colors come from chalk, which ignores `NO_COLOR`,
 * so every component asks `useTheme()` for a color and gets `undefined` when colors are off. Status
 * symbols differ in shape too, so nothing is told by color alone.
 */
import { createContext, useContext } from 'react';
import type { CheckStatus, ExerciseStatus } from '../core/types.js';

/** What the components need to know about the terminal's colors. */
export interface Theme {
  color: boolean;
}

/** Colors on unless `NO_COLOR` is set to anything non-empty (https://no-color.org). */
export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
  return { color: !env.NO_COLOR };
}

/** Provides the theme to the components (`run.tsx` sets it from the environment, tests directly). */
export const ThemeContext = createContext<Theme>({ color: true });

/** The theme of the nearest `ThemeContext` (colors on by default). */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** `color` when the theme has colors, else `undefined` (Ink then prints plain text). */
export function paint(theme: Theme, color: string): string | undefined {
  return theme.color ? color : undefined;
}

/** Every status the screens show: the core's, plus `running` and `pending` (not graded yet). */
export type ShownStatus = CheckStatus | ExerciseStatus | 'running' | 'pending';

/** One symbol per status, each a different shape. */
export const statusSymbol: Record<ShownStatus, string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  timeout: '◔',
  todo: '○',
  running: '⠋',
  pending: '·',
};

/** One color per status. */
export const statusColor: Record<ShownStatus, string> = {
  pass: 'green',
  fail: 'red',
  error: 'red',
  timeout: 'yellow',
  todo: 'gray',
  running: 'cyan',
  pending: 'gray',
};

/** The colors of a chart's series, in order (the optimizers exercise overlays six). */
export const seriesColors = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'] as const;

/** Markers that tell series apart when colors are off. */
export const seriesMarkers = ['●', '×', '+', '○', '*', '#'] as const;
