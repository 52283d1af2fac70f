/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';
import { paint, type ShownStatus, statusColor, statusSymbol, useTheme } from '../theme.js';
import { Spinner } from './Spinner.js';

/** The props of `StatusSymbol`. */
export type Props = {
  status: ShownStatus;
};

/** The one-character symbol of a status (a spinner while running), colored when colors are on. */
export function StatusSymbol({ status }: Props) {
  const theme = useTheme();
  // Never squeezed out of a row by a long title beside it.
  return (
    <Box flexShrink={0}>
      {status === 'running' ? (
        <Spinner />
      ) : (
        <Text color={paint(theme, statusColor[status])}>{statusSymbol[status]}</Text>
      )}
    </Box>
  );
}
