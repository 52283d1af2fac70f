/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from 'ink';
import { paint, useTheme } from '../theme.js';

/** The props of `ProgressBar`. */
export type Props = {
  /** Done fraction, 0..1 (clamped). */
  ratio: number;
  /** Width in cells. */
  width: number;
};

/** A bar of `width` cells, the done part filled: `██████░░░░`. */
export function ProgressBar({ ratio, width }: Props) {
  const theme = useTheme();
  const safe = Number.isFinite(ratio) ? Math.max(0, Math.min(1, ratio)) : 0;
  const filled = Math.round(safe * width);
  return (
    <Text>
      <Text color={paint(theme, safe === 1 ? 'green' : 'cyan')}>{'█'.repeat(filled)}</Text>
      <Text color={paint(theme, 'gray')}>{'░'.repeat(width - filled)}</Text>
    </Text>
  );
}
