/**
 * Strict options. tsx runs a student's TypeScript without type checking, so `new SGD({ lr: 0.1 })` (the
 * lecture's Keras 2 spelling) would otherwise train silently at the default 0.01. Every public function
 * that takes an options object passes it through {@link checkOptions}: an unknown key throws an error
 * naming the key, the object it was given to and what to write instead (the nearest known key, or the
 * Keras 3 name of a Keras 2 option); a value of the wrong type is shown as written (`"0" (a string)`).
 *
 * It lives beside `random.ts`, outside `nn/`, because the tensor layer (`tensor(values, opts)`,
 * `backward(grad, opts)`) checks its options too and must not import the model API;
 * `nn/options.ts` re-exports it for the model API.
 */

/** What one option may be. `number`s must be finite; `non-negative-*` allow 0. */
export type OptionType =
  | 'number'
  | 'integer'
  | 'positive-number'
  | 'positive-integer'
  | 'non-negative-number'
  | 'non-negative-integer'
  | 'boolean'
  | 'string'
  | 'function'
  | 'object'
  | 'array'
  | 'any';

/** What one option may be: its type (or types) and, optionally, the values allowed. */
export interface OptionSpec {
  type: OptionType | readonly OptionType[];
  /** The key may be left out (or `undefined`). */
  optional?: true;
  /** The only values allowed, e.g. `['auto', 'min', 'max']`. */
  oneOf?: readonly (string | number)[];
}

/**
 * An options object or argument that a Keras user would get wrong: an unknown key, or a value of the
 * wrong type. `key` is the option (or argument) at fault; `suggestion` what to write instead, if known.
 */
export class KerasOptionError extends TypeError {
  override readonly name = 'KerasOptionError';
  constructor(
    message: string,
    /** The function or class the options were given to, e.g. `'SGD'` or `'fit'`. */
    readonly owner: string,
    /** The offending key or argument name. */
    readonly key: string,
    /** The key to write instead, when there is one. */
    readonly suggestion: string | null = null,
  ) {
    super(message);
  }
}

const TYPE_NAMES: Record<OptionType, { en: string; ko: string }> = {
  number: { en: 'a number', ko: '수' },
  integer: { en: 'an integer', ko: '정수' },
  'positive-number': { en: 'a positive number', ko: '양수' },
  'positive-integer': { en: 'a positive integer', ko: '양의 정수' },
  'non-negative-number': { en: 'a number ≥ 0', ko: '0 이상의 수' },
  'non-negative-integer': { en: 'a non-negative integer', ko: '0 이상의 정수' },
  boolean: { en: 'true or false', ko: 'true 또는 false' },
  string: { en: 'a string', ko: '문자열' },
  function: { en: 'a function', ko: '함수' },
  object: { en: 'an object', ko: '객체' },
  array: { en: 'an array', ko: '배열' },
  any: { en: 'any value', ko: '아무 값' },
};

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

const TYPE_CHECKS: Record<OptionType, (v: unknown) => boolean> = {
  number: isNumber,
  integer: (v) => Number.isInteger(v),
  'positive-number': (v) => isNumber(v) && v > 0,
  'positive-integer': (v) => Number.isInteger(v) && (v as number) > 0,
  'non-negative-number': (v) => isNumber(v) && v >= 0,
  'non-negative-integer': (v) => Number.isInteger(v) && (v as number) >= 0,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  function: (v) => typeof v === 'function',
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v) => Array.isArray(v),
  any: () => true,
};

/** `{"a":1}`, cut to about 40 characters; `null` when the value cannot be written as JSON. */
function preview(v: unknown): string | null {
  try {
    const text = JSON.stringify(v);
    if (text === undefined) return null;
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  } catch {
    return null; // a cycle, a BigInt inside
  }
}

/**
 * A value as the student wrote it, with its type where it could be mistaken for another:
 * `"5" (a string)`, `5`, `true (a boolean)`, `null`, `[1,2] (an array)`, `a Tensor of shape [2, 2]`.
 */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)} (a string)`;
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n (a bigint)`;
    case 'boolean':
      return `${v} (a boolean)`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return `${String(v)} (a symbol)`;
    case 'function':
      return v.name ? `a function (${v.name})` : 'a function';
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return `${preview(v) ?? '[...]'} (an array)`;
  const className = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor
    ?.name;
  const shape = (v as { shape?: unknown }).shape;
  if (className === 'Tensor' && Array.isArray(shape)) return `a Tensor of shape [${shape.join(', ')}]`;
  if (className !== undefined && className !== 'Object' && className !== '') return `a ${className}`;
  return `${preview(v) ?? '{...}'} (an object)`;
}

function typesOf(spec: OptionSpec): readonly OptionType[] {
  return typeof spec.type === 'string' ? [spec.type] : spec.type;
}

function expected(spec: OptionSpec): { en: string; ko: string } {
  if (spec.oneOf !== undefined) {
    const list = spec.oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    return { en: `one of ${list}`, ko: `${list} 중 하나` };
  }
  const names = typesOf(spec).map((t) => TYPE_NAMES[t]);
  return { en: names.map((n) => n.en).join(' or '), ko: names.map((n) => n.ko).join(' 또는 ') };
}

/** True when `value` fits `spec` (`undefined` is left to the caller). */
function fits(spec: OptionSpec, value: unknown): boolean {
  if (!typesOf(spec).some((t) => TYPE_CHECKS[t](value))) return false;
  return spec.oneOf === undefined || spec.oneOf.includes(value as string | number);
}

/**
 * Options that Keras used to spell differently (Keras 1 and 2 names the lecture and old tutorials use),
 * keyed by the name with underscores removed and in lower case. `to` is the key to write here (checked
 * against the options the owner knows); `removed` options have no replacement.
 */
const OLD_KERAS_NAMES: Record<string, { to?: string; en: string; ko: string }> = {
  lr: {
    to: 'learningRate',
    en: "Keras 2's `lr` is `learning_rate` in Keras 3: write `learningRate`",
    ko: 'Keras 2의 `lr`은 Keras 3에서 `learning_rate`입니다: `learningRate`로 쓰세요',
  },
  decay: {
    to: 'learningRate', // offered only to owners that have a learning rate (the optimizers)
    en:
      "Keras 2's `decay` (a learning rate that shrinks every step) was removed in Keras 3. The lecture's " +
      '`decay = 0.0` is the default: leave it out. To lower the learning rate over time, set ' +
      '`model.compiled.optimizer.learningRate` from an `onEpochEnd` callback',
    ko:
      'Keras 2의 `decay`(단계마다 줄어드는 학습률)는 Keras 3에서 없어졌습니다. 강의의 `decay = 0.0`은 기본값이므로 ' +
      '빼면 됩니다. 학습률을 점점 줄이려면 `onEpochEnd` 콜백에서 `model.compiled.optimizer.learningRate`를 바꾸세요',
  },
  nbepoch: {
    to: 'epochs',
    en: "Keras 1's `nb_epoch` is `epochs` since Keras 2: write `epochs`",
    ko: 'Keras 1의 `nb_epoch`은 Keras 2부터 `epochs`입니다: `epochs`로 쓰세요',
  },
  init: {
    to: 'kernelInitializer',
    en: "Keras 1's `init` is `kernel_initializer` since Keras 2: write `kernelInitializer`",
    ko: 'Keras 1의 `init`은 Keras 2부터 `kernel_initializer`입니다: `kernelInitializer`로 쓰세요',
  },
  outputdim: {
    to: 'inputDim', // offered to Dense (which has inputDim): units is its first argument
    en: "Keras 1's `output_dim` is the first argument `units` since Keras 2: write `new Dense(5, { ... })`",
    ko: 'Keras 1의 `output_dim`은 Keras 2부터 첫 번째 인자 `units`입니다: `new Dense(5, { ... })`로 쓰세요',
  },
  bias: {
    to: 'useBias',
    en: "Keras 1's `bias` is `use_bias` since Keras 2: write `useBias`",
    ko: 'Keras 1의 `bias`는 Keras 2부터 `use_bias`입니다: `useBias`로 쓰세요',
  },
};

/** Keras 3 options that exist in Keras but not here: said so, rather than "unknown". */
const KERAS_ONLY = new Set(
  [
    // layers
    'kernel_regularizer',
    'bias_regularizer',
    'activity_regularizer',
    'kernel_constraint',
    'bias_constraint',
    'lora_rank',
    'dtype',
    'trainable',
    // optimizers
    'clipnorm',
    'clipvalue',
    'global_clipnorm',
    'weight_decay',
    'use_ema',
    'ema_momentum',
    'ema_overwrite_frequency',
    'loss_scale_factor',
    'gradient_accumulation_steps',
    // compile
    'loss_weights',
    'weighted_metrics',
    'run_eagerly',
    'steps_per_execution',
    'jit_compile',
    'auto_scale_loss',
    // fit / evaluate / predict
    'steps_per_epoch',
    'validation_steps',
    'validation_batch_size',
    'validation_freq',
    'steps',
    'workers',
    'use_multiprocessing',
    'max_queue_size',
    // callbacks
    'baseline',
    'start_from_epoch',
  ].map(normalize),
);

/** Keras 2 values that meant "the default" but are errors in Keras 3 or here. */
const OLD_KERAS_NULLS: Record<string, { en: string; ko: string }> = {
  epsilon: {
    en:
      "Keras 2's `epsilon=None` meant the backend's epsilon (1e-7); in Keras 3 epsilon is a number, " +
      '1e-7 by default: leave it out',
    ko: 'Keras 2의 `epsilon=None`은 기본 epsilon(1e-7)이었습니다. Keras 3에서는 수이고 기본값이 1e-7이므로 빼면 됩니다',
  },
};

/** `input_dim`, `inputDim`, `INPUT_DIM` → `inputdim`: the same key in any spelling. */
function normalize(key: string): string {
  return key.replace(/[_\s-]/g, '').toLowerCase();
}

/** Levenshtein distance (insertions, deletions, substitutions), on short keys. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** What to say about an unknown key: a Keras 2 rename, a spelling, a near miss, or nothing. */
function hintFor(
  key: string,
  known: readonly string[],
): { to: string | null; en: string; ko: string } | null {
  const plain = normalize(key);
  const old = OLD_KERAS_NAMES[plain];
  if (old !== undefined && old.to !== undefined && known.includes(old.to) && !known.includes(key)) {
    const to = plain === 'outputdim' || plain === 'decay' ? null : old.to;
    return { to, en: old.en, ko: old.ko };
  }
  const sameName = known.find((k) => normalize(k) === plain);
  if (sameName !== undefined) {
    const why = key.includes('_')
      ? "Keras's snake_case names are camelCase here"
      : 'names are case-sensitive';
    const whyKo = key.includes('_')
      ? 'Keras의 snake_case 이름은 여기서 camelCase입니다'
      : '대소문자를 구분합니다';
    return {
      to: sameName,
      en: `${why}: \`${key}\` → \`${sameName}\``,
      ko: `${whyKo}: \`${key}\` → \`${sameName}\``,
    };
  }
  if (KERAS_ONLY.has(plain)) {
    return {
      to: null,
      en: `Keras's \`${key}\` is not supported by gradschool`,
      ko: `Keras의 \`${key}\`는 gradschool에서 지원하지 않습니다`,
    };
  }
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = editDistance(plain, normalize(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best !== null && bestDistance <= Math.max(1, Math.floor(plain.length / 3))) {
    return { to: best, en: `did you mean \`${best}\`?`, ko: `\`${best}\`을(를) 쓰려던 것인가요?` };
  }
  return null;
}

function unknownKey(owner: string, key: string, known: readonly string[]): KerasOptionError {
  const hint = hintFor(key, known);
  const list = known.length === 0 ? 'none' : known.join(', ');
  const en = `${owner}: unknown option '${key}'${hint === null ? '' : ` — ${hint.en}`}. Known options: ${list}`;
  const ko = `${owner}에 알 수 없는 옵션 '${key}'${hint === null ? '' : `: ${hint.ko}`}. 쓸 수 있는 옵션: ${list}`;
  return new KerasOptionError(`${en} (${ko})`, owner, key, hint?.to ?? null);
}

/**
 * Throws a {@link KerasOptionError} unless `value` fits `spec`: `Dense: units must be a positive integer,
 * got "5" (a string)`. For positional arguments (and for one option, from {@link checkOptions}).
 */
export function checkArgument(owner: string, name: string, value: unknown, spec: OptionSpec): void {
  if (value === undefined && spec.optional) return;
  if (fits(spec, value)) return;
  const want = expected(spec);
  let en = `${owner}: ${name} must be ${want.en}, got ${describeValue(value)}`;
  let ko = `${owner}의 ${name}은(는) ${want.ko}여야 합니다`;
  const oldNull = value === null ? OLD_KERAS_NULLS[name] : undefined;
  if (oldNull !== undefined) {
    en += ` — ${oldNull.en}`;
    ko += `: ${oldNull.ko}`;
  } else if (value === null && spec.optional) {
    en += ' — leave the option out to get its default (what Python writes as None)';
    ko += ': 기본값을 쓰려면 옵션을 빼세요';
  }
  throw new KerasOptionError(`${en} (${ko})`, owner, name);
}

/**
 * Checks an options object against `spec` and returns it: every key must be known (else a
 * {@link KerasOptionError} naming the key, `owner`, the nearest known key or the Keras 3 name of a
 * Keras 2 option), every value of its type, every key not marked `optional` present.
 *
 * @example
 * checkOptions('SGD', { lr: 0.1 }, { learningRate: { type: 'number', optional: true } });
 * // KerasOptionError: SGD: unknown option 'lr' — Keras 2's `lr` is `learning_rate` in Keras 3: write `learningRate` ...
 */
export function checkOptions<T extends object>(
  owner: string,
  options: T | undefined,
  spec: { [K in keyof T]-?: OptionSpec },
): T {
  const known = Object.keys(spec);
  if (options === undefined) options = {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const example = known[0] === undefined ? '{}' : `{ ${known[0]}: ... }`;
    throw new KerasOptionError(
      `${owner}: options must be an object such as ${example}, got ${describeValue(options)} ` +
        `(${owner}의 옵션은 ${example} 같은 객체여야 합니다)`,
      owner,
      'options',
    );
  }
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(spec, key)) throw unknownKey(owner, key, known);
  }
  const values = options as Record<string, unknown>;
  for (const key of known) {
    const option = (spec as Record<string, OptionSpec>)[key]!;
    const value = values[key];
    if (value === undefined && option.optional !== true) {
      throw new KerasOptionError(
        `${owner}: the option '${key}' is required (${owner}에 '${key}' 옵션이 필요합니다)`,
        owner,
        key,
      );
    }
    checkArgument(owner, key, value, option);
  }
  return options;
}
