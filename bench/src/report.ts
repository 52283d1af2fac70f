/** Renders the results as the Markdown of `bench/RESULTS.md` (and the terminal's table). */
import { REGRADE_LANES } from '../../grader/src/core/lanes.js';
import { DEFAULT_DEBOUNCE_MS } from '../../grader/src/core/watch.js';
import type { Machine } from './machine.js';
import { type Row, speedup } from './rows.js';

export interface ReportContext {
  machine: Machine;
  date: string;
  command: string;
  reps: number;
  quick: boolean;
  /** Free-form facts about the run: load averages, WASM features, losses, ... */
  conditions: string[];
}

/** A number with a sensible number of digits for its size. */
export function fmt(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function ratio(value: number | undefined): string {
  return value === undefined ? '—' : `${fmt(value)}x`;
}

/** The table: one row per measurement, medians, ours-vs-TF.js ratios (> 1x: ours is better), targets. */
export function renderTable(rows: readonly Row[]): string {
  const head =
    '| Workload | Metric | Ours | Ours, TS matmul | TF.js CPU | TF.js WASM | vs CPU | vs WASM | Target | Met |';
  const rule = '|---|---|--:|--:|--:|--:|--:|--:|---|:-:|';
  const lines = rows.map((r) =>
    [
      r.workload,
      `${r.metric} (${r.unit}, ${r.better} is better)`,
      fmt(r.ours),
      fmt(r.oursTs),
      fmt(r.tfCpu),
      fmt(r.tfWasm),
      ratio(speedup(r, r.tfCpu)),
      ratio(speedup(r, r.tfWasm)),
      r.target?.text ?? '',
      r.target === undefined ? '' : r.target.met ? 'yes' : '**no**',
    ].join(' | '),
  );
  return [head, rule, ...lines.map((l) => `| ${l} |`)].join('\n');
}

/** Every run when there are few, else the count and the range. */
function describeRuns(xs: readonly number[]): string {
  if (xs.length <= 7) return xs.map(fmt).join(', ');
  return `${xs.length} runs, ${fmt(Math.min(...xs))} to ${fmt(Math.max(...xs))}`;
}

/** The whole RESULTS.md. */
export function renderResults(rows: readonly Row[], ctx: ReportContext): string {
  const m = ctx.machine;
  const targets = rows.filter((r) => r.target !== undefined);
  const met = targets.filter((r) => r.target!.met);
  const spread = rows
    .filter((r) => r.runs !== undefined)
    .map((r) => {
      const runs = r.runs!;
      const part = (name: string, xs: number[] | undefined) => (xs ? `${name} ${describeRuns(xs)}` : '');
      return `- ${r.workload}, ${r.metric}: ${[part('ours', runs.ours), part('ours, TS matmul', runs.oursTs), part('TF.js CPU', runs.tfCpu), part('TF.js WASM', runs.tfWasm)].filter(Boolean).join('; ')}`;
    });
  return `# Benchmark results

Written by \`pnpm bench\` (\`bench/src/main.ts\`) — do not edit by hand; rerun to update.

- Machine: ${m.cpu}, ${m.cores} logical cores, ${m.memoryGb} GB, ${m.platform}; shared with other
  work while measured (load averages under "Conditions")
- Node ${m.node}; run ${ctx.date}; \`${ctx.command}\`${ctx.quick ? ' (**quick mode**: smaller runs, not comparable)' : ''}
- Medians over ${ctx.reps} rounds; in each round every engine runs once, or, when its run is short,
  several times (about 200 ms worth, up to 20), each timed. Engines are interleaved round by round so
  that a busy spell on the shared machine slows them alike. Untimed warm-up first (at least one run
  and 500 ms per engine).
  Ratios are how many times better ours is (above 1x: ours is faster / smaller).

## Results

${renderTable(rows)}

Targets (issue 8) met: **${met.length} of ${targets.length}**. What the profiles showed, what was changed in the
engine, and where the grader's remaining time goes: [README.md](README.md).

## Conditions of this run

${ctx.conditions.map((c) => `- ${c}`).join('\n')}

## What is measured

- **XOR**: the lecture's model, Dense(5, sigmoid, \`normal\`) + Dense(2, softmax), adam (lr 0.001),
  categorical cross-entropy, \`fit\` for 1000 epochs of one batch of 4, silent. TF.js starts from our
  initial weights (copied to float32). Time of the whole \`fit\` call.
- **MNIST MLP**: 784-128-10 (relu, softmax), adam, batch 128, one epoch over 10,000 synthetic samples,
  same initial weights. "MNIST-like" inputs light ~150 of 784 pixels per sample, as real MNIST digits
  do (our matmul kernels skip the all-zero stretches of their left operand, TF.js does not); "dense"
  inputs light every pixel.
- **matmul**: \`a.matmul(b)\` on n x n matrices, forward only; GFLOP/s = 2n³ / time. Ours is float64,
  TF.js is float32 (its only float type), so TF.js moves half the bytes and its SIMD does twice the
  lanes.
- **grader**: \`pnpm grade <lecture 3's five exercises> --solutions --ci\` in a fresh process (pnpm + tsx start-up included), wall
  time (with tsx's on-disk cache of compiled TypeScript, and without it: \`TSX_DISABLE_CACHE=1\`, as
  on a fresh checkout) and the peak of the summed resident memory of its whole process tree (sandbox children
  included), sampled every 20 ms from /proc. "Watch regrade": time from saving a watched file until
  its exercise's regrade result is ready inside a running grader, on the path \`pnpm grade --watch\`
  and the UI take: the file watcher of \`grader/src/core/watch.ts\` with its ${DEFAULT_DEBOUNCE_MS} ms debounce, then
  \`gradeExercise\` on the reference solution in the pre-started sandbox children that watch mode keeps
  waiting (\`grader/src/sandbox/warm.ts\`): here ${REGRADE_LANES === 1 ? 'one child, as on any machine with fewer than four cores' : `${REGRADE_LANES} of them running the checks side by side`}
  (\`grader/src/core/lanes.ts\`); the result counts when it is shown, before the children have finished
  exiting; each save comes 1.5 s after the previous result, as between a student's edits, so the
  children are ready. The median over lecture 3's exercises and every round, and the
  slowest exercise's median. (Lecture 4's exercises train on MNIST for seconds by design: how long
  they take to grade is its own row.)

## Spread of the individual runs

${spread.join('\n')}
`;
}
