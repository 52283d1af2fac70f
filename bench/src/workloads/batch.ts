/**
 * Workload `batch`: a class graded at once, `pnpm grade --batch DIR --jobs N`. The class is made from
 * the course itself, in a mix like a real one's (per twenty students: 7 correct, 4 partly done, 4 with
 * one of the course's own mutants applied, 2 with a syntax error, 1 who handed in the starter, 1 empty
 * folder, 1 whose file loops at load until the grader's 30 s limit), and graded with 1 and with 2
 * submissions at a time: submissions per minute and the peak memory of the whole process tree. The
 * two gradebooks must be the same, or the run fails.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { discover } from '../../../grader/src/core/discover.js';
import { applyMutant, mutantPatches, parseMutantPatch } from '../../../grader/src/dev/mutant-patch.js';
import { LECTURE_3, REPO_ROOT } from './grader.js';
import { sampleTreePeak } from './process-tree.js';

/** What a submission of the class is. */
export type SubmissionKind = 'correct' | 'partial' | 'mutant' | 'syntax' | 'starter' | 'empty' | 'hangs';

/** Twenty students, in the order the kinds repeat (see the top of this file). */
const MIX: readonly SubmissionKind[] = [
  'correct',
  'partial',
  'mutant',
  'correct',
  'syntax',
  'correct',
  'partial',
  'mutant',
  'starter',
  'correct',
  'empty',
  'partial',
  'mutant',
  'correct',
  'hangs',
  'correct',
  'partial',
  'mutant',
  'syntax',
  'correct',
];

interface CourseExercise {
  id: string;
  dir: string;
  files: string[];
}

/** The reference solution's text of an exercise's student file. */
const solutionOf = (ex: CourseExercise, file: string) =>
  readFileSync(path.join(ex.dir, 'solution', path.basename(file)), 'utf8');

/** The `n`-th of the course's mutants of `ex`, applied to its solution: the files it changes. */
function mutated(ex: CourseExercise, n: number): Map<string, string> | undefined {
  const patches = mutantPatches(ex.dir);
  if (patches.length === 0) return undefined;
  const parsed = parseMutantPatch(readFileSync(patches[n % patches.length]!, 'utf8'));
  if (!('mutant' in parsed)) return undefined;
  const applied = applyMutant(parsed.mutant, path.join(ex.dir, 'solution'), ex.id);
  return 'files' in applied ? applied.files : undefined;
}

/**
 * Writes a class of `size` submissions into `dir` (`s001-correct`, `s002-partial`, ...): the same
 * class for the same size, so runs compare. Returns how many of each kind.
 */
export async function makeClass(dir: string, size: number): Promise<Record<SubmissionKind, number>> {
  const { exercises: found } = await discover(REPO_ROOT);
  // Lecture 3's five exercises, as the grader's latency rows (lecture 4's train for tens of seconds
  // a grading: a class of them is a different measurement, left for a run of its own).
  const exercises: CourseExercise[] = found
    .filter((e) => LECTURE_3.includes(e.id))
    .map((e) => ({ id: e.id, dir: e.dir, files: e.manifest.files }));
  const counts = { correct: 0, partial: 0, mutant: 0, syntax: 0, starter: 0, empty: 0, hangs: 0 };
  for (let i = 0; i < size; i++) {
    const kind = MIX[i % MIX.length]!;
    counts[kind] += 1;
    const folder = path.join(dir, `s${String(i + 1).padStart(3, '0')}-${kind}`);
    mkdirSync(folder, { recursive: true });
    // Which exercise a partial, mutant, syntax or hanging submission differs in: it varies with i.
    const odd = exercises[i % exercises.length]!;
    exercises.forEach((ex, e) => {
      for (const file of ex.files) {
        let text: string | undefined = solutionOf(ex, file);
        if (kind === 'empty') text = undefined;
        else if (kind === 'starter') text = readFileSync(path.join(ex.dir, file), 'utf8');
        else if (kind === 'partial' && e > i % exercises.length) text = undefined;
        else if (ex === odd && kind === 'mutant') text = mutated(ex, i)?.get(path.basename(file)) ?? text;
        else if (ex === odd && kind === 'syntax') text = `${text}\nexport function broken( {\n`;
        else if (ex === odd && kind === 'hangs') text = `for (;;) {}\n${text}`;
        if (text === undefined) continue;
        const target = path.join(folder, 'exercises', ex.id, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
    });
  }
  return counts;
}

export interface BatchRun {
  jobs: number;
  ms: number;
  peakBytes: number;
  exitCode: number | null;
  /** The gradebook's rows as JSON, to compare runs. */
  rows: string;
  /** The end of what the grader wrote on stderr (why it failed, if it did). */
  stderr: string;
}

/** `pnpm grade --batch <class> --jobs <jobs> --ci` on a fresh copy of the class: time, memory, gradebook. */
export function gradeClass(classDir: string, jobs: number, seed: number): Promise<BatchRun> {
  const copy = mkdtempSync(path.join(os.tmpdir(), `bench-class-${jobs}-`));
  cpSync(classDir, copy, { recursive: true });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      'pnpm',
      [
        'grade',
        ...LECTURE_3,
        '--batch',
        copy,
        '--jobs',
        String(jobs),
        '--ci',
        '--seed',
        String(seed),
        '--lang',
        'en',
      ],
      { cwd: REPO_ROOT, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = `${stderr}${chunk}`.slice(-2000)));
    const sampler = sampleTreePeak(child.pid!);
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      const ms = performance.now() - start;
      const peakBytes = sampler.stop();
      let rows = '';
      try {
        rows = JSON.stringify(JSON.parse(readFileSync(path.join(copy, 'gradebook.json'), 'utf8')).rows);
      } catch {
        // no gradebook: the exit code says why
      }
      rmSync(copy, { recursive: true, force: true });
      resolve({ jobs, ms, peakBytes, exitCode, rows, stderr });
    });
  });
}
