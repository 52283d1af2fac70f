/** One row of a model summary. */
export interface SummaryRow {
  /** The layer's name, e.g. `dense_1`. */
  name: string;
  /** The layer's class, e.g. `Dense`. */
  className: string;
  /** The output shape with `null` for the batch size, e.g. `[null, 5]`. */
  outputShape: readonly (number | null)[];
  /** Number of weights of the layer, trained or not. */
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
 * One row, as tf.keras 2's `print_row` (keras/utils/layer_utils.py) writes it: each field is cut to its
 * column's width less the two spaces that separate columns, a field breaks early after `),`, `},`,
 * `],` or `',`, and the rest continues on the next line(s) in the same column. A first field that fills
 * its column pushes the next one a column to the right (the leading space is not counted), which is
 * why a long layer name such as `max_pooling2d (MaxPooling2D)` shifts its row: Keras prints it so.
 */
function row(fields: readonly string[]): string[] {
  const left = [...fields];
  const lines: string[] = [];
  while (left.some((f) => f.length > 0)) {
    let line = '';
    for (let col = 0; col < left.length; col++) {
      const start = col === 0 ? 0 : POSITIONS[col - 1]!;
      const space = col === POSITIONS.length - 1 ? 0 : 2;
      let cutoff = POSITIONS[col]! - start - space;
      const fit = left[col]!.slice(0, cutoff);
      const breaks = ['),', '},', '],', "',"].map((b) => fit.indexOf(b)).filter((i) => i >= 0);
      if (breaks.length > 0) cutoff = Math.min(...breaks) + 2;
      if (col === 0) line += ' ';
      line += left[col]!.slice(0, cutoff) + ' '.repeat(space);
      left[col] = left[col]!.slice(cutoff);
      line = line.padEnd(POSITIONS[col]!, ' ');
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The text of `model.summary()` exactly as tf.keras 2 prints it for a Sequential model (the layout
 * shown in the lecture). Lines keep Keras' trailing spaces. `nonTrainable` of the rows' weights are
 * not trained (BatchNormalization's moving statistics).
 *
 * @example
 * formatSummary('sequential', [{ name: 'dense', className: 'Dense', outputShape: [null, 1], params: 3 }]);
 */
export function formatSummary(modelName: string, rows: readonly SummaryRow[], nonTrainable = 0): string {
  const lines = [`Model: "${modelName}"`, '_'.repeat(LINE_LENGTH)];
  lines.push(...row(['Layer (type)', 'Output Shape', 'Param #']), '='.repeat(LINE_LENGTH));
  let total = 0;
  for (const r of rows) {
    lines.push(...row([`${r.name} (${r.className})`, formatShape(r.outputShape), String(r.params)]));
    lines.push(' '.repeat(LINE_LENGTH));
    total += r.params;
  }
  lines.push('='.repeat(LINE_LENGTH));
  lines.push(`Total params: ${withCommas(total)}`);
  lines.push(`Trainable params: ${withCommas(total - nonTrainable)}`);
  lines.push(`Non-trainable params: ${withCommas(nonTrainable)}`);
  lines.push('_'.repeat(LINE_LENGTH));
  return lines.join('\n');
}
