import { Text } from 'ink';
import { paint, type ShownStatus, statusColor, statusSymbol, useTheme } from '../theme.js';
import { Spinner } from './Spinner.js';

export type Props = {
  status: ShownStatus;
};

/** The one-character symbol of a status (a spinner while running), colored when colors are on. */
export function StatusSymbol({ status }: Props) {
  const theme = useTheme();
  if (status === 'running') return <Spinner />;
  return <Text color={paint(theme, statusColor[status])}>{statusSymbol[status]}</Text>;
}
