/**
 * Keras' progress text (tf.keras 2 `Progbar`), built as strings so that tests can read them.
 * Only called once per epoch: nothing here runs inside the batch loop.
 */

/** A metric value as Keras prints it: 4 decimals, or `1.2345e-04` when it is tiny. */
export function formatValue(v: number): string {
  if (Math.abs(v) > 1e-3 || !Number.isFinite(v)) return Number.isFinite(v) ? v.toFixed(4) : String(v);
  // Python's %.4e writes at least two exponent digits: 1.0000e-05, not 1.0000e-5.
  return v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** ` - loss: 0.6457 - accuracy: 1.0000` */
export function formatLogs(logs: Readonly<Record<string, number>>): string {
  let text = '';
  for (const [key, value] of Object.entries(logs)) text += ` - ${key}: ${formatValue(value)}`;
  return text;
}

/** Seconds per step as Keras writes it: `2s/step`, `13ms/step`, `850us/step`. */
export function formatStepTime(secondsPerStep: number): string {
  if (secondsPerStep >= 1 || secondsPerStep === 0) return `${secondsPerStep.toFixed(0)}s/step`;
  if (secondsPerStep >= 1e-3) return `${(secondsPerStep * 1e3).toFixed(0)}ms/step`;
  return `${(secondsPerStep * 1e6).toFixed(0)}us/step`;
}

/** `1/1 [==============================]`, the bar when `current` of `target` steps are done. */
export function progressBar(current: number, target: number, width = 30): string {
  const digits = String(target).length;
  const filled = Math.floor((width * current) / target);
  let bar = `${String(current).padStart(digits, ' ')}/${target} [`;
  if (filled > 0) bar += '='.repeat(filled - 1) + (current < target ? '>' : '=');
  return `${bar}${'.'.repeat(width - filled)}]`;
}

/**
 * The last line of an epoch with `verbose: 1`:
 * `1/1 [==============================] - 0s 1ms/step - loss: 0.6457 - accuracy: 1.0000`.
 */
export function epochProgressLine(
  steps: number,
  seconds: number,
  logs: Readonly<Record<string, number>>,
): string {
  const perStep = steps > 0 ? seconds / steps : 0;
  return `${progressBar(steps, steps)} - ${seconds.toFixed(0)}s ${formatStepTime(perStep)}${formatLogs(logs)}`;
}

/** The single line of an epoch with `verbose: 2`: `Epoch 3/100 - 0s 1ms/step - loss: 0.6931`. */
export function epochSummaryLine(
  epoch: number,
  epochs: number,
  steps: number,
  seconds: number,
  logs: Readonly<Record<string, number>>,
): string {
  const perStep = steps > 0 ? seconds / steps : 0;
  return `Epoch ${epoch}/${epochs} - ${seconds.toFixed(0)}s ${formatStepTime(perStep)}${formatLogs(logs)}`;
}
