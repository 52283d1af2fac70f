/** Command-line flags of `pnpm bench`. */

/** The workloads, in the order they run. */
export const WORKLOADS = ['xor', 'mnist', 'matmul', 'grader'] as const;
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
  help: boolean;
}

export const USAGE = `pnpm bench [--only xor,mnist,matmul,grader] [--quick] [--reps N] [--write | --no-write] [--out FILE]

  --only     run a subset of the workloads (comma-separated)
  --quick    fewer repetitions and smaller runs (XOR 200 epochs, MNIST 2,560 samples): a smoke test
  --reps N   timed repetitions per measurement, median reported (default 5, quick 2)
  --write    write the results file even for a subset or quick run (default: full runs only)
  --out      the results file (default bench/RESULTS.md)
  --seed N   seed for weights and data (default 42)`;

/** Parses `argv` (without node and the script); throws a RangeError on an unknown flag or workload. */
export function parseArgs(argv: readonly string[], defaultOut: string): BenchArgs {
  const args: BenchArgs = {
    only: [...WORKLOADS],
    quick: false,
    reps: 0,
    write: false,
    out: defaultOut,
    seed: 42,
    help: false,
  };
  let writeFlag: boolean | null = null;
  const rest = [...argv];
  const value = (flag: string): string => {
    const v = rest.shift();
    if (v === undefined) throw new RangeError(`${flag} needs a value`);
    return v;
  };
  while (rest.length > 0) {
    const raw = rest.shift()!;
    const [flag, inline] = raw.includes('=')
      ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
      : [raw, undefined];
    const take = () => inline ?? value(flag!);
    if (flag === '--') continue;
    else if (flag === '--quick') args.quick = true;
    else if (flag === '--write') writeFlag = true;
    else if (flag === '--no-write') writeFlag = false;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--reps') args.reps = positiveInt(flag, take());
    else if (flag === '--seed') args.seed = positiveInt(flag, take());
    else if (flag === '--out') args.out = take();
    else if (flag === '--only') args.only = take().split(',').map(workload);
    else throw new RangeError(`unknown flag ${raw}\n\n${USAGE}`);
  }
  if (args.reps === 0) args.reps = args.quick ? 2 : 5;
  const full = !args.quick && args.only.length === WORKLOADS.length;
  args.write = writeFlag ?? full;
  return args;
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${flag} needs a positive integer, got ${text}`);
  return n;
}

function workload(name: string): Workload {
  const w = WORKLOADS.find((x) => x === name.trim());
  if (w === undefined) throw new RangeError(`unknown workload '${name}' (one of ${WORKLOADS.join(', ')})`);
  return w;
}
