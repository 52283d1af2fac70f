/** Turns each workload's raw runs into table rows: medians, units, and the targets of issue 8. */
import { REGRADE_LANES } from '../../grader/src/core/lanes.js';
import { DEFAULT_DEBOUNCE_MS } from '../../grader/src/core/watch.js';
import { median } from './measure.js';
import type { Row } from './rows.js';
import { benchConv } from './workloads/conv.js';
import { benchConvnet, benchRealMnist } from './workloads/lecture4.js';
import { benchMatmul } from './workloads/matmul.js';
import { benchMnist } from './workloads/mnist.js';
import { benchXor } from './workloads/xor.js';

/** A workload's rows and what the reader should know about the run. */
export interface Measured {
  rows: Row[];
  notes: string[];
}

const loss = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(6));
const count = (xs: Record<string, number[]>) =>
  Object.entries(xs)
    .map(([name, runs]) => `${name} ${runs.length}`)
    .join(', ');

export async function xorRows(opts: { rounds: number; seed: number; epochs: number }): Promise<Measured> {
  const r = await benchXor(opts);
  const row: Row = {
    workload: `XOR, ${r.epochs} epochs`,
    metric: 'fit time',
    unit: 'ms',
    better: 'lower',
    ours: median(r.ms.ours),
    tfCpu: median(r.ms.cpu),
    tfWasm: median(r.ms.wasm),
    runs: { ours: r.ms.ours, tfCpu: r.ms.cpu, tfWasm: r.ms.wasm },
  };
  row.target = { text: '≥ 50x TF.js CPU', met: row.tfCpu! / row.ours >= 50 };
  const notes = [
    `Timed runs: ${count(r.ms)}.`,
    `Initial loss (same weights): ours ${loss(r.initialLoss.ours)}, TF.js CPU ${loss(r.initialLoss.cpu)}, WASM ${loss(r.initialLoss.wasm)}.`,
    `Loss after training: ours ${loss(r.finalLoss.ours)}, TF.js CPU ${loss(r.finalLoss.cpu)}, WASM ${loss(r.finalLoss.wasm)} (one batch per epoch, so the same steps: differences are float32 rounding).`,
  ];
  return { rows: [row], notes };
}

export async function mnistRows(opts: {
  rounds: number;
  seed: number;
  samples: number;
  denseToo: boolean;
}): Promise<Measured> {
  const rows: Row[] = [];
  const notes: string[] = [`${opts.samples} samples per epoch.`];
  for (const dense of opts.denseToo ? [false, true] : [false]) {
    const r = await benchMnist({ ...opts, dense });
    const rate = (ms: number[]) => ms.map((t) => (r.samples / t) * 1000);
    const runs = {
      ours: rate(r.ms.ours),
      oursTs: rate(r.ms.oursTs),
      tfCpu: rate(r.ms.cpu),
      tfWasm: rate(r.ms.wasm),
    };
    const row: Row = {
      workload: `MNIST MLP, ${dense ? 'dense' : 'MNIST-like'} inputs`,
      metric: 'training',
      unit: 'samples/s',
      better: 'higher',
      ours: median(runs.ours),
      oursTs: median(runs.oursTs),
      tfCpu: median(runs.tfCpu),
      tfWasm: median(runs.tfWasm),
      runs,
    };
    row.target = {
      text: '≥ 3x TF.js CPU and ≥ 1x WASM',
      met: row.ours >= 3 * row.tfCpu! && row.ours >= row.tfWasm!,
    };
    rows.push(row);
    notes.push(`${dense ? 'Dense' : 'MNIST-like'}: timed epochs ${count(r.ms)}.`);
  }
  return { rows, notes };
}

export async function matmulRows(opts: { rounds: number; seed: number; sizes: number[] }): Promise<Measured> {
  const results = await benchMatmul(opts);
  const rows = results.map(
    (r): Row => ({
      workload: `matmul ${r.n}x${r.n}`,
      metric: 'throughput',
      unit: 'GFLOP/s',
      better: 'higher',
      ours: median(r.gflops.ours),
      oursTs: median(r.gflops.oursTs),
      tfCpu: median(r.gflops.cpu),
      tfWasm: median(r.gflops.wasm),
      runs: { ours: r.gflops.ours, oursTs: r.gflops.oursTs, tfCpu: r.gflops.cpu, tfWasm: r.gflops.wasm },
    }),
  );
  return { rows, notes: ['Each timed run is a batch of products lasting about 25 ms.'] };
}

export async function convRows(opts: { rounds: number; seed: number }): Promise<Measured> {
  const r = await benchConv(opts);
  const row: Row = {
    workload: r.label,
    metric: 'throughput, forward',
    unit: 'GFLOP/s',
    better: 'higher',
    ours: median(r.gflops.ours),
    oursTs: median(r.gflops.oursTs),
    tfCpu: median(r.gflops.cpu),
    tfWasm: median(r.gflops.wasm),
    runs: { ours: r.gflops.ours, oursTs: r.gflops.oursTs, tfCpu: r.gflops.cpu, tfWasm: r.gflops.wasm },
  };
  return {
    rows: [row],
    notes: ["Ours: im2col on the matmul kernels, float64; TF.js: float32, 'valid' padding, stride 1."],
  };
}

/** The lecture's next class on real MNIST: the MLP for an epoch (and its accuracy), Keras's convnet. */
export async function lecture4Rows(opts: { seed: number; quick: boolean }): Promise<Measured> {
  const mlp = await benchRealMnist(opts);
  const convnet = await benchConvnet(opts);
  const rows: Row[] = [];
  const mlpRow: Row = {
    workload: `MNIST MLP, real MNIST (${mlp.samples.toLocaleString('en')} images), one epoch`,
    metric: 'training',
    unit: 'samples/s',
    better: 'higher',
    ours: mlp.ours,
    tfCpu: mlp.tfCpu,
    tfWasm: mlp.tfWasm,
  };
  mlpRow.target = { text: '≥ 3x TF.js WASM', met: mlp.tfWasm !== undefined && mlp.ours >= 3 * mlp.tfWasm };
  rows.push(mlpRow);
  for (const run of mlp.accuracy ?? []) {
    // the mean over the seeds, for both engines: one seed's accuracy moves by a few tenths
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const ours = mean(run.ours);
    rows.push({
      workload: `MNIST MLP, real MNIST, after 5 epochs, adam at ${run.learningRate} (mean of ${run.ours.length} seeds)`,
      metric: 'test accuracy',
      unit: '%',
      better: 'higher',
      ours,
      tfWasm: mean(run.tfWasm),
      target: { text: '≥ 97.5%', met: ours >= 97.5 },
    });
  }
  const convRow: Row = {
    workload: "Keras's mnist_convnet, batch 128",
    metric: 'training',
    unit: 'samples/s',
    better: 'higher',
    ours: convnet.ours,
    tfCpu: convnet.tfCpu,
    tfWasm: convnet.tfWasm,
  };
  convRow.target =
    convnet.tfWasm === undefined
      ? { text: '≥ 1x TF.js WASM (WASM could not train it: notes)', met: false }
      : { text: '≥ 1x TF.js WASM', met: convnet.ours >= convnet.tfWasm };
  rows.push(convRow);
  // the whole bench process so far: every workload above ran in it
  const peakMb = process.resourceUsage().maxRSS / 1024;
  rows.push({
    workload: 'bench process (every workload so far)',
    metric: 'peak memory',
    unit: 'MB',
    better: 'lower',
    ours: peakMb,
  });
  return { rows, notes: [...mlp.notes, ...convnet.notes] };
}

export async function graderRows(opts: { reps: number; seed: number }): Promise<Measured> {
  // loaded only when measured: the grader's modules are not needed for the other workloads
  const { coldGrade, watchRegrades } = await import('./workloads/grader.js');
  const cold = [];
  const uncached = [];
  for (let i = 0; i < opts.reps; i++) {
    cold.push(await coldGrade());
    uncached.push(await coldGrade({ firstStart: true }));
  }
  const failed = [...cold, ...uncached].filter((c) => c.exitCode !== 0).length;
  const uncachedMs = uncached.map((c) => c.ms);
  const watch = await watchRegrades(opts.reps, opts.seed);
  const perExercise = new Map<string, number[]>();
  for (const w of watch) perExercise.set(w.id, [...(perExercise.get(w.id) ?? []), w.ms]);
  const slowest = [...perExercise].map(([id, ms]) => ({ id, ms: median(ms) })).sort((a, b) => b.ms - a.ms)[0];
  const mb = cold.map((c) => c.peakBytes / 2 ** 20);
  const coldMs = cold.map((c) => c.ms);
  const watchMs = watch.map((w) => w.ms);
  const rows: Row[] = [
    {
      workload: 'grader, 5 exercises, cold',
      metric: 'wall time',
      unit: 'ms',
      better: 'lower',
      ours: median(coldMs),
      runs: { ours: coldMs },
      target: { text: '< 4 s', met: median(coldMs) < 4000 },
    },
    {
      workload: 'grader, 5 exercises, cold, first start (bundle built)',
      metric: 'wall time',
      unit: 'ms',
      better: 'lower',
      ours: median(uncachedMs),
      runs: { ours: uncachedMs },
      target: { text: '< 4 s', met: median(uncachedMs) < 4000 },
    },
    {
      workload: 'grader, 5 exercises, cold',
      metric: 'peak memory, process tree',
      unit: 'MB',
      better: 'lower',
      ours: median(mb),
      runs: { ours: mb },
    },
    {
      workload: 'grader, watch regrade (lecture 3, all five)',
      metric: 'save to result',
      unit: 'ms',
      better: 'lower',
      ours: median(watchMs),
      runs: { ours: watchMs },
      target: { text: '< 0.5 s', met: median(watchMs) < 500 },
    },
  ];
  if (slowest) {
    rows.push({
      workload: `grader, watch regrade (slowest: ${slowest.id})`,
      metric: 'save to result',
      unit: 'ms',
      better: 'lower',
      ours: slowest.ms,
      target: { text: '< 0.5 s', met: slowest.ms < 500 },
    });
  }
  const bad = watch.filter((w) => w.score !== w.maxScore).length;
  const split = [...perExercise.keys()].map((id) => {
    const runs = watch.filter((w) => w.id === id);
    return `${id} ${Math.round(median(runs.map((w) => w.ms)))} ms (checks ${Math.round(median(runs.map((w) => w.checksMs)))} ms)`;
  });
  const notes = [
    `${opts.reps} cold runs of each kind${failed > 0 ? `, ${failed} exited non-zero` : ', all exit 0 (100%)'}.`,
    `${watch.length} watched regrades${bad > 0 ? `, ${bad} below full score` : ', all at full score'}.`,
    `Regrade medians per exercise, and the time its probes ran (summed${REGRADE_LANES > 1 ? ` over the ${REGRADE_LANES} sandbox children that run its checks side by side` : ', in the one sandbox child a regrade uses on this machine'}; engine work in the child; judging in the grader overlaps it; the rest is the ${DEFAULT_DEBOUNCE_MS} ms debounce, static checks, and loading the checks and the student's code into the waiting children): ${split.join('; ')}.`,
  ];
  return { rows, notes };
}

/**
 * How long one exercise takes to grade with its reference solution, end to end: a fresh
 * `pnpm grade <id> --solutions --ci` (the real grader: tsx, bundling, sandbox children, the judges;
 * for 06 also reading MNIST and its training checks), per exercise given. An exercise with a goal in
 * `EXERCISE_TARGETS_MS` is held to it (issue 16: 06-mnist under 15 s on the course's machine).
 */
export async function exerciseRows(opts: { reps: number; ids: readonly string[] }): Promise<Measured> {
  const { coldGrade } = await import('./workloads/grader.js');
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const id of opts.ids) {
    const runs = [];
    for (let i = 0; i < opts.reps; i++) runs.push(await coldGrade({ ids: [id] }));
    const failed = runs.filter((r) => r.exitCode !== 0).length;
    if (failed > 0) notes.push(`${id}: ${failed} of ${runs.length} gradings did not pass (exit code ≠ 0).`);
    const ms = runs.map((r) => r.ms);
    const goal = EXERCISE_TARGETS_MS[id];
    rows.push({
      workload: `grade ${id}, reference solution, cold`,
      metric: 'wall time',
      unit: 'ms',
      better: 'lower',
      ours: median(ms),
      runs: { ours: ms },
      ...(goal === undefined
        ? {}
        : { target: { text: `< ${goal / 1000} s`, met: median(ms) < goal && failed === 0 } }),
    });
  }
  return { rows, notes };
}

/** Each exercise's goal for a whole grading with its reference solution (issue 16). */
export const EXERCISE_TARGETS_MS: Readonly<Record<string, number>> = { '06-mnist': 15_000 };

/** Students in the class the projection is made for. */
export const PROJECTED_CLASS = 300;

/**
 * A generated class (`workloads/batch.ts`) graded with `--jobs 1` and `--jobs 2`: submissions per
 * minute, peak memory of the process tree, and the time a class of {@link PROJECTED_CLASS} would take
 * at each rate. Throws when the two gradebooks differ (the order and content must not depend on N).
 */
export async function batchRows(opts: { size: number; seed: number }): Promise<Measured> {
  const { makeClass, gradeClass } = await import('./workloads/batch.js');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'bench-class-'));
  try {
    const mix = await makeClass(dir, opts.size);
    const runs = [];
    for (const jobs of [1, 2]) runs.push(await gradeClass(dir, jobs, opts.seed));
    const [one, two] = runs as [(typeof runs)[0], (typeof runs)[0]];
    if (one.rows === '' || two.rows === '')
      throw new Error(
        `batch: no gradebook (exit codes ${one.exitCode}, ${two.exitCode}): ${one.stderr}${two.stderr}`,
      );
    if (one.rows !== two.rows) {
      // Name the submissions whose rows differ, and how: under heavy load a check near its time
      // limit can time out in one run and not the other, which is not the batch's order.
      const a = JSON.parse(one.rows) as { submission: string }[];
      const b = JSON.parse(two.rows) as { submission: string }[];
      const differ = a
        .map((row, i) => [JSON.stringify(row), JSON.stringify(b[i])] as const)
        .filter(([x, y]) => x !== y)
        .map(([x, y]) => `--jobs 1: ${x}\n--jobs 2: ${y}`);
      throw new Error(`batch: the gradebooks of --jobs 1 and --jobs 2 differ:\n${differ.join('\n')}`);
    }
    const rows: Row[] = runs.flatMap((run) => {
      const perMinute = opts.size / (run.ms / 60_000);
      return [
        {
          workload: `grader --batch, ${opts.size} submissions, --jobs ${run.jobs}`,
          metric: 'submissions per minute',
          unit: '/min',
          better: 'higher' as const,
          ours: perMinute,
        },
        {
          workload: `grader --batch, ${opts.size} submissions, --jobs ${run.jobs}`,
          metric: `${PROJECTED_CLASS} students, projected`,
          unit: 'min',
          better: 'lower' as const,
          ours: PROJECTED_CLASS / perMinute,
        },
        {
          workload: `grader --batch, ${opts.size} submissions, --jobs ${run.jobs}`,
          metric: 'peak memory, process tree',
          unit: 'MB',
          better: 'lower' as const,
          ours: run.peakBytes / 2 ** 20,
        },
      ];
    });
    const mixText = Object.entries(mix)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    const notes = [
      `Class: ${mixText}; --jobs 2 took ${(one.ms / two.ms).toFixed(2)}x less time than --jobs 1; same gradebook.`,
      `Exit codes ${one.exitCode}, ${two.exitCode}.`,
    ];
    return { rows, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
