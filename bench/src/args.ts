/** Command-line flags of `pnpm bench`. */
import { parseArgs as parseFlagsWith } from 'node:util';

/** The workloads, in the order they run. */
export const WORKLOADS = [
  'xor',
  'mnist',
  'matmul',
  'conv',
  'lecture4',
  'grader',
  'exercise',
  'batch',
] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface BenchArgs {
  only: Workload[];
  quick: boolean;
  /** Timed repetitions per measurement (the median is reported). */
  reps: number;
  /** Write RESULTS.md (default: only for a full run of every workload). */
  write: boolean;
  out: string;
  seed: number;
  /** The exercises the `exercise` workload grades, each on its own (default 06-mnist). */
  exercises: string[];
  help: boolean;
}

/** What the `exercise` workload grades when `--exercise` is not given. */
export const DEFAULT_EXERCISES = ['06-mnist', '07-cnn'];

export const USAGE = `pnpm bench [--only xor,mnist,matmul,conv,lecture4,grader,exercise,batch] [--quick] [--reps N] [--write | --no-write] [--out FILE] [--exercise ID,...]

  --only     run a subset of the workloads (comma-separated)
  --quick    fewer repetitions and smaller runs (XOR 200 epochs, MNIST 2,560 samples, real MNIST 10,000,
             a class of 12 submissions instead of 60): a smoke test
  --reps N   timed repetitions per measurement, median reported (default 5, quick 2)
  --write    write the results file even for a subset or quick run (default: full runs only)
  --out      the results file, from where you run pnpm bench (default bench/RESULTS.md)
  --seed N   seed for weights and data (default 42)
  --exercise the exercises the exercise workload grades end to end, each alone (default 06-mnist)`;

/** The flags, as `node:util`'s `parseArgs` takes them (Node 20 has no `--no-` negation: its own flag). */
const OPTIONS = {
  only: { type: 'string' },
  quick: { type: 'boolean' },
  reps: { type: 'string' },
  write: { type: 'boolean' },
  'no-write': { type: 'boolean' },
  out: { type: 'string' },
  seed: { type: 'string' },
  exercise: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `argv` (without node and the script); throws a RangeError on an unknown flag or workload. */
export function parseArgs(argv: readonly string[], defaultOut: string): BenchArgs {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    // a `--` (as `pnpm bench -- --quick` passes it) separates nothing here
    parsed = parseFlags(argv.filter((a) => a !== '--'));
  } catch (error) {
    throw new RangeError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, tokens } = parsed;
  const quick = values.quick ?? false;
  const only = values.only === undefined ? [...WORKLOADS] : values.only.split(',').map(workload);
  const reps = values.reps === undefined ? (quick ? 2 : 5) : positiveInt('--reps', values.reps);
  // the last of --write / --no-write wins; neither: only a full run writes
  const lastWrite = tokens
    .filter((t) => t.kind === 'option' && (t.name === 'write' || t.name === 'no-write'))
    .at(-1);
  const full = !quick && only.length === WORKLOADS.length;
  return {
    only,
    quick,
    reps,
    write: lastWrite === undefined ? full : lastWrite.kind === 'option' && lastWrite.name === 'write',
    out: values.out ?? defaultOut,
    seed: values.seed === undefined ? 42 : positiveInt('--seed', values.seed),
    exercises: values.exercise === undefined ? [...DEFAULT_EXERCISES] : exerciseIds(values.exercise),
    help: values.help ?? false,
  };
}

function parseFlags(args: string[]) {
  return parseFlagsWith({ args, options: OPTIONS, strict: true, allowPositionals: false, tokens: true });
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${flag} needs a positive integer, got ${text}`);
  return n;
}

/** `06-mnist,07-cnn` as ids; an empty one or one with other characters than an id's is refused. */
function exerciseIds(text: string): string[] {
  const ids = text.split(',').map((id) => id.trim());
  const bad = ids.find((id) => !/^[0-9][0-9a-z-]*$/.test(id));
  if (bad !== undefined) throw new RangeError(`--exercise needs exercise ids such as 06-mnist, got '${bad}'`);
  return ids;
}

function workload(name: string): Workload {
  const w = WORKLOADS.find((x) => x === name.trim());
  if (w === undefined) throw new RangeError(`unknown workload '${name}' (one of ${WORKLOADS.join(', ')})`);
  return w;
}
