/**
 * How long a regrade takes after a save, as a student feels it: the real CLI in watch mode
 * (`pnpm grade --watch`, plain output) on a copy of one exercise with its reference solution in
 * place of the student's file; the file is saved several times and each time the clock runs from
 * the write to the regrade's printed total (the watcher's debounce included).
 *
 *     node --conditions=source --import tsx grader/src/dev/regrade-latency.ts [exercise-id] [saves]
 *
 * Prints one line per save and the median. Not part of the test suite: timings vary by machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
/** `pnpm grade`'s launcher (the grader from its bundle), as students start it. */
const CLI = path.join(REPO, 'grader', 'bin', 'grade.js');

/** A temporary course with exercise `id` alone, its solution copied over the student's file. */
function courseWith(id: string): { root: string; studentFile: string } {
  const source = path.join(REPO, 'exercises', id);
  const root = mkdtempSync(path.join(tmpdir(), 'regrade-latency-'));
  const dir = path.join(root, 'exercises', id);
  cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}node_modules`) });
  symlinkSync(path.join(source, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'exercise.json'), 'utf8')) as { files: string[] };
  const file = manifest.files[0]!;
  const studentFile = path.join(dir, file);
  cpSync(path.join(dir, 'solution', path.basename(file)), studentFile);
  return { root, studentFile };
}

/** Resolves when the child's stdout, from now on, contains `pattern`. */
function nextOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (pattern.test(seen)) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before ${pattern}`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const id = process.argv[2] ?? '03-softmax';
  const saves = Number(process.argv[3] ?? 7);
  const { root, studentFile } = courseWith(id);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CI;
  const child = spawn(process.execPath, [CLI, '--watch', '--lang', 'en', '--root', root, id], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const started = performance.now();
    await nextOutput(child, /Watching:/);
    console.log(`first grading and watcher ready: ${Math.round(performance.now() - started)} ms`);
    const original = readFileSync(studentFile, 'utf8');
    const times: number[] = [];
    for (let i = 1; i <= saves; i++) {
      // A pause between saves, as between a student's edits (and so a warm child can get ready).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const done = nextOutput(child, /Total: .*\n/);
      const t0 = performance.now();
      writeFileSync(studentFile, `${original}\n// save ${i}\n`);
      await done;
      times.push(Math.round(performance.now() - t0));
      console.log(`save ${i}: ${times.at(-1)} ms`);
    }
    console.log(`median save -> result: ${median(times)} ms (${id}, ${saves} saves)`);
  } finally {
    child.kill('SIGINT');
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
