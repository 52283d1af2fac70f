/** @jsxRuntime automatic @jsxImportSource react */
import type { Table } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { makePaint } from '../../report/ansi.js';
import { renderTable } from '../../report/table.js';
import { fitWidth } from '../../report/text.js';
import { paint, useTheme } from '../theme.js';

/** The props of `TableView`. */
export type Props = {
  table: Table;
  /** Cells available: wider lines are cut with `…` rather than wrapped (wrapping breaks the columns). */
  width: number;
};

/**
 * A verdict's table (05's optimizers side by side, 04's gradients per layer) on the details screen:
 * the same aligned lines as the plain report (numbers right-aligned, Korean counted two cells wide),
 * the header in bold and the rule in gray, a confusion matrix's diagonal highlighted.
 */
export function TableView({ table, width }: Props) {
  const theme = useTheme();
  // A confusion matrix's diagonal: bracketed always, bold and green when the terminal has colours.
  const styled = makePaint(theme.color);
  const [head = '', rule = '', ...rows] = renderTable(table, {
    highlight: (cell) => styled('bold', styled('green', cell)),
  });
  const cut = (line: string) => fitWidth(line, Math.max(4, width));
  return (
    <Box flexDirection="column">
      <Text bold>{cut(head)}</Text>
      <Text color={paint(theme, 'gray')}>{cut(rule)}</Text>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed table.
        <Text key={i}>{cut(row)}</Text>
      ))}
    </Box>
  );
}
