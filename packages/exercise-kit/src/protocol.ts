/**
 * The check protocol: how an exercise's `checks.ts` talks to the grader.
 *
 * A check has three parts, and they run in two places:
 * - `input(ctx)` runs in the **grader** and builds the check's inputs from the run's seed;
 * - `probe(student, input)` runs in the **sandbox**, beside the student's module, and returns plain
 *   data (anything structured clone can carry: numbers, arrays, plain objects, typed arrays);
 * - `judge(output, input, ctx)` runs in the **grader** and returns the verdict.
 *
 * Student code therefore only ever influences its own outputs: it never sees expected values and
 * cannot reach the judge. But the probe shares the student's realm, so what it returns is only the
 * student's claim: judges trust data, never objects. A probe returns values, never answers asked of a
 * student's object; for a model it returns the model as data (`modelData`) and the judge rebuilds it
 * with the trusted engine (`buildModel`, `replayFit`).
 *
 * @example
 * ```ts
 * import { defineChecks, expectClose } from '@gradschool/exercise-kit';
 * import type * as Student from './src/softmax.js';
 *
 * export default defineChecks<typeof Student>([
 *   {
 *     id: 'softmax-lecture-example',
 *     title: { ko: '강의 예제 [1, 1, 2]', en: 'The lecture example [1, 1, 2]' },
 *     points: 2,
 *     input: () => ({ x: [1, 1, 2] }),
 *     probe: (student, { x }) => student.softmax(x),
 *     judge: (got) => expectClose(got, [0.21194156, 0.21194156, 0.57611688], { atol: 1e-6 }),
 *   },
 * ]);
 * ```
 */

/** A student-facing text in both of the course's languages. */
export interface Localized {
  ko: string;
  en: string;
}

/** The languages every student-facing text exists in. */
export type Lang = keyof Localized;

/** What the grader hands to `input` and `judge`. */
export interface CheckContext {
  /**
   * This check's seed: derived from the run's seed (`--seed` / `GRADE_SEED`) and the check's id, so
   * checks are independent and a secret run seed changes every input. Feed it to the engine's `Rng`.
   */
  seed: number;
  /** The run's seed as given on the command line (or the public default). */
  runSeed: number;
  /** The language the student reads. Verdicts carry both languages anyway. */
  lang: Lang;
}

/** A loss curve (or any series) that the UI draws as a terminal chart. */
export interface ChartSeries {
  name: string;
  values: number[];
}

/**
 * A chart attached to a verdict: the loss curve(s) of the student's training run.
 *
 * @example
 * ```ts
 * // Losses kept every 30th epoch: the x axis says epochs 1, 31, 61, ..., not points 1, 2, 3.
 * const chart: Chart = {
 *   title: { ko: '학습 손실', en: 'Training loss' },
 *   series: [{ name: 'adam', values: kept }],
 *   x: kept.map((_, i) => 1 + 30 * i),
 *   xLabel: { ko: 'Epoch', en: 'epoch' },
 * };
 * ```
 */
export interface Chart {
  title: Localized;
  series: ChartSeries[];
  /**
   * The x value of each point (the same for every series), e.g. the epoch each loss was kept at
   * when only every n-th was. Omitted: the points are numbered 1, 2, 3, ...
   */
  x?: number[];
  /** What the x axis counts (`epoch`), shown under it. */
  xLabel?: Localized;
}

/** A small table attached to a verdict (e.g. the optimizers' losses side by side). */
export interface Table {
  head: string[];
  rows: (string | number)[][];
  /**
   * Highlight the cells on the diagonal (row i, value column i): a confusion matrix, whose first
   * column names the true class, so the diagonal is cell `rows[i][i + 1]`.
   */
  diagonal?: boolean;
}

/**
 * A small grey picture attached to a verdict, drawn in the terminal with half blocks (two pixel
 * rows per text row): a digit the model got wrong, a convolution filter, a feature map.
 *
 * @example
 * ```ts
 * const picture: Picture = {
 *   caption: { ko: '정답 3 → 예측 5 (97%)', en: 'true 3 → predicted 5 (97%)' },
 *   width: 28,
 *   height: 28,
 *   pixels: Array.from(image), // 784 grey levels, row by row, 0 = background, 255 = ink
 * };
 * ```
 */
export interface Picture {
  caption: Localized;
  width: number;
  height: number;
  /**
   * `width × height` grey levels in [0, 255], row-major. 0 is the background (drawn dark), 255 the
   * brightest; a filter or feature map is scaled into this range by whoever attaches it.
   */
  pixels: number[];
}

/** What `judge` returns. Build it with the kit's helpers (`pass`, `fail`, `expectClose`, ...). */
export interface Verdict {
  pass: boolean;
  /**
   * Points earned, for partial credit. Defaults to the check's `points` when `pass`, else 0.
   * Clamped to [0, points] by the grader.
   */
  score?: number;
  /**
   * Share of the check's points earned, in [0, 1], for partial credit when the judge does not know
   * the points (see `allOf(..., { partial: true })`). Ignored when `score` is set.
   */
  fraction?: number;
  /** What happened, for which input. Shown to the student. */
  message: Localized;
  /** The expected value, rendered for people (see `render`). */
  expected?: string;
  /** What the student's code returned, rendered the same way. */
  got?: string;
  chart?: Chart;
  table?: Table;
  /** Pictures shown under the message (at most {@link MAX_PICTURES}, each at most 64 × 64). */
  pictures?: Picture[];
}

/** The most pictures one verdict may carry (the grader drops the rest). */
export const MAX_PICTURES = 16;

/**
 * One check. `I` is the input type, `O` the probe's output type, `S` the student's module type
 * (use `typeof import('./src/file.js')`).
 */
export interface Check<S = unknown, I = unknown, O = unknown> {
  /** Stable id, kebab-case, unique within the exercise (used in reports and `dependsOn`). */
  id: string;
  title: Localized;
  /** Points for passing; at least 1. */
  points: number;
  /** Ids of earlier checks this one needs: if one of them did not pass, this check is skipped. */
  dependsOn?: string[];
  /** Wall-clock limit for the probe, overriding the manifest's `timeLimitMs`. */
  timeLimitMs?: number;
  /**
   * How many run seeds this check is graded with, for a check whose outcome depends on randomness
   * (training to a target, sampling): 1 (the default) or up to {@link MAX_CHECK_SEEDS}. With
   * `seeds: 3` the check runs with the run's seed, then, when that passes, with two more seeds
   * derived from it (the grader's `extraRunSeeds`), in the same sandbox child, each judged on its
   * own; it passes only when every seed passes, and a failure names the seed and how to rerun it
   * (`pnpm grade 04 --seed N`). So a solution that passes the public seed by luck fails locally,
   * not only in CI under a secret seed. Each extra seed limits its probe with `timeLimitMs` again.
   */
  seeds?: number;
  /** Builds the inputs in the grader. Omit when the check needs none. */
  input?: (ctx: CheckContext) => I;
  /** Calls the student's exports in the sandbox. May be async. Returns plain data. */
  probe: (student: S, input: I) => O | Promise<O>;
  /** Decides in the grader. Never sees the student's module, only `output`. */
  judge: (output: O, input: I, ctx: CheckContext) => Verdict;
}

/**
 * The most run seeds a check may ask for (`Check.seeds`): each one is a whole probe and judge, and
 * a training check's probe can take seconds.
 */
export const MAX_CHECK_SEEDS = 5;

/** What `checks.ts` default-exports. */
export interface CheckSuite<S = unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: a suite mixes checks of different input and output types.
  readonly checks: readonly Check<S, any, any>[];
}

/**
 * Declares an exercise's checks (the default export of `checks.ts`). Keeps each check's input and
 * output types tied together while the list stays heterogeneous.
 */
// biome-ignore lint/suspicious/noExplicitAny: a suite mixes checks of different input and output types.
export function defineChecks<S>(checks: Check<S, any, any>[]): CheckSuite<S> {
  const seen = new Set<string>();
  for (const check of checks) {
    const seeds = check.seeds ?? 1;
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > MAX_CHECK_SEEDS)
      throw new Error(
        `defineChecks: "${check.id}" has seeds: ${String(check.seeds)}; expected an integer from 1 to ${MAX_CHECK_SEEDS}`,
      );
    if (seen.has(check.id)) throw new Error(`defineChecks: duplicate check id "${check.id}"`);
    for (const dep of check.dependsOn ?? []) {
      if (!seen.has(dep))
        throw new Error(`defineChecks: "${check.id}" depends on "${dep}", which is not an earlier check`);
    }
    seen.add(check.id);
  }
  return { checks };
}

/**
 * Typed helper for a single check, so `input`, `probe` and `judge` infer their types from each other.
 *
 * @example
 * ```ts
 * check<typeof Student>()({ id: 'step-zero', ..., input: () => 0, probe: (s, x) => s.step(x), judge: ... })
 * ```
 */
export function check<S>() {
  return <I, O>(c: Check<S, I, O>): Check<S, I, O> => c;
}

/**
 * What every starter's stub throws. A check whose probe meets it is `todo` (not started), not `error`.
 *
 * @example
 * ```ts
 * export function step(x: number): number {
 *   // TODO: 1 when x >= 0, else 0
 *   throw new NotImplemented('step');
 * }
 * ```
 */
export class NotImplemented extends Error {
  /** Marks the error across the sandbox boundary, where `instanceof` cannot be trusted. */
  readonly gradschoolNotImplemented = true;

  constructor(what: string) {
    super(`${what}: not implemented yet (아직 구현하지 않았습니다)`);
    this.name = 'NotImplemented';
  }
}

/** True for a `NotImplemented`, also one thrown by another copy of this module. */
export function isNotImplemented(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { gradschoolNotImplemented?: unknown }).gradschoolNotImplemented === true
  );
}
