/**
 * Workload 4: the grader. Cold: a fresh `pnpm grade <lecture 3's five> --solutions --ci`, wall time
 * and the peak memory of its whole process tree. Watch: what a student waits for after a save in
 * `pnpm grade --watch` or the UI — the watcher (`grader/src/core/watch.ts`, debounce included) sees the
 * save and the exercise is regraded in the already-running grader through the same API as watch mode
 * and the UI (`openRegrader`, `grader/src/core/regrade.ts`), with the pre-started sandbox children
 * (`grader/src/sandbox/warm.ts`) it keeps waiting.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { discover } from '../../../grader/src/core/discover.js';
import { openRegrader } from '../../../grader/src/core/regrade.js';
import { watchStudentFiles } from '../../../grader/src/core/watch.js';
import { sampleTreePeak } from './process-tree.js';

/** The repository root (bench/src/workloads -> ../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The exercises these latency rows are about: lecture 3's five (the targets of the issues that set
 * them: a cold run under 4 s, a regrade under 0.5 s). Lecture 4's exercises train networks on MNIST
 * for seconds by design; how long they take to grade is a workload of its own.
 */
export const LECTURE_3 = ['01-perceptron', '02-and-gate', '03-softmax', '04-mlp-xor', '05-optimizers'];

export interface ColdRun {
  ms: number;
  peakBytes: number;
  exitCode: number | null;
}

/**
 * One fresh `pnpm grade <ids> --solutions --ci` run: wall time, peak memory of the tree, exit code.
 * `firstStart`: as on a fresh checkout: the grader's bundle is built first (a cache folder of its
 * own, removed after), and tsx's on-disk cache is off too (the launcher's fallback would use it).
 * `ids`: the exercises graded (`pnpm grade 06-mnist ...`); default lecture 3's five ({@link LECTURE_3}).
 */
export function coldGrade(opts: { firstStart?: boolean; ids?: readonly string[] } = {}): Promise<ColdRun> {
  const cache = `bench-first-start-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const fresh = opts.firstStart ? { GRADSCHOOL_GRADER_CACHE: cache, TSX_DISABLE_CACHE: '1' } : {};
  return new Promise<ColdRun>((resolve, reject) => {
    const start = performance.now();
    const child = spawn('pnpm', ['grade', ...(opts.ids ?? LECTURE_3), '--solutions', '--ci'], {
      cwd: REPO_ROOT,
      env: { ...process.env, CI: '1', ...fresh },
      stdio: 'ignore',
    });
    const sampler = sampleTreePeak(child.pid!);
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      resolve({ ms: performance.now() - start, peakBytes: sampler.stop(), exitCode });
    });
  }).finally(() => {
    if (opts.firstStart)
      rmSync(path.join(REPO_ROOT, 'grader', 'node_modules', '.cache', cache), {
        recursive: true,
        force: true,
      });
  });
}

export interface WatchRun {
  id: string;
  /** Save to result, milliseconds (debounce included). */
  ms: number;
  /** Of which inside the checks themselves (the engine's work and the judging), summed. */
  checksMs: number;
  score: number;
  maxScore: number;
}

/** Quiet time before each save, as between a student's edits; the next warm child starts meanwhile. */
export const PAUSE_BEFORE_SAVE_MS = 1500;

/**
 * Saves a watched file and regrades once per exercise, `reps` rounds, after one full grading as
 * watch mode does first. As in `pnpm grade --watch` and the UI (`openRegrader`), pre-started sandbox
 * children wait for the next regrade, and a save comes `PAUSE_BEFORE_SAVE_MS` after the
 * previous result. The saved file is a scratch copy in a temporary folder (the real student files
 * belong to whoever edits them); the regrade is of the reference solution.
 */
export async function watchRegrades(reps: number, seed: number): Promise<WatchRun[]> {
  const exercises = (await discover(REPO_ROOT)).exercises.filter((ex) => LECTURE_3.includes(ex.id));
  const regrader = openRegrader({ root: REPO_ROOT, seed, lang: 'en', source: 'solution' });
  await regrader.gradeAll();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-watch-'));
  // one scratch file per exercise, `<id>.ts`, directly in the scratch folder
  const targets = exercises.map((ex) => ({ id: ex.id, dir: scratch, manifest: { files: [`${ex.id}.ts`] } }));
  for (const ex of exercises) writeFileSync(path.join(scratch, `${ex.id}.ts`), '');
  const byId = new Map(exercises.map((ex) => [ex.id, ex]));
  let pending: ((run: WatchRun) => void) | null = null;
  let savedAt = 0;
  const watcher = watchStudentFiles(targets, (id) => {
    // As watch mode and the UI regrade: the result is shown before the children finish exiting.
    void regrader.regrade(byId.get(id)!).then((result) => {
      const checksMs = result.checks.reduce((sum, c) => sum + c.durationMs, 0);
      pending?.({
        id,
        ms: performance.now() - savedAt,
        checksMs,
        score: result.score,
        maxScore: result.maxScore,
      });
    });
  });
  await watcher.ready;
  const runs: WatchRun[] = [];
  try {
    for (let r = 0; r < reps; r++) {
      for (const ex of exercises) {
        const done = new Promise<WatchRun>((resolve) => {
          pending = resolve;
        });
        await sleep(PAUSE_BEFORE_SAVE_MS);
        savedAt = performance.now();
        writeFileSync(path.join(scratch, `${ex.id}.ts`), `// save ${r}\n`);
        runs.push(await done);
      }
    }
  } finally {
    await watcher.close();
    regrader.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return runs;
}
