/**
 * `pnpm bench`: our engine against TensorFlow.js (CPU and WASM backends) and the grader's latency,
 * in one run; prints the table and writes `bench/RESULTS.md`. See `pnpm bench --help`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE } from './args.js';
import { describeMachine, loadAverage } from './machine.js';
import { renderResults, renderTable } from './report.js';
import type { Row } from './rows.js';
import { wasmFeatures } from './tf-backends.js';
import {
  batchRows,
  convRows,
  exerciseRows,
  graderRows,
  lecture4Rows,
  matmulRows,
  mnistRows,
  xorRows,
} from './to-rows.js';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), path.join(benchDir, 'RESULTS.md'));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const conditions: string[] = [];
  const rows: Row[] = [];
  const step = async (name: string, run: () => Promise<{ rows: Row[]; notes: string[] }>) => {
    const before = loadAverage();
    process.stderr.write(`bench: ${name} (load ${before}) ...\n`);
    let result: { rows: Row[]; notes: string[] };
    try {
      result = await run();
    } catch (error) {
      // One workload that cannot finish (a batch voided by a change to the grader's files) must not
      // lose the rows of the others: it becomes a note under "Conditions", the run goes on.
      const reason = (error as Error).message.split('\n').slice(0, 5).join(' / ').slice(0, 1200);
      result = { rows: [], notes: [`**This workload did not finish**: ${reason}`] };
      process.stderr.write(`bench: ${name} failed: ${reason}\n`);
    }
    rows.push(...result.rows);
    conditions.push(
      `${name}: 1-min load average ${before} before, ${loadAverage()} after. ${result.notes.join(' ')}`.trim(),
    );
    process.stderr.write(`${renderTable(result.rows)}\n\n`);
  };
  const { reps, quick, seed } = args;
  if (args.only.includes('xor'))
    await step('XOR', () => xorRows({ rounds: reps, seed, epochs: quick ? 200 : 1000 }));
  if (args.only.includes('mnist')) {
    const samples = quick ? 2560 : 10_000;
    await step('MNIST MLP', () => mnistRows({ rounds: reps, seed, samples, denseToo: !quick }));
  }
  if (args.only.includes('matmul'))
    await step('matmul', () => matmulRows({ rounds: reps, seed, sizes: [64, 256, 512] }));
  if (args.only.includes('conv')) await step('conv2d', () => convRows({ rounds: reps, seed }));
  if (args.only.includes('lecture4'))
    await step('lecture 4 (real MNIST)', () => lecture4Rows({ seed, quick }));
  if (args.only.includes('grader')) await step('grader', () => graderRows({ reps: quick ? 1 : 3, seed }));
  if (args.only.includes('exercise'))
    await step('one exercise graded', () => exerciseRows({ reps, ids: args.exercises }));
  if (args.only.includes('batch'))
    await step('grading a class (--batch)', () => batchRows({ size: quick ? 12 : 60, seed }));
  if (args.only.some((w) => w !== 'grader' && w !== 'exercise' && w !== 'batch'))
    conditions.push(`TF.js WASM backend: ${wasmFeatures()}.`);

  const markdown = renderResults(rows, {
    machine: describeMachine(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ['pnpm bench', ...process.argv.slice(2)].join(' '),
    reps,
    quick,
    conditions,
  });
  if (args.write) {
    // A relative --out is from where `pnpm bench` was typed (pnpm runs the script in bench/).
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
    writeFileSync(out, markdown);
    process.stderr.write(`bench: wrote ${out}\n`);
  }
  console.log(renderTable(rows));
}

main().then(
  () => process.exit(0), // TF.js keeps handles open; the run is over
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
