/** One row of a model summary. */
export interface SummaryRow {
  /** The layer's name, e.g. `dense_1`. */
  name: string;
  /** The layer's class, e.g. `Dense`. */
  className: string;
  /** The output shape with `null` for the batch size, e.g. `[null, 5]`. */
  outputShape: readonly (number | null)[];
  /** Number of weights of the layer. */
  params: number;
}

// tf.keras 2's layout for sequential models: 65 columns, columns ending at 45%, 85% and 100%.
const LINE_LENGTH = 65;
const POSITIONS = [29, 55, 65] as const;

/** `[null, 5]` → `(None, 5)`, `[null]` → `(None,)`, as Python prints a tuple. */
export function formatShape(shape: readonly (number | null)[]): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** 1234567 → `1,234,567` (Python's `{:,}`). */
function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * One row (tf.keras `print_row`): each field starts at its column and is padded to the next; a field
 * too long for its column continues on the following line(s), in the same column.
 */
function row(fields: readonly string[]): string[] {
  const left = [...fields];
  const lines: string[] = [];
  while (left.some((f) => f.length > 0)) {
    let line = '';
    for (let col = 0; col < left.length; col++) {
      const start = col === 0 ? 0 : POSITIONS[col - 1]!;
      const last = col === left.length - 1;
      // Two spaces separate columns and the first column is indented by one space.
      const width = POSITIONS[col]! - start - (last ? 0 : 3);
      if (col === 0) line += ' ';
      line += left[col]!.slice(0, width) + (last ? '' : '  ');
      left[col] = left[col]!.slice(width);
      line = line.padEnd(POSITIONS[col]!, ' ');
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The text of `model.summary()` exactly as tf.keras 2 prints it for a Sequential model (the layout
 * shown in the lecture). Lines keep Keras' trailing spaces.
 *
 * @example
 * formatSummary('sequential', [{ name: 'dense', className: 'Dense', outputShape: [null, 1], params: 3 }]);
 */
export function formatSummary(modelName: string, rows: readonly SummaryRow[], nonTrainable = 0): string {
  const lines = [`Model: "${modelName}"`, '_'.repeat(LINE_LENGTH)];
  lines.push(...row(['Layer (type)', 'Output Shape', 'Param #']), '='.repeat(LINE_LENGTH));
  let trainable = 0;
  for (const r of rows) {
    lines.push(...row([`${r.name} (${r.className})`, formatShape(r.outputShape), String(r.params)]));
    lines.push(' '.repeat(LINE_LENGTH));
    trainable += r.params;
  }
  lines.push('='.repeat(LINE_LENGTH));
  lines.push(`Total params: ${withCommas(trainable + nonTrainable)}`);
  lines.push(`Trainable params: ${withCommas(trainable)}`);
  lines.push(`Non-trainable params: ${withCommas(nonTrainable)}`);
  lines.push('_'.repeat(LINE_LENGTH));
  return lines.join('\n');
}
