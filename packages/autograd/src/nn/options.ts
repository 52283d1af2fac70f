/**
 * Placeholder of the options checker (the `keras-options` branch writes the real one; the lead keeps
 * that side at merge). Same signature: an unknown key or a value of the wrong type throws.
 */
export interface OptionSpec {
  type:
    | 'number'
    | 'integer'
    | 'positive-number'
    | 'positive-integer'
    | 'boolean'
    | 'string'
    | 'function'
    | 'object'
    | 'array'
    | 'any';
  optional?: true;
}

function fits(type: OptionSpec['type'], value: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && !Number.isNaN(value);
    case 'integer':
      return Number.isInteger(value);
    case 'positive-number':
      return typeof value === 'number' && value > 0;
    case 'positive-integer':
      return Number.isInteger(value) && (value as number) > 0;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null;
    case 'any':
      return true;
    default:
      return typeof value === type;
  }
}

/** Checks `options` against `spec`: every key known, every value of its type; returns `options`. */
export function checkOptions<T extends object>(
  owner: string,
  options: T | undefined,
  spec: { [K in keyof T]-?: OptionSpec },
): T {
  const given = (options ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new TypeError(`${owner}: options must be an object (옵션은 객체여야 합니다)`);
  }
  const known = spec as Record<string, OptionSpec>;
  for (const [key, value] of Object.entries(given)) {
    const entry = known[key];
    if (entry === undefined) {
      throw new Error(`${owner}: unknown option '${key}' (${owner}에 없는 옵션 '${key}')`);
    }
    if (value === undefined && entry.optional) continue;
    if (!fits(entry.type, value)) {
      throw new TypeError(
        `${owner}: option '${key}' must be ${entry.type}, got ${JSON.stringify(value)} (${typeof value}) ` +
          `(옵션 '${key}'의 형식이 맞지 않습니다)`,
      );
    }
  }
  return given as T;
}
